package dev.continuity.maven;

import dev.continuity.engine.eval.CheckOptions;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Pipeline;
import dev.continuity.engine.eval.Status;
import dev.continuity.engine.eval.Threshold;
import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.InputException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.*;

/**
 * Evaluates the project's continuity inventory and fails the build when an open finding is at or
 * above {@code failOn}. Findings go to the build log, one line each; reports go to
 * {@code outputDirectory}. The built-in rule pack is loaded once per JVM and shared by every module
 * of a (parallel) build.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /**
     * Inventory files or directories (every *.yaml and *.yml below), and Terraform JSON files (terraform show -json,
     * imported in memory). Default: {@code ${project.basedir}/continuity};
     * left at the default, a module without that folder is skipped with one info line (a parent POM can
     * declare the plugin for all its modules); when set, a missing inventory fails the build.
     */
    @Parameter(property = "continuity.inventory")
    private List<File> inventory;

    /** Lowest severity of an open finding that fails the build: critical, high, medium, low or never. */
    @Parameter(property = "continuity.failOn", defaultValue = "low")
    private String failOn;

    /** Report formats written to outputDirectory: json, sarif, junit, html, markdown, text. */
    @Parameter(property = "continuity.formats", defaultValue = "json")
    private List<String> formats;

    /** Where reports are written, as continuity-report.&lt;ext&gt;. */
    @Parameter(property = "continuity.outputDirectory", defaultValue = "${project.build.directory}/continuity")
    private File outputDirectory;

    /** Evaluation date, YYYY-MM-DD; default today (UTC). */
    @Parameter(property = "continuity.asOf")
    private String asOf;

    /** Your own DRL rule files or directories (every *.drl below), joining the built-in rules. */
    @Parameter(property = "continuity.rules")
    private List<File> rules;

    /** Ids of rules not to run. */
    @Parameter(property = "continuity.skipRules")
    private List<String> skipRules;

    /** A baseline file: findings whose fingerprint it holds are reported as baseline, never failing. */
    @Parameter(property = "continuity.baseline")
    private File baseline;

    /** How often one custom rule may fire before the check fails (a rule that never stops). */
    @Parameter(property = "continuity.ruleFireLimit", defaultValue = "1000000")
    private long ruleFireLimit;

    /** Seconds one firing of a custom rule (or the engine between two firings) may take before the check fails. */
    @Parameter(property = "continuity.ruleTimeLimit", defaultValue = "60")
    private long ruleTimeLimit;

    /** Only the rules mapped to these frameworks run, and reports carry their coverage: dora, nis2, soc2, uk, iso22301, nist-800-53, csf, ffiec. */
    @Parameter(property = "continuity.frameworks")
    private List<String> frameworks;

    /** Write this check's open findings as a baseline to this file (the CLI's --write-baseline). */
    @Parameter(property = "continuity.writeBaseline")
    private File writeBaseline;

    /** Markdown links each finding to LINKBASE/FILE#LLINE, e.g. https://github.com/ORG/REPO/blob/SHA. */
    @Parameter(property = "continuity.linkBase")
    private String linkBase;

    /**
     * The analysis cache: each inventory file's parsed documents, read again only when the file
     * changes, and the findings of each part of the inventory no reference joins to another,
     * evaluated again only when one of its files changes.
     */
    @Parameter(property = "continuity.cache", defaultValue = "${project.build.directory}/continuity.cache")
    private File cache;

    /** Use the analysis cache (false: read every file on every build). */
    @Parameter(property = "continuity.useCache", defaultValue = "true")
    private boolean useCache;

    /** Skip the check. */
    @Parameter(property = "continuity.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** The top of the reactor: paths in the log and the reports are relative to the source tree it lies in. */
    @Parameter(defaultValue = "${session.topLevelProject.basedir}", readonly = true)
    private File topLevelBasedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("Skipping the continuity check (continuity.skip)");
            return;
        }
        // left at its default (continuity/ in the module), a module without an inventory is skipped with one info line,
        // so that the plugin can be declared once in a parent POM; an inventory that is configured must exist
        boolean defaulted = inventory == null || inventory.isEmpty();
        List<Path> paths = defaulted ? List.of(basedir.toPath().resolve("continuity"))
                : inventory.stream().map(File::toPath).toList();
        if (defaulted && !java.nio.file.Files.exists(paths.get(0))) {
            log.info("No continuity/ inventory in this module: nothing to check (set <inventory> to check one elsewhere)");
            return;
        }
        for (Path p : paths) {
            if (!p.toFile().exists()) {
                throw new MojoFailureException("continuity: no inventory at " + p + ". Put the inventory's YAML files there, "
                        + "point <inventory> at them, or skip the check with -Dcontinuity.skip=true.");
            }
        }
        // the rule base loads on the second core while the inventory is read
        dev.continuity.engine.eval.RulePack.warmUpInBackground();
        Threshold threshold;
        try {
            threshold = Threshold.parse(failOn == null ? "low" : failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("continuity: failOn " + e.getMessage());
        }
        java.util.Set<dev.continuity.engine.eval.Framework> selected;
        try {
            selected = dev.continuity.engine.eval.Framework.parseAll(frameworks);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("continuity: frameworks: " + e.getMessage());
        }
        CheckOptions options = CheckOptions.builder()
                .frameworks(selected)
                .cache(useCache && cache != null ? cache.toPath() : null)
                .inventory(paths).workDir(sourceRoot())
                .asOf(parseAsOf()).threshold(threshold)
                .formats(formats == null ? List.of() : formats).outputDir(outputDirectory.toPath())
                .ruleFiles(rules == null ? List.of() : rules.stream().map(File::toPath).toList())
                .skipRules(new TreeSet<>(skipRules == null ? List.of() : skipRules))
                .baseline(baseline == null ? null : baseline.toPath())
                .writeBaseline(writeBaseline == null ? null : writeBaseline.toPath())
                .ruleFireLimit(ruleFireLimit).ruleTimeLimit(java.time.Duration.ofSeconds(ruleTimeLimit))
                .linkBase(linkBase)
                .azureBuild(dev.continuity.engine.report.AzureBuild.fromEnvironment(System.getenv()))
                .build();
        Pipeline.Outcome outcome;
        long started = System.nanoTime();
        try {
            outcome = Pipeline.run(options);
        } catch (InputException e) {
            for (InputError error : e.errors()) log.error(error.toString()); // escaped by InputError
            throw new MojoFailureException("continuity: " + e.errors().size() + (e.errors().size() == 1 ? " input error" : " input errors")
                    + " in the inventory or rules, listed above with file:line:column; nothing was checked.");
        } catch (Pipeline.UsageException e) {
            throw new MojoFailureException("continuity: " + e.getMessage());
        }
        if (log.isDebugEnabled()) log.debug(outcome.timings(started)); // mvn -X: where the time went, as check --timings prints it
        for (String w : outcome.result().inventory().warnings()) log.warn(w); // escaped where it is made
        for (Finding f : outcome.result().findings()) logFinding(log, f, threshold);
        for (String line : outcome.context().checked()) log.info("checked: " + dev.continuity.engine.text.Text.escape(line));
        if (outcome.baselineWritten() != null) {
            log.info("Wrote " + outcome.baselineCount() + " findings to the baseline " + outcome.baselineWritten());
        }
        List<Path> written = outcome.written();
        String summary = (outcome.failed() ? "Continuity check failed: " : "Continuity check passed: ") + outcome.summary() + ".";
        if (outcome.failed()) {
            throw new MojoFailureException(summary + (written.isEmpty() ? "" : " Report: " + written.get(0) + ".")
                    + " Fix the findings listed above, accept a risk with a Waiver in the inventory (rule, subject, detail, reason,"
                    + " approvedBy, expires), or raise the threshold with <failOn> or -Dcontinuity.failOn=critical|high|medium|never.");
        }
        log.info(summary + (written.isEmpty() ? "" : " Report: " + written.get(0)));
    }

    /**
     * The top of the source tree (interfaces.md v2): the git work tree that holds the reactor's root
     * project, else that project's directory. Paths relative to it are what GitHub links in SARIF.
     */
    Path sourceRoot() {
        Path top = (topLevelBasedir != null ? topLevelBasedir : basedir).toPath().toAbsolutePath().normalize();
        for (Path p = top; p != null; p = p.getParent()) {
            if (java.nio.file.Files.exists(p.resolve(".git"))) return p;
        }
        return top;
    }

    private static void logFinding(Log log, Finding f, Threshold threshold) {
        String line = f.where() + ": " + f.rule().id() + " " + f.rule().severity().yaml() + " " + f.label() + ": " + f.message();
        // inventory text is data: escaped, so that no line of the Maven log (such as BUILD SUCCESS) can be forged
        line = dev.continuity.engine.text.Text.escape(line);
        if (f.status() == Status.WAIVED) log.info(line + " (waived until " + f.waiver().expires() + ")");
        else if (f.status() == Status.BASELINE) log.info(line + " (baseline)");
        else if (threshold.fails(f.rule().severity())) log.error(line);
        else log.warn(line);
    }

    private LocalDate parseAsOf() throws MojoFailureException {
        if (asOf == null || asOf.isBlank()) return LocalDate.now(ZoneOffset.UTC);
        try {
            return dev.continuity.engine.load.Dates.parse(asOf.trim());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("continuity: asOf: " + e.getMessage());
        }
    }
}
