package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;
import dev.continuity.engine.model.Location;
import dev.continuity.engine.model.Service;
import dev.continuity.engine.model.ServiceType;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.DepthFirstIterator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyOrderTest {

    private static Service service(String id, String... dependsOn) {
        return new Service(id, id, "", Map.of(), new Location("t.yaml", 1, 1), ServiceType.APPLICATION, Criticality.CRITICAL,
                null, null, null, false, List.of(), null, List.of(dependsOn), null);
    }

    private static List<String> ids(List<Service> services) {
        return services.stream().map(Service::id).toList();
    }

    @Test
    void dependenciesComeFirstAndUnknownIdsAreIgnored() {
        DependencyOrder o = DependencyOrder.of(List.of(service("web", "api", "db-vendor"), service("api", "auth", "auth"),
                service("auth"), service("batch", "api")));
        assertThat(ids(o.order())).containsExactly("auth", "api", "web", "batch");
        assertThat(o.leftOver()).isEmpty();
    }

    @Test
    void cyclesAndWhatDependsOnThemAreLeftOverInTheOrderGiven() {
        DependencyOrder o = DependencyOrder.of(List.of(service("front", "a"), service("a", "b"), service("solo"),
                service("b", "a", "solo"), service("self", "self"), service("leaf")));
        assertThat(ids(o.order())).containsExactly("solo", "leaf");
        assertThat(ids(o.leftOver())).containsExactly("front", "a", "b", "self");
    }

    /** Against JGraphT on random graphs: a valid order, and left over exactly what reaches a cycle. */
    @Test
    void agreesWithJGraphTOnRandomGraphs() {
        Random random = new Random(15);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(40);
            double density = random.nextDouble() * 3 / n;
            List<Service> services = new ArrayList<>();
            Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
            for (int i = 0; i < n; i++) g.addVertex("s" + i);
            for (int i = 0; i < n; i++) {
                List<String> deps = new ArrayList<>();
                for (int j = 0; j < n; j++) if (random.nextDouble() < density) deps.add("s" + j);
                if (random.nextInt(10) == 0) deps.add("elsewhere");
                for (String d : deps) if (g.containsVertex(d)) g.addEdge("s" + i, d);
                services.add(service("s" + i, deps.toArray(String[]::new)));
            }
            Set<String> onCycle = new HashSet<>();
            for (Set<String> scc : new KosarajuStrongConnectivityInspector<>(g).stronglyConnectedSets()) {
                if (scc.size() > 1 || g.containsEdge(scc.iterator().next(), scc.iterator().next())) onCycle.addAll(scc);
            }
            List<String> reachesCycle = new ArrayList<>();
            for (Service s : services) {
                DepthFirstIterator<String, DefaultEdge> reach = new DepthFirstIterator<>(g, s.id());
                boolean found = false;
                while (reach.hasNext() && !found) found = onCycle.contains(reach.next());
                if (found) reachesCycle.add(s.id());
            }

            DependencyOrder o = DependencyOrder.of(services);
            assertThat(ids(o.leftOver())).as("round %d", round).isEqualTo(reachesCycle);
            assertThat(o.order().size() + o.leftOver().size()).isEqualTo(n);
            Set<String> placed = new HashSet<>();
            for (Service s : o.order()) {
                for (String d : s.dependsOn()) {
                    if (g.containsVertex(d)) assertThat(placed).as("round %d: %s before %s", round, d, s.id()).contains(d);
                }
                placed.add(s.id());
            }
        }
    }
}
