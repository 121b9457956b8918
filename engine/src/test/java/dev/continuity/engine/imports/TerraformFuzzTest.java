package dev.continuity.engine.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.*;
import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.load.InventoryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terraform JSON that is broken or hostile in ways a plan can be (values of another type, missing
 * or null attributes, lists for objects, control characters, huge numbers): the check either
 * loads the inventory or reports located input errors; the importer never throws, never writes a
 * control character, and gives the same output for the same input.
 */
class TerraformFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> ODD = List.of(NullNode.instance, TextNode.valueOf(""), TextNode.valueOf("\u001b[2J\u202e"),
            IntNode.valueOf(-1), LongNode.valueOf(Long.MAX_VALUE), DoubleNode.valueOf(1e308), BooleanNode.TRUE,
            JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(), TextNode.valueOf("cron(0 */0 * * ? *)"),
            TextNode.valueOf("arn:aws:rds::::"), TextNode.valueOf("P99999999999Y"), TextNode.valueOf("x".repeat(70_000)));

    @TempDir
    Path tmp;

    @Test
    void mutatedPlansAndStatesLoadOrGiveLocatedErrors() throws Exception {
        List<JsonNode> seeds = new ArrayList<>();
        for (String f : List.of("single-az/plan.json", "multi-az/plan.json", "state/state.json")) {
            seeds.add(JSON.readTree(TerraformImporterTest.FIXTURES.resolve(f).toFile()));
        }
        // more: -Dcontinuity.fuzz.seed=N -Dcontinuity.fuzz.cases=N
        Random random = new Random(Long.getLong("continuity.fuzz.seed", 20261123L));
        int cases = Integer.getInteger("continuity.fuzz.cases", 600);
        for (int i = 0; i < cases; i++) {
            JsonNode doc = seeds.get(i % seeds.size()).deepCopy();
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) mutate(doc, random);
            Path file = tmp.resolve("case-" + i + ".json");
            Files.writeString(file, JSON.writeValueAsString(doc));
            String what = "case " + i + ": " + abbreviate(doc);
            var loader = new InventoryLoader(tmp);
            try {
                var inv = loader.load(List.of(file));
                for (String w : inv.warnings()) assertThat(w).as(what).doesNotContainPattern("[\\u0000-\\u0008\\u000b-\\u001f\\u007f\\u202e]");
            } catch (InputException e) {
                for (InputError err : e.errors()) {
                    assertThat(err.file()).as(what).isEqualTo("case-" + i + ".json");
                    assertThat(err.toString()).as(what).doesNotContainPattern("[\\u0000-\\u0008\\u000b-\\u001f\\u007f\\u202e]")
                            .doesNotContain("Exception");
                }
            }
            // the command's path: the same input, the same bytes
            try {
                Imported a = loader.importTerraform(List.of(file)), b = loader.importTerraform(List.of(file));
                String ya = TerraformImporterTest.yaml(a), yb = TerraformImporterTest.yaml(b);
                assertThat(ya).as(what).isEqualTo(yb);
            } catch (InputException expected) {
                // located above
            }
        }
    }

    /** One change at a random place: a value replaced, a key removed, an object turned into a list. */
    static void mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> o.remove(name);
                case 1 -> o.set(name, ODD.get(random.nextInt(ODD.size())));
                default -> {
                    JsonNode v = o.get(name);
                    o.set(name, v.isArray() ? (v.size() > 0 ? v.get(0) : NullNode.instance) : JsonNodeFactory.instance.arrayNode().add(v));
                }
            }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            int at = random.nextInt(a.size());
            if (random.nextBoolean()) a.remove(at);
            else a.set(at, ODD.get(random.nextInt(ODD.size())));
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(child -> collect(child, out));
        }
    }

    private static String abbreviate(JsonNode doc) {
        String s = doc.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
