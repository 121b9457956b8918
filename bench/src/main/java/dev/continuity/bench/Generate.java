package dev.continuity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

/**
 * Generates a synthetic inventory of about N resources: copies of a template company (by default
 * samples/northwind-compliant) whose ids are prefixed per copy, sharing one Policy. A fraction of
 * the copies gets deliberate defects. Deterministic for a given seed.
 *
 * <pre>Generate N OUTDIR [--template DIR] [--defects FRACTION] [--seed S] [--files-per-company]</pre>
 */
public final class Generate {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Generate N OUTDIR [--template DIR] [--defects FRACTION] [--seed S]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Path template = Path.of("samples/northwind-compliant/continuity");
        double defects = 0;
        long seed = 42;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--template" -> template = Path.of(args[++i]);
                case "--defects" -> defects = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Summary s = generate(template, n, out, defects, seed);
        System.out.println("wrote " + s.resources() + " resources (" + s.companies() + " companies, " + s.defective()
                + " with defects) to " + out);
    }

    public record Summary(int resources, int companies, int defective) {
    }

    public static Summary generate(Path template, int n, Path out, double defectFraction, long seed) throws IOException {
        List<ObjectNode> docs = readTemplate(template);
        ObjectNode policy = docs.stream().filter(d -> d.path("kind").asText().equals("Policy")).findFirst().orElse(null);
        List<ObjectNode> company = docs.stream().filter(d -> d != policy).toList();
        Set<String> ids = new HashSet<>();
        company.forEach(d -> ids.add(d.path("id").asText()));
        int companies = Math.max(1, (int) Math.round((double) (n - (policy == null ? 0 : 1)) / company.size()));
        Random random = new Random(seed);
        Files.createDirectories(out);
        copyDocs(template, out);
        int written = 0, defective = 0;
        if (policy != null) {
            try (Writer w = Files.newBufferedWriter(out.resolve("policy.yaml"))) {
                YAML.writeValue(w, policy);
            }
            written++;
        }
        int perFile = Math.max(1, 1000 / company.size());
        for (int start = 0; start < companies; start += perFile) {
            Path file = out.resolve(String.format("companies-%06d.yaml", start));
            try (Writer w = Files.newBufferedWriter(file); SequenceWriter seq = YAML.writer().writeValues(w)) {
                for (int c = start; c < Math.min(companies, start + perFile); c++) {
                    String prefix = String.format("c%05d-", c);
                    boolean broken = random.nextDouble() < defectFraction;
                    if (broken) defective++;
                    for (ObjectNode d : company) {
                        ObjectNode copy = (ObjectNode) rename(d.deepCopy(), ids, prefix);
                        if (broken) breakIt(copy);
                        seq.write(copy);
                        written++;
                    }
                }
            }
        }
        return new Summary(written, companies, defective);
    }

    /** Deliberate defects: a lost internet link, an unencrypted backup, a plan never reviewed. */
    private static void breakIt(ObjectNode d) {
        String kind = d.path("kind").asText();
        String id = d.path("id").asText();
        if (kind.equals("InternetLink") && id.endsWith("-fra-dc1-colt")) {
            d.put("isp", d.path("isp").asText().replace("isp-colt", "isp-telekom"));
        } else if (kind.equals("DataStore") && id.endsWith("-dwh")) {
            for (JsonNode b : d.path("backups")) ((ObjectNode) b).put("encrypted", false);
        } else if (kind.equals("Plan") && id.endsWith("-drp")) {
            d.remove("lastReviewed");
        }
    }

    /** Fields whose values are never ids (an enum value may equal an id: a service may be called "email"). */
    private static final Set<String> NOT_REFERENCES = Set.of("kind", "type", "mode", "medium", "criticality", "severity",
            "status", "phases", "region", "hazardZone", "scenario", "upstreams", "upstream", "entryPoint", "name",
            "description", "summary", "document", "exitPlan", "stakeholders", "labels");

    /** Prefixes every string that is an id of the template company: ids and references alike. */
    private static JsonNode rename(JsonNode node, Set<String> ids, String prefix) {
        if (node.isTextual()) return ids.contains(node.asText()) ? new TextNode(prefix + node.asText()) : node;
        if (node instanceof ObjectNode o) {
            o.fields().forEachRemaining(e -> {
                if (!NOT_REFERENCES.contains(e.getKey())) e.setValue(rename(e.getValue(), ids, prefix));
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) a.set(i, rename(a.get(i), ids, prefix));
        }
        return node;
    }

    private static List<ObjectNode> readTemplate(Path template) throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(template)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            try (var it = YAML.readerFor(JsonNode.class).readValues(f.toFile())) {
                while (it.hasNext()) {
                    JsonNode n = (JsonNode) it.next();
                    if (n instanceof ObjectNode o) docs.add(o);
                }
            }
        }
        return docs;
    }

    /** Plan documents are relative to the declaring file: copy them beside the generated files. */
    private static void copyDocs(Path template, Path out) throws IOException {
        try (Stream<Path> s = Files.walk(template)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".yaml")).toList()) {
                Path target = out.resolve(template.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
