/**
 * Sluice's storage: everything that touches disk. {@link io.sluice.storage.kv} is the RocksDB
 * store with its column families, {@link io.sluice.storage.codec} turns rows into bytes (keys in
 * an order-preserving form), {@link io.sluice.storage.table} keeps base tables, and {@link
 * io.sluice.storage.state} gives operators typed state tables. No other module imports RocksDB.
 */
package io.sluice.storage;
