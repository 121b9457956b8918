package dev.continuity.engine.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.continuity.engine.Version;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.RuleInfo;
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

    /** The page, a typed view model: every field the template reads. */
    public record Page(String organization, String title, String asOf, String version, List<String> files, int resources, int rulesRun,
                       boolean failed, String failOn, String summary, int open, long waived, long baseline, Bars severityBars,
                       Bars familyBars, boolean hasFamilies, List<SeverityGroup> severityGroups, boolean noOpen,
                       List<ControlGroup> controls, boolean hasControls, List<WaiverRow> waivers, boolean hasWaivers,
                       List<FindingRow> baselined, DependencyGraph.Graph graph, List<String> checked, List<RuleRow> passed,
                       List<SkippedRow> skipped, List<ChangedRow> severityChanged, boolean spofAnalysed, String spofNotRun,
                       List<Source> sources, List<JsonReporter.ServiceView> services, List<CoverageSection> coverage) {
    }

    /** One coverage section per selected framework, with the legend of its control codes. */
    public record CoverageSection(String framework, String title, String prefix, List<JsonReporter.CoverageView> rows) {
    }

    /** A legend entry for the control codes: "53" is NIST SP 800-53 Rev. 5. */
    public record Source(String code, String name) {
    }

    /** Horizontal bars: the bars and the chart's height. */
    public record Bars(List<Bar> bars, int height) {
    }

    /** One bar: label, count, width in px (max 240), y offset, text baseline and CSS class. */
    public record Bar(String label, int count, long width, int y, int textY, String cls) {
    }

    public record SeverityGroup(String severity, int count, List<FindingRow> findings) {
    }

    public record ControlGroup(String control, String name, int count, List<FindingRow> findings) {
    }

    public record FindingRow(String rule, String title, String severity, String subject, String kind, String detail, String where,
                             String message, String remediation, String controls, String fingerprint) {
    }

    public record WaiverRow(String id, String rule, String subject, String detail, String reason, String approvedBy, String expires,
                            String state, String stateClass) {
    }

    public record RuleRow(String id, String title, String severity) {
    }

    public record SkippedRow(String rule, String by, String reason) {
    }

    public record ChangedRow(String rule, String from, String to, String reason) {
    }

    static Page model(ReportContext ctx) {
        Result r = ctx.result();
        Inventory inv = r.inventory();
        String org = inv.hasDeclaredPolicy() && inv.policy().organization() != null ? inv.policy().organization() : "";
        Map<Severity, Integer> counts = r.openCounts();
        int open = counts.values().stream().mapToInt(Integer::intValue).sum();
        SortedMap<String, Integer> families = new TreeMap<>();
        for (Finding f : r.findings()) if (f.isOpen()) families.merge(f.rule().family(), 1, Integer::sum);

        List<SeverityGroup> groups = new ArrayList<>();
        for (Severity s : Severity.values()) {
            List<FindingRow> fs = r.findings().stream().filter(f -> f.isOpen() && f.rule().severity() == s).map(HtmlReporter::finding).toList();
            if (!fs.isEmpty()) groups.add(new SeverityGroup(s.yaml(), fs.size(), fs));
        }
        SortedMap<String, List<FindingRow>> byControl = new TreeMap<>(RuleInfo.CONTROL_ORDER);
        for (Finding f : r.findings()) {
            if (!f.isOpen()) continue;
            for (String c : f.rule().controls()) byControl.computeIfAbsent(c, k -> new ArrayList<>()).add(finding(f));
        }
        List<ControlGroup> controls = new ArrayList<>();
        byControl.forEach((c, fs) -> controls.add(new ControlGroup(c, RuleCatalog.expandControl(c), fs.size(), fs)));
        List<WaiverRow> waivers = new ArrayList<>();
        for (Waivers.Status st : r.waivers()) {
            Waiver w = st.waiver();
            waivers.add(new WaiverRow(w.id(), w.rule(), w.subject(), w.detail() == null ? "" : w.detail(), w.reason(), w.approvedBy(),
                    w.expires().toString(), st.state().label(), switch (st.state()) {
                        case IN_FORCE -> "active";
                        case EXPIRED -> "expired";
                        case MATCHES_NOTHING, RULE_NOT_RUN -> "unused";
                    }));
        }
        // single points of failure are NET-004's findings: say so when it did not run, never "none"
        var spofSkip = r.run().skipped().stream().filter(sk -> sk.rule().equals("NET-004")).findFirst();
        return new Page(org, org.isEmpty() ? "Continuity report" : "Continuity report: " + org, r.asOf().toString(), Version.get(),
                inv.files(), inv.size(), ctx.rules().size(), ctx.failed(), ctx.failOnLabel(), ctx.summary(), open,
                r.count(Status.WAIVED), r.count(Status.BASELINE),
                bars(counts.entrySet().stream().map(e -> Map.entry(e.getKey().yaml(), e.getValue())).toList(), true),
                bars(new ArrayList<>(families.entrySet()), false), !families.isEmpty(),
                groups, groups.isEmpty(), controls, !controls.isEmpty(), waivers, !waivers.isEmpty(),
                r.findings().stream().filter(f -> f.status() == Status.BASELINE).map(HtmlReporter::finding).toList(),
                DependencyGraph.of(r), ctx.checked(),
                r.passedRules().stream().map(p -> new RuleRow(p.id(), p.title(), p.severity().yaml())).toList(),
                r.run().skipped().stream().map(sk -> new SkippedRow(sk.rule(), sk.by().label(), sk.reason() == null ? "" : sk.reason())).toList(),
                r.run().severityChanged().stream().map(c -> new ChangedRow(c.rule(), c.from().yaml(), c.to().yaml(), c.reason())).toList(),
                spofSkip.isEmpty(),
                spofSkip.map(sk -> "NET-004 did not run (skipped by " + sk.by().label()
                        + (sk.reason() == null ? "" : ": " + sk.reason()) + "), so single points of failure were not analysed.").orElse(""),
                RuleCatalog.SOURCES.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> new Source(e.getKey(), e.getValue())).toList(),
                JsonReporter.services(r),
                ctx.coverageByFramework().entrySet().stream().map(e -> new CoverageSection(e.getKey().option(), e.getKey().title(),
                        e.getKey().prefix(), e.getValue().stream().map(JsonReporter::coverage).toList())).toList());
    }

    private static FindingRow finding(Finding f) {
        return new FindingRow(f.rule().id(), f.rule().title(), f.rule().severity().yaml(), f.subject(), f.kind(), f.detail(),
                f.location() == null ? "" : f.where(), f.message(), f.rule().remediation(), String.join("; ", f.rule().controls()),
                f.fingerprint());
    }

    /** Horizontal bars: label, count, width in px (max 240), y offset. */
    private static Bars bars(List<Map.Entry<String, Integer>> entries, boolean severityColours) {
        int max = Math.max(1, entries.stream().mapToInt(Map.Entry::getValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (var e : entries) {
            bars.add(new Bar(e.getKey(), e.getValue(), Math.round(240.0 * e.getValue() / max), y, y + 15, severityColours ? e.getKey() : "family"));
            y += 24;
        }
        return new Bars(bars, Math.max(24, y));
    }
}
