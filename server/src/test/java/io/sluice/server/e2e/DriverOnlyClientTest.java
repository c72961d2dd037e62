package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the driver jar alone is enough for an application: {@link DriverOnlyClient}
 * runs in a new JVM whose class path is exactly the Sluice driver jar plus a directory holding
 * only that one compiled class, loads 100,000 rows in batches into a running server, and finds
 * every join, grouping and ordering answer it computed itself.
 */
@ExtendWith(SharedServer.class)
class DriverOnlyClientTest {

  @Test
  void aProgramWithOnlyTheDriverJarLoadsAndQueries100kRows(ServerProcess server,
      @TempDir Path dir) throws Exception {
    // The self-contained jar the jdbc-driver module builds (the build packages it before the
    // server module's tests run).
    Path driverJar = Path.of("..", "jdbc-driver", "target",
        "sluice-jdbc-" + io.sluice.server.Version.VERSION + ".jar").toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(driverJar),
        "the self-contained driver jar should exist: " + driverJar);

    // Copy the client's class files, and nothing else, into a directory of their own.
    String name = DriverOnlyClient.class.getName();
    Path compiled = Path.of(DriverOnlyClient.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    Path packageDir = compiled.resolve(name.substring(0, name.lastIndexOf('.'))
        .replace('.', File.separatorChar));
    Path classes = dir.resolve("classes");
    Path target = classes.resolve(compiled.relativize(packageDir));
    Files.createDirectories(target);
    String simple = DriverOnlyClient.class.getSimpleName();
    try (Stream<Path> files = Files.list(packageDir)) {
      for (Path f : files.toList()) {
        String file = f.getFileName().toString();
        if (file.equals(simple + ".class") || file.startsWith(simple + "$")) {
          Files.copy(f, target.resolve(file));
        }
      }
    }
    try (Stream<Path> copied = Files.walk(classes)) {
      assertEquals(List.of(target.resolve(simple + ".class")),
          copied.filter(Files::isRegularFile).toList(), "only the client's own class");
    }

    String classPath = driverJar + File.pathSeparator + classes;
    try (JavaProcess client = JavaProcess.start(classPath, dir, name, List.of(server.url()))) {
      int code = client.awaitExit(Duration.ofSeconds(150));
      assertEquals(0, code, "the driver-only client reported problems:\n" + client.log());
      assertTrue(client.stdout().contains("ALL CHECKS PASSED"), client.log());
    }
  }
}
