package io.sluice.slt.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFileResolverTest {
  private final TestFileResolver resolver = new TestFileResolver();

  @Test
  void corpusFileIsFoundInTheJar() throws IOException {
    List<TestFile> files = resolver.resolve("select1.test");
    assertEquals(1, files.size());
    TestFile file = files.get(0);
    assertEquals("select1.test", file.name());
    assertEquals(".", file.folder());
    assertTrue(file.read().startsWith("statement ok\nCREATE TABLE t1("));
    assertEquals("select1.test", resolver.resolve("test/select1.test").get(0).name());
  }

  @Test
  void corpusFolderGivesItsTestFilesInNameOrder() throws IOException {
    List<TestFile> files = resolver.resolve("evidence/");
    List<String> names = files.stream().map(TestFile::name).toList();
    assertTrue(names.contains("evidence/in1.test"), names.toString());
    assertEquals(names.stream().sorted().toList(), names);
    files.forEach(f -> assertEquals("evidence", f.folder()));
  }

  @Test
  void pathsOnDiskWinAndFoldersAreWalked(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("b.test"), "halt\n");
    Files.writeString(dir.resolve("sub/a.slt"), "halt\n");
    Files.writeString(dir.resolve("notes.txt"), "not a test\n");
    List<TestFile> files = resolver.resolve(dir.toString());
    assertEquals(List.of(dir.resolve("b.test").toString(), dir.resolve("sub/a.slt").toString()),
        files.stream().map(TestFile::name).toList());
    assertEquals(dir.resolve("sub").toString(), files.get(1).folder());
  }

  @Test
  void unknownPathsAreAnError() {
    assertThrows(IOException.class, () -> resolver.resolve("no/such/thing.test"));
  }
}
