package io.sluice.slt.corpus;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns command-line paths into test files. A path that exists on disk is used as it is (a
 * folder means every {@code .test} and {@code .slt} file below it); any other path is looked up
 * in the corpus on the classpath. Files of a folder come in name order so runs are repeatable.
 */
public final class TestFileResolver {
  /** Where the corpus jar keeps SQLite's test files. */
  static final String CORPUS_ROOT = "test";

  private final ClassLoader classLoader;

  /** A resolver that finds the corpus through the given class loader. */
  public TestFileResolver(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  /** A resolver that finds the corpus on this class's class path. */
  public TestFileResolver() {
    this(TestFileResolver.class.getClassLoader());
  }

  /**
   * The test files a command-line path names.
   *
   * @throws IOException if the path is neither on disk nor in the corpus, or cannot be read
   */
  public List<TestFile> resolve(String argument) throws IOException {
    Path onDisk = Path.of(argument);
    if (Files.exists(onDisk)) {
      return collect(onDisk, onDisk.getParent() == null ? Path.of("") : onDisk.getParent(),
          false);
    }
    Path corpusRoot = corpusRoot();
    String relative = argument.startsWith(CORPUS_ROOT + "/")
        ? argument.substring(CORPUS_ROOT.length() + 1) : argument;
    Path inCorpus = corpusRoot.resolve(stripSlashes(relative));
    if (relative.isEmpty() || !Files.exists(inCorpus)) {
      throw new IOException(argument + ": no such file or folder, on disk or in the corpus");
    }
    return collect(inCorpus, corpusRoot, true);
  }

  private static String stripSlashes(String path) {
    String p = path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static List<TestFile> collect(Path start, Path base, boolean corpus)
      throws IOException {
    List<Path> paths = new ArrayList<>();
    if (Files.isDirectory(start)) {
      try (Stream<Path> walk = Files.walk(start)) {
        walk.filter(Files::isRegularFile).filter(TestFileResolver::isTestFile)
            .forEach(paths::add);
      }
      // Path order compares names component by component: a folder's files stay together.
      paths.sort(null);
    } else {
      paths.add(start);
    }
    List<TestFile> files = new ArrayList<>(paths.size());
    for (Path path : paths) {
      String name = corpus ? base.relativize(path).toString() : path.toString();
      Path parent = corpus ? base.relativize(path).getParent() : path.getParent();
      String folder = parent == null ? "." : parent.toString();
      files.add(new TestFile(name, folder, path));
    }
    return files;
  }

  private static boolean isTestFile(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".test") || name.endsWith(".slt");
  }

  /** The corpus's {@code test} folder, inside its jar (or on disk when unpacked). */
  private Path corpusRoot() throws IOException {
    URL url = classLoader.getResource(CORPUS_ROOT + "/select1.test");
    if (url == null) {
      throw new IOException("SQLite's corpus (net.hydromatic:sql-logic-test) is not on the"
          + " class path");
    }
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException("cannot read the corpus at " + url, e);
    }
    return pathOf(uri).getParent();
  }

  private static Path pathOf(URI uri) throws IOException {
    if (!"jar".equals(uri.getScheme())) {
      return Path.of(uri);
    }
    // The jar's file system stays open for the life of the JVM: test files are read from it
    // by many threads, and it is shared by every resolver.
    synchronized (TestFileResolver.class) {
      FileSystem jar;
      try {
        jar = FileSystems.newFileSystem(uri, Map.of());
      } catch (FileSystemAlreadyExistsException e) {
        jar = FileSystems.getFileSystem(uri);
      }
      String spec = uri.getSchemeSpecificPart();
      return jar.getPath(spec.substring(spec.indexOf("!/") + 1));
    }
  }
}
