package io.sluice.slt.run;

/** A query returned a different number of columns than its type string declares. */
public final class ResultShapeException extends Exception {

  public ResultShapeException(String message) {
    super(message);
  }
}
