package io.sluice.parser;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's {@code expr::type} as the generated parser meets it (see {@code
 * src/main/codegen}): a binary operator that binds tighter than any other, so {@code -1::text}
 * casts before it negates and {@code a + b::int} casts b alone, as in PostgreSQL. The call it
 * builds is the standard CAST, so nothing after the parser ever sees {@code ::}.
 */
public final class PostfixCast extends SqlBinaryOperator {
  /** The one instance the grammar uses. */
  public static final PostfixCast OPERATOR = new PostfixCast();

  private PostfixCast() {
    super("::", SqlKind.CAST, 94, true, null, InferTypes.FIRST_KNOWN, null);
  }

  @Override
  public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
      @Nullable SqlNode... operands) {
    return SqlStdOperatorTable.CAST.createCall(pos, operands);
  }
}
