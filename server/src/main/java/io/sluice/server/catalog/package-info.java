/**
 * The catalog: immutable snapshots ({@link io.sluice.server.catalog.CatalogState}) that
 * statements plan against, made durable by {@link io.sluice.server.catalog.DurableCatalog} in
 * the store's META keyspace, and the system tables of the {@code sys} schema.
 */
package io.sluice.server.catalog;
