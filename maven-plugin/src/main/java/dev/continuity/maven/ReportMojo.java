package dev.continuity.maven;

import dev.continuity.engine.eval.CheckOptions;
import dev.continuity.engine.eval.Pipeline;
import dev.continuity.engine.eval.Threshold;
import dev.continuity.engine.load.InputException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code continuity:report}: the HTML report for auditors as a page of the Maven site
 * ({@code continuity-report.html}, linked from "Project Reports"). It never fails the build: the
 * check goal does that. A module without an inventory has no report.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMavenReport {
    /** Inventory files or directories; default {@code ${project.basedir}/continuity}. */
    @Parameter(property = "continuity.inventory")
    private List<File> inventory;

    /** Evaluation date, YYYY-MM-DD; default today (UTC). */
    @Parameter(property = "continuity.asOf")
    private String asOf;

    /** The threshold the report's verdict uses: critical, high, medium, low or never. */
    @Parameter(property = "continuity.failOn", defaultValue = "low")
    private String failOn;

    /** Your own DRL rule files or directories. */
    @Parameter(property = "continuity.rules")
    private List<File> rules;

    /** Ids of rules not to run. */
    @Parameter(property = "continuity.skipRules")
    private List<String> skipRules;

    /** A baseline file. */
    @Parameter(property = "continuity.baseline")
    private File baseline;

    private List<Path> paths() {
        return inventory == null || inventory.isEmpty() ? List.of(project.getBasedir().toPath().resolve("continuity"))
                : inventory.stream().map(File::toPath).toList();
    }

    @Override
    public boolean isExternalReport() {
        return true; // a complete, self-contained HTML page of its own
    }

    @Override
    public boolean canGenerateReport() {
        return paths().stream().allMatch(Files::exists);
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        try {
            Pipeline.run(CheckOptions.builder()
                    .inventory(paths()).workDir(project.getBasedir().toPath())
                    .asOf(asOf == null || asOf.isBlank() ? null : dev.continuity.engine.load.Dates.parse(asOf.trim()))
                    .threshold(Threshold.parse(failOn))
                    .formats(List.of("html")).outputDir(getReportOutputDirectory().toPath())
                    .ruleFiles(rules == null ? List.of() : rules.stream().map(File::toPath).toList())
                    .skipRules(new TreeSet<>(skipRules == null ? List.of() : skipRules))
                    .baseline(baseline == null ? null : baseline.toPath())
                    .build());
        } catch (InputException e) {
            for (var error : e.errors()) getLog().error(error.toString());
            throw new MavenReportException("continuity: " + e.errors().size() + " input error(s) in the inventory; no report");
        } catch (Pipeline.UsageException | IllegalArgumentException e) {
            throw new MavenReportException("continuity: " + e.getMessage());
        }
    }

    @Override
    public String getOutputName() {
        return "continuity-report";
    }

    @Override
    public String getName(Locale locale) {
        return "Continuity";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Business continuity posture checked against the continuity rules: findings, waivers, controls, single points of failure.";
    }
}
