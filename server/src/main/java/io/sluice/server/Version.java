package io.sluice.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Sluice's version, from the build. */
public final class Version {
  /** The version, such as {@code 0.1.0-SNAPSHOT}. */
  public static final String VERSION = load();

  private Version() {}

  private static String load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  /** The major version number. */
  public static int major() {
    return part(0);
  }

  /** The minor version number. */
  public static int minor() {
    return part(1);
  }

  private static int part(int i) {
    String[] parts = VERSION.split("[.-]");
    try {
      return parts.length > i ? Integer.parseInt(parts[i]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
