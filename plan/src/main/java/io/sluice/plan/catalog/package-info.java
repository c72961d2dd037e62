/** Definitions of tables and views as the catalog stores them, and read access to the catalog. */
package io.sluice.plan.catalog;
