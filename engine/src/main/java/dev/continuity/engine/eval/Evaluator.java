package dev.continuity.engine.eval;

import dev.continuity.engine.graph.Derivation;
import dev.continuity.engine.model.*;
import org.kie.api.runtime.KieSession;

import java.time.LocalDate;
import java.util.*;

/** Runs a rule pack over an inventory: facts in, findings out, with waivers and a baseline applied. */
public final class Evaluator {
    private final RulePack pack;

    public Evaluator(RulePack pack) {
        this.pack = pack;
    }

    public Evaluator() {
        this(RulePack.builtIn());
    }

    /**
     * @param asOf      the evaluation date
     * @param skipRules ids of rules not to run
     * @param baseline  fingerprints of findings to report as baseline
     */
    public record Options(LocalDate asOf, Set<String> skipRules, Set<String> baseline) {
        public Options {
            Objects.requireNonNull(asOf, "asOf");
            skipRules = Set.copyOf(skipRules);
            baseline = Set.copyOf(baseline);
        }

        public static Options asOf(LocalDate date) {
            return new Options(date, Set.of(), Set.of());
        }
    }

    public Result evaluate(Inventory inv, Options options) {
        Policy policy = inv.policy();
        Findings findings = new Findings(pack, inv.hasDeclaredPolicy() ? policy.location() : null);
        long t0 = System.nanoTime();
        List<Object> derived = Derivation.facts(inv);
        long t1 = System.nanoTime();
        KieSession session = pack.kieBase().newKieSession();
        try {
            session.setGlobal("findings", findings);
            for (Resource r : inv.resources()) session.insert(r);
            if (!inv.hasDeclaredPolicy()) session.insert(policy);
            session.insert(new AsOf(options.asOf()));
            for (Object fact : derived) session.insert(fact);
            Set<String> skip = options.skipRules();
            for (String id : skip) session.insert(new SkippedRule(id));
            if (skip.isEmpty()) {
                session.fireAllRules();
            } else {
                session.fireAllRules(match -> !skip.contains(pack.idOf(match.getRule())));
            }
        } finally {
            session.dispose();
        }
        long t2 = System.nanoTime();
        Map<String, Waiver> waivers = new HashMap<>();
        for (Waiver x : inv.all(Waiver.class)) {
            if (!x.expires().isBefore(options.asOf())) waivers.putIfAbsent(x.rule() + '\u0000' + x.subject(), x);
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings.all()) {
            Waiver w = waivers.get(f.rule().id() + '\u0000' + f.subject());
            if (w != null) out.add(f.withStatus(Status.WAIVED, w));
            else if (options.baseline().contains(f.fingerprint())) out.add(f.withStatus(Status.BASELINE, null));
            else out.add(f);
        }
        out.sort(Finding.ORDER);
        return new Result(inv, options.asOf(), List.copyOf(out), new Result.Timings(0, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000),
                pack.rules().stream().filter(r -> !options.skipRules().contains(r.id())).toList());
    }
}
