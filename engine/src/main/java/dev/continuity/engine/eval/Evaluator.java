package dev.continuity.engine.eval;

import dev.continuity.engine.graph.Components;
import dev.continuity.engine.graph.Derivation;
import dev.continuity.engine.graph.Recovery;
import dev.continuity.engine.load.AnalysisCache;
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
    private final int parallelFrom;

    public Evaluator(RulePack pack) {
        this(pack, PARALLEL_FROM);
    }

    private Evaluator(RulePack pack, int parallelFrom) {
        this.pack = pack;
        this.parallelFrom = parallelFrom;
    }

    /**
     * From how many resources (to evaluate) the components are evaluated in two sessions on two
     * cores; below, one session is cheaper (docs/performance.md).
     */
    public static final int PARALLEL_FROM = 20_000;

    /** The same pack, evaluating components in two sessions from {@code resources} resources (tests: 0). */
    public Evaluator parallelFrom(int resources) {
        return new Evaluator(pack, resources);
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
        return evaluate(inv, options, null);
    }

    /**
     * Evaluates, taking the findings of unchanged components from the cache and keeping those it
     * makes there (null: no cache; custom rules: the cache's findings are not used, since a custom
     * rule may join anything).
     */
    public Result evaluate(Inventory inv, Options options, AnalysisCache cache) {
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

        Waivers waivers = new Waivers(inv.all(Waiver.class), options.asOf());
        Fired fired = null;
        if (!pack.hasCustomRules() && (cache != null || inv.size() >= parallelFrom)) fired = byComponents(inv, options, skip, waivers, cache);
        if (fired == null) fired = whole(inv, options, skip, waivers);
        Set<String> baseline = options.baseline() == null ? Set.of() : options.baseline().fingerprints();
        List<Finding> out = new ArrayList<>();
        Set<String> inForce = new HashSet<>();
        for (Finding found : fired.findings()) {
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
        return new Result(inv, options.asOf(), List.copyOf(out), new Result.Timings(0, fired.deriveNanos() / 1_000_000,
                fired.rulesNanos() / 1_000_000), ran, run, List.copyOf(states), fired.recoveries(), coverage);
    }

    /** What the sessions of one evaluation reported, before rule settings, waivers and baseline. */
    private record Fired(List<Finding> findings, List<Recovery> recoveries, long deriveNanos, long rulesNanos) {
    }

    /** Every fact in one session. */
    private Fired whole(Inventory inv, Options options, Set<String> skip, Waivers waivers) {
        Findings findings = new Findings(pack, inv);
        long t0 = System.nanoTime();
        List<Object> derived = Derivation.facts(inv);
        long t1 = System.nanoTime();
        session(findings, inv.resources(), inv, options, derived, waivers.targets(), List.of(), skip, null);
        long t2 = System.nanoTime();
        return new Fired(findings.all(), recoveries(derived), t1 - t0, t2 - t1);
    }

    private static List<Recovery> recoveries(List<Object> derived) {
        return derived.stream().filter(f -> f instanceof Recovery).map(f -> (Recovery) f).toList();
    }

    /**
     * One session: the resources, the inventory's default Policy when it declares none, the date,
     * the derived facts, waiver targets, findings known before it, the rules not to run.
     *
     * @param scope null: every rule; true: only the rules of {@code @scope("inventory")}; false: only the others
     */
    private void session(Findings findings, List<? extends Resource> resources, Inventory inv, Options options, List<Object> derived,
                         List<WaiverTarget> targets, List<Found> found, Set<String> skip, Boolean scope) {
        KieSession session = pack.kieBase().newKieSession();
        try {
            if (!pack.rules().isEmpty()) session.setGlobal("findings", findings); // RulePack.none() declares no global
            facts(resources, inv, options.asOf(), derived, targets, session::insert);
            for (Found f : found) session.insert(f);
            for (String id : skip) session.insert(new SkippedRule(id));
            Runnable fire = skip.isEmpty() && scope == null ? session::fireAllRules : () -> session.fireAllRules(match -> {
                String id = pack.idOf(match.getRule());
                return !skip.contains(id) && (scope == null || scope == pack.inventoryWide(id));
            });
            if (pack.hasCustomRules()) {
                new RuleGuard(pack, new RuleGuard.Limits(options.maxFirings(), options.timeLimit()), System.err).fire(session, fire);
            } else {
                fire.run();
            }
        } finally {
            session.dispose();
        }
    }

    /**
     * The facts a session over these resources starts with, in the order inserted: the resources,
     * the inventory's default Policy when it declares none, the date, the derived facts, the
     * waiver targets.
     */
    private static void facts(List<? extends Resource> resources, Inventory inv, LocalDate asOf, List<Object> derived,
                              List<WaiverTarget> targets, java.util.function.Consumer<Object> insert) {
        for (Resource r : resources) insert.accept(r);
        if (!inv.hasDeclaredPolicy()) insert.accept(inv.policy());
        insert.accept(new AsOf(asOf));
        for (Object fact : derived) insert.accept(fact);
        for (WaiverTarget t : targets) insert.accept(t);
    }

    /**
     * The facts one session of the whole inventory starts with (derivation included), before any
     * rule fires: what bench/ inserts to measure the rules against their floor.
     */
    public static List<Object> facts(Inventory inv, LocalDate asOf) {
        List<Object> out = new ArrayList<>();
        facts(inv.resources(), inv, asOf, Derivation.facts(inv), new Waivers(inv.all(Waiver.class), asOf).targets(), out::add);
        return out;
    }

    /**
     * By components ({@link Components}): the inventory cut into components that no reference
     * joins. With a cache, the findings and recoveries of a component whose key the cache holds are
     * taken from it. The other components are derived and evaluated without the rules of
     * {@code @scope("inventory")}: in one session, or, from {@link #parallelFrom} resources, in two
     * groups of about equal size, each its own session, on two cores. Then those rules run in a
     * last session over the Policy, the Exercises, the Waivers and every finding. Null when the
     * inventory cannot be keyed (a file without a digest): then everything is evaluated in one session.
     */
    private Fired byComponents(Inventory inv, Options options, Set<String> skip, Waivers waivers, AnalysisCache cache) {
        String global = cache == null ? null : globalKey(inv, options, skip);
        if (cache != null && global == null) return null;
        long t0 = System.nanoTime();
        int[][] components = Components.positions(inv);
        java.util.concurrent.CompletableFuture<Fired> evaluating = null;
        List<Resource> all = inv.resources(); // read only for the components evaluated again
        List<Finding> local = new ArrayList<>();
        Map<String, Recovery> recoveries = new HashMap<>();
        List<List<Resource>> stale = new ArrayList<>();
        List<String> staleKeys = new ArrayList<>();
        if (cache == null) {
            for (int[] c : components) stale.add(Components.members(all, c));
        } else {
            // a document spans files only when a hand-written one completes one imported from Terraform JSON
            boolean completes = inv.files().stream().anyMatch(dev.continuity.engine.load.InventoryLoader::isJson);
            // the keys (on both cores for many components), then looked up in component order
            java.util.stream.IntStream numbers = java.util.stream.IntStream.range(0, components.length);
            List<String> keys = (components.length > 256 ? numbers.parallel() : numbers)
                    .mapToObj(n -> componentKey(global, components[n], inv, completes)).toList();
            List<AnalysisCache.Part> found = new ArrayList<>();
            for (int n = 0; n < components.length; n++) {
                String key = keys.get(n);
                AnalysisCache.Part part = key == null ? null : cache.part(key);
                if (part == null) {
                    stale.add(Components.members(all, components[n]));
                    staleKeys.add(key);
                } else {
                    found.add(part);
                }
            }
            // the components evaluated again on a thread of their own (a cached check's first Drools
            // session, mostly the JVM's first run of the rules' code), while this one turns the
            // others' kept findings into findings
            if (!stale.isEmpty() && size(stale) < parallelFrom) {
                List<List<Resource>> again = List.copyOf(stale);
                evaluating = dev.continuity.engine.Background.start("continuity-evaluation", () -> evaluateTogether(again, inv, options, skip));
            }
            for (AnalysisCache.Part part : found) {
                for (AnalysisCache.PartFinding f : part.findings()) {
                    local.add(new Finding(pack.rule(f.rule()).orElseThrow(), f.subject(), f.kind(), f.detail(), f.message(), f.location(),
                            Status.OPEN, null));
                }
                for (AnalysisCache.PartRecovery r : part.recoveries()) {
                    recoveries.put(r.service(), new Recovery(r.service(), r.time(), r.limiting(), r.criticality(), r.mtd()));
                }
            }
            cache.components(components);
        }
        // EX-003 reads the exercises through ScenarioExercised alone
        List<Object> exercised = new ArrayList<>(dev.continuity.engine.graph.ScenarioExercised.of(inv.all(Exercise.class)));
        long deriveNanos = 0;
        if (!stale.isEmpty()) {
            List<Fired> done;
            if (evaluating != null) {
                done = List.of(dev.continuity.engine.Background.join(evaluating));
            } else {
                List<List<List<Resource>>> groups = groups(stale, size(stale) >= parallelFrom ? 2 : 1);
                done = (groups.size() > 1 ? groups.parallelStream() : groups.stream()).map(g -> evaluateTogether(g, inv, options, skip)).toList();
            }
            for (Fired f : done) {
                local.addAll(f.findings());
                for (Recovery r : f.recoveries()) recoveries.put(r.service(), r);
                deriveNanos = Math.max(deriveNanos, f.deriveNanos());
            }
            if (cache != null) keep(cache, stale, staleKeys, done);
        }
        // the rules of the whole inventory, over what they read and every finding of the others
        List<Resource> wide = new ArrayList<>();
        if (inv.hasDeclaredPolicy()) wide.add(inv.policy());
        wide.addAll(inv.all(Waiver.class));
        // the findings of the others, as far as a rule of the whole inventory reads them: WVR-002 looks
        // for those of a waiver's rule and subject (no waiver: none is inserted)
        Set<String> waived = new HashSet<>();
        for (WaiverTarget t : waivers.targets()) waived.add(t.rule() + '\u0000' + t.subject());
        List<Found> known = new ArrayList<>();
        for (Finding f : local) {
            Waivers.Key k = Waivers.key(f.rule().id(), f.subject(), f.detail());
            if (waived.contains(k.rule() + '\u0000' + k.subject())) known.add(new Found(k.rule(), k.subject(), k.detail()));
        }
        Findings findings = new Findings(pack, inv);
        session(findings, wide, inv, options, exercised, waivers.targets(), known, skip, true);
        List<Finding> found = new ArrayList<>(local);
        found.addAll(findings.all());
        List<Recovery> ordered = new ArrayList<>();
        for (String service : inv.ids(Service.class)) ordered.add(recoveries.get(service));
        return new Fired(found, List.copyOf(ordered), deriveNanos, System.nanoTime() - t0 - deriveNanos);
    }

    /** How many resources some components have. */
    private static int size(List<List<Resource>> components) {
        return components.stream().mapToInt(List::size).sum();
    }

    /** Components in {@code n} runs of about the same number of resources, in their order. */
    private static List<List<List<Resource>>> groups(List<List<Resource>> components, int n) {
        if (n <= 1 || components.size() < 2) return List.of(components);
        int total = components.stream().mapToInt(List::size).sum();
        List<List<List<Resource>>> out = new ArrayList<>();
        List<List<Resource>> current = new ArrayList<>();
        int size = 0;
        for (List<Resource> c : components) {
            current.add(c);
            size += c.size();
            if (out.size() < n - 1 && size * n >= total * (out.size() + 1)) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }

    /** Components derived and evaluated together in one session, without the rules of the whole inventory. */
    private Fired evaluateTogether(List<List<Resource>> components, Inventory inv, Options options, Set<String> skip) {
        List<Resource> resources = new ArrayList<>();
        for (List<Resource> c : components) resources.addAll(c);
        if (inv.hasDeclaredPolicy()) resources.add(inv.policy());
        Inventory part = inv.only(resources);
        Findings findings = new Findings(pack, inv);
        long t1 = System.nanoTime();
        List<Object> derived = Derivation.facts(part);
        long t2 = System.nanoTime();
        session(findings, part.resources(), part, options, derived, List.of(), List.of(), skip, false);
        return new Fired(findings.all(), recoveries(derived), t2 - t1, System.nanoTime() - t2);
    }

    /** Keeps each evaluated component's findings and recoveries under its key. */
    private static void keep(AnalysisCache cache, List<List<Resource>> components, List<String> keys, List<Fired> done) {
        Map<String, Integer> componentOf = new HashMap<>();
        for (int i = 0; i < components.size(); i++) for (Resource r : components.get(i)) componentOf.put(r.id(), i);
        List<List<AnalysisCache.PartFinding>> found = new ArrayList<>();
        List<List<AnalysisCache.PartRecovery>> recovered = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            found.add(new ArrayList<>());
            recovered.add(new ArrayList<>());
        }
        for (Fired fired : done) {
            for (Finding f : fired.findings()) {
                Integer i = componentOf.get(f.subject());
                if (i == null) {
                    throw new IllegalStateException("rule " + f.rule().id() + " reported on " + f.subject()
                            + ", which is in no component: a rule that joins across components needs @scope(\"inventory\")");
                }
                found.get(i).add(new AnalysisCache.PartFinding(f.rule().id(), f.subject(), f.kind(), f.detail(), f.message(), f.location()));
            }
            for (Recovery r : fired.recoveries()) {
                recovered.get(componentOf.get(r.service())).add(new AnalysisCache.PartRecovery(r.service(), r.time(), r.limiting(),
                        r.criticality(), r.mtd()));
            }
        }
        for (int i = 0; i < components.size(); i++) {
            if (keys.get(i) != null) cache.putPart(keys.get(i), new AnalysisCache.Part(found.get(i), recovered.get(i)));
        }
    }

    /**
     * What every component's findings depend on besides its own resources: the rules (where they
     * were loaded from), the date, the rules not run, the Policy's file, and every Terraform JSON
     * file (an imported resource may be made from several), hashed once for every component's key.
     * Null when a file's digest is unknown.
     */
    private String globalKey(Inventory inv, Options options, Set<String> skip) {
        String rules = pack.identity();
        if (rules == null) return null;
        StringBuilder sb = new StringBuilder("rules ").append(rules).append("\nasOf ").append(options.asOf())
                .append("\nskip ").append(new TreeSet<>(skip)).append('\n');
        if (inv.hasDeclaredPolicy()) {
            String file = inv.policy().location().file();
            String digest = inv.fileDigest(file);
            if (digest == null) return null;
            sb.append("policy ").append(file).append(' ').append(digest).append('\n');
        }
        for (String file : new TreeSet<>(inv.files())) {
            if (!dev.continuity.engine.load.InventoryLoader.isJson(file)) continue;
            String digest = inv.fileDigest(file);
            if (digest == null) return null;
            sb.append("json ").append(file).append(' ').append(digest).append('\n');
        }
        return dev.continuity.engine.load.InventoryLoader.sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A component's key: the global key, its first member's kind and id, and, in member order
     * without repeats, each member's file with a version of it whose bytes hold the member as it is
     * ({@link Inventory#keyToken}: the file's digest, or an earlier one's when only other resources
     * of the file changed since). That is enough: a member's fields, field locations and references
     * are fixed by its file's bytes at that version, so is every resource that names a member (it is
     * a member too), so the component is what its first member reaches through them, and those
     * bytes fix every location a finding points at. Null when a version is unknown.
     *
     * @param completes whether a member's fields may have been written in other files than the
     *                  member (a hand-written document completing one imported from Terraform JSON
     *                  among the inventory's files): then each such file's digest is added
     */
    private static String componentKey(String global, int[] members, Inventory inv, boolean completes) {
        int first = members[0];
        StringBuilder sb = new StringBuilder(global).append('\n').append(inv.kindAt(first).getSimpleName()).append('\u0000')
                .append(inv.idAt(first)).append('\n');
        List<String> versions = new ArrayList<>(2); // "file\u0000sha256"
        String last = null;
        for (int at : members) {
            String token = inv.keyToken(at);
            if (token == null) return null;
            String file = inv.fileAt(at);
            String version = file + '\u0000' + token;
            if (!version.equals(last) && !versions.contains(version)) versions.add(version);
            last = version;
            if (!completes) continue; // every field of the member was written where the member was
            FieldLocations l = inv.locations(inv.resources().get(at));
            List<String> others = new ArrayList<>();
            if (l != null && l.paths().length > 0 && !l.file().equals(file)) others.add(l.file());
            if (l != null && l.files() != null) others.addAll(Arrays.asList(l.files())); // a hand-written document completing an imported one
            for (String f : others) {
                if (f.equals(file)) continue;
                String digest = inv.fileDigest(f);
                if (digest == null) return null;
                String v = f + '\u0000' + digest;
                if (!versions.contains(v)) versions.add(v);
            }
        }
        for (String v : versions) sb.append(v).append('\n');
        return dev.continuity.engine.load.InventoryLoader.sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
