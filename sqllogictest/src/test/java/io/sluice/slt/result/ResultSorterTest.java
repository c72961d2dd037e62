package io.sluice.slt.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.slt.script.SortMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultSorterTest {

  @Test
  void nosortKeepsTheDatabasesOrder() {
    List<String> values = List.of("9", "10", "NULL");
    assertEquals(values, ResultSorter.sort(values, 1, SortMode.NOSORT));
  }

  @Test
  void valuesortComparesRenderedTextLikeStrcmp() {
    List<String> sorted = ResultSorter.sort(
        List.of("9", "10", "NULL", "(empty)", "-1", "100", "abc", "ABC", "1.500"), 1,
        SortMode.VALUESORT);
    // '(' < '-' < digits < upper case < lower case in ASCII; "10" < "100" < "9".
    assertEquals(List.of("(empty)", "-1", "1.500", "10", "100", "9", "ABC", "NULL", "abc"),
        sorted);
  }

  @Test
  void valuesortForgetsRows() {
    assertEquals(List.of("1", "2", "3", "4"),
        ResultSorter.sort(List.of("4", "1", "3", "2"), 2, SortMode.VALUESORT));
  }

  @Test
  void rowsortComparesRowsColumnByColumnAsText() {
    List<String> rows = List.of(
        "9", "b",
        "10", "z",
        "9", "NULL",
        "NULL", "a",
        "10", "(empty)");
    assertEquals(List.of(
        "10", "(empty)",
        "10", "z",
        "9", "NULL",
        "9", "b",
        "NULL", "a"), ResultSorter.sort(rows, 2, SortMode.ROWSORT));
  }

  @Test
  void rowsortKeepsRowsTogether() {
    List<String> rows = List.of("2", "x", "1", "y");
    assertEquals(List.of("1", "y", "2", "x"), ResultSorter.sort(rows, 2, SortMode.ROWSORT));
  }

  @Test
  void rowsortRejectsValuesThatDoNotMakeWholeRows() {
    assertThrows(IllegalArgumentException.class,
        () -> ResultSorter.sort(List.of("1", "2", "3"), 2, SortMode.ROWSORT));
  }
}
