/**
 * What every Sluice module shares and nothing else: SQL data types with their internal Java
 * representation ({@link io.sluice.common.types}) and errors that carry a SQLSTATE
 * ({@link io.sluice.common.error}). This module has no dependencies.
 */
package io.sluice.common;
