package io.sluice.slt.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MD5 digest SQLite's runner takes of a result: every value, in sorted order, followed by a
 * newline; and the line {@code N values hashing to <md5>} that stands for a result with more
 * values than the hash threshold.
 */
public final class ResultHash {
  private static final Pattern HASH_LINE =
      Pattern.compile("^(\\d+) values hashing to ([0-9a-f]{32})$");

  private ResultHash() {}

  /** The lower-case hex MD5 of the values, each followed by a newline. */
  public static String md5(List<String> values) {
    MessageDigest digest;
    try {
      // MD5 because the corpus's expected results are MD5 digests, not for security.
      digest = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides MD5", e);
    }
    for (String value : values) {
      digest.update(value.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The line that stands for {@code count} values with the given digest in a test file. */
  public static String hashLine(int count, String digest) {
    return count + " values hashing to " + digest;
  }

  /**
   * The digest a test file gives as expected output: the hash of a {@code N values hashing to}
   * line, or the digest of the listed values.
   */
  public static String digestOfExpected(List<String> expectedLines) {
    if (expectedLines.size() == 1) {
      Matcher m = HASH_LINE.matcher(expectedLines.get(0));
      if (m.matches()) {
        return m.group(2);
      }
    }
    return md5(expectedLines);
  }
}
