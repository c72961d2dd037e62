package io.sluice.storage.kv;

/** The column families of the store; each holds one kind of data with its own tuning. */
public enum Keyspace {
  /** The catalog and counters: small, read at start, written by DDL. */
  META("default"),
  /** Base table rows, keyed by table id then primary key or row id. */
  TABLES("tables"),
  /** Table change logs, keyed by table id then sequence number. */
  LOG("log"),
  /** Operator state and materialized view contents, keyed by state table id. */
  STATE("state");

  private final String columnFamily;

  Keyspace(String columnFamily) {
    this.columnFamily = columnFamily;
  }

  /** The RocksDB column family name. */
  public String columnFamily() {
    return columnFamily;
  }
}
