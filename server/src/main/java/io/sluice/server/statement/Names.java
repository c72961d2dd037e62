package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.parser.ast.QualifiedName;
import io.sluice.plan.catalog.CatalogReader;

/** Resolving object names to a schema and a name. */
final class Names {
  private Names() {}

  /** The schema of a name: its first part, or the default schema. */
  static String schema(QualifiedName name) {
    if (name.parts().size() > 2) {
      throw new SluiceException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
          "improper qualified name (too many dotted names): " + name);
    }
    return name.parts().size() == 2 ? name.parts().get(0) : CatalogReader.DEFAULT_SCHEMA;
  }

  /** The schema of a name that DDL creates or drops: only the default schema is writable. */
  static String writableSchema(QualifiedName name) {
    String schema = schema(name);
    if (!schema.equals(CatalogReader.DEFAULT_SCHEMA)) {
      throw new SluiceException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
          "objects can only be created in and dropped from schema "
              + CatalogReader.DEFAULT_SCHEMA + ", not " + schema);
    }
    return schema;
  }
}
