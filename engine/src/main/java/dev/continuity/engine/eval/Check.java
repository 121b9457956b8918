package dev.continuity.engine.eval;

import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.Inventory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

/**
 * One check, as the command line and the Maven plugin run it: load the inventory, add the user's
 * rules, apply the baseline, evaluate. Every user mistake (inventory, rule files, rule ids, the
 * baseline) comes out as one InputException listing all of them.
 *
 * @param inventory  files and directories of the inventory
 * @param asOf       the evaluation date
 * @param ruleFiles  the user's own DRL files (directories: every *.drl below)
 * @param skipRules  ids of rules not to run
 * @param baseline   a baseline file, or null
 * @param maxFirings how often one custom rule may fire
 * @param timeLimit  how long one firing of a custom rule may take
 * @param cache      the analysis cache to read unchanged files from, or null
 */
public record Check(List<Path> inventory, LocalDate asOf, List<Path> ruleFiles, Set<String> skipRules, Path baseline,
                    long maxFirings, java.time.Duration timeLimit, Set<Framework> frameworks,
                    dev.continuity.engine.load.AnalysisCache cache) {

    public Check(List<Path> inventory, LocalDate asOf, List<Path> ruleFiles, Set<String> skipRules, Path baseline,
                 long maxFirings, java.time.Duration timeLimit, Set<Framework> frameworks) {
        this(inventory, asOf, ruleFiles, skipRules, baseline, maxFirings, timeLimit, frameworks, null);
    }

    public Check(List<Path> inventory, LocalDate asOf, List<Path> ruleFiles, Set<String> skipRules, Path baseline,
                 long maxFirings, java.time.Duration timeLimit) {
        this(inventory, asOf, ruleFiles, skipRules, baseline, maxFirings, timeLimit, Set.of());
    }

    public Check {
        inventory = List.copyOf(inventory);
        ruleFiles = List.copyOf(ruleFiles);
        skipRules = Set.copyOf(skipRules);
    }

    public Check(List<Path> inventory, LocalDate asOf, List<Path> ruleFiles, Set<String> skipRules, Path baseline) {
        this(inventory, asOf, ruleFiles, skipRules, baseline, Evaluator.Options.DEFAULT_MAX_FIRINGS, Evaluator.Options.DEFAULT_TIME_LIMIT);
    }

    /**
     * Prepares a check on a second core while the caller is still reading its options (the command
     * line and the Maven plugin call this first): the loader's shape of every kind (23-27 ms), the
     * bytes of {@code cache} when not null (37 ms for 100k resources, taken by
     * {@link dev.continuity.engine.load.AnalysisCache#open}), then the built-in rule base, which the
     * check needs last. A failure is left for the check to meet.
     */
    public static void warmUpInBackground(Path cache) {
        RulePack.warmUpInBackground(() -> {
            try {
                Class.forName(InventoryLoader.class.getName(), true, InventoryLoader.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (cache != null) dev.continuity.engine.load.AnalysisCache.readAhead(cache);
        });
    }

    /** Runs the check; paths in messages and reports are relative to {@code workDir} when below it. */
    public Result run(Path workDir) throws InputException {
        return run(workDir, false);
    }

    /** @param showAsGiven absolute paths are shown as the user gave them (the command line) */
    public Result run(Path workDir, boolean showAsGiven) throws InputException {
        InventoryLoader loader = new InventoryLoader(workDir, showAsGiven);
        loader.withCache(cache);
        List<InputError> errors = new ArrayList<>();
        // the inventory first: meanwhile the command line's warm-up thread builds the rule base
        Inventory inv = null;
        long started = System.nanoTime();
        try {
            inv = loader.load(inventory);
        } catch (InputException e) {
            errors.addAll(e.errors());
        }
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        try {
            return evaluate(loader, inv, errors, loadMillis);
        } finally {
            if (cache != null) cache.discard(); // a cache file begun and not saved (the check failed)
        }
    }

    private Result evaluate(InventoryLoader loader, Inventory inv, List<InputError> errors, long loadMillis) throws InputException {
        // what the cache can do before the rules run, while the rule base may still be in the making
        if (cache != null && inv != null) cache.loaded();
        RulePack pack = null;
        try {
            pack = RulePack.withCustomRules(expandDrl(ruleFiles), loader::display);
        } catch (InputException e) {
            errors.addAll(e.errors());
        }
        Set<String> skip = new TreeSet<>();
        for (String id : skipRules) {
            String rule = id.trim().toUpperCase(Locale.ROOT);
            if (pack != null && pack.rule(rule).isEmpty()) {
                errors.add(new InputError("skipRules", 0, 0, "unknown rule '" + id + "'; see 'continuity rules'"));
            }
            skip.add(rule);
        }
        if (inv != null && pack != null) errors.addAll(ruleSettingErrors(inv.policy(), pack));
        Baseline known = null;
        if (baseline != null) {
            try {
                known = Baseline.read(baseline, loader.display(baseline));
            } catch (InputException e) {
                errors.addAll(e.errors());
            }
        }
        if (maxFirings < 1) errors.add(new InputError("ruleFireLimit", 0, 0, "the firing limit must be at least 1"));
        if (timeLimit.isNegative() || timeLimit.isZero()) errors.add(new InputError("ruleTimeLimit", 0, 0, "the time limit must be positive"));
        if (!errors.isEmpty()) {
            if (cache != null) cache.save(); // the files that did load are kept for the next run
            throw new InputException(errors);
        }
        Result result;
        try {
            result = new Evaluator(pack).evaluate(inv, new Evaluator.Options(asOf, skip, known, maxFirings, timeLimit,
                    frameworks == null ? Set.of() : frameworks), cache).withLoadMillis(loadMillis);
        } catch (CustomRuleException e) {
            throw e.asInputException();
        }
        String notSaved = cache == null ? null : cache.save();
        return notSaved == null ? result : result.withInventory(result.inventory().withWarning(notSaved));
    }

    /** rules.md "Rule settings": a setting naming an unknown rule, or a second setting of one rule, is an input error. */
    static List<InputError> ruleSettingErrors(dev.continuity.engine.model.Policy policy, RulePack pack) {
        List<InputError> out = new ArrayList<>();
        Map<String, dev.continuity.engine.model.RuleSetting> seen = new HashMap<>();
        List<String> ids = pack.rules().stream().map(RuleInfo::id).toList();
        for (dev.continuity.engine.model.RuleSetting s : policy.ruleSettings()) {
            String id = RuleInfo.normalizeId(s.rule());
            if (pack.rule(id).isEmpty()) {
                out.add(InputError.at(s.location(), "ruleSettings: unknown rule '" + s.rule() + "'"
                        + dev.continuity.engine.load.Suggest.hint(id, ids) + "; see 'continuity rules'"));
                continue;
            }
            var first = seen.putIfAbsent(id, s);
            if (first != null) {
                out.add(InputError.at(s.location(), "ruleSettings: a second setting of " + id + " (the first is at line "
                        + first.location().line() + "); one entry per rule"));
            }
        }
        return out;
    }

    /** DRL files: the files given, and every *.drl below the directories given, sorted. */
    public static List<Path> expandDrl(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (java.nio.file.Files.isDirectory(p)) {
                try (var s = java.nio.file.Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".drl")).sorted().forEach(out::add);
                } catch (java.io.IOException e) {
                    out.add(p);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
