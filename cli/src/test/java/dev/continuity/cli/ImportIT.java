package dev.continuity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing declared infrastructure (interfaces.md v2, issue 13), as a user runs it: a plan among
 * the inventory paths of check, and the import commands.
 */
class ImportIT {
    static final Path TF = Path.of("../engine/src/test/resources/imports/terraform").toAbsolutePath().normalize();
    static final Path HERE = Path.of("src/test/resources/imports").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private CliProcess.Run run(String... args) throws Exception {
        return CliProcess.run(tmp, tmp, List.of(), Map.of(), args);
    }

    /** The project layout of the CI recipe: continuity/ hand-written, plan.json beside it. */
    private Path project(String plan) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("project-" + plan.replace('/', '-')));
        Files.createDirectories(dir.resolve("continuity"));
        Files.copy(HERE.resolve("hand/billing.yaml"), dir.resolve("continuity/billing.yaml"));
        Files.copy(TF.resolve(plan), dir.resolve("plan.json"));
        return dir;
    }

    private List<String> findings(Path project, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "continuity", "plan.json", "--as-of", "2026-11-22", "-f", "json"));
        args.addAll(List.of(extra));
        CliProcess.Run r = CliProcess.run(project, tmp, List.of(), Map.of(), args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<String> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(r.out()).get("findings")) {
            JsonNode l = f.get("location");
            out.add(f.get("rule").asText() + " " + f.get("subject").asText() + " [" + f.get("detail").asText() + "] "
                    + (l == null || l.get("file") == null ? "(inventory)" : l.get("file").asText() + ":" + l.get("line").asInt()));
        }
        return out;
    }

    @Test
    void aPlanThatTurnsOffMultiAzGivesItsFindingsAtTheResourceAndMultiAzWithACrossRegionCopyNone() throws Exception {
        List<String> single = findings(project("single-az/plan.json"));
        // expected from the plan: the database sits in one zone (NET-004 on that zone's site), has 2 copies
        // (DAT-002) and keeps them all in eu-central-1 (DAT-004); all at the resource in plan.json
        assertThat(single).contains(
                "NET-004 billing [site:aws.eu-central-1a] continuity/billing.yaml:2",
                "DAT-002 aws_db_instance.billing [] plan.json:13",
                "DAT-004 aws_db_instance.billing [] plan.json:21");
        List<String> multi = findings(project("multi-az/plan.json"));
        assertThat(multi).noneMatch(f -> f.startsWith("DAT-002 ") || f.startsWith("DAT-004 ") || f.contains("aws.eu-central-1a"));
        // what both share (the service runs in one region) stays
        assertThat(multi).contains("NET-004 billing [zone:eu-central-1] continuity/billing.yaml:2");
    }

    @Test
    void aHandWrittenDocumentCompletesAnImportedOneButCannotChangeIt() throws Exception {
        Path p = project("single-az/plan.json");
        Files.writeString(p.resolve("continuity/billing-db.yaml"), """
                kind: DataStore
                id: aws_db_instance.billing
                restoreTests:
                  - {date: 2026-10-01, passed: true, duration: PT20M, integrityVerified: true}
                """);
        // completed: the restore test counts, and what the plan declares still points into plan.json
        assertThat(findings(p)).noneMatch(f -> f.startsWith("DAT-005 ")).contains("DAT-004 aws_db_instance.billing [] plan.json:21");
        Files.writeString(p.resolve("continuity/billing-db.yaml"), "kind: DataStore\nid: aws_db_instance.billing\nsite: aws.eu-central-1\n");
        CliProcess.Run r = CliProcess.run(p, tmp, List.of(), Map.of(), "check", "continuity", "plan.json", "--as-of", "2026-11-22");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("continuity/billing-db.yaml:3:7: site: this document completes 'aws_db_instance.billing', imported from plan.json:21:13,"
                + " which gives 'aws.eu-central-1a' here: a hand-written document may add fields to an imported one, never change them");
    }

    /**
     * The analysis cache keys a part of the inventory by every file its resources were written in: a
     * document imported from plan.json and completed by a hand-written one is keyed by both, so a
     * change to the hand-written one alone is seen, and the cached check says what the check without
     * the cache says.
     */
    @Test
    void aCachedCheckSeesAChangeToTheDocumentThatCompletesAnImportedOne() throws Exception {
        Path p = project("single-az/plan.json");
        String passed = """
                kind: DataStore
                id: aws_db_instance.billing
                restoreTests:
                  - {date: 2026-10-01, passed: true, duration: PT20M, integrityVerified: true}
                """;
        Files.writeString(p.resolve("continuity/billing-db.yaml"), passed);
        String cache = tmp.resolve("completing.cache").toString();
        assertThat(findings(p, "--cache", cache)).noneMatch(f -> f.startsWith("DAT-005 "));
        assertThat(findings(p, "--cache", cache)).noneMatch(f -> f.startsWith("DAT-005 "));
        // only the hand-written file changes: its restore test now failed
        Files.writeString(p.resolve("continuity/billing-db.yaml"), passed.replace("passed: true", "passed: false"));
        List<String> cached = findings(p, "--cache", cache);
        assertThat(cached).anyMatch(f -> f.startsWith("DAT-005 aws_db_instance.billing "));
        assertThat(cached).isEqualTo(findings(p));
    }

    @Test
    void formatVersionTwoIsAnInputError() throws Exception {
        Path p = project("single-az/plan.json");
        Files.writeString(p.resolve("plan.json"), Files.readString(p.resolve("plan.json")).replace("\"format_version\": \"1.2\"", "\"format_version\": \"2.0\""));
        CliProcess.Run r = CliProcess.run(p, tmp, List.of(), Map.of(), "check", "continuity", "plan.json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("plan.json:2:21: format_version: Terraform JSON format '2.0' is not supported");
        CliProcess.Run imported = CliProcess.run(p, tmp, List.of(), Map.of(), "import", "terraform", "plan.json");
        assertThat(imported.exit()).isEqualTo(2);
        assertThat(imported.err()).contains("1 input error; nothing was imported");
    }

    @Test
    void importingTwiceGivesTheSameBytesAndUnknownTypesAreSummarised() throws Exception {
        Files.copy(TF.resolve("state/state.json"), tmp.resolve("state.json"));
        CliProcess.Run first = run("import", "terraform", "state.json", "-o", "a");
        CliProcess.Run second = run("import", "terraform", "state.json", "-o", "b");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("a/state.yaml"))).isEqualTo(Files.readAllBytes(tmp.resolve("b/state.yaml")));
        assertThat(first.err()).contains("state.json: not imported: 2 aws_lambda_function resources (aws_lambda_function.resize,"
                + " aws_lambda_function.thumbnail) have no continuity mapping", "wrote a/state.yaml (31 documents)",
                "warning: state.json:536:11: aws_dx_connection.ams: no continuity-site tag");
        CliProcess.Run stdout = run("import", "terraform", "state.json");
        assertThat(stdout.out()).isEqualTo(Files.readString(tmp.resolve("a/state.yaml")));
    }

    @Test
    void aBackstageCatalogImportsIntoServicesThatCheckEvaluates() throws Exception {
        Files.createDirectories(tmp.resolve("catalog"));
        Files.copy(HERE.resolve("backstage/catalog-info.yaml"), tmp.resolve("catalog/catalog-info.yaml"));
        CliProcess.Run imported = run("import", "backstage", "catalog", "-o", "continuity");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("wrote continuity/catalog-info.yaml (7 documents)");
        Files.copy(HERE.resolve("backstage/site.yaml"), tmp.resolve("continuity/site.yaml"));
        CliProcess.Run check = run("check", "continuity", "--as-of", "2026-11-22", "-f", "json");
        assertThat(check.exit()).as(check.err()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(check.out());
        List<String> services = new ArrayList<>();
        report.get("services").forEach(s -> services.add(s.get("id").asText()));
        assertThat(services).containsExactlyInAnyOrder("orders", "stock", "storefront");
        List<String> rules = new ArrayList<>();
        report.get("findings").forEach(f -> rules.add(f.get("rule").asText() + " " + f.get("subject").asText() + " " + f.get("detail").asText()));
        // the catalog's dependsOn is evaluated: a critical service depends on a medium one
        assertThat(rules).contains("SVC-004 storefront stock", "SVC-004 orders stock", "PPL-002 web-team kim");
        // writing over the catalog itself is refused
        CliProcess.Run over = run("import", "backstage", "catalog", "-o", "catalog");
        assertThat(over.exit()).isEqualTo(2);
        assertThat(over.err()).contains("is one of the files being imported");
    }

    @Test
    void aDnsFailoverForAServiceTheInventoryDoesNotDeclareIsReported() throws Exception {
        Path p = Files.createDirectories(tmp.resolve("dns/continuity"));
        Files.copy(TF.resolve("state/state.json"), p.resolveSibling("state.json"));
        Files.writeString(p.resolve("sites.yaml"), "kind: Site\nid: fra-dc1\ntype: datacenter\nregion: fra\n---\nkind: Site\nid: ams-office\ntype: office\nregion: ams\n");
        CliProcess.Run r = CliProcess.run(p.getParent(), tmp, List.of(), Map.of(), "check", "continuity", "state.json", "--as-of", "2026-11-22");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        assertThat(r.err()).contains("warning: import: state.json:589:11: aws_route53_record.api_primary: an automated failover for Service checkout,"
                + " which the inventory does not declare: not applied");
        Files.writeString(p.resolve("checkout.yaml"), "kind: Service\nid: checkout\ncriticality: high\nsites: [fra-dc1]\n"
                + "failover: {site: ams-office, mode: warm}\n");
        CliProcess.Run json = CliProcess.run(p.getParent(), tmp, List.of(), Map.of(), "check", "continuity", "state.json", "--as-of", "2026-11-22", "-f", "json");
        assertThat(json.err()).doesNotContain("aws_route53_record.api_primary");
        assertThat(json.exit()).as(json.err()).isIn(0, 1);
    }
}
