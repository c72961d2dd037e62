package io.sluice.slt.script;

/**
 * Double dispatch over the kinds of {@link Record}, so code that handles records (running them,
 * and later rewriting them for incremental mode) gets a compile error when a kind is added.
 *
 * @param <R> what each visit returns
 */
public interface RecordVisitor<R> {

  R visitStatement(StatementRecord statement);

  R visitQuery(QueryRecord query);

  R visitHashThreshold(HashThresholdRecord hashThreshold);

  R visitHalt(HaltRecord halt);

  R visitDirective(DirectiveRecord directive);

  R visitMalformed(MalformedRecord malformed);
}
