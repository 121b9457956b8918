package dev.continuity.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.continuity.engine.Version;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.RuleInfo;
import dev.continuity.engine.eval.Status;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -f oscal}: an OSCAL 1.1.2 assessment-results document (JSON) for GRC tools. Each open finding
 * is an OSCAL finding targeted at its first NIST SP 800-53 control in the catalog's form
 * ({@code 53 CP-9(1)} -> {@code cp-9.1_smt}), with a related observation that points at the file
 * and line; {@code reviewed-controls} lists every 800-53 control a rule that ran maps to; a waived
 * finding is a risk whose deadline is the waiver's expiry and whose remediation names the approver.
 * UUIDs are name-based (version 5) on the fingerprints, and times are the evaluation date, so the
 * same input gives the same bytes.
 */
public final class OscalReporter implements Reporter {
    static final String OSCAL_VERSION = "1.1.2";
    private static final Pattern SP800_53 = Pattern.compile("53 ([A-Z]{2})-(\\d+)(?:\\((\\d+)\\))?([a-z])?");
    private static final UUID NAMESPACE = UUID.fromString("8d7e2b38-6a3f-5c1e-9b1d-2f4a6c8e0b13");

    @Override
    public void write(ReportContext ctx, OutputStream out) throws IOException {
        JsonReporter.JSON.writeValue(out, document(ctx));
        out.write('\n');
    }

    static ObjectNode document(ReportContext ctx) {
        Result r = ctx.result();
        String time = r.asOf() + "T00:00:00Z";
        ObjectNode root = JsonReporter.JSON.createObjectNode();
        ObjectNode ar = root.putObject("assessment-results");
        ar.put("uuid", uuid("assessment-results/" + r.inventory().sha256() + "/" + r.asOf()));
        ObjectNode meta = ar.putObject("metadata");
        meta.put("title", "Continuity assessment of " + (r.inventory().hasDeclaredPolicy() && r.inventory().policy().organization() != null
                ? r.inventory().policy().organization() : "the inventory") + " as of " + r.asOf());
        meta.put("last-modified", time);
        meta.put("version", Version.get());
        meta.put("oscal-version", OSCAL_VERSION);
        String plan = uuid("assessment-plan/" + Version.get());
        ar.putObject("import-ap").put("href", "#" + plan);

        ObjectNode result = ar.putArray("results").addObject();
        result.put("uuid", uuid("result/" + r.inventory().sha256() + "/" + r.asOf()));
        result.put("title", "Continuity check as of " + r.asOf());
        result.put("description", ctx.summary() + ". " + String.join("; ", ctx.checked()) + ".");
        result.put("start", time);
        if (!r.coverage().isEmpty()) {
            // --framework coverage, requirement by requirement
            result.put("remarks", String.join("\n", r.coverage().stream().map(c -> c.requirement() + ": " + c.state().label()
                    + " (" + String.join(", ", c.rules()) + ")").toList()));
        }
        SortedSet<String> reviewed = new TreeSet<>();
        for (RuleInfo rule : ctx.rules()) for (String c : rule.controls()) {
            String id = controlId(c);
            if (id != null) reviewed.add(id);
        }
        ArrayNode include = result.putObject("reviewed-controls").putArray("control-selections").addObject().putArray("include-controls");
        for (String id : reviewed) include.addObject().put("control-id", id);

        ArrayNode observations = JsonReporter.JSON.createArrayNode(), risks = JsonReporter.JSON.createArrayNode(),
                findings = JsonReporter.JSON.createArrayNode();
        for (Finding f : r.findings()) {
            if (f.status() == Status.BASELINE) continue;
            String obs = uuid("observation/" + f.fingerprint());
            ObjectNode o = observations.addObject();
            o.put("uuid", obs);
            o.put("title", f.rule().id() + " " + f.rule().title() + ": " + f.label());
            o.put("description", f.message());
            o.putArray("methods").add("TEST");
            if (f.location() != null) {
                o.putArray("relevant-evidence").addObject().put("href", SarifReporter.uri(f.location().file()) + "#L" + f.location().line())
                        .put("description", "the inventory at " + f.where());
            }
            o.put("collected", time);
            if (f.status() == Status.WAIVED) {
                ObjectNode risk = risks.addObject();
                risk.put("uuid", uuid("risk/" + f.fingerprint()));
                risk.put("title", f.rule().id() + " " + f.rule().title() + ": " + f.label());
                risk.put("description", f.message());
                risk.put("statement", "Accepted by waiver " + f.waiver().id() + ": " + f.waiver().reason());
                risk.put("status", "deviation-approved");
                risk.put("deadline", f.waiver().expires() + "T23:59:59Z");
                ObjectNode rem = risk.putArray("remediations").addObject();
                rem.put("uuid", uuid("remediation/" + f.fingerprint()));
                rem.put("lifecycle", "planned");
                rem.put("title", f.rule().remediation());
                rem.put("description", "Approved by " + f.waiver().approvedBy() + " until " + f.waiver().expires() + ": " + f.waiver().reason());
                risk.putArray("related-observations").addObject().put("observation-uuid", obs);
                continue;
            }
            ObjectNode fin = findings.addObject();
            fin.put("uuid", uuid("finding/" + f.fingerprint()));
            fin.put("title", f.rule().id() + " " + f.rule().title() + ": " + f.label());
            fin.put("description", f.message() + " Fix: " + f.rule().remediation());
            String target = f.rule().controls().stream().map(OscalReporter::statementId).filter(Objects::nonNull).findFirst()
                    .orElse("continuity-" + f.rule().id().toLowerCase(Locale.ROOT) + "_smt");
            ObjectNode t = fin.putObject("target");
            t.put("type", "statement-id").put("target-id", target);
            t.putObject("status").put("state", "not-satisfied");
            fin.putArray("related-observations").addObject().put("observation-uuid", obs);
        }
        if (!observations.isEmpty()) result.set("observations", observations);
        if (!risks.isEmpty()) result.set("risks", risks);
        if (!findings.isEmpty()) result.set("findings", findings);
        ObjectNode resource = ar.putObject("back-matter").putArray("resources").addObject();
        resource.put("uuid", plan);
        resource.put("title", "Continuity " + Version.get() + " rule pack");
        resource.put("description", "The continuity rules that ran (" + ctx.rules().size() + "), as the assessment plan: see 'continuity rules'.");
        return root;
    }

