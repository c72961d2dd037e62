/**
 * The RocksDB store under every Sluice database: one RocksDB instance, a column family per
 * {@link io.sluice.storage.kv.Keyspace}, atomic write batches across them, snapshots for
 * consistent reads, and bounded iterators. A data directory on disk or, for {@code
 * jdbc:sluice:mem:}, RocksDB's in-memory environment.
 */
package io.sluice.storage.kv;
