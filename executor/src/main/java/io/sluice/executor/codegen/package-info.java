/**
 * Compiling the plan's generated Java source with Janino, once per distinct source, and the
 * data context generated code reads parameters and the statement time from.
 */
package io.sluice.executor.codegen;
