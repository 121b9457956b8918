package dev.continuity.engine.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.load.InventoryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/** Mutated Backstage catalogs: imported, or located input errors; never an exception, never a control character. */
class BackstageFuzzTest {
    @TempDir
    Path tmp;

    @Test
    void mutatedCatalogsImportOrGiveLocatedErrors() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        List<JsonNode> entities;
        try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(BackstageImporterTest.FIXTURES.resolve("catalog-info.yaml").toFile())) {
            entities = it.readAll();
        }
        Random random = new Random(Long.getLong("continuity.fuzz.seed", 7L));
        int cases = Integer.getInteger("continuity.fuzz.cases", 400);
        for (int i = 0; i < cases; i++) {
            StringBuilder text = new StringBuilder();
            for (JsonNode e : entities) {
                JsonNode copy = e.deepCopy();
                if (random.nextInt(3) == 0) TerraformFuzzTest.mutate(copy, random);
                text.append(yaml.writeValueAsString(copy));
            }
            Path file = tmp.resolve("catalog-" + i + ".yaml");
            Files.writeString(file, text);
            var loader = new InventoryLoader(tmp);
            try {
                Imported a = loader.importBackstage(List.of(file), Set.of("production"));
                assertThat(BackstageImporterTest.yaml(loader.importBackstage(List.of(file), Set.of("production"))))
                        .as("case " + i).isEqualTo(BackstageImporterTest.yaml(a));
                for (var w : a.warnings()) assertThat(w.toString()).doesNotContainPattern("[\\u0000-\\u0008\\u000b-\\u001f\\u007f\\u202e]");
            } catch (InputException e) {
                for (InputError err : e.errors()) assertThat(err.toString()).as("case " + i).doesNotContain("Exception")
                        .doesNotContainPattern("[\\u0000-\\u0008\\u000b-\\u001f\\u007f\\u202e]");
            }
        }
    }
}
