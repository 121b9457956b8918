package dev.continuity.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.continuity.engine.eval.*;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every registered format on small synthetic results, table-driven as conftest's output tests:
 * empty, waived only, a finding without a location, and a baseline. Each output is compared with
 * its expected file in src/test/resources/reporters (regenerate with -Dcontinuity.updateGolden=true
 * and review the diff) and checked for determinism and validity.
 */
class ReportersTest {
    static final Path EXPECTED = Path.of("src/test/resources/reporters");
    static final LocalDate AS_OF = LocalDate.parse("2026-06-01");
    static final RuleInfo SPOF = new RuleInfo("NET-004", Severity.CRITICAL, "Single point of failure", List.of("53 CP-8(2)"),
            "Remove the single point of failure.", "A critical service goes down with one domain failed.", "Outages.");
    static final RuleInfo SCENARIO = new RuleInfo("EX-003", Severity.MEDIUM, "Scenario not exercised", List.of("ISO 8.5"),
            "Exercise the scenario.", "A required scenario has no exercise.", "Untested plans fail.");
    static final Location AT = new Location("continuity/services.yaml", 12, 3);

    static Result result(List<Finding> findings, Run.BaselineUse baseline, List<Waivers.Status> waivers) {
        Inventory inv = new Inventory(List.of("continuity/services.yaml"), List.of(), InventoryLoader.defaultPolicy(), "ab".repeat(32));
        Run run = new Run(2, List.of(), List.of(), List.of(), baseline);
        return new Result(inv, AS_OF, findings, new Result.Timings(0, 0, 0), List.of(SCENARIO, SPOF), run, waivers);
    }

    static final Waiver WAIVER = new Waiver("w-1", null, null, Map.of(), new Location("continuity/waivers.yaml", 1, 1),
            "NET-004", "web", "site:dc-1", "replica in build", "ciso", LocalDate.parse("2026-12-31"));

    static Map<String, Supplier<Result>> cases() {
        Map<String, Supplier<Result>> m = new java.util.LinkedHashMap<>();
        m.put("empty", () -> result(List.of(), null, List.of()));
        m.put("waived-only", () -> result(List.of(new Finding(SPOF, "web", "Service", "site:dc-1", "web goes down when site:dc-1 fails",
                AT, Status.WAIVED, WAIVER)), null, List.of(new Waivers.Status(WAIVER, Waivers.State.IN_FORCE))));
        m.put("no-location", () -> result(List.of(new Finding(SCENARIO, "flood", "", "", "scenario flood has not been exercised",
                null, Status.OPEN, null)), null, List.of()));
        m.put("baseline", () -> result(List.of(new Finding(SPOF, "web", "Service", "zone:z1", "web goes down when zone:z1 fails",
                AT, Status.BASELINE, null)), new Run.BaselineUse("continuity-baseline.json", "cd".repeat(32), 1), List.of()));
        return m;
    }

    static List<Arguments> table() {
        List<Arguments> out = new ArrayList<>();
        for (String c : cases().keySet()) for (Reporters.Format f : Reporters.all()) out.add(Arguments.of(c, f.name()));
        return out;
    }

    static byte[] render(String format, Result r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reporters.get(format).orElseThrow().reporter().write(new ReportContext(r, Threshold.LOW, false), out);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("table")
    void eachFormatOnEachSmallResult(String name, String format) throws Exception {
        Result r = cases().get(name).get();
        byte[] bytes = render(format, r);
        assertThat(render(format, cases().get(name).get())).as("deterministic").isEqualTo(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        switch (format) {
            case "json", "sarif" -> new ObjectMapper().readTree(bytes);
            case "junit" -> DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
            default -> { }
        }
        // what every result shows: the verdict and the threshold; a finding without a location is still listed
        if (name.equals("no-location")) assertThat(text).contains("flood");
        Path expected = EXPECTED.resolve(name + "." + Reporters.get(format).orElseThrow().extension());
        if (Boolean.getBoolean("continuity.updateGolden")) Files.write(expected, bytes);
        assertThat(expected).as("expected output; regenerate with -Dcontinuity.updateGolden=true").exists();
        assertThat(text).isEqualTo(Files.readString(expected));
    }

    /** Markdown for pull requests: each finding's remediation, and waivers in force that run out within 30 days marked. */
    @org.junit.jupiter.api.Test
    void markdownShowsTheFixAndWaiversAboutToExpire() throws Exception {
        Waiver soon = new Waiver("w-soon", null, null, Map.of(), new Location("continuity/waivers.yaml", 1, 1),
                "NET-004", "web", "site:dc-1", "replica in build", "ciso", AS_OF.plusDays(10));
        Waiver later = new Waiver("w-later", null, null, Map.of(), new Location("continuity/waivers.yaml", 9, 1),
                "NET-004", "web", "zone:z1", "zone move planned", "ciso", AS_OF.plusDays(31));
        Result r = result(List.of(new Finding(SCENARIO, "flood", "", "", "scenario flood has not been exercised", null, Status.OPEN, null)),
                null, List.of(new Waivers.Status(soon, Waivers.State.IN_FORCE), new Waivers.Status(later, Waivers.State.IN_FORCE)));
        String md = new String(render("markdown", r), StandardCharsets.UTF_8);
        assertThat(md).contains("| Exercise the scenario. |");
        assertThat(md).contains("| `w-soon` | NET-004 | `web [site:dc-1]` | " + AS_OF.plusDays(10) + " ⚠ in 10 days | in force |");
        assertThat(md).contains("| `w-later` | NET-004 | `web [zone:z1]` | " + AS_OF.plusDays(31) + " | in force |");
    }
}
