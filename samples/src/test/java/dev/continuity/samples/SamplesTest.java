package dev.continuity.samples;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.Status;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled samples give exactly the findings their README promises, as of the date they describe. */
class SamplesTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    private final Evaluator evaluator = new Evaluator();

    private Result check(String sample) throws Exception {
        return evaluator.evaluate(new InventoryLoader().load(List.of(Path.of(sample, "continuity"))), Evaluator.Options.asOf(AS_OF));
    }

    private static List<String> keys(Result r) {
        return r.findings().stream().map(f -> f.status().json() + " " + f.rule().id() + " " + f.subject()
                + (f.detail().isEmpty() ? "" : " [" + f.detail() + "]")).toList();
    }

    @Test
    void theCompliantCompanyHasNoFindingAtAll() throws Exception {
        Result r = check("northwind-compliant");
        assertThat(r.inventory().size()).isGreaterThanOrEqualTo(30);
        assertThat(keys(r)).isEmpty();
        assertThat(r.failed(Severity.LOW)).isFalse();
    }

    @Test
    void theSampleCompanyHasExactlyItsDeliberateProblems() throws Exception {
        Result r = check("northwind");
        assertThat(keys(r)).containsExactly(
                "open DAT-001 billing [billing-db]",
                "open GEO-003 billing",
                "open GEO-003 warehouse-scanning",
                "open NET-002 fra-dc1",
                "open COM-001 irp-ransomware",
                "open COM-002 irp-ransomware",
                "open DAT-002 billing-db",
                "open DAT-004 billing-db",
                "open DAT-008 billing-db",
                "open EX-001 irp-ransomware",
                "open EX-004 irp-ransomware",
                "open IRP-001 irp-ransomware",
                "waived NET-003 ams-colo2",
                "open PLN-002 bcp",
                "open PPL-002 comms-lead [farid-haddad]",
                "open SVC-002 billing",
                "open SVC-005 billing [billing]",
                "open VND-002 email [m365]",
                "open DAT-007 billing-db",
                "open DAT-009 billing-db",
                "open PLN-003 drp",
                "open PLN-007 irp-ransomware",
                "open PLN-008 drp",
                "open SEC-002 tms",
                "open VND-004 equinix",
                "open WVR-001 waive-bcp-review");
        assertThat(r.failed(Severity.LOW)).isTrue();
        Finding waived = r.findings().stream().filter(f -> f.status() == Status.WAIVED).findFirst().orElseThrow();
        assertThat(waived.waiver().id()).isEqualTo("waive-ams-shared-transit");
    }

    @Test
    void everyKindOfResourceIsInTheSample() throws Exception {
        var inv = new InventoryLoader().load(List.of(Path.of("northwind", "continuity")));
        for (var kind : dev.continuity.engine.model.Kinds.ALL) {
            assertThat(inv.all(kind)).as(kind.getSimpleName()).isNotEmpty();
        }
    }

    /** rules.md v2 "Where a finding points": at the field that decides the finding, never just the document. */
    @Test
    void findingsPointAtTheFieldThatDecidesThem() throws Exception {
        Result r = check("northwind");
        java.util.function.Function<String, String> where = key -> r.findings().stream()
                .filter(f -> (f.rule().id() + " " + f.label()).equals(key)).findFirst().orElseThrow().where();
        // services.yaml:49 is "failover: {site: ams-colo2, mode: cold}": mode: is at column 29
        assertThat(where.apply("GEO-003 billing")).isEqualTo("northwind/continuity/services.yaml:49:29");
        assertThat(where.apply("SVC-002 billing")).isEqualTo("northwind/continuity/services.yaml:45:1");
        assertThat(where.apply("DAT-001 billing [billing-db]")).isEqualTo("northwind/continuity/services.yaml:46:1");
        // the backup list item whose encrypted is not true
        assertThat(where.apply("DAT-007 billing-db")).isEqualTo("northwind/continuity/data.yaml:30:5");
        // VND-002 points at the vendor's slaRto, in the vendor's file
        assertThat(where.apply("VND-002 email [m365]")).startsWith("northwind/continuity/vendors.yaml:");
        // fingerprints do not depend on locations: a baseline written before still matches
        assertThat(r.findings().stream().filter(f -> f.rule().id().equals("GEO-003") && f.subject().equals("billing")).findFirst()
                .orElseThrow().fingerprint()).isEqualTo(Finding.fingerprint("GEO-003", "billing", ""));
    }
}
