package dev.continuity.engine.graph;

import dev.continuity.engine.model.*;

import java.util.*;

/**
 * Dependency closures (rules.md): the Services, DataStores and Vendors reachable from a service
 * through dependsOn. The loader has rejected cycles, so the dependency graph is a DAG; closures
 * are computed once, dependencies first, each from its direct dependencies' closures.
 */
public final class Closures {
    private final Map<String, Set<String>> closure = new HashMap<>();

    public Closures(Inventory inv) {
        DependencyOrder order = DependencyOrder.of(inv.all(Service.class));
        if (!order.leftOver().isEmpty()) {
            throw new IllegalArgumentException("dependsOn has a cycle through " + order.leftOver().get(0).id() + " (the loader rejects cycles)");
        }
        for (Service s : order.order()) { // dependencies before dependents
            Set<String> c = new LinkedHashSet<>();
            for (String d : s.dependsOn()) {
                c.add(d);
                Set<String> sub = closure.get(d);
                if (sub != null) c.addAll(sub);
            }
            closure.put(s.id(), Collections.unmodifiableSet(c));
        }
    }

    /** Ids of everything in the service's dependency closure (never the service itself: there are no cycles). */
    public Set<String> of(String service) {
        return closure.getOrDefault(service, Set.of());
    }
}
