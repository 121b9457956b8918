package dev.continuity.bench;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.RulePack;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.Inventory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Drools stage against its floor: the same facts inserted into a session of no rules, and
 * fired ({@link RulePack#none()}). In one JVM, after warm-up rounds, the two run in turn; prints the
 * medians of the session time (insert and fire) and their ratio.
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
        List<Long> withRules = new ArrayList<>(), floor = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Result r = rules.evaluate(inv, options);
            Result n = none.evaluate(inv, options);
            withRules.add(r.timings().rulesMillis());
            floor.add(n.timings().rulesMillis());
            ratios.add((double) r.timings().rulesMillis() / Math.max(1, n.timings().rulesMillis()));
        }
        System.out.printf("%d resources: rules %d ms, no-rules floor %d ms (medians of %d rounds); ratio %.2f%n",
                inv.size(), median(withRules), median(floor), rounds, medianD(ratios));
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static double medianD(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
