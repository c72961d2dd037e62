package io.sluice.planner.calcite;

import com.google.common.collect.ImmutableList;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdPredicates;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;

/**
 * The metadata the planner's rules see: Calcite's defaults, except where they fail.
 *
 * <p>Calcite 1.42 pulls a search argument up from each column of a multi-row VALUES, and
 * building it throws {@code IllegalArgumentException} when the column's literals have types
 * other than the column's ({@code VALUES (NULL), (-0.5)} into a DOUBLE column, or {@code
 * (3000000000), (0)}). An INSERT of such rows must not fail for that: a VALUES whose predicates
 * cannot be built contributes none, and the plan is only less simplified.
 *
 * <p>It also refuses, with an {@code AssertionError}, a pulled-up predicate that compares with a
 * NULL literal, which a filter condition as converted from SQL can hold before any
 * simplification ({@code WHERE NOT - col2 * CAST(NULL AS INTEGER) <= col0}, asked for by the
 * field trimmer under a DISTINCT): such a filter contributes no predicates of its own,
 * only its input's. Predicates are facts true of every row, so fewer of them are still true.
 */
public final class SluiceMetadata {
  private SluiceMetadata() {}

  private static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(
      ImmutableList.of(
          ReflectiveRelMetadataProvider.reflectiveSource(new TolerantPredicates(),
              BuiltInMetadata.Predicates.Handler.class),
          DefaultRelMetadataProvider.INSTANCE));

  private static final JaninoRelMetadataProvider HANDLERS = JaninoRelMetadataProvider.of(PROVIDER);

  /** Makes a cluster's rules use this metadata. */
  public static void install(RelOptCluster cluster) {
    cluster.setMetadataProvider(PROVIDER);
    cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(HANDLERS));
  }

  /**
   * Calcite's predicates, with none for a VALUES whose predicates cannot be built, and only its
   * input's for a filter whose own ones Calcite refuses.
   */
  public static final class TolerantPredicates extends RelMdPredicates {
    @Override
    public RelOptPredicateList getPredicates(Filter filter, RelMetadataQuery mq) {
      try {
        return super.getPredicates(filter, mq);
      } catch (AssertionError e) {
        return mq.getPulledUpPredicates(filter.getInput());
      }
    }

    @Override
    public RelOptPredicateList getPredicates(Values values, RelMetadataQuery mq) {
      try {
        return super.getPredicates(values, mq);
      } catch (IllegalArgumentException | AssertionError e) {
        return RelOptPredicateList.EMPTY;
      }
    }
  }
}
