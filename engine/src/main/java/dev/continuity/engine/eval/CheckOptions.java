package dev.continuity.engine.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything a check is asked to do, with named fields: the one value the command line and the
 * Maven plugin fill from their flags and parameters. Build it with {@link #builder()}.
 *
 * @param inventory     inventory files and directories
 * @param workDir       paths in messages and reports are relative to it
 * @param showAsGiven   absolute paths are shown as given (the command line), else relative to workDir
 * @param asOf          the evaluation date
 * @param threshold     the lowest severity of an open finding that fails
 * @param formats       report format names (see Reporters)
 * @param outputDir     where reports are written; null: the one format is rendered for standard output
 * @param ruleFiles     the user's own DRL files or directories
 * @param skipRules     rule ids not to run
 * @param baseline      a baseline to apply, or null
 * @param writeBaseline where to write this check's open findings as a baseline, or null
 * @param ruleFireLimit how often one custom rule may fire
 * @param ruleTimeLimit how long one firing of a custom rule may take
 * @param colour        the text report may use ANSI colours
 * @param linkBase      URL prefix for links to files in Markdown, or null
 * @param azureBuild    the Azure Pipelines build the check runs in (SARIF names it), or null
 * @param frameworks    only the rules mapped to these run, and reports carry their coverage (empty: every rule)
 * @param cache         the analysis cache file (unchanged files are not read again), or null
 * @param memoryCache   an analysis cache kept in memory between checks of one process ({@code --watch}), used when {@code cache} is null
 */
public record CheckOptions(List<Path> inventory, Path workDir, boolean showAsGiven, LocalDate asOf, Threshold threshold,
                           List<String> formats, Path outputDir, List<Path> ruleFiles, Set<String> skipRules, Path baseline,
                           Path writeBaseline, long ruleFireLimit, Duration ruleTimeLimit, boolean colour, String linkBase,
                           dev.continuity.engine.report.AzureBuild azureBuild, Set<Framework> frameworks, Path cache,
                           dev.continuity.engine.load.AnalysisCache memoryCache) {
    public CheckOptions {
        inventory = List.copyOf(inventory);
        formats = List.copyOf(formats);
        ruleFiles = List.copyOf(ruleFiles);
        skipRules = Set.copyOf(skipRules);
        frameworks = frameworks == null ? Set.of() : Set.copyOf(frameworks);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named setters; every field has the documented default. */
    public static final class Builder {
        private List<Path> inventory = List.of(Path.of("continuity"));
        private Path workDir = Path.of("");
        private boolean showAsGiven;
        private LocalDate asOf = LocalDate.now(java.time.ZoneOffset.UTC);
        private Threshold threshold = Threshold.LOW;
        private List<String> formats = List.of("text");
        private Path outputDir;
        private List<Path> ruleFiles = List.of();
        private Set<String> skipRules = Set.of();
        private Path baseline;
        private Path writeBaseline;
        private long ruleFireLimit = Evaluator.Options.DEFAULT_MAX_FIRINGS;
        private Duration ruleTimeLimit = Evaluator.Options.DEFAULT_TIME_LIMIT;
        private boolean colour;
        private String linkBase;
        private dev.continuity.engine.report.AzureBuild azureBuild;
        private Set<Framework> frameworks = Set.of();
        private Path cache;
        private dev.continuity.engine.load.AnalysisCache memoryCache;

        public Builder inventory(List<Path> v) { inventory = v; return this; }
        public Builder workDir(Path v) { workDir = v; return this; }
        public Builder showAsGiven(boolean v) { showAsGiven = v; return this; }
        public Builder asOf(LocalDate v) { if (v != null) asOf = v; return this; }
        public Builder threshold(Threshold v) { threshold = v; return this; }
        public Builder formats(List<String> v) { formats = v; return this; }
        public Builder outputDir(Path v) { outputDir = v; return this; }
        public Builder ruleFiles(List<Path> v) { ruleFiles = v; return this; }
        public Builder skipRules(Set<String> v) { skipRules = v; return this; }
        public Builder baseline(Path v) { baseline = v; return this; }
        public Builder writeBaseline(Path v) { writeBaseline = v; return this; }
        public Builder ruleFireLimit(long v) { ruleFireLimit = v; return this; }
        public Builder ruleTimeLimit(Duration v) { ruleTimeLimit = v; return this; }
        public Builder colour(boolean v) { colour = v; return this; }
        public Builder linkBase(String v) { linkBase = v; return this; }
        public Builder azureBuild(dev.continuity.engine.report.AzureBuild v) { azureBuild = v; return this; }
        public Builder frameworks(Set<Framework> v) { frameworks = v; return this; }
        public Builder cache(Path v) { cache = v; return this; }
        public Builder memoryCache(dev.continuity.engine.load.AnalysisCache v) { memoryCache = v; return this; }

        public CheckOptions build() {
            return new CheckOptions(inventory, workDir, showAsGiven, asOf, threshold, formats, outputDir, ruleFiles, skipRules,
                    baseline, writeBaseline, ruleFireLimit, ruleTimeLimit, colour, linkBase, azureBuild, frameworks, cache, memoryCache);
        }

        /** A builder with every value of {@code o}. */
        public static Builder from(CheckOptions o) {
            Builder b = new Builder();
            b.inventory = o.inventory(); b.workDir = o.workDir(); b.showAsGiven = o.showAsGiven(); b.asOf = o.asOf();
            b.threshold = o.threshold(); b.formats = o.formats(); b.outputDir = o.outputDir(); b.ruleFiles = o.ruleFiles();
            b.skipRules = o.skipRules(); b.baseline = o.baseline(); b.writeBaseline = o.writeBaseline();
            b.ruleFireLimit = o.ruleFireLimit(); b.ruleTimeLimit = o.ruleTimeLimit(); b.colour = o.colour(); b.linkBase = o.linkBase();
            b.azureBuild = o.azureBuild(); b.frameworks = o.frameworks(); b.cache = o.cache(); b.memoryCache = o.memoryCache();
            return b;
        }
    }
}
