package dev.continuity.rules;

import dev.continuity.engine.eval.RulePack;
import dev.continuity.engine.eval.RuleInfo;
import dev.continuity.engine.eval.RuleTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule pack itself: metadata, ids, fixtures and documentation of every rule. */
class RulePackTest {
    private final RulePack pack = RulePack.builtIn();

    @Test
    void everyRuleHasCompleteMetadataAndAWellFormedId() {
        assertThat(pack.rules()).isNotEmpty();
        for (RuleInfo r : pack.rules()) {
            assertThat(r.id()).as("id").matches("[A-Z]{2,3}-\\d{3}");
            assertThat(r.title()).as(r.id() + " title").isNotBlank();
            assertThat(r.remediation()).as(r.id() + " remediation").isNotBlank();
            assertThat(r.condition()).as(r.id() + " condition").isNotBlank();
            assertThat(r.rationale()).as(r.id() + " rationale").isNotBlank();
        }
    }

    @Test
    void everyImplementedRuleIsInTheCatalogWithItsSeverityTitleAndControls() throws IOException {
        Map<String, String[]> catalog = specCatalog();
        for (RuleInfo r : pack.rules()) {
            String[] row = catalog.get(r.id());
            assertThat(row).as(r.id() + " is in rules.md").isNotNull();
            assertThat(r.severity().name().toLowerCase(Locale.ROOT)).as(r.id() + " severity").isEqualTo(row[1]);
            assertThat(r.title()).as(r.id() + " title").isEqualTo(row[2]);
            // the catalog's "maps to" and, after it, the framework table's DORA, NIS2, SOC2 and UK entries
            List<String> expected = new ArrayList<>(List.of(expandControls(row[4]).split("; ")));
            for (String e : frameworkTable().getOrDefault(r.id(), List.of())) if (!expected.contains(e)) expected.add(e);
            assertThat(String.join("; ", r.controls())).as(r.id() + " controls").isEqualTo(String.join("; ", expected));
        }
    }

    @Test
    void everyRuleOfTheCatalogIsImplemented() throws IOException {
        Set<String> implemented = new TreeSet<>();
        pack.rules().forEach(r -> implemented.add(r.id()));
        assertThat(implemented).containsExactlyInAnyOrderElementsOf(specCatalog().keySet());
    }

    @Test
    void everyRuleHasAFiringFixtureAndANearMiss() throws IOException {
        for (RuleInfo r : pack.rules()) {
            Path dir = RuleFixturesTest.ROOT.resolve(r.id());
            assertThat(dir).as(r.id() + " fixtures").isDirectory();
            boolean fires = false, nearMiss = false;
            for (Path t : RuleTest.find(dir)) {
                RuleTest.Expected e = RuleTest.readExpected(t);
                boolean covers = e.only().isEmpty() || e.only().contains(r.id());
                if (!covers) continue;
                if (e.findings().stream().anyMatch(k -> k.rule().equals(r.id()))) fires = true;
                else nearMiss = true;
            }
            assertThat(fires).as(r.id() + " has a fixture where it fires").isTrue();
            assertThat(nearMiss).as(r.id() + " has a near-miss fixture where it does not fire").isTrue();
        }
    }

    @Test
    void everyRuleIsDocumented() throws IOException {
        String docs = Files.readString(Path.of("../docs/rules.md"));
        for (RuleInfo r : pack.rules()) {
            assertThat(docs).as(r.id() + " in docs/rules.md").contains("## " + r.id() + " ");
        }
    }

