package dev.continuity.engine.model;

import org.junit.jupiter.api.Test;

import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/** The index of a cached inventory's ids (Inventory.index): every id at its position, nothing else, as a HashMap would say. */
class InventoryIndexTest {
    /** Records that are only ids (the index reads nothing else). */
    private static Inventory.Records ids(List<String> ids) {
        return new Inventory.Records() {
            public int size() {
                return ids.size();
            }

            public Class<? extends Resource> kind(int position) {
                return Site.class;
            }

            public String id(int position) {
                return ids.get(position);
            }

            public String file(int position) {
                return "a.yaml";
            }

            public Resource resource(int position) {
                throw new UnsupportedOperationException();
            }

            public FieldLocations locations(int position) {
                return null;
            }

            public int[][] components() {
                return null;
            }

            public String token(int position) {
                return null;
            }
        };
    }

    @Test
    void everyIdAtItsPositionAndNothingElse() {
        Random random = new Random(15);
        for (int n : new int[] {0, 1, 2, 3, 7, 100, 4_096, 20_000}) {
            List<String> list = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            while (list.size() < n) {
                // ids of the same hash too ("Aa" and "BB" hash alike), so that probing is exercised
                String id = random.nextInt(4) == 0 ? "aa".repeat(1 + random.nextInt(3)) + random.nextInt(n + 1) : "svc-" + random.nextInt(10 * n + 1);
                if (seen.add(id)) list.add(id);
            }
            Map<String, Integer> expected = new HashMap<>();
            for (int i = 0; i < n; i++) expected.put(list.get(i), i);
            Map<String, Integer> index = Inventory.index(ids(list));
            assertThat(index).as("%d ids", n).isEqualTo(expected).hasSize(n);
            for (int i = 0; i < n; i++) assertThat(index.get(list.get(i))).isEqualTo(i);
            for (int k = 0; k < 200; k++) {
                String other = "x" + random.nextInt();
                assertThat(index.get(other)).isNull();
                assertThat(index.containsKey(other)).isFalse();
            }
            assertThat(index.get(null)).isNull();
        }
        Map<String, Integer> alike = Inventory.index(ids(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa")));
        assertThat(alike).containsEntry("Aa", 0).containsEntry("BB", 1).containsEntry("BBAa", 5).doesNotContainKey("AaAaAa");
    }
}
