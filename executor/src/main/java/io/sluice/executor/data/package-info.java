/** Changes in memory: chunks of weighted rows, and row keys with SQL equality. */
package io.sluice.executor.data;