    /**
     * id -> columns of the catalog table of the contract. The contract is kept in the repository
     * (docs/contract/rules.md, a copy of the product contract): the build never reads outside it.
     */
    static Map<String, String[]> specCatalog() throws IOException {
        Path spec = Path.of("../docs/contract/rules.md");
        Map<String, String[]> out = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| ([A-Z]{2,3}-\\d{3}) \\|(.*)\\|$");
        for (String line : Files.readAllLines(spec)) {
            Matcher m = row.matcher(line);
            if (!m.matches()) continue;
            String[] cols = m.group(2).split(" \\| ", -1);
            // the catalog table only: its second column is a severity (the contract's other tables also start with ids)
            if (cols.length != 4 || !Set.of("critical", "high", "medium", "low").contains(cols[0].strip())) continue;
            String[] r = new String[5];
            r[0] = m.group(1);
            for (int i = 0; i < 4; i++) r[i + 1] = cols[i].strip();
            out.put(r[0], r);
        }
        return out;
    }

    /** rule id -> its entries of the contract's framework table ("DORA Art. 12(6)", "NIS2 4.1.2(f)", ...), in column order. */
    static Map<String, List<String>> frameworkTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../docs/contract/rules.md"));
        int start = lines.indexOf("| rule | DORA | NIS2 | SOC2 | UK |");
        assertThat(start).as("the framework table").isPositive();
        Map<String, List<String>> out = new HashMap<>();
        String[] prefixes = {"DORA", "NIS2", "SOC2", "UK"};
        for (String line : lines.subList(start + 2, lines.size())) {
            if (!line.startsWith("|")) break;
            String[] cols = line.substring(1, line.length() - 1).split("\\|", -1);
            List<String> ids = new ArrayList<>();
            for (String r : cols[0].split(",")) {
                r = r.strip();
                if (r.contains("..")) {
                    String[] ab = r.split("\\.\\.");
                    String fam = ab[0].substring(0, ab[0].indexOf('-'));
                    for (int n = Integer.parseInt(ab[0].substring(ab[0].indexOf('-') + 1)); n <= Integer.parseInt(ab[1].substring(ab[1].indexOf('-') + 1)); n++) {
                        ids.add(String.format("%s-%03d", fam, n));
                    }
                } else {
                    ids.add(r);
                }
            }
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < prefixes.length; i++) {
                String v = cols[i + 1].strip();
                if (v.isEmpty()) continue;
                if (v.startsWith("RTS")) entries.add(prefixes[i] + " " + v);
                else for (String part : v.split(", ")) entries.add(prefixes[i] + " " + part.strip());
            }
            for (String id : ids) out.put(id, entries);
        }
        return out;
    }

    /** "53 CP-8(2), CP-7(1)" in the spec means "53 CP-8(2); 53 CP-7(1)". */
    static String expandControls(String spec) {
        List<String> out = new ArrayList<>();
        for (String group : spec.split(";")) {
            String g = group.strip();
            if (g.isEmpty()) continue;
            int space = g.indexOf(' ');
            String prefix = g.substring(0, space);
            for (String part : g.substring(space + 1).split(",")) out.add(prefix + " " + part.strip());
        }
        return String.join("; ", out);
    }

    /** Each DRL file declares its own imports, and its rules appear in id order (the conventions of docs/development.md). */
    @Test
    void eachDrlFileImportsWhatItUsesAndListsItsRulesInIdOrder() throws IOException {
        Path dir = Path.of("src/main/resources/dev/continuity/rules");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                String drl = Files.readString(f);
                assertThat(drl).as(f + " imports").contains("import dev.continuity.engine.model.*;");
                List<String> ids = new ArrayList<>();
                Matcher m = Pattern.compile("@id\\(\"([A-Z]+-\\d+)\"\\)").matcher(drl);
                while (m.find()) ids.add(m.group(1));
                assertThat(ids).as(f + " rules in id order").isSortedAccordingTo(Comparator.naturalOrder());
            }
        }
    }

    /**
     * What the warm-up thread failed with is there for the command line to name, even when asked
     * before the thread has caught it (the main thread can meet a class left uninitialised first).
     */
    @Test
    void theWarmUpsFailureIsKeptAndWaitedFor() {
        IllegalStateException failure = new IllegalStateException("the warm-up failed");
        RulePack.warmUpInBackground(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw failure;
        });
        assertThat(RulePack.warmUpFailure()).isSameAs(failure);
    }
}
