package io.sluice.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BucketMap} behaves as an immutable map: checked against a HashMap, version by version. */
class BucketMapTest {
  @Test
  void everyVersionMatchesAHashMapAndOlderVersionsStayAsTheyWere() {
    Random random = new Random(7);
    Map<String, Integer> expected = new HashMap<>(Map.of("public.a", 1, "public.b", 2));
    BucketMap<Integer> map = BucketMap.of(expected);
    List<Map<String, Integer>> expectedVersions = new ArrayList<>();
    List<BucketMap<Integer>> versions = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String key = "public.v" + random.nextInt(500);
      if (random.nextInt(3) == 0) {
        map = map.without(key);
        expected.remove(key);
      } else {
        map = map.with(key, i);
        expected.put(key, i);
      }
      if (i % 100 == 0) {
        expectedVersions.add(Map.copyOf(expected));
        versions.add(map);
      }
      assertEquals(expected.size(), map.size());
    }
    for (int v = 0; v < versions.size(); v++) {
      Map<String, Integer> e = expectedVersions.get(v);
      BucketMap<Integer> m = versions.get(v);
      assertEquals(e.size(), m.size());
      assertEquals(e.size(), m.values().size());
      for (int k = 0; k < 500; k++) {
        String key = "public.v" + k;
        assertEquals(e.get(key), m.get(key));
        assertEquals(e.containsKey(key), m.containsKey(key));
      }
      assertEquals(new ArrayList<>(e.values()).stream().sorted().toList(),
          m.values().stream().sorted().toList());
    }
  }

  @Test
  void removingAnAbsentKeyChangesNothing() {
    BucketMap<Integer> map = BucketMap.of(Map.of("public.a", 1));
    assertSame(map, map.without("public.zzz"));
    assertNull(map.get("public.zzz"));
    assertFalse(map.containsKey("public.zzz"));
    assertTrue(map.containsKey("public.a"));
    assertEquals(1, map.with("public.a", 2).size(), "replacing keeps the size");
  }
}
