/**
 * Row encodings. {@link io.sluice.storage.codec.KeyCodec} is order preserving: comparing two
 * encoded keys as unsigned bytes gives the SQL order of the keys, column by column, so that
 * RocksDB's byte order is the key order and a prefix of the columns encodes to a prefix of the
 * bytes. {@link io.sluice.storage.codec.RowCodec} is compact and not ordered, for values.
 */
package io.sluice.storage.codec;
