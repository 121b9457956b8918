package dev.continuity.engine.graph;

import dev.continuity.engine.model.*;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

import java.util.*;

/**
 * Dependency closures (rules.md): the Services, DataStores and Vendors reachable from a service
 * through dependsOn. The loader has rejected cycles, so the dependency graph is a DAG; closures
 * are computed once, dependencies first, each from its direct dependencies' closures.
 */
public final class Closures {
    private final Map<String, Set<String>> closure = new HashMap<>();

    public Closures(Inventory inv) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        Map<String, Service> services = new HashMap<>();
        for (Service s : inv.all(Service.class)) {
            services.put(s.id(), s);
            g.addVertex(s.id());
        }
        for (Service s : services.values()) {
            for (String d : s.dependsOn()) if (services.containsKey(d)) g.addEdge(s.id(), d);
        }
        List<String> order = new ArrayList<>();
        new TopologicalOrderIterator<>(g).forEachRemaining(order::add);
        Collections.reverse(order); // dependencies before dependents
        for (String id : order) {
            Set<String> c = new LinkedHashSet<>();
            for (String d : services.get(id).dependsOn()) {
                c.add(d);
                Set<String> sub = closure.get(d);
                if (sub != null) c.addAll(sub);
            }
            closure.put(id, Collections.unmodifiableSet(c));
        }
    }

    /** Ids of everything in the service's dependency closure (never the service itself: there are no cycles). */
    public Set<String> of(String service) {
        return closure.getOrDefault(service, Set.of());
    }
}
