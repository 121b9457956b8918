package dev.continuity.engine.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.continuity.engine.Version;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.Status;
import dev.continuity.engine.eval.Waivers;
import dev.continuity.engine.model.*;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * One self-contained HTML file for auditors: no script, no network (a Content-Security-Policy
 * forbids every load), every inventory string escaped by the template engine. Summary with charts
 * by severity and rule family, findings by severity and by control, waivers with reason, approver
 * and expiry, and the dependency graph of the critical services with single points of failure marked.
 */
public final class HtmlReporter implements Reporter {
    /** Critical services drawn in the dependency graph at the most; a note says how many were left out. */
    static final int MAX_GRAPH_SERVICES = 25;
    private static final Template TEMPLATE = compile();



    private static Template compile() {
        try (Reader r = new InputStreamReader(Objects.requireNonNull(HtmlReporter.class.getResourceAsStream("report.html.mustache")),
                StandardCharsets.UTF_8)) {
            return Mustache.compiler().defaultValue("").emptyStringIsFalse(true).zeroIsFalse(false).compile(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(ReportContext ctx, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        TEMPLATE.execute(model(ctx), w);
        w.flush();
    }

    static Map<String, Object> model(ReportContext ctx) {
        Result r = ctx.result();
        Inventory inv = r.inventory();
        Map<String, Object> m = new LinkedHashMap<>();
        String org = inv.hasDeclaredPolicy() && inv.policy().organization() != null ? inv.policy().organization() : "";
        m.put("organization", org);
        m.put("title", org.isEmpty() ? "Continuity report" : "Continuity report: " + org);
        m.put("asOf", r.asOf().toString());
        m.put("version", Version.get());
        m.put("files", inv.files());
        m.put("resources", inv.size());
        m.put("rulesRun", ctx.rules().size());
        m.put("failed", ctx.failed());
        m.put("failOn", ctx.failOnLabel());
        m.put("summary", ctx.summary());
        Map<Severity, Integer> counts = r.openCounts();
        int open = counts.values().stream().mapToInt(Integer::intValue).sum();
        m.put("open", open);
        m.put("waived", r.count(Status.WAIVED));
        m.put("baseline", r.count(Status.BASELINE));
        m.put("severityBars", bars(counts.entrySet().stream()
                .map(e -> Map.entry(e.getKey().yaml(), e.getValue())).toList(), true));
        SortedMap<String, Integer> families = new TreeMap<>();
        for (Finding f : r.findings()) if (f.isOpen()) families.merge(f.rule().family(), 1, Integer::sum);
        m.put("familyBars", bars(new ArrayList<>(families.entrySet()), false));
        m.put("hasFamilies", !families.isEmpty());

        List<Map<String, Object>> groups = new ArrayList<>();
        for (Severity s : Severity.values()) {
            List<Map<String, Object>> fs = r.findings().stream().filter(f -> f.isOpen() && f.rule().severity() == s)
                    .map(HtmlReporter::finding).toList();
            if (!fs.isEmpty()) groups.add(Map.of("severity", s.yaml(), "count", fs.size(), "findings", fs));
        }
        m.put("severityGroups", groups);
        m.put("noOpen", groups.isEmpty());

        SortedMap<String, List<Map<String, Object>>> byControl = new TreeMap<>(RuleCatalog.CONTROL_ORDER);
        for (Finding f : r.findings()) {
            if (!f.isOpen()) continue;
            for (String c : f.rule().controls()) byControl.computeIfAbsent(c, k -> new ArrayList<>()).add(finding(f));
        }
        List<Map<String, Object>> controls = new ArrayList<>();
        byControl.forEach((c, fs) -> controls.add(Map.of("control", c, "name", RuleCatalog.expandControl(c), "count", fs.size(), "findings", fs)));
        m.put("controls", controls);
        m.put("hasControls", !controls.isEmpty());

        List<Map<String, Object>> waivers = new ArrayList<>();
        for (Waivers.Status st : r.waivers()) {
            Waiver w = st.waiver();
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", w.id());
            x.put("rule", w.rule());
            x.put("subject", w.subject());
            x.put("detail", w.detail() == null ? "" : w.detail());
            x.put("reason", w.reason());
            x.put("approvedBy", w.approvedBy());
            x.put("expires", w.expires().toString());
            x.put("state", st.state().label());
            x.put("stateClass", switch (st.state()) {
                case IN_FORCE -> "active";
                case EXPIRED -> "expired";
                case MATCHES_NOTHING, RULE_NOT_RUN -> "unused";
            });
            waivers.add(x);
        }
        m.put("waivers", waivers);
        m.put("hasWaivers", !waivers.isEmpty());
        m.put("baselined", r.findings().stream().filter(f -> f.status() == Status.BASELINE).map(HtmlReporter::finding).toList());
        m.put("graph", DependencyGraph.of(r));
        m.put("checked", ctx.checked());
        m.put("passed", r.passedRules().stream().map(p -> Map.of("id", p.id(), "title", p.title(), "severity", p.severity().yaml())).toList());
        m.put("skipped", r.run().skipped().stream().map(sk -> Map.of("rule", sk.rule(), "by", sk.by().label(),
                "reason", sk.reason() == null ? "" : sk.reason())).toList());
        m.put("severityChanged", r.run().severityChanged().stream().map(c -> Map.of("rule", c.rule(), "from", c.from().yaml(),
                "to", c.to().yaml(), "reason", c.reason())).toList());
        // single points of failure are NET-004's findings: say so when it did not run, never "none"
        var spofSkip = r.run().skipped().stream().filter(sk -> sk.rule().equals("NET-004")).findFirst();
        m.put("spofAnalysed", spofSkip.isEmpty());
        m.put("spofNotRun", spofSkip.map(sk -> "NET-004 did not run (skipped by " + sk.by().label()
                + (sk.reason() == null ? "" : ": " + sk.reason()) + "), so single points of failure were not analysed.").orElse(""));
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("rule", f.rule().id());
        x.put("title", f.rule().title());
        x.put("severity", f.rule().severity().yaml());
        x.put("subject", f.subject());
        x.put("kind", f.kind());
        x.put("detail", f.detail());
        x.put("where", f.location() == null ? "" : f.where());
        x.put("message", f.message());
        x.put("remediation", f.rule().remediation());
        x.put("controls", String.join("; ", f.rule().controls()));
        x.put("fingerprint", f.fingerprint());
        return x;
    }

    /** Horizontal bars: label, count, width in px (max 240), y offset. */
    private static Map<String, Object> bars(List<Map.Entry<String, Integer>> entries, boolean severityColours) {
        int max = Math.max(1, entries.stream().mapToInt(Map.Entry::getValue).max().orElse(1));
        List<Map<String, Object>> bars = new ArrayList<>();
        int y = 0;
        for (var e : entries) {
            bars.add(Map.of("label", e.getKey(), "count", e.getValue(), "width", Math.round(240.0 * e.getValue() / max),
                    "y", y, "textY", y + 15, "cls", severityColours ? e.getKey() : "family"));
            y += 24;
        }
        return Map.of("bars", bars, "height", Math.max(24, y));
    }
}
