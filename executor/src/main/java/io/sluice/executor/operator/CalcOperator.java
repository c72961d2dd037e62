package io.sluice.executor.operator;

import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.plan.expr.RowProgram;
import java.util.Objects;

/** Filter and project with a generated program. Stateless and linear. */
public final class CalcOperator implements Operator {
  private final RowProgram program;
  private OperatorContext context;
  private Object dataContext;

  public CalcOperator(RowProgram program) {
    this.program = Objects.requireNonNull(program, "program");
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    this.dataContext = context.dataContext();
  }

  @Override
  public void onChunk(int input, Chunk chunk) {
    ChunkBuilder out = new ChunkBuilder(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      Object[] row = program.apply(dataContext, chunk.row(i));
      if (row != null) {
        out.add(row, chunk.weight(i));
      }
    }
    if (!out.isEmpty()) {
      context.output().emit(out.build());
    }
  }
}
