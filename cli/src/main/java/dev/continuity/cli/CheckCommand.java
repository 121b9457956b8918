package dev.continuity.cli;

import dev.continuity.engine.eval.CheckOptions;
import dev.continuity.engine.eval.Pipeline;
import dev.continuity.engine.eval.Threshold;
import dev.continuity.engine.report.TextReporter;
import dev.continuity.engine.text.Text;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.model.Inventory;
import dev.continuity.engine.model.Severity;
import dev.continuity.engine.report.ReportContext;
import dev.continuity.engine.report.Reporter;
import dev.continuity.engine.report.ReportFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.*;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Evaluate an inventory against the continuity rules.",
        footer = {"", "Examples:",
                "  continuity check                         # the inventory in ./continuity",
                "  continuity check samples/northwind/continuity --fail-on high",
                "  continuity check -f json,text -o build/continuity",
                "", "Exit codes: 0 no open finding at or above --fail-on; 1 there is one; 2 usage or input error."})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Inventory files or directories (every *.yaml/*.yml below), and Terraform JSON files (terraform show -json). Default: continuity/")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, split = ",", splitSynopsisLabel = ",", paramLabel = "FORMAT",
            completionCandidates = dev.continuity.engine.report.Reporters.Names.class,
            description = "Report formats, comma-separated: ${COMPLETION-CANDIDATES}. Default: text")
    List<String> formats = new ArrayList<>(List.of("text"));

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Write continuity-report.<ext> per format into DIR instead of printing to stdout")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "low",
            description = "Lowest severity of an open finding that fails: critical, high, medium, low, never. Default: ${DEFAULT-VALUE}")
    Threshold failOn;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluation date (YYYY-MM-DD). Default: today (UTC)")
    LocalDate asOf;

    @Option(names = "--skip-rules", split = ",", splitSynopsisLabel = ",", paramLabel = "ID", description = "Rules not to run, comma-separated")
    List<String> skipRules = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "PATH", description = "Your own DRL rule files or directories (every *.drl below); repeatable")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE", description = "Findings whose fingerprint is in FILE are reported as baseline, never failing")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "Write the open findings of this check as a baseline to FILE")
    Path writeBaseline;

    @Option(names = "--rule-fire-limit", paramLabel = "N", defaultValue = "1000000",
            description = "How often one custom rule may fire before the check fails (exit 2). Default: ${DEFAULT-VALUE}")
    long ruleFireLimit;

    @Option(names = "--rule-time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "Seconds one firing of a custom rule (or the engine between firings) may take before the check fails (exit 2). Default: ${DEFAULT-VALUE}")
    long ruleTimeLimit;

    @Option(names = "--framework", split = ",", splitSynopsisLabel = ",", paramLabel = "F",
            description = "Only the rules mapped to these frameworks run, and every report carries their coverage: dora, nis2, soc2, uk, iso22301, nist-800-53, csf, ffiec")
    List<String> frameworks = new ArrayList<>();

    @Option(names = "--link-base", paramLabel = "URL",
            description = "Markdown links each finding to URL/FILE#LLINE (e.g. https://github.com/ORG/REPO/blob/SHA). Default: from GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA when set")
    String linkBase;

    @Option(names = "--watch", description = "Keep running: check again whenever the inventory changes, printing new and fixed findings (Ctrl-C to stop)")
    boolean watch;

    @Option(names = "--no-color", description = "No colours, even on a terminal (also: NO_COLOR set)")
    boolean noColor;

    @CommandLine.Mixin
    DebugOption debug;

    @Option(names = "--timings", description = "Print where the time went (load, derive, rules, report) to stderr, and with --cache what the cache served")
    boolean timings;

    @Option(names = "--cache", paramLabel = "FILE",
            description = "Keep each file's parsed documents and each independent part's findings in FILE: read only the files"
                    + " that changed and evaluate only the parts they touch (reports are the same)")
    Path cache;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (paths.isEmpty() && !Files.exists(Path.of("continuity"))) {
            return usage("no inventory: there is no continuity/ folder here. Pass the inventory's files or folders"
                    + " (continuity check PATH...), or run 'continuity init' to write a starter inventory in continuity/");
        }
        java.util.Set<dev.continuity.engine.eval.Framework> selected;
        try {
            selected = dev.continuity.engine.eval.Framework.parseAll(frameworks);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        CheckOptions options = CheckOptions.builder()
                .frameworks(selected)
                .cache(cache)
                // a watch without --cache keeps the files it read in memory, from its first check on:
                // the first re-check then reads only the files that changed too
                .memoryCache(watch && cache == null ? dev.continuity.engine.load.AnalysisCache.inMemory() : null)
                .inventory(paths.isEmpty() ? List.of(Path.of("continuity")) : paths)
                .workDir(Path.of("")).showAsGiven(true)
                .asOf(asOf)
                .threshold(failOn)
                .formats(formats).outputDir(output)
                .ruleFiles(rules).skipRules(new TreeSet<>(skipRules))
                .baseline(baseline).writeBaseline(writeBaseline)
                .ruleFireLimit(ruleFireLimit).ruleTimeLimit(java.time.Duration.ofSeconds(ruleTimeLimit))
                .colour(output == null && !noColor && System.console() != null && System.getenv("NO_COLOR") == null)
                .linkBase(linkBase != null ? linkBase : LinkBase.fromGitHubEnvironment())
                .azureBuild(dev.continuity.engine.report.AzureBuild.fromEnvironment(System.getenv()))
                .build();
        long started = System.nanoTime();
        Pipeline.Outcome outcome;
        try {
            outcome = Pipeline.run(options);
        } catch (InputException e) {
            // with -f github a broken inventory is annotated too
            if (formats.stream().anyMatch(f -> f.trim().equalsIgnoreCase("github"))) {
                for (var error : e.errors()) out.println(dev.continuity.engine.report.GithubReporter.inputError(error));
                out.flush();
            }
            int code = Main.inputErrors(err, e);
            if (!watch) return code;
            try {
                return Watch.run(options, null, timings, out, err); // a broken inventory is watched until it is fixed
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return code;
            }
        } catch (Pipeline.UsageException e) {
            return usage(e.getMessage());
        }
        for (String w : outcome.result().inventory().warnings()) err.println("warning: " + w); // escaped where it is made
        if (outcome.printed() != null) {
            out.print(new String(outcome.printed(), StandardCharsets.UTF_8));
        } else {
            for (Path written : outcome.written()) err.println("wrote " + Text.escape(written.toString()));
            out.println(TextReporter.summaryLine(outcome.context()));
        }
        out.flush();
        if (timings) outcome.timings(started).forEach(err::println);
        if (outcome.baselineWritten() != null) {
            int n = outcome.baselineCount();
            err.println("wrote " + n + (n == 1 ? " finding" : " findings") + " to the baseline " + Text.escape(outcome.baselineWritten().toString()));
        }
        if (watch) {
            try {
                return Watch.run(options, outcome.result(), timings, out, err);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return outcome.failed() ? 1 : 0;
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("continuity check: " + message);
        return 2;
    }
}
