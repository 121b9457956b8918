package dev.continuity.engine.load;

import dev.continuity.engine.model.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InventoryLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, yaml);
        return f;
    }

    private Inventory load(Path... paths) throws InputException {
        return new InventoryLoader(dir).load(List.of(paths));
    }

    private List<String> errors(Path... paths) {
        InputException e = catchThrowableOfType(InputException.class, () -> load(paths));
        assertThat(e).as("expected input errors").isNotNull();
        return e.errors().stream().map(InputError::toString).toList();
    }

    @Test
    void loadsEveryKindWithLocationsDefaultsAndNestedValues() throws Exception {
        Path f = write("inv/all.yaml", """
                kind: Policy
                id: policy
                organization: Acme
                failoverTimes: {hot: PT5M}
                ---
                kind: Vendor
                id: isp-a
                type: isp
                upstreams: [as174]
                x-owner: procurement
                ---
                kind: Site
                id: dc-1
                type: datacenter
                region: eu-central
                ---
                kind: InternetLink
                id: l1
                site: dc-1
                isp: isp-a
                ---
                kind: Service
                id: web
                name: Web shop
                criticality: critical
                rto: PT1H
                sites: [dc-1]
                failover: {site: dc-1, mode: hot, automated: true}
                dependsOn: [db, isp-a]
                alerting: {automated: true, route: oncall}
                labels: {team: shop, tier: 1}
                ---
                kind: DataStore
                id: db
                site: dc-1
                replicas: [{site: dc-1, mode: async, maxLag: PT5M}]
                backups: [{frequency: P1D, site: dc-1, medium: tape, immutable: true}]
                restoreTests: [{date: 2026-01-02, passed: true, duration: PT2H}]
                ---
                kind: EdgeProtection
                id: cdn
                type: cdn
                provider: isp-a
                covers: [web]
                ---
                kind: Person
                id: alice
                trainings: [{role: oncall, date: 2026-01-01}]
                ---
                kind: Role
                id: oncall
                primary: alice
                ---
                kind: Plan
                id: irp
                type: incident-response
                version: 1.2.0
                phases: [preparation, detection, lessons-learned]
                changelog: [{version: 1.2.0, date: 2026-01-01, lessonsFrom: [ex1]}]
                communication: {contactTree: [oncall], channels: [web], stakeholders: [customers]}
                runbooks: [{service: web, document: rb.md}]
                ---
                kind: Exercise
                id: ex1
                date: 2025-12-01
                type: tabletop
                plans: [irp]
                results: [{service: web, achievedRto: PT30M}]
                findings: [{id: F-1, severity: high, due: 2026-02-01}]
                ---
                kind: Waiver
                id: w1
                rule: NET-001
                subject: dc-1
                reason: second link ordered
                approvedBy: alice
                expires: 2026-12-31
                """);
        Inventory inv = load(f);
        assertThat(inv.size()).isEqualTo(12);
        assertThat(inv.files()).containsExactly("inv/all.yaml");
        Service web = inv.get("web", Service.class).orElseThrow();
        assertThat(web.location()).isEqualTo(new Location("inv/all.yaml", 22, 1));
        assertThat(web.type()).isEqualTo(ServiceType.APPLICATION);
        assertThat(web.labels()).containsEntry("tier", "1");
        assertThat(web.hostingSites()).containsExactly("dc-1");
        assertThat(web.failover().automated()).isTrue();
        assertThat(inv.policy().minInternetLinks()).isEqualTo(2);
        assertThat(inv.policy().failoverTimes()).containsEntry(FailoverMode.HOT, Dur.parse("PT5M"))
                .containsEntry(FailoverMode.COLD, Dur.parse("P3D"));
        assertThat(inv.policy().requiredScenarios()).contains("ransomware");
        assertThat(inv.get("oncall", Role.class).orElseThrow().required()).isTrue();
        assertThat(inv.get("irp", Plan.class).orElseThrow().phases())
                .containsExactly(Phase.PREPARATION, Phase.IDENTIFICATION, Phase.POST_INCIDENT_REVIEW);
        assertThat(inv.get("ex1", Exercise.class).orElseThrow().findings().get(0).status()).isEqualTo(FindingStatus.OPEN);
        assertThat(inv.get("w1", Waiver.class).orElseThrow().expires()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(inv.get("l1", InternetLink.class).orElseThrow().role()).isEqualTo(LinkRole.PRIMARY);
    }

    @Test
    void withoutAPolicyEveryDefaultApplies() throws Exception {
        Inventory inv = load(write("a.yaml", "kind: Site\nid: s\ntype: office\nregion: r\n"));
        assertThat(inv.hasDeclaredPolicy()).isFalse();
        assertThat(inv.policy().planReviewInterval()).isEqualTo(Dur.parse("P1Y"));
        assertThat(inv.policy().lessonsWindow()).isEqualTo(Dur.parse("P90D"));
        assertThat(inv.policy().failoverTimes()).hasSize(4);
    }

    @Test
    void aDirectoryMeansEveryYamlFileBelowItInSortedOrder() throws Exception {
        write("inv/b/sites.yml", "kind: Site\nid: s2\ntype: office\nregion: r\n");
        write("inv/a.yaml", "kind: Site\nid: s1\ntype: office\nregion: r\n---\n---\n");
        write("inv/notes.txt", "not yaml at all: [");
        Inventory inv = load(dir.resolve("inv"));
        assertThat(inv.files()).containsExactly("inv/a.yaml", "inv/b/sites.yml");
        assertThat(inv.resources()).extracting(Resource::id).containsExactly("s1", "s2");
    }

    @Test
    void reportsEveryErrorOfEveryFileAtOnceWithLocations() throws Exception {
        Path a = write("a.yaml", """
                kind: Site
                id: dc-1
                type: data-center
                regoin: eu
                ---
                kind: Sevice
                id: web
                ---
                id: nokind
                ---
                kind: Service
                id: Bad Id
                criticality: critical
                """);
        Path b = write("b.yaml", """
                kind: Service
                id: DC-1
                criticality: vital
                rto: 4 hours
                internetFacing: yes
                sites: [dc-9]
                dependsOn: dc-1
                """);
        assertThat(errors(a, b)).containsExactly(
                "a.yaml:1:1: region: missing required field 'region' in Site",
                "a.yaml:3:7: type: 'data-center' is not a valid type; expected one of: datacenter, cloud-region, colocation, office (did you mean 'datacenter'?)",
                "a.yaml:4:1: regoin: unknown field 'regoin' in Site (did you mean 'region'?); expected one of: type, region, hazardZone, provider, requiredBandwidthMbps",
                "a.yaml:6:7: kind: unknown kind 'Sevice'; expected one of: Policy, Vendor, Site, InternetLink, Service, DataStore, EdgeProtection, Person, Role, Plan, Exercise, Waiver (did you mean 'Service'?)",
                "a.yaml:9:1: kind: missing 'kind'",
                "a.yaml:12:5: id: invalid id 'Bad Id': use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 63 characters",
                "b.yaml:2:5: id: invalid id 'DC-1': use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 63 characters",
                "b.yaml:3:14: criticality: 'vital' is not a valid criticality; expected one of: critical, high, medium, low",
                "b.yaml:4:6: rto: '4 hours' is not an ISO-8601 duration; did you mean PT4H?",
                "b.yaml:5:17: internetFacing: 'yes' is a boolean only in YAML 1.1 and a string in YAML 1.2: write true or false",
                "b.yaml:6:9: sites[0]: unknown Site 'dc-9' (did you mean 'dc-1'?)",
                "b.yaml:7:12: dependsOn: expected a list, found 'dc-1'");
    }

    @Test
    void numericIdsAndReferencesAreTextAsWritten() throws Exception {
        Inventory inv = load(write("a.yaml", "kind: Site\nid: 123\ntype: office\nregion: 0123\n---\n"
                + "kind: Service\nid: web\ncriticality: low\nsites: [123]\n"));
        assertThat(inv.get("123", Site.class).orElseThrow().region()).isEqualTo("0123");
        assertThat(inv.get("web", Service.class).orElseThrow().sites()).containsExactly("123");
    }

    @Test
    void duplicateIdsAreFoundCaseInsensitively() throws Exception {
        Path a = write("a.yaml", "kind: Site\nid: dc-1\ntype: office\nregion: r\n");
        Path b = write("b.yaml", "kind: Site\nid: DC-1\ntype: office\nregion: r\n---\nkind: Site\nid: dc-1\ntype: office\nregion: r\n");
        assertThat(errors(a, b)).containsExactly(
                "b.yaml:2:5: id: invalid id 'DC-1': use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 63 characters",
                "b.yaml:6:1: duplicate id 'dc-1' (already declared at a.yaml:1)");
    }

    @Test
    void danglingAndWrongKindReferencesWithSuggestions() throws Exception {
        Path a = write("a.yaml", """
                kind: Vendor
                id: cloudco
                type: cloud
                ---
                kind: Site
                id: dc-1
                type: datacenter
                region: r
                ---
                kind: InternetLink
                id: l1
                site: dc-2
                isp: cloudco
                ---
                kind: Service
                id: web
                criticality: low
                sites: [l1]
                dependsOn: [dc-1]
                """);
        assertThat(errors(a)).containsExactly(
                "a.yaml:12:7: site: unknown Site 'dc-2' (did you mean 'dc-1'?)",
                "a.yaml:13:6: isp: 'cloudco' is a Vendor of type cloud; expected a Vendor of type isp",
                "a.yaml:18:9: sites[0]: 'l1' is a InternetLink; expected a Site",
                "a.yaml:19:13: dependsOn[0]: 'dc-1' is a Site; expected a Service or DataStore or Vendor");
    }

    @Test
    void dependsOnCyclesArePrintedOnce() throws Exception {
        Path a = write("a.yaml", """
                kind: Service
                id: a
                criticality: low
                dependsOn: [b]
                ---
                kind: Service
                id: b
                criticality: low
                dependsOn: [c]
                ---
                kind: Service
                id: c
                criticality: low
                dependsOn: [a]
                ---
                kind: Service
                id: self
                criticality: low
                dependsOn: [self]
                """);
        assertThat(errors(a)).containsExactly(
                "a.yaml:1:1: dependsOn cycle: a -> b -> c -> a",
                "a.yaml:16:1: dependsOn cycle: self -> self");
    }

    @Test
    void yamlHazardsAreRejectedOnPurpose() throws Exception {
        Path a = write("a.yaml", """
                kind: Policy
                id: p
                minInternetLinks: 02
                organization: &org Acme
                organization: Other
                ---
                kind: Site
                id: s
                type: office
                region: *org
                requiredBandwidthMbps: 1_000
                """);
        assertThat(errors(a)).containsExactly(
                "a.yaml:3:19: minInternetLinks: '02' has a leading zero (YAML 1.1 reads it as octal): write it without the zero",
                "a.yaml:4:15: YAML anchors (&org) are not supported: write each value out in full",
                "a.yaml:5:1: duplicate key 'organization' (first at line 4)",
                "a.yaml:10:9: YAML aliases (*org) are not supported: write the value out in full",
                "a.yaml:11:24: requiredBandwidthMbps: expected a number of 0 or more, found '1_000'");
    }

    @Test
    void aSecondPolicyAMissingDocumentAndMalformedValues() throws Exception {
        write("docs/irp.md", "# plan");
        Path a = write("a.yaml", """
                kind: Policy
                id: p1
                ---
                kind: Policy
                id: p2
                ---
                kind: Plan
                id: ok
                type: incident-response
                version: 1.0.0
                document: docs/irp.md
                ---
                kind: Plan
                id: bad
                type: incident-response
                version: 1.0
                lastReviewed: 2026-02-30
                document: docs/missing.md
                ---
                kind: DataStore
                id: d
                site: nowhere
                replicas: [{site: nowhere, mode: async}]
                """);
        assertThat(errors(a)).containsExactly(
                "a.yaml:4:1: a second Policy 'p2': an inventory has at most one (the first is 'p1' at a.yaml:1)",
                "a.yaml:16:10: version: '1.0' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 2.1.0)",
                "a.yaml:17:15: lastReviewed: '2026-02-30' is not a date: February 2026 has 28 days",
                "a.yaml:18:11: document: 'docs/missing.md' does not exist (looked for " + dir.resolve("docs/missing.md").toString().replace('\\', '/') + ")",
                "a.yaml:22:7: site: unknown Site 'nowhere'",
                "a.yaml:23:12: replicas[0]: maxLag is required when mode is async",
                "a.yaml:23:19: replicas[0].site: unknown Site 'nowhere'");
    }

    @Test
    void syntaxErrorsAndMissingPathsAreLocated() throws Exception {
        Path a = write("a.yaml", "kind: Site\nid: s\n  type: [office\n");
        Path b = write("b.yaml", "- just\n- a list\n");
        List<String> errs = errors(a, b, dir.resolve("nope"));
        assertThat(errs).hasSize(3);
        assertThat(errs.get(0)).startsWith("a.yaml:3:").contains("not valid YAML");
        assertThat(errs.get(1)).isEqualTo("b.yaml:1:1: a document must be a mapping with 'kind' and 'id', found a list");
        assertThat(errs.get(2)).isEqualTo("nope: no such file or directory");
    }

    @Test
    void acceptsFilesLargerThanSnakeYamlsDefaultLimit() throws Exception {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (sb.length() < 4 * 1024 * 1024) {
            sb.append("kind: Site\nid: s").append(n++).append("\ntype: office\nregion: r\ndescription: ")
                    .append("x".repeat(200)).append("\n---\n");
        }
        Inventory inv = load(write("big.yaml", sb.toString()));
        assertThat(inv.size()).isEqualTo(n);
    }

    /** A file deleted between the directory walk and its reading is an input error (exit 2), not a crash. */
    @Test
    void aFileThatVanishesWhileItIsReadIsAnInputError(@org.junit.jupiter.api.io.TempDir Path tmp) {
        InventoryLoader loader = new InventoryLoader(tmp);
        var result = loader.readFile(tmp.resolve("gone.yaml"));
        assertThat(result.errors()).extracting(InputError::toString).containsExactly("gone.yaml: the file disappeared while it was read");
    }

    /** One definition per value type: the schema's patterns are the parser's, so the two cannot disagree. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "VERSION|1.0.0-rc.1+build.5|true", "VERSION|1.0.0-01|false", "VERSION|1.0|false", "VERSION|01.0.0|false",
            "DURATION|PT4H|true", "DURATION|pt4h|true", "DURATION|P|false", "DURATION|PT|false", "DURATION|4h|false",
            "DATE|2026-11-22|true", "DATE|22/11/2026|false"})
    void theSchemaAndTheLoaderAgree(ValueType type, String text, boolean valid) {
        String pattern = type.schema().path("pattern").asText();
        assertThat(java.util.regex.Pattern.matches(pattern.substring(1, pattern.length() - 1), text)).as("schema").isEqualTo(valid);
        boolean parses;
        try {
            type.parse(text, com.fasterxml.jackson.core.JsonToken.VALUE_STRING);
            parses = true;
        } catch (IllegalArgumentException e) {
            parses = false;
        }
        assertThat(parses).as("loader").isEqualTo(valid);
    }

    /** Every @Default of every kind parses; a broken one fails when the shapes are built, never binding null. */
    @Test
    void everyDefaultParses() {
        for (Class<? extends Resource> kind : Kinds.ALL) assertThat(Binder.fields(kind)).isNotEmpty();
        assertThat(Kinds.ALL.toArray()).containsExactly((Object[]) Resource.class.getPermittedSubclasses());
    }

    /**
     * Documents are bound while the file is read; a file the guard cuts short (a line too long, a
     * byte that is not UTF-8) still reports only that, not what binding found in the documents
     * before the cut, and contributes no resource.
     */
    @Test
    void aFileCutShortReportsOnlyTheCutEvenWithDocumentsBoundBeforeIt() throws Exception {
        String before = """
                kind: Site
                id: dc-1
                type: datacenter
                colour: blue
                ---
                kind: Site
                id: dc-2
                type: datacenter
                ---
                """;
        Path longLine = write("long/a.yaml", before + "kind: Site\nid: dc-3\nname: " + "x".repeat(GuardedReader.MAX_LINE + 10) + "\n");
        assertThat(errors(longLine)).containsExactly("long/a.yaml:12:1: a line longer than " + GuardedReader.MAX_LINE
                + " characters: a single value may hold at most " + Binder.MAX_SCALAR + " characters");
        Path bad = dir.resolve("bytes/a.yaml");
        Files.createDirectories(bad.getParent());
        byte[] text = (before + "kind: Site\nid: dc-3\nname: caf").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBad = java.util.Arrays.copyOf(text, text.length + 2);
        withBad[text.length] = (byte) 0xfc;
        withBad[text.length + 1] = '\n';
        Files.write(bad, withBad);
        assertThat(errors(bad)).singleElement().asString().startsWith("bytes/a.yaml:12:10: not UTF-8 text: byte 0xfc");
        // the same documents without the cut: what binding finds is reported
        Path whole = write("whole/a.yaml", before);
        assertThat(errors(whole)).contains("whole/a.yaml:4:1: colour: unknown field 'colour' in Site; expected one of: type, region, "
                + "hazardZone, provider, requiredBandwidthMbps", "whole/a.yaml:6:1: region: missing required field 'region' in Site");
    }

    /** A second Policy is left out, yet a later document with its id is still a duplicate of it. */
    @Test
    void anIdTakenByARejectedSecondPolicyIsStillTaken() throws Exception {
        Path a = write("a.yaml", """
                kind: Policy
                id: p1
                ---
                kind: Policy
                id: p2
                ---
                kind: Site
                id: p2
                type: datacenter
                region: eu
                """);
        assertThat(errors(a)).containsExactly(
                "a.yaml:4:1: a second Policy 'p2': an inventory has at most one (the first is 'p1' at a.yaml:1)",
                "a.yaml:7:1: duplicate id 'p2' (already declared at a.yaml:4)");
    }
}
