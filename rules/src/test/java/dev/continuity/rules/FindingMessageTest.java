package dev.continuity.rules;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.load.InventoryLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule that reports a subject once although several matches lead to it must say the same thing
 * whatever order the inventory declares them in (the rules fire in an order that follows the facts).
 */
class FindingMessageTest {
    private static final String VENDOR_AND_SITE = """
            kind: Vendor
            id: isp-a
            type: isp
            ---
            kind: Site
            id: dc-1
            type: datacenter
            region: r1
            ---
            kind: InternetLink
            id: l1
            site: dc-1
            isp: isp-a
            """;

    private static String service(String id) {
        return "---\nkind: Service\nid: " + id + "\ncriticality: critical\nsites: [dc-1]\n";
    }

    /** IRP-002 names the first critical service by id that relies on the uncoordinated provider. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void irp002NamesTheFirstServiceById(boolean reversed, @TempDir Path dir) throws Exception {
        String services = reversed ? service("zeta") + service("alpha") : service("alpha") + service("zeta");
        Files.writeString(dir.resolve("inventory.yaml"), VENDOR_AND_SITE + services);
        List<Finding> findings = new Evaluator().evaluate(new InventoryLoader().load(List.of(dir.resolve("inventory.yaml"))),
                Evaluator.Options.asOf(LocalDate.parse("2026-06-01"))).findings();
        assertThat(findings).filteredOn(f -> f.rule().id().equals("IRP-002")).singleElement()
                .extracting(Finding::message).asString().contains("critical service alpha ");
    }
}
