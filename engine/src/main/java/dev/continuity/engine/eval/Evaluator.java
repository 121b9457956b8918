package dev.continuity.engine.eval;

import dev.continuity.engine.graph.Derivation;
import dev.continuity.engine.model.*;
import org.kie.api.runtime.KieSession;

import java.time.Duration;
import java.time.LocalDate;
import java.util.*;

/**
 * Runs a rule pack over an inventory: facts in, findings out, with rule settings, waivers and a
 * baseline applied, and a record of what ran.
 */
public final class Evaluator {
    private final RulePack pack;

    public Evaluator(RulePack pack) {
        this.pack = pack;
    }

    public Evaluator() {
        this(RulePack.builtIn());
    }

    /**
     * @param asOf          the evaluation date
     * @param skipRules     ids of rules not to run (command line)
     * @param baseline      the baseline in use, or null
     * @param maxFirings    how often one custom rule may fire
     * @param timeLimit     how long one firing of a custom rule (or the engine between firings) may take
     */
    public record Options(LocalDate asOf, Set<String> skipRules, Baseline baseline, long maxFirings, Duration timeLimit,
                          Set<Framework> frameworks) {
        public static final long DEFAULT_MAX_FIRINGS = RuleGuard.Limits.DEFAULT.maxFirings();
        public static final Duration DEFAULT_TIME_LIMIT = RuleGuard.Limits.DEFAULT.timeLimit();

        public Options {
            Objects.requireNonNull(asOf, "asOf");
            skipRules = Set.copyOf(skipRules);
            frameworks = frameworks == null ? Set.of() : Set.copyOf(frameworks);
        }

        public Options(LocalDate asOf, Set<String> skipRules, Baseline baseline) {
            this(asOf, skipRules, baseline, DEFAULT_MAX_FIRINGS, DEFAULT_TIME_LIMIT, Set.of());
        }

        public Options(LocalDate asOf, Set<String> skipRules, Baseline baseline, long maxFirings, Duration timeLimit) {
            this(asOf, skipRules, baseline, maxFirings, timeLimit, Set.of());
        }

        public static Options asOf(LocalDate date) {
            return new Options(date, Set.of(), null);
        }
    }

