package dev.continuity.bench;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.RulePack;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.Inventory;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Two rule packs against each other: the DRL files of two folders (say, the built-in rules as they
 * are and a copy with one rule rewritten, or with one rule left out) compiled as the build compiles
 * them (the executable model), and the facts a check inserts ({@link Evaluator#facts}, derived anew
 * for every session, as a check derives them) inserted into a session of each and fired, in turn
 * with a rule base of no rules, in one JVM after warm-up rounds.
 * Prints the median session time of each pack, each one's median ratio to the rule base of none,
 * and the median of the ratios A/B round by round: rounds in turn see about the same machine, so
 * the last is the figure that tells a change of a few percent from the noise of a shared machine
 * (an A/A call reads 0.99-1.01). The inventory must have no findings (the sessions have no global
 * to report to), as the bench's generated ones.
 * {@code java -Xmx6g -XX:+UseParallelGC -cp bench/target/benchmarks.jar dev.continuity.bench.RulePackAB
 * DIR DRL_FOLDER_A DRL_FOLDER_B [ROUNDS]}
 */
public final class RulePackAB {
    private RulePackAB() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RulePackAB INVENTORY DRL_FOLDER_A DRL_FOLDER_B [ROUNDS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 21;
        Inventory inv = new InventoryLoader(dir).load(List.of(dir));
        java.util.function.Supplier<List<Object>> facts = () -> Evaluator.facts(inv, LocalDate.of(2026, 11, 22));
        KieBase a = pack(Path.of(args[1])), b = pack(Path.of(args[2]));
        KieBase none = RulePack.none().kieBase();
        try {
            for (int i = 0; i < 3; i++) { // warm-up
                run(a, facts.get());
                run(b, facts.get());
                run(none, facts.get());
            }
        } catch (RuntimeException e) { // a consequence ran: the sessions have no global to report to
            System.err.println("RulePackAB measures an inventory without findings (the bench's generated ones): a rule fired (" + e + ")");
            System.exit(2);
        }
        List<Double> ta = new ArrayList<>(), tb = new ArrayList<>(), tn = new ArrayList<>();
        List<Double> ra = new ArrayList<>(), rb = new ArrayList<>(), ab = new ArrayList<>();
        int count = 0;
        for (int r = 0; r < rounds; r++) {
            List<Object> fa = facts.get();
            count = fa.size();
            double x = run(a, fa), n = run(none, facts.get()), y = run(b, facts.get());
            ta.add(x);
            tb.add(y);
            tn.add(n);
            ra.add(x / n);
            rb.add(y / n);
            ab.add(x / y);
        }
        System.out.printf("%d resources, %d facts, medians of %d rounds: A %.1f ms (%.2fx the rule base of none), "
                        + "B %.1f ms (%.2fx), none %.1f ms; A/B %.3f%n",
                inv.size(), count, rounds, median(ta), median(ra), median(tb), median(rb), median(tn), median(ab));
    }

    /** Every DRL file of a folder, in name order, as one rule base. */
    private static KieBase pack(Path folder) throws IOException {
        KieHelper helper = new KieHelper();
        for (Path f : RuleCost.drlFiles(folder)) helper.addContent(Files.readString(f), ResourceType.DRL);
        return helper.build(ExecutableModelProject.class);
    }

    /** Milliseconds to insert the facts into a new session of the rule base and fire it. */
    private static double run(KieBase base, List<Object> facts) {
        return RuleCost.run(base, facts) / 1e6;
    }

    private static double median(List<Double> xs) {
        return DroolsFloor.medianD(xs);
    }
}
