package dev.continuity.engine.report;

import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.model.*;

import java.util.*;

/**
 * Lays out the dependency graph of the critical services for the HTML report: critical services
 * in the first column, what they depend on (services, data stores, vendors) in columns by depth.
 * A critical service with a single point of failure (a NET-004 finding) is marked, with its
 * failure domains listed.
 */
final class DependencyGraph {
    static final int NODE_W = 180, NODE_H = 34, COL_W = 240, ROW_H = 46, PAD = 10;

    /** The graph as the template draws it. */
    public record Graph(boolean empty, int width, int height, List<Node> nodes, List<Edge> edges, List<Spof> spofs, boolean hasSpofs,
                        int omitted, boolean hasOmitted) {
    }

    /** A box: position, size, where its text goes, its label, tooltip and CSS classes. */
    public record Node(int x, int y, int w, int h, int textX, int textY, String label, String tooltip, String cls) {
    }

    /** An edge as an SVG path. */
    public record Edge(String d) {
    }

    /** A critical service with single points of failure, and their failure domains. */
    public record Spof(String service, String domains) {
    }

    private DependencyGraph() {
    }

    static Graph of(Result r) {
        Inventory inv = r.inventory();
        Map<String, List<String>> spofs = new TreeMap<>();
        for (Finding f : r.findings()) {
            if (f.rule().id().equals("NET-004")) spofs.computeIfAbsent(f.subject(), k -> new ArrayList<>()).add(f.detail());
        }
        List<Service> critical = inv.all(Service.class).stream().filter(s -> s.criticality() == Criticality.CRITICAL)
                .sorted(Comparator.comparing((Service s) -> !spofs.containsKey(s.id())).thenComparing(Service::id)).toList();
        List<Service> drawn = critical.subList(0, Math.min(HtmlReporter.MAX_GRAPH_SERVICES, critical.size()));
        // depth = longest path from a drawn critical service
        Map<String, Integer> depth = new LinkedHashMap<>();
        Deque<String> work = new ArrayDeque<>();
        for (Service s : drawn) {
            depth.put(s.id(), 0);
            work.add(s.id());
        }
        Set<List<String>> edges = new LinkedHashSet<>();
        while (!work.isEmpty()) { // dependsOn has no cycles (the loader checked), so this ends
            String id = work.poll();
            if (!(inv.get(id).orElse(null) instanceof Service s)) continue;
            for (String d : s.dependsOn()) {
                edges.add(List.of(id, d));
                int nd = depth.get(id) + 1;
                if (depth.getOrDefault(d, -1) < nd) {
                    depth.put(d, nd);
                    work.add(d);
                }
            }
        }
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, int[]> pos = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        List<String> order = new ArrayList<>(depth.keySet());
        order.sort(Comparator.comparing((String id) -> depth.get(id)).thenComparing(id -> id));
        for (String id : order) {
            int col = depth.get(id);
            int row = rows.merge(col, 1, Integer::sum) - 1;
            int x = PAD + col * COL_W, y = PAD + row * ROW_H;
            pos.put(id, new int[]{x, y});
            Resource res = inv.get(id).orElseThrow();
            boolean spof = spofs.containsKey(id);
            String kind = res.kind();
            nodes.add(new Node(x, y, NODE_W, NODE_H, x + 8, y + 21, truncate(res.displayName(), 24),
                    kind + " " + id + (spof ? ": single point of failure (" + String.join(", ", spofs.get(id)) + ")" : ""),
                    spof ? "node spof" : "node " + kind.toLowerCase(Locale.ROOT)
                            + (res instanceof Service svc && svc.criticality() == Criticality.CRITICAL ? " critical" : "")));
        }
        List<Edge> paths = new ArrayList<>();
        for (List<String> e : edges) {
            int[] a = pos.get(e.get(0)), b = pos.get(e.get(1));
            if (a == null || b == null) continue;
            int x1 = a[0] + NODE_W, y1 = a[1] + NODE_H / 2, x2 = b[0], y2 = b[1] + NODE_H / 2;
            int mid = (x1 + x2) / 2;
            paths.add(new Edge("M" + x1 + "," + y1 + " C" + mid + "," + y1 + " " + mid + "," + y2 + " " + x2 + "," + y2));
        }
        int cols = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        int maxRows = rows.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Spof> spofList = new ArrayList<>();
        spofs.forEach((svc, ds) -> spofList.add(new Spof(svc, String.join(", ", ds))));
        return new Graph(drawn.isEmpty(), PAD * 2 + (cols - 1) * COL_W + NODE_W, PAD * 2 + Math.max(1, maxRows) * ROW_H,
                nodes, paths, spofList, !spofList.isEmpty(), critical.size() - drawn.size(), critical.size() > drawn.size());
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
