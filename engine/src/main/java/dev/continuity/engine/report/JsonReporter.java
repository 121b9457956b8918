package dev.continuity.engine.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.continuity.engine.Version;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.Run;
import dev.continuity.engine.eval.Status;
import dev.continuity.engine.eval.Waivers;
import dev.continuity.engine.model.Waiver;
import dev.continuity.engine.model.Severity;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** The stable JSON export (interfaces.md, schemaVersion 1). */
public final class JsonReporter implements Reporter {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);



    @Override
    public void write(ReportContext ctx, OutputStream out) throws IOException {
        JSON.writeValue(out, toJson(ctx));
        out.write('\n');
    }

    public static ObjectNode toJson(ReportContext ctx) {
        Result r = ctx.result();
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        root.putObject("tool").put("name", Version.NAME).put("version", Version.get());
        root.put("asOf", r.asOf().toString());
        ObjectNode inv = root.putObject("inventory");
        ArrayNode files = inv.putArray("files");
        r.inventory().files().forEach(files::add);
        inv.put("resources", r.inventory().size());
        inv.put("sha256", r.inventory().sha256());
        root.set("run", run(ctx));
        root.set("baseline", baseline(r.run()));
        root.putArray("frameworks");
        ObjectNode summary = root.putObject("summary");
        for (Map.Entry<Severity, Integer> e : r.openCounts().entrySet()) summary.put(e.getKey().yaml(), e.getValue());
        summary.put("waived", r.count(Status.WAIVED));
        summary.put("baseline", r.count(Status.BASELINE));
        summary.put("failed", ctx.failed());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : r.findings()) findings.add(finding(f));
        ArrayNode waivers = root.putArray("waivers");
        for (Waivers.Status w : r.waivers()) {
            waivers.add(waiver(w.waiver()).put("state", w.state().label()));
        }
        return root;
    }

    /** interfaces.md v2 "What every report discloses": the run's rules and threshold (also SARIF's run properties). */
    static ObjectNode run(ReportContext ctx) {
        Run run = ctx.result().run();
        ObjectNode o = JSON.createObjectNode();
        o.put("failOn", ctx.failOnLabel());
        ObjectNode rules = o.putObject("rules");
        rules.put("total", run.totalRules());
        rules.put("ran", ctx.rules().size());
        ArrayNode skipped = rules.putArray("skipped");
        for (Run.Skipped s : run.skipped()) {
            skipped.addObject().put("rule", s.rule()).put("by", s.by().label()).put("reason", s.reason());
        }
        ArrayNode changed = rules.putArray("severityChanged");
        for (Run.SeverityChange c : run.severityChanged()) {
            changed.addObject().put("rule", c.rule()).put("from", c.from().yaml()).put("to", c.to().yaml()).put("reason", c.reason());
        }
        ArrayNode custom = rules.putArray("custom");
        for (Run.CustomRuleFile c : run.custom()) {
            ArrayNode ids = custom.addObject().put("file", c.file()).put("sha256", c.sha256()).putArray("rules");
            c.rules().forEach(ids::add);
        }
        return o;
    }

    static com.fasterxml.jackson.databind.JsonNode baseline(Run run) {
        if (run.baseline() == null) return JSON.nullNode();
        return JSON.createObjectNode().put("file", run.baseline().file()).put("sha256", run.baseline().sha256())
                .put("matched", run.baseline().matched());
    }

    private static ObjectNode waiver(Waiver w) {
        return JSON.createObjectNode().put("id", w.id()).put("rule", w.rule()).put("subject", w.subject())
                .put("detail", w.detail() == null ? "" : w.detail()).put("reason", w.reason())
                .put("approvedBy", w.approvedBy()).put("expires", w.expires().toString());
    }

    static ObjectNode finding(Finding f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rule", f.rule().id());
        o.put("severity", f.rule().severity().yaml());
        o.put("title", f.rule().title());
        o.put("message", f.message());
        o.put("subject", f.subject());
        o.put("kind", f.kind());
        o.put("detail", f.detail());
        if (f.location() == null) {
            o.putNull("location");
        } else {
            o.putObject("location").put("file", f.location().file()).put("line", f.location().line())
                    .put("column", f.location().column());
        }
        o.put("status", f.status().json());
        o.put("fingerprint", f.fingerprint());
        ArrayNode controls = o.putArray("controls");
        f.rule().controls().forEach(controls::add);
        o.put("remediation", f.rule().remediation());
        if (f.waiver() != null) o.set("waiver", waiver(f.waiver()));
        return o;
    }
}
