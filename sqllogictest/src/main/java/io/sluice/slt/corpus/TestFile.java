package io.sluice.slt.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test file to run.
 *
 * @param name how reports call it: its path inside the corpus, or the path given on disk
 * @param folder the folder whose totals it adds to ({@code .} for the top level)
 * @param path where to read it (a path in the jar's file system for corpus files)
 */
public record TestFile(String name, String folder, Path path) {

  /** The file's text. The corpus is ASCII; other files are read as UTF-8. */
  public String read() throws IOException {
    return Files.readString(path, StandardCharsets.UTF_8);
  }
}
