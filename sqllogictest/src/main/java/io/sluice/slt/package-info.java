/** A sqllogictest runner over JDBC. */
package io.sluice.slt;
