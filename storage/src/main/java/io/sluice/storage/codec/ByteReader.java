package io.sluice.storage.codec;

/** Reads what a {@link ByteWriter} wrote, from a position in an array. */
public final class ByteReader {
  private final byte[] buf;
  private int pos;
  private final int end;

  public ByteReader(byte[] buf) {
    this(buf, 0, buf.length);
  }

  public ByteReader(byte[] buf, int offset, int length) {
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
  }

  public int position() {
    return pos;
  }

  public boolean hasRemaining() {
    return pos < end;
  }

  private void need(int n) {
    if (pos + n > end) {
      throw new IllegalStateException("encoded row is truncated at byte " + pos);
    }
  }

  public int read() {
    need(1);
    return buf[pos++] & 0xFF;
  }

  /** Reads a byte and flips its bits when {@code invert}. */
  public int read(boolean invert) {
    int b = read();
    return invert ? (~b) & 0xFF : b;
  }

  public int readShort() {
    need(2);
    int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  public int readInt() {
    need(4);
    int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16)
        | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
    pos += 4;
    return v;
  }

  public long readLong() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos + i] & 0xFF);
    }
    pos += 8;
    return v;
  }

  /** Reads {@code n} bytes into a new array. */
  public byte[] readBytes(int n) {
    need(n);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  public int readVarInt() {
    int v = 0;
    int shift = 0;
    while (true) {
      int b = read();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
      if (shift > 28) {
        throw new IllegalStateException("variable-length integer is too long");
      }
    }
  }

  /** The backing array. */
  byte[] array() {
    return buf;
  }

  /** Moves the position forward. */
  public void skip(int n) {
    need(n);
    pos += n;
  }
}
