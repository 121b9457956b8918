package dev.continuity.engine.eval;

import dev.continuity.engine.load.InputException;
import dev.continuity.engine.report.ReportContext;
import dev.continuity.engine.report.ReportFiles;
import dev.continuity.engine.text.Text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one check pipeline, for the command line and the Maven plugin alike: options in, outcome
 * out (result, files written, verdict, summary, baseline written). The front ends only translate
 * flags or parameters into {@link CheckOptions}, and the {@link Outcome} into an exit code or a log.
 */
public final class Pipeline {
    private Pipeline() {
    }

    /** A mistake in the options or the environment (an unknown format, an unwritable output): exit 2. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What a check gave.
     *
     * @param printed         the report for standard output when no output directory was given, else null
     * @param written         the report files written
     * @param baselineWritten the baseline file written, or null; {@code baselineCount} findings in it
     * @param cacheUse        what the analysis cache served this check, in words, or null without a cache
     */
    public record Outcome(Result result, ReportContext context, byte[] printed, List<Path> written, Path baselineWritten,
                          int baselineCount, String cacheUse) {
        /** The verdict: an open finding at or above the threshold. */
        public boolean failed() {
            return context.failed();
        }

        /** The summary sentence. */
        public String summary() {
            return context.summary();
        }

        /**
         * Where the time went: load, derive and rules as the check measured them, report the rest
         * of the time since {@code startedNanos} ({@link System#nanoTime()} before {@link #run}), and
         * the JVM's age; then, with a cache, what it served (the CLI's {@code --timings}, the Maven
         * plugin's debug log: one line each).
         */
        public List<String> timings(long startedNanos) {
            Result.Timings t = result.timings();
            long total = (System.nanoTime() - startedNanos) / 1_000_000;
            String timings = String.format(java.util.Locale.ROOT, "timings: load %d ms (%d resources), derive %d ms, rules %d ms, report %d ms; JVM up %d ms",
                    t.loadMillis(), result.inventory().size(), t.deriveMillis(), t.rulesMillis(),
                    total - t.loadMillis() - t.deriveMillis() - t.rulesMillis(),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            return cacheUse == null ? List.of(timings) : List.of(timings, cacheUse);
        }
    }

    public static Outcome run(CheckOptions o) throws InputException, UsageException {
        List<dev.continuity.engine.report.Reporters.Format> reporters;
        try {
            reporters = ReportFiles.reporters(o.formats());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (o.outputDir() == null && reporters.size() > 1) throw new UsageException("several formats need an output directory (one file per format)");
        if (o.outputDir() != null && Files.exists(o.outputDir()) && !Files.isDirectory(o.outputDir())) {
            throw new UsageException(Text.escape(o.outputDir().toString()) + " is not a directory: the reports are written into a folder");
        }
        if (o.cache() != null && Files.isDirectory(o.cache())) {
            throw new UsageException("the cache " + Text.escape(o.cache().toString())
                    + " is a directory: name the cache file, e.g. target/continuity.cache");
        }
        if (o.writeBaseline() != null && Files.isDirectory(o.writeBaseline())) {
            throw new UsageException("the baseline " + Text.escape(o.writeBaseline().toString())
                    + " is a directory: name the baseline file, e.g. continuity-baseline.json");
        }
        dev.continuity.engine.load.AnalysisCache cache = o.cache() != null ? dev.continuity.engine.load.AnalysisCache.open(o.cache()) : o.memoryCache();
        // the watch's cache counts across its checks: this check's share is what it counted since
        dev.continuity.engine.load.AnalysisCache.Served before = cache == null ? null : cache.served();
        Result result = new Check(o.inventory(), o.asOf(), o.ruleFiles(), o.skipRules(), o.baseline(), o.ruleFireLimit(),
                o.ruleTimeLimit(), o.frameworks(), cache)
                .run(o.workDir(), o.showAsGiven());
        String cacheUse = cache == null ? null : cache.served().since(before).describe(result.inventory().files().size());
        ReportContext ctx = new ReportContext(result, o.threshold(), o.colour(), o.linkBase(), o.workDir().toAbsolutePath().normalize(),
                o.azureBuild());
        byte[] printed = null;
        List<Path> written = List.of();
        try {
            if (o.outputDir() == null) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                reporters.get(0).reporter().write(ctx, buf);
                printed = buf.toByteArray();
            } else {
                written = ReportFiles.write(ctx, reporters, o.outputDir());
            }
        } catch (IOException e) {
            throw new UsageException("cannot write the reports to " + Text.escape(String.valueOf(o.outputDir())) + ": " + ioProblem(e));
        }
        int count = 0;
        if (o.writeBaseline() != null) {
            try {
                count = Baseline.write(o.writeBaseline(), result);
            } catch (IOException e) {
                throw new UsageException("cannot write the baseline " + Text.escape(o.writeBaseline().toString()) + ": " + ioProblem(e));
            }
        }
        return new Outcome(result, ctx, printed, written, o.writeBaseline(), count, cacheUse);
    }

    /** What went wrong with a file, in words (no exception class names). */
    static String ioProblem(IOException e) {
        String m = Text.escape(String.valueOf(e.getMessage()));
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied (" + m + ")";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file is in the way (" + m + ")";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory (" + m + ")";
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return Text.escape(fs.getReason()) + " (" + Text.escape(String.valueOf(fs.getFile())) + ")";
        }
        return m;
    }
}
