package io.sluice.parser.ast;

/** A parsed statement. */
public sealed interface Statement
    permits CreateTable, DropTable, CreateIndex, DropIndex, CreateView, DropView, Show, Describe,
        Checkpoint, ExportCheckpoint, AlterSystem, SetOption, ResetOption, Explain, Query {
  /** The statement text as given. */
  String sql();
}
