package dev.continuity.engine.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.continuity.engine.Version;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.Run;
import dev.continuity.engine.eval.Status;
import dev.continuity.engine.eval.Waivers;
import dev.continuity.engine.model.Severity;
import dev.continuity.engine.model.Waiver;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The stable JSON export (interfaces.md, schemaVersion 1), written from a typed view model: the
 * records below are the report's schema, in the order their fields are written.
 */
public final class JsonReporter implements Reporter {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** The whole report. */
    public record Report(int schemaVersion, Tool tool, String asOf, InventoryView inventory, RunView run, BaselineView baseline,
                         List<String> frameworks, Summary summary, List<FindingView> findings, List<WaiverView> waivers,
                         List<ServiceView> services, List<CoverageView> coverage) {
    }

    /** A requirement of a selected framework, the rules that map to it, and pass, fail or waived. */
    public record CoverageView(String framework, String requirement, List<String> rules, String state) {
    }

    /** A service and the recovery time the design can prove (rules.md v2 rec(S)), with what limits it; null when nothing is declared. */
    public record ServiceView(String id, String criticality, String rto, String mtd, String recovery, String limitedBy) {
    }

    public record Tool(String name, String version) {
    }

    public record InventoryView(List<String> files, int resources, String sha256) {
    }

    /** interfaces.md v2 "What every report discloses". */
    public record RunView(String failOn, Rules rules) {
    }

    public record Rules(int total, int ran, List<Skipped> skipped, List<Changed> severityChanged, List<Custom> custom) {
    }

    public record Skipped(String rule, String by, String reason) {
    }

    public record Changed(String rule, String from, String to, String reason) {
    }

    public record Custom(String file, String sha256, List<String> rules) {
    }

    public record BaselineView(String file, String sha256, long matched) {
    }

    public record Summary(int critical, int high, int medium, int low, long waived, long baseline, boolean failed) {
    }

    public record LocationView(String file, int line, int column) {
    }

    public record FindingView(String rule, String severity, String title, String message, String subject, String kind, String detail,
                              LocationView location, String status, String fingerprint, List<String> controls, String remediation,
                              @JsonInclude(JsonInclude.Include.NON_NULL) WaiverView waiver) {
    }

    /** A waiver; {@code state} only in the report's list of waivers. */
    public record WaiverView(String id, String rule, String subject, String detail, String reason, String approvedBy, String expires,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String state) {
    }

    @Override
    public void write(ReportContext ctx, OutputStream out) throws IOException {
        JSON.writeValue(out, report(ctx));
        out.write('\n');
    }

    public static Report report(ReportContext ctx) {
        Result r = ctx.result();
        Map<Severity, Integer> open = r.openCounts();
        return new Report(1, new Tool(Version.NAME, Version.get()), r.asOf().toString(),
                new InventoryView(r.inventory().files(), r.inventory().size(), r.inventory().sha256()),
                run(ctx), baseline(r.run()), frameworks(r),
                new Summary(open.get(Severity.CRITICAL), open.get(Severity.HIGH), open.get(Severity.MEDIUM), open.get(Severity.LOW),
                        r.count(Status.WAIVED), r.count(Status.BASELINE), ctx.failed()),
                r.findings().stream().map(JsonReporter::finding).toList(),
                r.waivers().stream().map(w -> waiver(w.waiver(), w.state().label())).toList(),
                services(r), coverage(r));
    }

    /** The report as a tree (tests, and formats that embed parts of it). */
    public static JsonNode toJson(ReportContext ctx) {
        return JSON.valueToTree(report(ctx));
    }

    static List<String> frameworks(Result r) {
        return r.coverage().stream().map(c -> c.framework().option()).distinct().toList();
    }

    static List<CoverageView> coverage(Result r) {
        return r.coverage().stream().map(JsonReporter::coverage).toList();
    }

    /** One requirement's coverage as the reports show it. */
    static CoverageView coverage(dev.continuity.engine.eval.Framework.Coverage c) {
        return new CoverageView(c.framework().option(), c.requirement(), c.rules(), c.state().label());
    }

    /** Every service with its recovery time, sorted by id. */
    static List<ServiceView> services(Result r) {
        java.util.Map<String, dev.continuity.engine.graph.Recovery> rec = new java.util.HashMap<>();
        for (var x : r.recoveries()) rec.put(x.service(), x);
        return r.inventory().all(dev.continuity.engine.model.Service.class).stream()
                .sorted(java.util.Comparator.comparing(dev.continuity.engine.model.Service::id))
                .map(s -> {
                    var x = rec.get(s.id());
                    return new ServiceView(s.id(), s.criticality().yaml(), s.rto() == null ? null : s.rto().toString(),
                            s.mtd() == null ? null : s.mtd().toString(),
                            x == null || x.time() == null ? null : x.time().toString(), x == null || x.time() == null ? null : x.limiting());
                }).toList();
    }

    static RunView run(ReportContext ctx) {
        Run run = ctx.result().run();
        return new RunView(ctx.failOnLabel(), new Rules(run.totalRules(), ctx.rules().size(),
                run.skipped().stream().map(s -> new Skipped(s.rule(), s.by().label(), s.reason())).toList(),
                run.severityChanged().stream().map(c -> new Changed(c.rule(), c.from().yaml(), c.to().yaml(), c.reason())).toList(),
                run.custom().stream().map(c -> new Custom(c.file(), c.sha256(), c.rules())).toList()));
    }

    static BaselineView baseline(Run run) {
        return run.baseline() == null ? null
                : new BaselineView(run.baseline().file(), run.baseline().sha256(), run.baseline().matched());
    }

    static FindingView finding(Finding f) {
        return new FindingView(f.rule().id(), f.rule().severity().yaml(), f.rule().title(), f.message(), f.subject(), f.kind(), f.detail(),
                f.location() == null ? null : new LocationView(f.location().file(), f.location().line(), f.location().column()),
                f.status().json(), f.fingerprint(), f.rule().controls(), f.rule().remediation(),
                f.waiver() == null ? null : waiver(f.waiver(), null));
    }

    private static WaiverView waiver(Waiver w, String state) {
        return new WaiverView(w.id(), w.rule(), w.subject(), w.detail() == null ? "" : w.detail(), w.reason(), w.approvedBy(),
                w.expires().toString(), state);
    }
}
