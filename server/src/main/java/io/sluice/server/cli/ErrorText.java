package io.sluice.server.cli;

import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaSqlException;

/** An error as the shell shows it: SQLSTATE and the server's own message, without wrappers. */
final class ErrorText {
  private ErrorText() {}

  static String of(SQLException e, String sql) {
    String message = e instanceof AvaticaSqlException a && a.getErrorMessage() != null
        ? a.getErrorMessage() : String.valueOf(e.getMessage());
    String prefix = "Error while executing SQL \"" + sql + "\": ";
    if (sql != null && message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    } else if (message.startsWith("Error while executing SQL \"")) {
      int end = message.indexOf("\": ");
      if (end > 0) {
        message = message.substring(end + 3);
      }
    }
    if (message.startsWith("Remote driver error: ")) {
      message = message.substring("Remote driver error: ".length());
    }
    String state = e.getSQLState();
    return "ERROR" + (state == null ? "" : " " + state) + ": " + message;
  }
}
