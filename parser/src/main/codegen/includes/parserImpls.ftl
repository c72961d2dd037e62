<#--
  Sluice's productions for the Calcite grammar template (see ../config.fmpp).
-->

/**
 * The type half of {@code expr::type}. It joins the operator list of an expression as a binary
 * operator of the highest precedence, so {@code -1::text} casts 1 before negating it and
 * {@code a + b::int} casts b only, as in PostgreSQL. The operator builds a standard
 * CAST call (io.sluice.parser.PostfixCast).
 */
void PostfixCastType(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec type;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
    }
    type = DataType() {
        list.add(new SqlParserUtil.ToTreeListItem(PostfixCast.OPERATOR, s.pos()));
        list.add(type);
    }
}
