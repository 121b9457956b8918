package dev.continuity.bench;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.Inventory;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What each built-in rule costs on its own: every rule of the pack's DRL files compiled alone (the
 * executable model, as the build makes it) into a rule base of its own, and the facts a check
 * inserts ({@link Evaluator#facts}) inserted into a session of it and fired, in turn with a rule
 * base of no rules, in one JVM after warm-up rounds. Prints each rule's median time above the
 * empty rule base, the costliest first. A rule alone pays for propagating its facts' types, which
 * in the whole pack it shares with others: the figures rank the rules, they do not add up to the
 * pack's. The inventory must have no findings (the sessions have no global to report to), as the
 * bench's generated ones. {@code java -Xmx6g -XX:+UseParallelGC -cp bench/target/benchmarks.jar dev.continuity.bench.RuleCost
 * DIR rules/src/main/resources/dev/continuity/rules [ROUNDS]}
 */
public final class RuleCost {
    private static final Pattern RULE = Pattern.compile("(?s)\nrule \"([^\"]+)\".*?\nend\n");

    private RuleCost() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path drl = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 11;
        Inventory inv = new InventoryLoader(dir).load(List.of(dir));
        List<Object> facts = Evaluator.facts(inv, LocalDate.of(2026, 11, 22));
        Map<String, KieBase> bases = new LinkedHashMap<>();
        bases.put("", new KieHelper().build(ExecutableModelProject.class));
        for (Path f : drlFiles(drl)) {
            String source = Files.readString(f);
            String head = source.substring(0, source.indexOf("\nrule ") + 1); // package, imports, globals
            Matcher m = RULE.matcher(source);
            while (m.find()) {
                bases.put(m.group(1), new KieHelper().addContent(head + m.group().substring(1), ResourceType.DRL)
                        .build(ExecutableModelProject.class));
            }
        }
        try {
            for (int i = 0; i < 3; i++) for (KieBase b : bases.values()) run(b, facts); // warm-up
        } catch (RuntimeException e) { // a consequence ran: the sessions have no global to report to
            System.err.println("RuleCost measures an inventory without findings (the bench's generated ones): a rule fired (" + e + ")");
            System.exit(2);
        }
        Map<String, long[]> nanos = new LinkedHashMap<>();
        for (String k : bases.keySet()) nanos.put(k, new long[rounds]);
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, KieBase> e : bases.entrySet()) nanos.get(e.getKey())[r] = run(e.getValue(), facts);
        }
        double empty = median(nanos.remove(""));
        List<Map.Entry<String, Double>> costs = new ArrayList<>();
        for (Map.Entry<String, long[]> e : nanos.entrySet()) costs.add(Map.entry(e.getKey(), median(e.getValue()) - empty));
        costs.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        System.out.printf("%d resources, %d facts: no rules %.1f ms (median of %d rounds); each rule alone, above it:%n",
                inv.size(), facts.size(), empty, rounds);
        for (Map.Entry<String, Double> c : costs) {
            System.out.printf("%7.1f ms  %5.1f%%  %s%n", c.getValue(), 100 * c.getValue() / empty, c.getKey());
        }
    }

    /** The DRL files of a folder, in name order. */
    static List<Path> drlFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.toString().endsWith(".drl")).sorted().toList();
        }
    }

    /** Nanoseconds to insert the facts into a new session of the rule base and fire it. */
    static long run(KieBase base, List<Object> facts) {
        long t0 = System.nanoTime();
        KieSession session = base.newKieSession();
        try {
            for (Object f : facts) session.insert(f);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return System.nanoTime() - t0;
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
