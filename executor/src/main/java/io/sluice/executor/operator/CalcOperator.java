package io.sluice.executor.operator;

import io.sluice.common.error.SluiceException;
import io.sluice.executor.RuntimeErrors;
import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.plan.expr.RowProgram;
import java.util.Objects;

/**
 * Filter and project with a generated program. Stateless and linear.
 *
 * <p>In a materialized view a row whose expressions raise a data error is left out and its
 * error goes to the view's {@link DataErrors}, with the row's weight; elsewhere (ad-hoc
 * queries) the error ends the statement.
 */
public final class CalcOperator implements Operator {
  private final RowProgram program;
  private final DataErrors errors;
  private OperatorContext context;
  private Object dataContext;

  public CalcOperator(RowProgram program) {
    this(program, null);
  }

  /** @param errors where data errors go; null to throw them */
  public CalcOperator(RowProgram program, DataErrors errors) {
    this.program = Objects.requireNonNull(program, "program");
    this.errors = errors;
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
      Object[] row;
      if (errors == null) {
        row = program.apply(dataContext, chunk.row(i));
      } else {
        try {
          row = program.apply(dataContext, chunk.row(i));
        } catch (RuntimeException e) {
          SluiceException error = RuntimeErrors.translate(e);
          if (!DataErrors.isDataError(error)) {
            throw e;
          }
          errors.add(error, chunk.weight(i));
          continue;
        }
      }
      if (row != null) {
        out.add(row, chunk.weight(i));
      }
    }
    if (!out.isEmpty()) {
      context.output().emit(out.build());
    }
  }
}
