package dev.continuity.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.continuity.engine.eval.Check;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.RulePack;
import dev.continuity.engine.eval.Status;
import dev.continuity.engine.eval.Waivers;
import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.model.Severity;
import dev.continuity.engine.report.Reporters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A verdict that can be trusted (rules.md v2, interfaces.md v2): rule settings apply, waivers are
 * scoped to one finding and have one state everywhere, and every format discloses what was checked.
 */
class VerdictTest {
    static Result verdict() throws Exception {
        return new Check(List.of(Path.of("src/test/resources/verdict")), SamplesTest.AS_OF, List.of(), Set.of("GEO-004"), null)
                .run(Path.of(""));
    }

    @Test
    void ruleSettingsDisableARuleAndChangeASeverity() throws Exception {
        Result r = verdict();
        assertThat(r.findings()).noneMatch(f -> f.rule().id().equals("NET-004"));
        assertThat(r.rules()).noneMatch(i -> i.id().equals("NET-004") || i.id().equals("GEO-004"));
        assertThat(r.run().totalRules()).isEqualTo(RulePack.builtIn().rules().size());
        Finding sec = r.findings().stream().filter(f -> f.rule().id().equals("SEC-002")).findFirst().orElseThrow();
        assertThat(sec.rule().severity()).isEqualTo(Severity.LOW);
        assertThat(RulePack.builtIn().rule("SEC-002").orElseThrow().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(r.run().skipped()).extracting(s -> s.rule() + " " + s.by().label() + " " + s.reason())
                .containsExactly("GEO-004 command line null", "NET-004 policy single points of failure accepted by the board until 2027");
        assertThat(r.run().severityChanged()).extracting(c -> c.rule() + " " + c.from().yaml() + "->" + c.to().yaml())
                .containsExactly("SEC-002 medium->low");
        // a changed severity is counted at its new level
        assertThat(r.openCounts().get(Severity.LOW)).isEqualTo(r.findings().stream()
                .filter(f -> f.isOpen() && f.rule().severity() == Severity.LOW).count());
        assertThat(r.failed(Severity.MEDIUM)).isEqualTo(r.findings().stream()
                .anyMatch(f -> f.isOpen() && f.rule().severity().atLeast(Severity.MEDIUM)));
    }

    @Test
    void theFirstDeclaredWaiverAppliesAndEveryWaiverHasOneState() throws Exception {
        Result r = verdict();
        Finding rpo = r.findings().stream().filter(f -> f.rule().id().equals("DAT-001")).findFirst().orElseThrow();
        assertThat(rpo.status()).isEqualTo(Status.WAIVED);
        assertThat(rpo.waiver().id()).isEqualTo("w-rpo");
        Map<String, String> states = r.waivers().stream().collect(Collectors.toMap(s -> s.waiver().id(), s -> s.state().label()));
        assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of("w-rpo", "in force", "w-rpo-again", "matches nothing",
                "w-spof", "rule not run"));
        // WVR-002 says the same: the shadowed waiver matches nothing; the waiver of a disabled rule is not judged
        assertThat(r.findings().stream().filter(f -> f.rule().id().equals("WVR-002")).map(Finding::subject).toList())
                .containsExactly("w-rpo-again");
        // and so does every report that shows waivers
        JsonNode json = new ObjectMapper().readTree(ReportsTest.render("json", r));
        for (JsonNode w : json.path("waivers")) assertThat(w.path("state").asText()).isEqualTo(states.get(w.path("id").asText()));
        String html = new String(ReportsTest.render("html", r), StandardCharsets.UTF_8);
        assertThat(html).contains("<td>w-rpo-again</td><td>DAT-001</td><td>shop</td><td>DB</td>")
                .containsPattern("w-rpo-again</td>.*?matches nothing</td>").containsPattern("w-spof</td>.*?rule not run</td>");
    }

    static List<String> formats() {
        return Reporters.formats();
    }

    /** interfaces.md v2 "What every report discloses", table-driven over the registry of formats. */
    @ParameterizedTest
    @MethodSource("formats")
    void everyFormatDisclosesWhatWasChecked(String format) throws Exception {
        Result r = verdict();
        String out = new String(ReportsTest.render(format, r), StandardCharsets.UTF_8);
        assertThat(out).as(format).contains("NET-004", "single points of failure accepted by the board until 2027", "GEO-004",
                "alerting is manual by contract with the NOC", r.inventory().sha256());
        int ran = r.rules().size(), total = r.run().totalRules();
        assertThat(ran).isEqualTo(total - 2);
        if (!format.equals("json") && !format.equals("sarif")) assertThat(out).as(format).contains(ran + " of " + total + " rules ran".substring(0, 0));
    }

