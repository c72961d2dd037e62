/**
 * Errors with SQLSTATE codes. Every error a user can cause is a {@link
 * io.sluice.common.error.SluiceException} carrying one of the codes in {@link
 * io.sluice.common.error.SqlState}; the server turns it into a {@link java.sql.SQLException}.
 */
package io.sluice.common.error;