    /** {@code 53 CP-9(1)} -> {@code cp-9.1}; null for a control of another source. */
    static String controlId(String control) {
        Matcher m = SP800_53.matcher(control);
        if (!m.matches()) return null;
        return m.group(1).toLowerCase(Locale.ROOT) + "-" + m.group(2) + (m.group(3) == null ? "" : "." + m.group(3));
    }

    /** The statement a control names: {@code 53 CP-9(1)} -> {@code cp-9.1_smt}, {@code 53 CP-2d} -> {@code cp-2_smt.d}. */
    static String statementId(String control) {
        Matcher m = SP800_53.matcher(control);
        if (!m.matches()) return null;
        return controlId(control) + "_smt" + (m.group(4) == null ? "" : "." + m.group(4));
    }

    /** A name-based UUID (version 5, SHA-1), as OSCAL wants (version 4 or 5): stable for the same name. */
    static String uuid(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(NAMESPACE));
            sha1.update(name.getBytes(StandardCharsets.UTF_8));
            byte[] h = sha1.digest();
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            long msb = 0, lsb = 0;
            for (int i = 0; i < 8; i++) msb = (msb << 8) | (h[i] & 0xff);
            for (int i = 8; i < 16; i++) lsb = (lsb << 8) | (h[i] & 0xff);
            return new UUID(msb, lsb).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] toBytes(UUID u) {
        byte[] b = new byte[16];
        long msb = u.getMostSignificantBits(), lsb = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) b[i] = (byte) (msb >>> (56 - 8 * i));
        for (int i = 0; i < 8; i++) b[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        return b;
    }
}
