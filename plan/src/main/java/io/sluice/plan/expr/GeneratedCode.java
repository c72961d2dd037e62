package io.sluice.plan.expr;

import java.util.Objects;

/**
 * The Java source of one class that implements {@link #interfaceType()}.
 *
 * @param className the simple name of the class in the source (it has no package)
 * @param source the complete compilation unit
 * @param interfaceType the interface the class implements
 * @param description the SQL it was generated from, for EXPLAIN
 */
public record GeneratedCode(String className, String source, Class<?> interfaceType,
    String description) {
  public GeneratedCode {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(interfaceType, "interfaceType");
  }
}
