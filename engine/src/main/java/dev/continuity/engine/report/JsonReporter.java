package dev.continuity.engine.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.continuity.engine.Version;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.Status;
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
    public String format() {
        return "json";
    }

    @Override
    public String extension() {
        return "json";
    }

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
        ObjectNode summary = root.putObject("summary");
        for (Map.Entry<Severity, Integer> e : r.openCounts().entrySet()) summary.put(e.getKey().yaml(), e.getValue());
        summary.put("waived", r.count(Status.WAIVED));
        summary.put("baseline", r.count(Status.BASELINE));
        summary.put("failed", ctx.failed());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : r.findings()) findings.add(finding(f));
        return root;
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
        if (f.waiver() != null) {
            o.putObject("waiver").put("id", f.waiver().id()).put("reason", f.waiver().reason())
                    .put("approvedBy", f.waiver().approvedBy()).put("expires", f.waiver().expires().toString());
        }
        return o;
    }
}
