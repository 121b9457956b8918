package dev.continuity.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.continuity.engine.load.InventorySchema;
import dev.continuity.engine.model.Kinds;
import dev.continuity.engine.model.Resource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `continuity schema` agrees with the loader: valid inventories validate, every kind and field is described. */
class InventorySchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final JsonNode schemaNode = InventorySchema.generate();
    private final JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);

    static List<Path> yamlFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("expected.yaml")).sorted().toList();
        }
    }

    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser p = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
            var it = YAML.readValues(p, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isMissingNode()) docs.add(n);
            }
        }
        return docs;
    }

    @Test
    void everyDocumentOfTheSamplesAndRuleFixturesValidates() throws IOException {
        List<Path> files = new ArrayList<>(yamlFiles(Path.of(".")));
        files.addAll(yamlFiles(Path.of("../rules/src/test/resources/rule-tests")));
        int checked = 0;
        for (Path f : files) {
            for (JsonNode doc : documents(f)) {
                Set<ValidationMessage> errors = schema.validate(doc);
                assertThat(errors).as(f + " " + doc.path("id")).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() throws IOException {
        JsonNode unknownField = YAML.readTree("kind: Site\nid: s\ntype: office\nregion: r\nregoin: x\n");
        JsonNode badEnum = YAML.readTree("kind: Site\nid: s\ntype: data-center\nregion: r\n");
        JsonNode missingRequired = YAML.readTree("kind: Site\nid: s\ntype: office\n");
        JsonNode badId = YAML.readTree("kind: Site\nid: Bad Id\ntype: office\nregion: r\n");
        JsonNode badDuration = YAML.readTree("kind: Service\nid: s\ncriticality: high\nrto: 4 hours\n");
        JsonNode userField = YAML.readTree("kind: Site\nid: s\ntype: office\nregion: r\nx-owner: me\n");
        assertThat(schema.validate(unknownField)).isNotEmpty();
        assertThat(schema.validate(badEnum)).isNotEmpty();
        assertThat(schema.validate(missingRequired)).isNotEmpty();
        assertThat(schema.validate(badId)).isNotEmpty();
        assertThat(schema.validate(badDuration)).isNotEmpty();
        assertThat(schema.validate(userField)).isEmpty();
    }

    @Test
    void everyKindAndFieldAppears() {
        JsonNode defs = schemaNode.path("$defs");
        for (Class<? extends Resource> kind : Kinds.ALL) {
            JsonNode props = defs.path(kind.getSimpleName()).path("properties");
            assertThat(props.isObject()).as(kind.getSimpleName()).isTrue();
            for (RecordComponent c : kind.getRecordComponents()) {
                if (c.getName().equals("location")) continue;
                assertThat(props.has(c.getName())).as(kind.getSimpleName() + "." + c.getName()).isTrue();
            }
        }
    }

    /** A second, independent validator (json-sKema, draft 2020-12) compiles the schema and agrees with the first. */
    @Test
    void aSecondValidatorCompilesTheSchemaAndAgrees() throws IOException {
        var schema = new com.github.erosb.jsonsKema.SchemaLoader(new com.github.erosb.jsonsKema.JsonParser(schemaNode.toString()).parse()).load();
        var validator = com.github.erosb.jsonsKema.Validator.forSchema(schema);
        int checked = 0;
        for (Path f : yamlFiles(Path.of("northwind"))) {
            for (JsonNode doc : documents(f)) {
                assertThat(validator.validate(new com.github.erosb.jsonsKema.JsonParser(doc.toString()).parse())).as(f + " " + doc.path("id")).isNull();
                checked++;
            }
        }
        assertThat(checked).isPositive();
        String broken = "{\"kind\": \"Site\", \"id\": \"dc-1\", \"type\": \"data-center\", \"region\": \"eu\"}";
        assertThat(validator.validate(new com.github.erosb.jsonsKema.JsonParser(broken).parse())).isNotNull();
        assertThat(schemaNode.path("$id").asText()).startsWith("https://");
    }
}
