package dev.continuity.maven;

import dev.continuity.engine.eval.CheckOptions;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Pipeline;
import dev.continuity.engine.eval.Status;
import dev.continuity.engine.eval.Threshold;
import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.text.Text;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;

/**
 * One {@code continuity:check}: runs the pipeline for a {@link CheckRequest} and writes what the
 * build log shows to a {@link Sink}, in Maven's JVM or in a forked one ({@link ForkedCheck}); the
 * lines are the same either way. A build that must fail ends in {@link Failure}.
 */
final class CheckRun {
    private CheckRun() {
    }

    /** Where the log lines go: Maven's log, or the forked JVM's standard output; a line's kind is one of {@link Records}'. */
    @FunctionalInterface
    interface Sink {
        void line(String kind, String text);

        default void error(String text) {
            line(Records.ERROR, text);
        }

        default void warn(String text) {
            line(Records.WARN, text);
        }

        default void info(String text) {
            line(Records.INFO, text);
        }

        default void debug(String text) {
            line(Records.DEBUG, text);
        }
    }

    /** The build fails with this message (a MojoFailureException). */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    static void run(CheckRequest r, Sink log) throws Failure {
        long started = System.nanoTime();
        // the loader, the cache's bytes and the rule base get ready on the second core (as on the command line)
        dev.continuity.engine.eval.Check.warmUpInBackground(path(r.cache()));
        Threshold threshold;
        try {
            threshold = Threshold.parse(r.failOn() == null ? "low" : r.failOn());
        } catch (IllegalArgumentException e) {
            throw new Failure("continuity: failOn " + e.getMessage());
        }
        java.util.Set<dev.continuity.engine.eval.Framework> selected;
        try {
            selected = dev.continuity.engine.eval.Framework.parseAll(r.frameworks());
        } catch (IllegalArgumentException e) {
            throw new Failure("continuity: frameworks: " + e.getMessage());
        }
        CheckOptions options = CheckOptions.builder()
                .frameworks(selected)
                .cache(path(r.cache()))
                .inventory(r.inventory().stream().map(Path::of).toList()).workDir(Path.of(r.workDir()))
                .asOf(asOf(r.asOf())).threshold(threshold)
                .formats(r.formats()).outputDir(path(r.outputDirectory()))
                .ruleFiles(r.rules().stream().map(Path::of).toList())
                .skipRules(new TreeSet<>(r.skipRules()))
                .baseline(path(r.baseline()))
                .writeBaseline(path(r.writeBaseline()))
                .ruleFireLimit(r.ruleFireLimit()).ruleTimeLimit(java.time.Duration.ofSeconds(r.ruleTimeLimit()))
                .linkBase(r.linkBase())
                .azureBuild(dev.continuity.engine.report.AzureBuild.fromEnvironment(System.getenv()))
                .build();
        Pipeline.Outcome outcome;
        try {
            outcome = Pipeline.run(options);
        } catch (InputException e) {
            for (InputError error : e.errors()) log.error(error.toString()); // escaped by InputError
            throw new Failure("continuity: " + e.errors().size() + (e.errors().size() == 1 ? " input error" : " input errors")
                    + " in the inventory or rules, listed above with file:line:column; nothing was checked.");
        } catch (Pipeline.UsageException e) {
            throw new Failure("continuity: " + e.getMessage());
        }
        if (r.debug()) outcome.timings(started).forEach(log::debug); // mvn -X: as check --timings prints them
        for (String w : outcome.result().inventory().warnings()) log.warn(w); // escaped where it is made
        for (Finding f : outcome.result().findings()) logFinding(log, f, threshold);
        for (String line : outcome.context().checked()) log.info("checked: " + Text.escape(line));
        if (outcome.baselineWritten() != null) {
            log.info("Wrote " + outcome.baselineCount() + " findings to the baseline " + outcome.baselineWritten());
        }
        List<Path> written = outcome.written();
        String summary = (outcome.failed() ? "Continuity check failed: " : "Continuity check passed: ") + outcome.summary() + ".";
        if (outcome.failed()) {
            throw new Failure(summary + (written.isEmpty() ? "" : " Report: " + written.get(0) + ".")
                    + " Fix the findings listed above, accept a risk with a Waiver in the inventory (rule, subject, detail, reason,"
                    + " approvedBy, expires), or raise the threshold with <failOn> or -Dcontinuity.failOn=critical|high|medium|never.");
        }
        log.info(summary + (written.isEmpty() ? "" : " Report: " + written.get(0)));
    }

    private static Path path(String p) {
        return p == null ? null : Path.of(p);
    }

    private static void logFinding(Sink log, Finding f, Threshold threshold) {
        String line = f.where() + ": " + f.rule().id() + " " + f.rule().severity().yaml() + " " + f.label() + ": " + f.message();
        // inventory text is data: escaped, so that no line of the Maven log (such as BUILD SUCCESS) can be forged
        line = Text.escape(line);
        if (f.status() == Status.WAIVED) log.info(line + " (waived until " + f.waiver().expires() + ")");
        else if (f.status() == Status.BASELINE) log.info(line + " (baseline)");
        else if (threshold.fails(f.rule().severity())) log.error(line);
        else log.warn(line);
    }

    private static LocalDate asOf(String asOf) throws Failure {
        if (asOf == null || asOf.isBlank()) return LocalDate.now(ZoneOffset.UTC);
        try {
            return dev.continuity.engine.load.Dates.parse(asOf.trim());
        } catch (IllegalArgumentException e) {
            throw new Failure("continuity: asOf: " + e.getMessage());
        }
    }
}
