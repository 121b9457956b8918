package dev.continuity.engine.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.load.InventoryLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A Backstage catalog against the inventory written down by hand before the importer (expected.yaml). */
class BackstageImporterTest {
    static final Path FIXTURES = Path.of("src/test/resources/imports/backstage");

    static Imported importCatalog(Set<String> lifecycles) throws InputException {
        return new InventoryLoader(FIXTURES).importBackstage(List.of(FIXTURES.resolve("catalog-info.yaml")), lifecycles);
    }

    static String yaml(Imported imported) {
        StringBuilder all = new StringBuilder();
        InventoryWriter.bySource(imported.documents()).forEach((source, docs) -> all.append(InventoryWriter.yaml("import backstage", source, docs)));
        return all.toString();
    }

    @Test
    void importsWhatWasWrittenDownBeforehand() throws Exception {
        Imported imported = importCatalog(Set.of("production"));
        Map<String, JsonNode> expected = TerraformImporterTest.documents(Files.readString(FIXTURES.resolve("expected.yaml")));
        Map<String, JsonNode> actual = TerraformImporterTest.documents(yaml(imported));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String key : expected.keySet()) assertThat(actual.get(key)).as(key).isEqualTo(expected.get(key));
    }

    @Test
    void warningsNameTheEntityAndWhatIsLeftToWrite() throws Exception {
        Imported imported = importCatalog(Set.of("production"));
        List<String> expected = Files.readAllLines(FIXTURES.resolve("warnings.txt")).stream().filter(l -> !l.isBlank()).sorted().toList();
        assertThat(imported.warnings().stream().map(w -> w.address() + ": " + w.message()).sorted().toList()).containsExactlyElementsOf(expected);
        assertThat(imported.warnings()).allSatisfy(w -> assertThat(w.toString()).matches("catalog-info\\.yaml:\\d+:\\d+: .*"));
    }

    @Test
    void whatIsNotImportedIsCountedPerKind() throws Exception {
        assertThat(importCatalog(Set.of("production")).unmapped()).containsExactly(
                "catalog-info.yaml: not imported: 1 API entities",
                "catalog-info.yaml: not imported: 1 Component entities of type library (not a running service)",
                "catalog-info.yaml: not imported: 1 Component entities with lifecycle experimental (--lifecycle experimental imports them)",
                "catalog-info.yaml: not imported: 1 Resource entities of type queue");
        Imported both = importCatalog(Set.of("production", "experimental"));
        assertThat(both.documents()).extracting(ImportedDocument::id).contains("new-checkout");
    }

    @Test
    void sameCatalogSameBytes() throws Exception {
        assertThat(yaml(importCatalog(Set.of("production")))).isEqualTo(yaml(importCatalog(Set.of("production"))));
    }

    @Test
    void entityReferences() {
        assertThat(BackstageImporter.ref("payments-team", "group", "default")).isEqualTo("group:default/payments-team");
        assertThat(BackstageImporter.ref("User:Ops/Ada", "group", "default")).isEqualTo("user:ops/ada");
        assertThat(BackstageImporter.ref("resource:db", "component", "x")).isEqualTo("resource:x/db");
    }
}
