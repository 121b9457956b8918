package dev.continuity.engine.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.continuity.engine.Version;
import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A baseline: the fingerprints of known open findings, which later checks report as baseline
 * (never failing). Fingerprints hash (rule, subject, detail) only, so a baseline survives edits
 * that move lines. The file is JSON, sorted, with rule and subject beside each fingerprint so that
 * a reviewer can read what was accepted.
 */
public record Baseline(String file, String sha256, Set<String> fingerprints) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    public Baseline {
        fingerprints = Set.copyOf(fingerprints);
    }

    /** Reads a baseline file; {@code shown} is its path as reports show it. */
    public static Baseline read(Path file, String shown) throws InputException {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode findings = root == null ? null : root.get("findings");
            if (findings == null || !findings.isArray() || root.path("schemaVersion").asInt() != 1) {
                throw new InputException(List.of(new InputError(shown, 0, 0,
                        "not a continuity baseline (write one with --write-baseline)")));
            }
            Set<String> out = new TreeSet<>();
            for (JsonNode f : findings) {
                String fp = f.path("fingerprint").asText("");
                if (!fp.matches("[0-9a-f]{32}")) {
                    throw new InputException(List.of(new InputError(shown, 0, 0, "a baseline entry has no valid fingerprint")));
                }
                out.add(fp);
            }
            return new Baseline(shown, dev.continuity.engine.load.InventoryLoader.sha256(file), out);
        } catch (IOException e) {
            throw new InputException(List.of(new InputError(shown, 0, 0, "cannot read baseline: "
                    + (e instanceof java.nio.file.NoSuchFileException || e instanceof java.io.FileNotFoundException
                    ? "no such file" : e.getMessage()))));
        }
    }

    /** Writes the open findings of the result (atomically: temporary file, then rename). */
    public static int write(Path file, Result result) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("tool", Version.NAME);
        ArrayNode list = root.putArray("findings");
        int n = 0;
        for (Finding f : result.findings().stream().filter(f -> f.status() != Status.WAIVED)
                .sorted(java.util.Comparator.comparing(Finding::fingerprint)).toList()) {
            list.addObject().put("fingerprint", f.fingerprint()).put("rule", f.rule().id()).put("subject", f.subject()).put("detail", f.detail());
            n++;
        }
        dev.continuity.engine.report.ReportFiles.writeAtomically(file, o -> {
            JSON.writeValue(o, root);
            o.write('\n');
        });
        return n;
    }
}
