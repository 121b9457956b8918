package dev.continuity.bench;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.RulePack;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.Inventory;
import org.drools.core.common.ReteEvaluator;
import org.kie.api.runtime.KieSession;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Drools stage against its floor: the same facts inserted into a session of no rules, and
 * fired ({@link RulePack#none()}). In one JVM, after warm-up rounds, the two run in turn; prints the
 * medians of the session time (insert and fire) and their ratio. Between them it measures the same
 * facts inserted into a session of the built-in rules and propagated to every rule's inputs, where
 * Drools stages them, but no rule evaluated: what the rules would cost if none of them ever had to
 * join anything, the bound that ordering or filtering the rules' patterns cannot go below. Last, the
 * collector time that fell into the evaluations with rules and into those with none, and in how many
 * of each: what tells a call whose sessions were paused by collections from one that was not.
 * {@code java -cp bench/target/benchmarks.jar dev.continuity.bench.DroolsFloor DIR [ROUNDS]}
 */
public final class DroolsFloor {
    private DroolsFloor() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Inventory inv = new InventoryLoader(dir).load(List.of(dir));
        // one session each (as the ratio has always been measured), not two on two cores
        Evaluator rules = new Evaluator(RulePack.builtIn()).parallelFrom(Integer.MAX_VALUE);
        Evaluator none = new Evaluator(RulePack.none()).parallelFrom(Integer.MAX_VALUE);
        Evaluator.Options options = Evaluator.Options.asOf(LocalDate.of(2026, 11, 22));
        for (int i = 0; i < 3; i++) { // warm-up
            rules.evaluate(inv, options);
            none.evaluate(inv, options);
        }
        List<Long> withRules = new ArrayList<>(), floor = new ArrayList<>(), staged = new ArrayList<>();
        List<Double> ratios = new ArrayList<>(), stagedRatios = new ArrayList<>();
        for (int i = 0; i < 2; i++) staged(inv, options); // warm-up
        // collections during each evaluation (derivation and session): a young collection that falls
        // into a session adds its pause to that round, which is what makes calls of one build differ
        long rulesGc = 0, floorGc = 0;
        int rulesCollected = 0, floorCollected = 0;
        for (int i = 0; i < rounds; i++) {
            long gc0 = collectionMillis();
            Result r = rules.evaluate(inv, options);
            long gc1 = collectionMillis();
            Result n = none.evaluate(inv, options);
            long gc2 = collectionMillis();
            rulesGc += gc1 - gc0;
            floorGc += gc2 - gc1;
            if (gc1 > gc0) rulesCollected++;
            if (gc2 > gc1) floorCollected++;
            long s = staged(inv, options);
            withRules.add(r.timings().rulesMillis());
            floor.add(n.timings().rulesMillis());
            staged.add(s);
            ratios.add((double) r.timings().rulesMillis() / Math.max(1, n.timings().rulesMillis()));
            stagedRatios.add((double) s / Math.max(1, n.timings().rulesMillis()));
        }
        System.out.printf("%d resources: rules %d ms, no-rules floor %d ms (medians of %d rounds); ratio %.2f"
                        + "; staged, no rule evaluated %d ms, ratio %.2f%n",
                inv.size(), median(withRules), median(floor), rounds, medianD(ratios), median(staged), medianD(stagedRatios));
        System.out.printf("collections: %d ms in %d of the %d evaluations with rules, %d ms in %d of those with none%n",
                rulesGc, rulesCollected, rounds, floorGc, floorCollected);
    }

    /** Milliseconds the collectors have paused the program so far. */
    private static long collectionMillis() {
        long sum = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    /**
     * Milliseconds to insert the facts one session of the evaluator gets ({@link Evaluator#facts})
     * into a session of the built-in rules and propagate them to the rules' inputs, without
     * evaluating any rule. The derivation is not timed, as in the evaluator's rules time.
     */
    private static long staged(Inventory inv, Evaluator.Options options) {
        List<Object> facts = Evaluator.facts(inv, options.asOf());
        long t0 = System.nanoTime();
        KieSession session = RulePack.builtIn().kieBase().newKieSession();
        try {
            for (Object fact : facts) session.insert(fact);
            ((ReteEvaluator) session).getActivationsManager().flushPropagations();
        } finally {
            session.dispose();
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    static double medianD(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
