package dev.continuity.cli;

import dev.continuity.engine.eval.Baseline;
import dev.continuity.engine.eval.Check;
import dev.continuity.engine.eval.Result;
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
    enum FailOn { critical, high, medium, low, never }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Inventory files or directories (every *.yaml/*.yml below). Default: continuity/")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, split = ",", splitSynopsisLabel = ",", paramLabel = "FORMAT",
            description = "Report formats, comma-separated: text, json, sarif, junit, html, markdown. Default: text")
    List<String> formats = new ArrayList<>(List.of("text"));

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Write continuity-report.<ext> per format into DIR instead of printing to stdout")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "low",
            description = "Lowest severity of an open finding that fails: critical, high, medium, low, never. Default: ${DEFAULT-VALUE}")
    FailOn failOn;

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

    @Option(names = "--no-color", description = "No colours, even on a terminal (also: NO_COLOR set)")
    boolean noColor;

    @Option(names = "--debug", description = "Print stack traces of internal errors")
    boolean debug;

    @Option(names = "--timings", description = "Print where the time went (load, derive, rules, report) to stderr")
    boolean timings;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Reporter> reporters;
        try {
            reporters = ReportFiles.reporters(formats);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (output == null && reporters.size() > 1) {
            return usage("several formats need --output DIR (one file per format)");
        }
        if (paths.isEmpty() && !Files.exists(Path.of("continuity"))) {
            return usage("no inventory: there is no continuity/ folder here. Pass the inventory's files or folders"
                    + " (continuity check PATH...), or run 'continuity init' to write a starter inventory in continuity/");
        }
        if (output != null && Files.exists(output) && !Files.isDirectory(output)) {
            return usage("-o " + dev.continuity.engine.text.Text.escape(output.toString()) + " is not a directory: -o names the folder the reports are written to");
        }
        if (writeBaseline != null && Files.isDirectory(writeBaseline)) {
            return usage("--write-baseline " + dev.continuity.engine.text.Text.escape(writeBaseline.toString()) + " is a directory: name the baseline file, e.g. continuity-baseline.json");
        }
        List<Path> inputs = paths.isEmpty() ? List.of(Path.of("continuity")) : paths;
        LocalDate date = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        Result result;
        try {
            result = new Check(inputs, date, rules, new TreeSet<>(skipRules), baseline, ruleFireLimit,
                    java.time.Duration.ofSeconds(ruleTimeLimit)).run(Path.of(""), true);
        } catch (InputException e) {
            return Main.inputErrors(err, e);
        }
        Inventory inv = result.inventory();
        long evaluated = System.nanoTime();
        Severity threshold = Severity.failOn(failOn.name());
        boolean colour = output == null && !noColor && System.console() != null && System.getenv("NO_COLOR") == null;
        ReportContext ctx = new ReportContext(result, threshold, colour);
        if (output == null) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            reporters.get(0).write(ctx, buf);
            out.print(buf.toString(StandardCharsets.UTF_8));
            out.flush();
        } else {
            List<Path> files;
            try {
                files = ReportFiles.write(ctx, reporters, output);
            } catch (IOException e) {
                return usage("cannot write the reports to " + dev.continuity.engine.text.Text.escape(output.toString()) + ": " + ioProblem(e));
            }
            for (Path written : files) err.println("wrote " + dev.continuity.engine.text.Text.escape(written.toString()));
            out.println(dev.continuity.engine.report.TextReporter.summaryLine(ctx));
        }
        if (timings) {
            Result.Timings t = result.timings();
            err.printf("timings: load %d ms (%d resources), derive %d ms, rules %d ms, report %d ms; JVM up %d ms%n",
                    t.loadMillis(), inv.size(), t.deriveMillis(), t.rulesMillis(), (System.nanoTime() - evaluated) / 1_000_000,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        }
        if (writeBaseline != null) {
            int n;
            try {
                n = Baseline.write(writeBaseline, result);
            } catch (IOException e) {
                return usage("cannot write the baseline " + dev.continuity.engine.text.Text.escape(writeBaseline.toString()) + ": " + ioProblem(e));
            }
            err.println("wrote " + n + (n == 1 ? " finding" : " findings") + " to the baseline " + writeBaseline);
        }
        return result.failed(threshold) ? 1 : 0;
    }

    /** What went wrong with a file, in words (no exception class names). */
    static String ioProblem(IOException e) {
        String m = dev.continuity.engine.text.Text.escape(String.valueOf(e.getMessage()));
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied (" + m + ")";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file is in the way (" + m + ")";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory (" + m + ")";
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return dev.continuity.engine.text.Text.escape(fs.getReason()) + " (" + dev.continuity.engine.text.Text.escape(String.valueOf(fs.getFile())) + ")";
        }
        return m;
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("continuity check: " + message);
        return 2;
    }
}