    /** Evaluates; throws CustomRuleException when a custom rule misbehaves (RuleGuard). */
    public Result evaluate(Inventory inv, Options options) {
        Policy policy = inv.policy();
        // rule settings of the Policy, then the command line
        Map<String, RuleInfo> effective = new LinkedHashMap<>();
        for (RuleInfo r : pack.rules()) effective.put(r.id(), r);
        List<Run.Skipped> skipped = new ArrayList<>();
        List<Run.SeverityChange> changed = new ArrayList<>();
        Set<String> skip = new TreeSet<>();
        for (RuleSetting s : policy.ruleSettings()) {
            String id = RuleInfo.normalizeId(s.rule());
            RuleInfo info = effective.get(id);
            if (info == null) continue; // Check refuses settings of unknown rules before evaluation
            if (s.severity() == RuleLevel.DISABLED) {
                skip.add(id);
                skipped.add(new Run.Skipped(id, Run.By.POLICY, s.reason()));
            } else {
                changed.add(new Run.SeverityChange(id, info.severity(), s.severity().severity(), s.reason()));
                effective.put(id, info.withSeverity(s.severity().severity()));
            }
        }
        for (String id : new TreeSet<>(options.skipRules())) {
            if (skip.add(id)) skipped.add(new Run.Skipped(id, Run.By.COMMAND_LINE, null));
        }
        // --framework: only the rules mapped to a selected framework run
        if (!options.frameworks().isEmpty()) {
            String names = String.join(", ", new TreeSet<>(options.frameworks().stream().map(Framework::option).toList()));
            for (RuleInfo r : effective.values()) {
                // the waiver rules keep running: an expired waiver is reported whatever the framework
                if (!r.family().equals("WVR") && options.frameworks().stream().noneMatch(f -> f.maps(r)) && skip.add(r.id())) {
                    skipped.add(new Run.Skipped(r.id(), Run.By.COMMAND_LINE, "not mapped to " + names));
                }
            }
        }
        skipped.sort(Comparator.comparing(Run.Skipped::rule));
        changed.sort(Comparator.comparing(Run.SeverityChange::rule));

        Findings findings = new Findings(pack, inv);
        Waivers waivers = new Waivers(inv.all(Waiver.class), options.asOf());
        long t0 = System.nanoTime();
        List<Object> derived = Derivation.facts(inv);
        long t1 = System.nanoTime();
        KieSession session = pack.kieBase().newKieSession();
        try {
            if (!pack.rules().isEmpty()) session.setGlobal("findings", findings); // RulePack.none() declares no global
            for (Resource r : inv.resources()) session.insert(r);
            if (!inv.hasDeclaredPolicy()) session.insert(policy);
            session.insert(new AsOf(options.asOf()));
            for (Object fact : derived) session.insert(fact);
            for (WaiverTarget t : waivers.targets()) session.insert(t);
            for (String id : skip) session.insert(new SkippedRule(id));
            Runnable fire = skip.isEmpty() ? session::fireAllRules
                    : () -> session.fireAllRules(match -> !skip.contains(pack.idOf(match.getRule())));
            if (pack.hasCustomRules()) {
                new RuleGuard(pack, new RuleGuard.Limits(options.maxFirings(), options.timeLimit()), System.err).fire(session, fire);
            } else {
                fire.run();
            }
        } finally {
            session.dispose();
        }
        long t2 = System.nanoTime();
        Set<String> baseline = options.baseline() == null ? Set.of() : options.baseline().fingerprints();
        List<Finding> out = new ArrayList<>();
        Set<String> inForce = new HashSet<>();
        for (Finding found : findings.all()) {
            Finding f = found.withRule(effective.get(found.rule().id()));
            Optional<Waiver> w = waivers.forFinding(f.rule().id(), f.subject(), f.detail());
            if (w.isPresent()) {
                out.add(f.withStatus(Status.WAIVED, w.get()));
                inForce.add(w.get().id());
            } else if (baseline.contains(f.fingerprint())) {
                out.add(f.withStatus(Status.BASELINE, null));
            } else {
                out.add(f);
            }
        }
        out.sort(Finding.ORDER);
        List<Waivers.Status> states = new ArrayList<>();
        for (Waiver w : inv.all(Waiver.class)) {
            String rule = RuleInfo.normalizeId(w.rule());
            Waivers.State state = w.expires().isBefore(options.asOf()) ? Waivers.State.EXPIRED
                    : inForce.contains(w.id()) ? Waivers.State.IN_FORCE
                    : skip.contains(rule) || effective.get(rule) == null
                    ? Waivers.State.RULE_NOT_RUN : Waivers.State.MATCHES_NOTHING;
            states.add(new Waivers.Status(w, state));
        }
        long matched = out.stream().filter(f -> f.status() == Status.BASELINE).count();
        Run run = new Run(effective.size(), skipped, changed, pack.customFiles(),
                options.baseline() == null ? null : new Run.BaselineUse(options.baseline().file(), options.baseline().sha256(), matched));
        List<RuleInfo> ran = effective.values().stream().filter(r -> !skip.contains(r.id())).toList();
        List<Framework.Coverage> coverage = coverage(options.frameworks(), ran, out);
        return new Result(inv, options.asOf(), List.copyOf(out), new Result.Timings(0, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000),
                ran, run, List.copyOf(states),
                derived.stream().filter(f -> f instanceof dev.continuity.engine.graph.Recovery)
                        .map(f -> (dev.continuity.engine.graph.Recovery) f).toList(), coverage);
    }

    /**
     * Coverage per requirement of the selected frameworks (interfaces.md v2): each requirement a rule
     * that ran maps to, its rules, and fail (an open finding of one of them), waived (none open, some
     * waived or in the baseline) or pass. Requirements no rule maps to are not claimed.
     */
    static List<Framework.Coverage> coverage(Set<Framework> frameworks, List<RuleInfo> ran, List<Finding> findings) {
        List<Framework.Coverage> out = new ArrayList<>();
        for (Framework fw : new TreeSet<>(frameworks)) {
            SortedMap<String, SortedSet<String>> rules = new TreeMap<>(RuleInfo.CONTROL_ORDER);
            for (RuleInfo r : ran) for (String c : r.controls()) if (fw.covers(c)) rules.computeIfAbsent(c, k -> new TreeSet<>()).add(r.id());
            rules.forEach((req, ids) -> {
                boolean open = findings.stream().anyMatch(f -> ids.contains(f.rule().id()) && f.isOpen());
                boolean accepted = findings.stream().anyMatch(f -> ids.contains(f.rule().id()) && !f.isOpen());
                out.add(new Framework.Coverage(fw, req, List.copyOf(ids), open ? Framework.Coverage.State.FAIL
                        : accepted ? Framework.Coverage.State.WAIVED : Framework.Coverage.State.PASS));
            });
        }
        return List.copyOf(out);
    }
}
