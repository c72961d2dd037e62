package io.sluice.storage.codec;

import java.util.Arrays;

/** A growable byte buffer for encoders. Not thread-safe; reuse with {@link #reset()}. */
public final class ByteWriter {
  private byte[] buf;
  private int len;

  public ByteWriter() {
    this(64);
  }

  public ByteWriter(int capacity) {
    buf = new byte[Math.max(capacity, 8)];
  }

  /** Forgets the content, keeping the buffer. */
  public ByteWriter reset() {
    len = 0;
    return this;
  }

  /** The number of bytes written. */
  public int length() {
    return len;
  }

  /** Truncates to the given length. */
  public void truncate(int length) {
    if (length < 0 || length > len) {
      throw new IllegalArgumentException("length " + length);
    }
    len = length;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  public void write(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  public void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  public void write(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, len, length);
    len += length;
  }

  public void writeShort(int v) {
    ensure(2);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
  }

  public void writeInt(int v) {
    ensure(4);
    buf[len++] = (byte) (v >>> 24);
    buf[len++] = (byte) (v >>> 16);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
  }

  public void writeLong(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buf[len++] = (byte) (v >>> shift);
    }
  }

  /** Writes an unsigned variable-length integer (7 bits a byte, low bits first). */
  public void writeVarInt(int v) {
    ensure(5);
    while ((v & ~0x7F) != 0) {
      buf[len++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  /** Flips every bit of the bytes written since {@code from}; used for descending keys. */
  public void invertFrom(int from) {
    for (int i = from; i < len; i++) {
      buf[i] = (byte) ~buf[i];
    }
  }

  /** A copy of the content. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /** The backing array; valid up to {@link #length()} until the next write. */
  public byte[] array() {
    return buf;
  }
}
