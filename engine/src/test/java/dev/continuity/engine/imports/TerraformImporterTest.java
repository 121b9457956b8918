package dev.continuity.engine.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.JsonReader;
import dev.continuity.engine.load.YNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terraform JSON in the shapes HashiCorp documents (a plan, and state) against inventories written
 * down by hand before the importer: expected.yaml beside each input.
 */
class TerraformImporterTest {
    static final Path FIXTURES = Path.of("src/test/resources/imports/terraform");

    static Imported importFile(Path json, String display) throws IOException {
        List<InputError> errors = new ArrayList<>();
        YNode root = new JsonReader(display).read(new StringReader(Files.readString(json)), errors);
        assertThat(errors).isEmpty();
        TerraformImporter importer = new TerraformImporter();
        importer.add(display, root);
        return importer.result();
    }

    static String yaml(Imported imported) {
        StringBuilder all = new StringBuilder();
        InventoryWriter.bySource(imported.documents()).forEach((source, docs) -> all.append(InventoryWriter.yaml("import terraform", source, docs)));
        return all.toString();
    }

    /** Documents by "Kind id", without x-source (compared on its own). */
    static Map<String, JsonNode> documents(String yaml) throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode d = it.next();
                if (d == null || d.isNull() || d.isMissingNode()) continue;
                ((ObjectNode) d).remove("x-source");
                out.put(d.get("kind").asText() + " " + d.get("id").asText(), d);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-az/plan.json", "multi-az/plan.json", "state/state.json"})
    void importsWhatWasWrittenDownBeforehand(String input) throws IOException {
        Path json = FIXTURES.resolve(input);
        Imported imported = importFile(json, json.getFileName().toString());
        assertThat(imported.errors()).isEmpty();
        Map<String, JsonNode> expected = documents(Files.readString(json.resolveSibling("expected.yaml")));
        Map<String, JsonNode> actual = documents(yaml(imported));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String key : expected.keySet()) assertThat(actual.get(key)).as(key).isEqualTo(expected.get(key));
    }

    @Test
    void stateWarningsNameWhatWasNotDerived() throws IOException {
        Imported imported = importFile(FIXTURES.resolve("state/state.json"), "state.json");
        List<String> expected = Files.readAllLines(FIXTURES.resolve("state/warnings.txt")).stream().filter(l -> !l.isBlank()).sorted().toList();
        List<String> actual = imported.warnings().stream().map(w -> w.address() + ": " + w.message()).sorted().toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(imported.warnings()).allSatisfy(w -> assertThat(w.toString()).matches("state\\.json:\\d+:\\d+: .*"));
    }

    @Test
    void unmappedTypesAreListedOnceEach() throws IOException {
        Imported imported = importFile(FIXTURES.resolve("state/state.json"), "state.json");
        assertThat(imported.unmapped()).containsExactly(
                "state.json: not imported: 2 aws_lambda_function resources (aws_lambda_function.resize, aws_lambda_function.thumbnail) have no continuity mapping",
                "state.json: not imported: 1 aws_route53_record resource (aws_route53_record.www) declares nothing this importer reads",
                "state.json: not imported: 1 data source (data sources look up what others declare)");
        Imported plan = importFile(FIXTURES.resolve("single-az/plan.json"), "plan.json");
        assertThat(plan.unmapped()).containsExactly(
                "plan.json: not imported: 1 aws_ecs_service resource (aws_ecs_service.billing_api) has no continuity mapping");
    }

    @Test
    void dnsFailoverWithAHealthCheckCompletesTheServiceItsTagNames() throws IOException {
        Imported imported = importFile(FIXTURES.resolve("state/state.json"), "state.json");
        List<ImportedDocument> completions = imported.documents().stream().filter(ImportedDocument::completion).toList();
        assertThat(completions).extracting(ImportedDocument::kind, ImportedDocument::id, ImportedDocument::address)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Service", "checkout", "aws_route53_record.api_primary"));
        assertThat(InventoryWriter.tree(completions.get(0).document()).get("failover").toString()).isEqualTo("{\"automated\":true}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-az/plan.json", "multi-az/plan.json", "state/state.json"})
    void sameInputSameBytesAndNoSecretCopied(String input) throws IOException {
        Path json = FIXTURES.resolve(input);
        String first = yaml(importFile(json, "in.json"));
        String second = yaml(importFile(json, "in.json"));
        assertThat(second).isEqualTo(first);
        for (String secret : List.of("correct-horse-battery-staple", "do-not-copy-me", "never-copy", "secret", "nope", "billing_admin")) {
            assertThat(first).doesNotContain(secret);
        }
    }

    @Test
    void everyDocumentSaysWhereItCameFrom() throws IOException {
        String yaml = yaml(importFile(FIXTURES.resolve("single-az/plan.json"), "plan.json"));
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            JsonNode store = it.readAll().stream().filter(d -> d.get("kind").asText().equals("DataStore")).findFirst().orElseThrow();
            assertThat(store.get("x-source").toString()).isEqualTo("{\"address\":\"aws_db_instance.billing\",\"file\":\"plan.json\",\"line\":13}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0", "0.1", "one"})
    void onlyFormatOneIsRead(String version) {
        String json = "{\"format_version\": \"" + version + "\", \"terraform_version\": \"1.9.5\"}";
        List<InputError> errors = new ArrayList<>();
        YNode root = new JsonReader("plan.json").read(new StringReader(json), errors);
        TerraformImporter importer = new TerraformImporter();
        importer.add("plan.json", root);
        assertThat(importer.result().errors()).extracting(InputError::toString)
                .containsExactly("plan.json:1:20: format_version: Terraform JSON format '" + version
                        + "' is not supported: this version reads format 1.x (terraform show -json of Terraform 0.12 to 1.x)");
    }

    @Test
    void jsonThatIsNotTerraformsIsAnInputError() {
        List<InputError> errors = new ArrayList<>();
        YNode root = new JsonReader("other.json").read(new StringReader("{\"a\": 1}"), errors);
        TerraformImporter importer = new TerraformImporter();
        importer.add("other.json", root);
        assertThat(importer.result().errors()).extracting(InputError::toString).singleElement().asString()
                .startsWith("other.json:1:1: not Terraform's JSON");
    }

    @Test
    void countsNoProviderWouldAcceptAreWarningsNotCrashes() throws IOException {
        // found by TerraformFuzzTest: a retention of Long.MAX_VALUE days, a negative Replication Time Control
        String plan = Files.readString(FIXTURES.resolve("single-az/plan.json"))
                .replace("\"backup_retention_period\": 1,", "\"backup_retention_period\": 9223372036854775807,");
        List<InputError> errors = new ArrayList<>();
        YNode root = new JsonReader("plan.json").read(new StringReader(plan), errors);
        TerraformImporter importer = new TerraformImporter();
        importer.add("plan.json", root);
        assertThat(importer.result().warnings()).extracting(ImportNote::message).containsExactly(
                "backup_retention_period 9223372036854775807 is not a number of days RDS keeps: its automated backups were not imported");
        assertThat(TerraformImporter.amount(-1L, "M")).isNull();
        assertThat(TerraformImporter.amount(0L, "D")).isNull();
        assertThat(TerraformImporter.amount(1001L, "Y")).isNull();
        assertThat(TerraformImporter.amount(15L, "M")).hasToString("PT15M");
        assertThat(TerraformImporter.cronInterval("cron(0 */0 * * ? *)")).isNull();
    }

    @Test
    void cronSchedulesWithAFixedInterval() {
        assertThat(TerraformImporter.cronInterval("cron(0 5 ? * * *)")).hasToString("P1D");
        assertThat(TerraformImporter.cronInterval("cron(0 */4 * * ? *)")).hasToString("PT4H");
        assertThat(TerraformImporter.cronInterval("cron(0 * * * ? *)")).hasToString("PT1H");
        assertThat(TerraformImporter.cronInterval("cron(0 5 ? * SUN *)")).hasToString("P7D");
        assertThat(TerraformImporter.cronInterval("cron(0 5 1 * ? *)")).hasToString("P1M");
        assertThat(TerraformImporter.cronInterval("cron(15 2 L * ? *)")).isNull();
        assertThat(TerraformImporter.cronInterval("cron(0 5,17 * * ? *)")).isNull();
        assertThat(TerraformImporter.cronInterval("rate(1 day)")).isNull();
    }

    @Test
    void idsFromAddresses() {
        Ids ids = new Ids();
        String longName = "module.a_very_long_module_name.module.another_long_module_name.aws_db_instance.main";
        ids.reserve(List.of("module.logging[\"EU\"].aws_s3_bucket.logs", "aws_db_instance.x[0]", "aws_db_instance.x[\"0\"]", longName));
        assertThat(ids.of("module.logging[\"EU\"].aws_s3_bucket.logs")).isEqualTo("module.logging.eu.aws_s3_bucket.logs");
        assertThat(ids.of("aws_db_instance.x[\"0\"]")).isEqualTo("aws_db_instance.x.0");
        assertThat(ids.of("aws_db_instance.x[0]")).startsWith("aws_db_instance.x.0-").hasSize("aws_db_instance.x.0-".length() + 8);
        assertThat(ids.of(longName)).hasSize(63).startsWith(longName.substring(0, 54) + "-");
        assertThat(Ids.slug("Equinix, Inc.")).isEqualTo("equinix-inc");
        assertThat(List.of(ids.of(longName), ids.of("aws_db_instance.x[0]"))).allMatch(Ids::valid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-az/plan.json", "multi-az/plan.json"})
    void theWrittenInventoryLoadsIntoTheSameModelAsTheImportInMemory(String input, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path json = FIXTURES.resolve(input);
        Files.copy(json, tmp.resolve("plan.json"));
        Files.writeString(tmp.resolve("plan.yaml"), yaml(importFile(json, "plan.json")));
        var loader = new dev.continuity.engine.load.InventoryLoader(tmp);
        var fromYaml = loader.load(List.of(tmp.resolve("plan.yaml")));
        var inMemory = loader.load(List.of(tmp.resolve("plan.json")));
        assertThat(inMemory.warnings()).isNotEmpty();
        assertThat(fromYaml.resources()).hasSameSizeAs(inMemory.resources());
        for (var r : fromYaml.resources()) {
            var same = inMemory.get(r.id()).orElseThrow();
            // records compare every field; only where each was written differs
            assertThat(withoutLocation(same)).as(r.id()).isEqualTo(withoutLocation(r));
            assertThat(same.location().file()).isEqualTo("plan.json");
        }
    }

    /** A resource's fields as text, its location left out. */
    private static String withoutLocation(dev.continuity.engine.model.Resource r) {
        return r.toString().replaceAll("location=[^,]*,", "");
    }
}
