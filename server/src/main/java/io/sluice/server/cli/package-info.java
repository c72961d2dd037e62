/**
 * The launcher ({@code bin/sluice}): {@link io.sluice.server.cli.Main} parses the command line
 * with picocli and starts the SQL shell ({@link io.sluice.server.cli.Shell}, on JLine) or the
 * server.
 */
package io.sluice.server.cli;