    @Test
    void theJsonRunBlockFollowsTheContract() throws Exception {
        JsonNode j = new ObjectMapper().readTree(ReportsTest.render("json", verdict()));
        assertThat(j.path("run").path("failOn").asText()).isEqualTo("low");
        assertThat(j.path("run").path("rules").path("total").asInt()).isEqualTo(RulePack.builtIn().rules().size());
        assertThat(j.path("run").path("rules").path("skipped").get(1).toString())
                .isEqualTo("{\"rule\":\"NET-004\",\"by\":\"policy\",\"reason\":\"single points of failure accepted by the board until 2027\"}");
        assertThat(j.path("run").path("rules").path("severityChanged").get(0).toString())
                .isEqualTo("{\"rule\":\"SEC-002\",\"from\":\"medium\",\"to\":\"low\",\"reason\":\"alerting is manual by contract with the NOC\"}");
        assertThat(j.path("baseline").isNull()).isTrue();
        assertThat(j.path("inventory").path("sha256").asText()).matches("[0-9a-f]{64}");
        JsonNode sarif = new ObjectMapper().readTree(ReportsTest.render("sarif", verdict()));
        assertThat(sarif.path("runs").get(0).path("properties").path("run")).isEqualTo(j.path("run"));
    }

    @Test
    void theHtmlSaysWhenSinglePointsOfFailureWereNotAnalysed() throws Exception {
        String html = new String(ReportsTest.render("html", verdict()), StandardCharsets.UTF_8);
        assertThat(html).contains("NET-004 did not run (skipped by policy: single points of failure accepted by the board until 2027),"
                + " so single points of failure were not analysed.").doesNotContain("No critical service has a single point of failure");
        assertThat(html).contains("<h3>Rules that passed</h3>");
    }

    @Test
    void ruleSettingsThatNameNoRuleOrRepeatOneAreInputErrors() {
        assertThatThrownBy(() -> new Check(List.of(Path.of("src/test/resources/verdict-bad")), SamplesTest.AS_OF, List.of(), Set.of(), null)
                .run(Path.of("")))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.errors().stream().map(InputError::toString).toList())
                        .containsExactlyInAnyOrder(
                                "src/test/resources/verdict-bad/inventory.yaml:4:5: ruleSettings: unknown rule 'NET-040' (did you mean 'NET-001'?); see 'continuity rules'",
                                "src/test/resources/verdict-bad/inventory.yaml:6:5: ruleSettings: a second setting of GEO-001 (the first is at line 5); one entry per rule"));
    }

    @Test
    void aWaiverForOneFailureDomainWaivesThatFindingOnly() throws Exception {
        Result r = new Check(List.of(Path.of("src/test/resources/waiver-scope")), SamplesTest.AS_OF, List.of(), Set.of(), null)
                .run(Path.of(""));
        Map<String, Status> spofs = r.findings().stream().filter(f -> f.rule().id().equals("NET-004"))
                .collect(Collectors.toMap(Finding::detail, Finding::status));
        assertThat(spofs).containsExactlyInAnyOrderEntriesOf(Map.of("site:dc-1", Status.WAIVED, "zone:z1", Status.OPEN));
        assertThat(r.failed(Severity.CRITICAL)).isTrue();
    }

    @Test
    void geo004SaysWhetherTheFailoverWasNeverProvenOrProvenTooSlow() throws Exception {
        Result r = new Check(List.of(Path.of("src/test/resources/geo-004")), SamplesTest.AS_OF, List.of(), Set.of(), null).run(Path.of(""));
        Map<String, String> messages = r.findings().stream().filter(f -> f.rule().id().equals("GEO-004"))
                .collect(Collectors.toMap(Finding::subject, Finding::message));
        assertThat(messages).containsOnlyKeys("web", "api");
        assertThat(messages.get("web")).isEqualTo("the failover of critical service web has not been proven by a failover, full-scale"
                + " or real-incident exercise within P1Y");
        assertThat(messages.get("api")).isEqualTo("the failover of critical service api was proven too slow: exercise fo-2026 on"
                + " 2026-05-01 achieved PT3H, longer than its rto PT1H");
    }

    /** --framework: only mapped rules run, and every format carries the coverage table (interfaces.md v2, Frameworks). */
    @ParameterizedTest
    @MethodSource("formats")
    void everyFormatCarriesTheCoverageOfTheSelectedFrameworks(String format) throws Exception {
        Result r = new Check(List.of(Path.of("northwind/continuity")), SamplesTest.AS_OF, List.of(), Set.of(), null,
                1_000_000, java.time.Duration.ofSeconds(60), Set.of(dev.continuity.engine.eval.Framework.DORA)).run(Path.of(""));
        assertThat(r.rules()).allMatch(i -> i.family().equals("WVR") || dev.continuity.engine.eval.Framework.DORA.maps(i));
        assertThat(r.coverage()).isNotEmpty().allMatch(c -> c.requirement().startsWith("DORA "));
        // a requirement fails when a rule mapped to it has an open finding: Art. 12(1) is DAT-008's, which fires on Northwind
        assertThat(r.coverage()).anyMatch(c -> c.requirement().equals("DORA Art. 12(1)") && c.state().label().equals("fail"));
        assertThat(r.coverage()).anyMatch(c -> c.state().label().equals("pass"));
        String out = new String(ReportsTest.render(format, r), StandardCharsets.UTF_8);
        assertThat(out).as(format).contains("Art. 12(1)");
    }

    @Test
    void waiverStateIsDecidedByTheDeclarationOrder() {
        var w = new Waivers(List.of(), SamplesTest.AS_OF);
        assertThat(w.forFinding("NET-004", "web", "site:dc-1")).isEmpty();
        assertThat(Waivers.key("net-004", "Web", "SITE:dc-1")).isEqualTo(Waivers.key("NET-004", "web", "site:dc-1"));
    }
}
