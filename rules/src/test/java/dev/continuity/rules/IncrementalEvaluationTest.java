package dev.continuity.rules;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.RulePack;
import dev.continuity.engine.eval.RuleTest;
import dev.continuity.engine.graph.Components;
import dev.continuity.engine.load.AnalysisCache;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.Inventory;
import dev.continuity.engine.model.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cached check evaluates only the components whose files changed (graph/Components), which is
 * right only if no rule without {@code @scope("inventory")} joins resources of two components.
 * This checks that on every rule fixture and on the samples: each component evaluated alone gives
 * exactly its share of the whole inventory's findings and recoveries, and the cached evaluation
 * (every component evaluated, then every one taken from the cache) gives the very same result as
 * the plain one.
 */
class IncrementalEvaluationTest {
    private static final RulePack PACK = RulePack.builtIn();

    static Stream<Path> inventories() throws IOException {
        return Stream.concat(RuleTest.find(RuleFixturesTest.ROOT).stream(),
                Stream.of(Path.of("../samples/northwind/continuity"), Path.of("../samples/northwind-compliant/continuity")));
    }

    private static Inventory load(Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals(RuleTest.EXPECTED)).sorted().toList();
        }
        return new InventoryLoader().load(files);
    }

    private static LocalDate asOf(Path dir) throws IOException {
        return Files.exists(dir.resolve(RuleTest.EXPECTED)) ? LocalDate.parse(RuleTest.readExpected(dir).asOf()) : LocalDate.parse("2026-11-22");
    }

    /** What a finding says, whatever its session: rule, subject, detail, message, location. */
    private static String said(Finding f) {
        return f.rule().id() + " " + f.label() + " | " + f.message() + " | " + f.where() + " | " + f.status()
                + (f.waiver() == null ? "" : " by " + f.waiver().id());
    }

    private interface Case {
        void check(Inventory inv, Evaluator.Options options) throws Exception;
    }

    /** One test per rule fixture and sample. */
    private static Stream<DynamicTest> onEveryInventory(Case c) throws IOException {
        return inventories().map(dir -> DynamicTest.dynamicTest(dir.toString(), () -> c.check(load(dir), Evaluator.Options.asOf(asOf(dir)))));
    }

    /** The findings of the rules that stay inside a component, as their sessions report them (waivers are in no component). */
    private static Stream<String> local(Result r) {
        return r.findings().stream().filter(f -> !PACK.inventoryWide(f.rule().id()))
                .map(f -> said(f.withStatus(dev.continuity.engine.eval.Status.OPEN, null)));
    }

    @TestFactory
    Stream<DynamicTest> eachComponentAloneGivesItsShare() throws IOException {
        return onEveryInventory((inv, options) -> {
            Result whole = new Evaluator(PACK).evaluate(inv, options);
            List<String> parts = new ArrayList<>();
            List<Object> recoveries = new ArrayList<>();
            for (List<Resource> c : Components.of(inv).members()) {
                List<Resource> alone = new ArrayList<>(c);
                if (inv.hasDeclaredPolicy()) alone.add(inv.policy());
                Result r = new Evaluator(PACK).evaluate(inv.only(alone), options);
                local(r).forEach(parts::add);
                recoveries.addAll(r.recoveries());
            }
            assertThat(parts).containsExactlyInAnyOrderElementsOf(local(whole).toList());
            assertThat(recoveries).containsExactlyInAnyOrderElementsOf(whole.recoveries());
        });
    }

    @TestFactory
    Stream<DynamicTest> cachedEvaluationIsThePlainOne() throws IOException {
        return onEveryInventory((inv, options) -> {
            Result plain = new Evaluator(PACK).evaluate(inv, options);
            AnalysisCache cache = AnalysisCache.inMemory();
            Result first = new Evaluator(PACK).evaluate(inv, options, cache);
            cache.save();
            assertThat(cache.componentHits()).isZero();
            Result second = new Evaluator(PACK).evaluate(inv, options, cache);
            assertThat(cache.componentHits()).as("every component from the cache").isEqualTo(Components.of(inv).members().size());
            assertSame(first, plain);
            assertSame(second, plain);
        });
    }

    /**
     * A check whose changed file keeps its outline takes the inventory's shape from the cache and
     * reads the other files' records only when asked for: on every fixture, with each file touched
     * in turn (a comment appended), then every file at once, the same result as the plain
     * evaluation, and the shape was kept.
     */
    @TestFactory
    Stream<DynamicTest> aKeptShapeGivesThePlainResult(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // every fixture copied first, then one wait: a file changed within 2 s of its hashing is read
        // again (AnalysisCache.Seen), and the files left unread are the point here
        Map<Path, List<Path>> copies = new LinkedHashMap<>();
        for (Path dir : inventories().toList()) {
            Path copy = Files.createDirectories(tmp.resolve(String.valueOf(copies.size())));
            try (Stream<Path> s = Files.walk(dir)) { // with what the documents name (the samples' plans)
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Files.copy(p, Files.createDirectories(copy.resolve(dir.relativize(p)).getParent()).resolve(p.getFileName()));
                }
            }
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.list(copy)) {
                for (Path p : s.sorted().toList()) {
                    if (p.toString().endsWith(".yaml") && !p.getFileName().toString().equals(RuleTest.EXPECTED)) files.add(p);
                }
            }
            copies.put(dir, files);
        }
        Thread.sleep(AnalysisCache.RACY_MILLIS + 100);
        return copies.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().toString(), () -> {
            List<Path> files = e.getValue();
            Evaluator.Options options = Evaluator.Options.asOf(asOf(e.getKey()));
            Path cacheFile = files.get(0).resolveSibling("continuity.cache");
            cachedCheck(files, AnalysisCache.open(cacheFile), options); // fills the cache, with the shape
            List<List<Path>> touches = new ArrayList<>();
            for (Path f : files) touches.add(List.of(f)); // each file alone: the others' records read when asked for
            touches.add(files); // every file at once: each read, and compared with what the cache held
            int unread = 0;
            for (List<Path> touched : touches) {
                for (Path f : touched) Files.writeString(f, "\n# touched\n", java.nio.file.StandardOpenOption.APPEND);
                AnalysisCache cache = AnalysisCache.open(cacheFile);
                Result kept = cachedCheck(files, cache, options);
                assertThat(cache.served().shapesKept()).as("shape kept after %s", touched).isEqualTo(1);
                assertThat(cache.served().notRead()).as("files not read").isLessThanOrEqualTo(files.size() - touched.size());
                if (touched.size() == 1) unread += cache.served().notRead();
                assertSame(kept, new Evaluator(PACK).evaluate(new InventoryLoader().load(files), options));
            }
            if (files.size() > 1) assertThat(unread).as("files left unread").isPositive();
        }));
    }

    /** Loads and evaluates with the cache, then saves it, as a check does. */
    private static Result cachedCheck(List<Path> files, AnalysisCache cache, Evaluator.Options options) throws Exception {
        Result r = new Evaluator(PACK).evaluate(new InventoryLoader().withCache(cache).load(files), options, cache);
        assertThat(cache.save()).isNull();
        return r;
    }

    /** The same findings (what they say first, for a readable failure), recoveries, waiver states and coverage. */
    private static void assertSame(Result r, Result plain) {
        assertThat(r.findings().stream().map(IncrementalEvaluationTest::said).toList())
                .isEqualTo(plain.findings().stream().map(IncrementalEvaluationTest::said).toList());
        assertThat(r.findings()).isEqualTo(plain.findings());
        assertThat(r.recoveries()).isEqualTo(plain.recoveries());
        assertThat(r.waivers()).isEqualTo(plain.waivers());
        assertThat(r.coverage()).isEqualTo(plain.coverage());
    }

    /** Large inventories are evaluated in two sessions of components on two cores: the same result. */
    @TestFactory
    Stream<DynamicTest> twoSessionsGiveThePlainResult() throws IOException {
        return onEveryInventory((inv, options) -> {
            Result plain = new Evaluator(PACK).parallelFrom(Integer.MAX_VALUE).evaluate(inv, options);
            assertSame(new Evaluator(PACK).parallelFrom(0).evaluate(inv, options), plain);
        });
    }

    /** Components come from the references the loader read; they must be exactly what the {@code @Ref} fields name. */
    @TestFactory
    Stream<DynamicTest> theLoadersReferencesAreTheRefFields() throws IOException {
        return onEveryInventory((inv, options) -> {
            List<String> named = new ArrayList<>();
            for (Resource r : inv.resources()) {
                List<String> targets = new ArrayList<>();
                Components.references(r, targets);
                for (String t : targets) named.add(r.id() + " -> " + t);
            }
            assertThat(inv.references()).isNotNull();
            List<String> read = new ArrayList<>();
            for (int k = 0; k < inv.references().size(); k++) {
                read.add(inv.resources().get(inv.references().from()[k]).id() + " -> " + inv.resources().get(inv.references().to()[k]).id());
            }
            assertThat(read).containsExactlyInAnyOrderElementsOf(named);
            assertThat(Components.of(inv)).isEqualTo(Components.of(inv.only(inv.resources())));
        });
    }

    /** Findings kept by one rule pack are never taken for another (the plugin may be given other rules than its engine). */
    @Test
    void findingsOfOtherRulesAreNotReused() throws Exception {
        Inventory inv = load(Path.of("../samples/northwind/continuity"));
        Evaluator.Options options = Evaluator.Options.asOf(LocalDate.parse("2026-11-22"));
        AnalysisCache cache = AnalysisCache.inMemory();
        assertThat(new Evaluator(PACK).evaluate(inv, options, cache).findings()).isNotEmpty();
        cache.save();
        assertThat(new Evaluator(RulePack.none()).evaluate(inv, options, cache).findings()).isEmpty();
        assertThat(cache.componentHits()).isZero();
    }

    @Test
    void theRulesOfTheWholeInventoryAreDeclared() {
        assertThat(PACK.rules().stream().map(r -> r.id()).filter(PACK::inventoryWide).sorted().toList())
                .containsExactly("EX-003", "WVR-001", "WVR-002");
    }
}
