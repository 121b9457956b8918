package dev.continuity.samples;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.load.InventoryLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One defect at a time in the compliant company gives exactly the findings it implies, worked out
 * by hand from rules.md, including those that follow through the availability model.
 */
class SingleDefectTest {
    static Stream<Arguments> defects() {
        return Stream.of(
                Arguments.of("the TMS database loses its Amsterdam replica", "data.yaml",
                        "replicas:\n  - {site: ams-colo2, mode: sync}\n", "",
                        // the newest copy is now a 4-hourly object backup; Frankfurt alone holds the live data,
                        // and route-api (needed by the portal) needs the TMS database too
                        List.of("DAT-001 route-api [tms-db]", "DAT-001 tms [tms-db]",
                                "NET-004 customer-portal [site:fra-dc1]", "NET-004 customer-portal [zone:frankfurt-main]",
                                "NET-004 route-api [site:fra-dc1]", "NET-004 route-api [zone:frankfurt-main]",
                                "NET-004 tms [site:fra-dc1]", "NET-004 tms [zone:frankfurt-main]")),
                Arguments.of("Frankfurt's second link is ordered from Telekom", "network.yaml",
                        "id: fra-dc1-colt\nsite: fra-dc1\nisp: isp-colt", "id: fra-dc1-colt\nsite: fra-dc1\nisp: isp-telekom",
                        // Amsterdam still has two ISPs, so losing Telekom or AS3320 takes no critical service down
                        List.of("NET-002 fra-dc1")),
                Arguments.of("Amsterdam's Colt link also buys transit from AS1273", "network.yaml",
                        "id: ams-colo2-colt\nsite: ams-colo2\nisp: isp-colt", "id: ams-colo2-colt\nsite: ams-colo2\nisp: isp-colt\nupstream: as1273",
                        List.of("NET-003 ams-colo2")),
                Arguments.of("the portal database loses its cloud backup", "data.yaml",
                        "backups:\n  - {frequency: PT1H, retention: P35D, site: aws-eu-central-1, medium: cloud, immutable: true, encrypted: true}\n", "",
                        // no backup left at all: nothing kept for the policy's minimum retention either
                        List.of("DAT-002 portal-db", "DAT-003 portal-db", "DAT-008 portal-db")),
                Arguments.of("Microsoft 365 only promises next-business-day restoration", "vendors.yaml",
                        "exit-plans/m365\nexitPlanTested: 2026-05-20\nslaRto: PT4H", "exit-plans/m365\nexitPlanTested: 2026-05-20\nslaRto: P1D",
                        List.of("VND-002 email [m365]")),
                Arguments.of("the on-call backup's training lapses", "people.yaml",
                        "{role: it-ops-oncall, date: 2026-09-03}", "{role: it-ops-oncall, date: 2025-09-03}",
                        List.of("PPL-002 it-ops-oncall [eva-kowalski]")),
                Arguments.of("the status page moves onto Frankfurt hardware", "services.yaml",
                        "type: saas\ncriticality: medium\ndependsOn: [statuspage]", "type: saas\ncriticality: medium\nsites: [fra-dc1]",
                        // email (Microsoft 365) still survives any failure of Frankfurt: no COM-002
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void oneDefectGivesExactlyItsFindings(String what, String file, String from, String to, List<String> expected,
                                         @TempDir Path dir) throws Exception {
        copy(Path.of("northwind-compliant/continuity"), dir);
        Path f = dir.resolve(file);
        String text = Files.readString(f);
        assertThat(text).as("the defect applies").contains(from);
        Files.writeString(f, text.replace(from, to));
        Result r = new Evaluator().evaluate(new InventoryLoader(dir).load(List.of(dir)), Evaluator.Options.asOf(SamplesTest.AS_OF));
        List<String> actual = r.findings().stream()
                .map(x -> x.rule().id() + " " + x.subject() + (x.detail().isEmpty() ? "" : " [" + x.detail() + "]"))
                .sorted().toList();
        assertThat(actual).isEqualTo(expected.stream().sorted().toList());
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
