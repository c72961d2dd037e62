package io.sluice.executor.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Drives an operator with random, valid change streams (a delete only removes copies that are
 * there) and checks after every barrier that the sum of everything it emitted equals a
 * reference result computed from scratch over everything it was fed.
 */
final class RandomChanges {
  private final Random rnd;
  private final List<Supplier<Object[]>> rowsPerInput;

  /**
   * @param rowsPerInput for each input, a source of random rows from a small domain, so that
   *     keys collide and deletes find rows
   */
  RandomChanges(Random rnd, List<Supplier<Object[]>> rowsPerInput) {
    this.rnd = rnd;
    this.rowsPerInput = rowsPerInput;
  }

  /** Runs {@code epochs} epochs, checking {@code reference} of the inputs after each barrier. */
  void check(OperatorHarness h, int epochs, Function<List<Changes>, Changes> reference,
      String description) {
    List<Changes> inputs = new ArrayList<>();
    for (int i = 0; i < rowsPerInput.size(); i++) {
      inputs.add(new Changes());
    }
    Changes output = new Changes();
    boolean emitted = false;
    StringBuilder log = new StringBuilder();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      int chunks = 1 + rnd.nextInt(3);
      for (int c = 0; c < chunks; c++) {
        int input = rnd.nextInt(inputs.size());
        List<ChangeScript.Change> chunk = randomChunk(inputs.get(input), input);
        chunk.forEach(ch -> log.append("input ").append(input).append(": ")
            .append(ch.weight()).append(' ').append(java.util.Arrays.toString(ch.row()))
            .append('\n'));
        h.push(input, chunk);
      }
      log.append("-- barrier ").append(epoch).append('\n');
      Changes epochOutput = h.barrier();
      emitted |= !epochOutput.isEmpty();
      output.addAll(epochOutput);
      Changes expected = reference.apply(inputs);
      if (!expected.equals(output)) {
        throw new AssertionError(description + ": after epoch " + epoch
            + " the accumulated output differs from the reference.\nexpected:\n" + expected
            + "\nbut was:\n" + output + "\ninput changes:\n" + log);
      }
    }
    if (!emitted) {
      throw new AssertionError(description + ": no output in " + epochs + " epochs; the"
          + " random stream exercised nothing");
    }
  }

  /** 1 to 6 changes, each an insert of 1 or 2 copies or a delete of copies present. */
  private List<ChangeScript.Change> randomChunk(Changes current, int input) {
    List<ChangeScript.Change> chunk = new ArrayList<>();
    int n = 1 + rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      Map<List<Object>, Long> present = current.weights();
      ChangeScript.Change change;
      if (present.isEmpty() || rnd.nextInt(5) < 3) {
        change = new ChangeScript.Change(rowsPerInput.get(input).get(), 1 + rnd.nextInt(2));
      } else {
        List<List<Object>> rows = new ArrayList<>(present.keySet());
        rows.sort(java.util.Comparator.comparing(Object::toString));
        List<Object> row = rows.get(rnd.nextInt(rows.size()));
        change = new ChangeScript.Change(row.toArray(),
            -1 - rnd.nextInt(present.get(row).intValue()));
      }
      current.add(change.row(), change.weight());
      chunk.add(change);
    }
    return chunk;
  }
}
