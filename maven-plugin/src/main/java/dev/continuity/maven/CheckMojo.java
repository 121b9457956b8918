package dev.continuity.maven;

import dev.continuity.engine.eval.Check;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.eval.Status;
import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.model.Severity;
import dev.continuity.engine.report.ReportContext;
import dev.continuity.engine.report.ReportFiles;
import dev.continuity.engine.report.Reporter;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.*;

/**
 * Evaluates the project's continuity inventory and fails the build when an open finding is at or
 * above {@code failOn}. Findings go to the build log, one line each; reports go to
 * {@code outputDirectory}. The built-in rule pack is loaded once per JVM and shared by every module
 * of a (parallel) build.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** Inventory files or directories (every *.yaml and *.yml below). */
    @Parameter(property = "continuity.inventory", defaultValue = "${project.basedir}/continuity")
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

    /** Skip the check. */
    @Parameter(property = "continuity.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("Skipping the continuity check (continuity.skip)");
            return;
        }
        Severity threshold = parseFailOn();
        LocalDate date = parseAsOf();
        List<Reporter> reporters;
        try {
            reporters = ReportFiles.reporters(formats == null ? List.of() : formats);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("continuity: formats: " + e.getMessage());
        }
        List<Path> paths = inventory == null ? List.of() : inventory.stream().map(File::toPath).toList();
        if (paths.isEmpty()) throw new MojoFailureException("continuity: no inventory configured");
        for (Path p : paths) {
            if (!p.toFile().exists()) {
                throw new MojoFailureException("continuity: no inventory at " + p + ". Put the inventory's YAML files there, "
                        + "point <inventory> at them, or skip the check with -Dcontinuity.skip=true.");
            }
        }
        Check check = new Check(paths, date, rules == null ? List.of() : rules.stream().map(File::toPath).toList(),
                new TreeSet<>(skipRules == null ? List.of() : skipRules), baseline == null ? null : baseline.toPath(),
                ruleFireLimit, java.time.Duration.ofSeconds(ruleTimeLimit));
        Result result;
        try {
            result = check.run(basedir.toPath());
        } catch (InputException e) {
            for (InputError error : e.errors()) log.error(error.toString()); // escaped by InputError
            throw new MojoFailureException("continuity: " + e.errors().size() + (e.errors().size() == 1 ? " input error" : " input errors")
                    + " in the inventory or rules, listed above with file:line:column; nothing was checked.");
        }
        ReportContext ctx = new ReportContext(result, threshold, false);
        List<Path> written;
        try {
            written = ReportFiles.write(ctx, reporters, outputDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("continuity: cannot write reports to " + outputDirectory + ": " + e.getMessage(), e);
        }
        for (Finding f : result.findings()) logFinding(log, f, threshold);
        for (String line : ctx.checked()) log.info("checked: " + dev.continuity.engine.text.Text.escape(line));
        String summary = summary(result, threshold);
        if (result.failed(threshold)) {
            throw new MojoFailureException(summary + (written.isEmpty() ? "" : " Report: " + written.get(0) + ".")
                    + " Fix the findings listed above, accept a risk with a Waiver in the inventory (rule, subject, reason,"
                    + " approvedBy, expires), or raise the threshold with <failOn> or -Dcontinuity.failOn=critical|high|medium|never.");
        }
        log.info(summary + (written.isEmpty() ? "" : " Report: " + written.get(0)));
    }

    private static void logFinding(Log log, Finding f, Severity threshold) {
        String where = f.location() == null ? "(inventory)" : f.location().file() + ":" + f.location().line();
        String line = where + ": " + f.rule().id() + " " + f.rule().severity().yaml() + " " + f.subject()
                + (f.detail().isEmpty() ? "" : " [" + f.detail() + "]") + ": " + f.message();
        // inventory text is data: escaped, so that no line of the Maven log (such as BUILD SUCCESS) can be forged
        line = dev.continuity.engine.text.Text.escape(line);
        if (f.status() == Status.WAIVED) log.info(line + " (waived until " + f.waiver().expires() + ")");
        else if (f.status() == Status.BASELINE) log.info(line + " (baseline)");
        else if (threshold != null && f.rule().severity().atLeast(threshold)) log.error(line);
        else log.warn(line);
    }

    static String summary(Result r, Severity threshold) {
        StringBuilder sb = new StringBuilder(r.failed(threshold) ? "Continuity check failed: " : "Continuity check passed: ");
        sb.append(r.openSummary());
        sb.append(", failing on ").append(threshold == null ? "never" : threshold.yaml() + " and above");
        long waived = r.count(Status.WAIVED), baseline = r.count(Status.BASELINE);
        if (waived > 0) sb.append("; ").append(waived).append(" waived");
        if (baseline > 0) sb.append("; ").append(baseline).append(" in the baseline");
        sb.append("; ").append(r.inventory().size()).append(" resources as of ").append(r.asOf()).append('.');
        return sb.toString();
    }

    private Severity parseFailOn() throws MojoFailureException {
        try {
            return Severity.failOn(failOn == null ? "low" : failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("continuity: failOn " + e.getMessage());
        }
    }

    private LocalDate parseAsOf() throws MojoFailureException {
        if (asOf == null || asOf.isBlank()) return LocalDate.now(ZoneOffset.UTC);
        try {
            return LocalDate.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            throw new MojoFailureException("continuity: asOf must be a date YYYY-MM-DD, not '" + asOf + "'");
        }
    }
}
