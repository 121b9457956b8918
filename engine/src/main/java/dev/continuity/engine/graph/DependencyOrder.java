package dev.continuity.engine.graph;

import dev.continuity.engine.model.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Services ordered along dependsOn, dependencies first (Kahn's algorithm over the dependsOn
 * entries that name one of the given services). What no such order can place is left over: the
 * services on a dependsOn cycle and those that depend on one, in the order given. The loader
 * reports cycles from what is left over (none in a valid inventory, so it builds no graph), and
 * {@link Closures} computes each closure from its dependencies' in this order: one ordering of the
 * dependency graph, in arrays, for both.
 *
 * @param order     every service that does not reach a cycle, each after all it depends on
 * @param leftOver  the others, in the order given; empty when dependsOn has no cycle
 */
public record DependencyOrder(List<Service> order, List<Service> leftOver) {

    /** Orders services with distinct ids; a repeated id would name the first. */
    public static DependencyOrder of(Collection<Service> services) {
        Service[] all = services.toArray(Service[]::new);
        int n = all.length;
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) index.putIfAbsent(all[i].id(), i);
        // the edges reversed (each service's dependents), as arrays: a count, then the offsets
        int[] pending = new int[n];
        int[] dependents = new int[n + 1];
        int[][] deps = new int[n][];
        for (int i = 0; i < n; i++) {
            List<String> on = all[i].dependsOn();
            int[] d = new int[on.size()];
            int k = 0;
            for (String id : on) {
                Integer j = index.get(id);
                if (j != null) {
                    d[k++] = j;
                    dependents[j + 1]++;
                }
            }
            deps[i] = k == d.length ? d : java.util.Arrays.copyOf(d, k);
            pending[i] = k;
        }
        for (int i = 0; i < n; i++) dependents[i + 1] += dependents[i];
        int[] next = java.util.Arrays.copyOf(dependents, n);
        int[] by = new int[dependents[n]];
        for (int i = 0; i < n; i++) for (int j : deps[i]) by[next[j]++] = i;
        // those that depend on nothing here first, in the order given, then each when its last dependency is placed
        int[] queue = new int[n];
        int head = 0, tail = 0;
        for (int i = 0; i < n; i++) if (pending[i] == 0) queue[tail++] = i;
        while (head < tail) {
            int j = queue[head++];
            for (int e = dependents[j]; e < dependents[j + 1]; e++) {
                if (--pending[by[e]] == 0) queue[tail++] = by[e];
            }
        }
        List<Service> order = new ArrayList<>(tail);
        for (int q = 0; q < tail; q++) order.add(all[queue[q]]);
        List<Service> leftOver = new ArrayList<>();
        if (tail < n) for (int i = 0; i < n; i++) if (pending[i] > 0) leftOver.add(all[i]);
        return new DependencyOrder(List.copyOf(order), List.copyOf(leftOver));
    }
}
