package dev.continuity.cli;

import dev.continuity.engine.eval.Changes;
import dev.continuity.engine.eval.CheckOptions;
import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.Pipeline;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.report.TextReporter;
import dev.continuity.engine.text.Text;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.*;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code check --watch}, the architect's design loop: the JVM stays warm; when a file of the
 * inventory changes (events debounced until the files are quiet for a moment), the check runs
 * again and prints what changed, new and fixed findings, then the summary. Input errors are shown
 * and the watch goes on. Ctrl-C ends it.
 */
final class Watch {
    /** Quiet time after the last change before checking again. */
    static final long DEBOUNCE_MILLIS = 300;

    private Watch() {
    }

    /**
     * @param first   the result of the first check, or null when it had input errors
     * @param timings print each re-check's timings and what the cache kept in memory served, as {@code --timings} does
     */
    static int run(CheckOptions options, Result first, boolean timings, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Result last = first;
        // the files that did not change come from the cache: --cache, or the one in memory that the
        // command gave the first check (CheckCommand), kept from one check to the next
        try (WatchService ws = FileSystems.getDefault().newWatchService()) {
            for (Path p : options.inventory()) register(ws, p);
            out.println("watching " + String.join(", ", options.inventory().stream().map(p -> Text.escape(p.toString())).toList())
                    + " for changes (Ctrl-C to stop)");
            out.flush();
            while (true) {
                WatchKey key = ws.take();
                boolean created = drain(key, ws);
                // debounce: wait until the files are quiet, as editors write in several steps
                WatchKey more;
                while ((more = ws.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS)) != null) created |= drain(more, ws);
                if (created) for (Path p : options.inventory()) register(ws, p);
                long started = System.nanoTime();
                try {
                    Pipeline.Outcome o = Pipeline.run(options);
                    Changes c = last == null ? new Changes(o.result().findings().stream().filter(Finding::isOpen).toList(), java.util.List.of())
                            : Changes.between(last, o.result());
                    for (Finding f : c.added()) out.println("+ " + Text.escape(f.rule().severity().yaml() + " " + f.rule().id() + " "
                            + f.rule().title() + "  " + f.label() + "  " + f.where() + "  " + f.message()));
                    for (Finding f : c.fixed()) out.println("- fixed " + Text.escape(f.rule().id() + " " + f.label()));
                    if (c.isEmpty()) out.println("no change in the findings");
                    out.println(TextReporter.summaryLine(o.context()));
                    if (timings) o.timings(started).forEach(err::println);
                    last = o.result();
                } catch (InputException e) {
                    for (var error : e.errors()) err.println(error);
                    err.println(e.errors().size() + (e.errors().size() == 1 ? " input error" : " input errors") + "; still watching");
                } catch (Pipeline.UsageException e) {
                    err.println("continuity check: " + e.getMessage() + "; still watching");
                }
                out.flush();
                err.flush();
            }
        }
    }

    private static boolean drain(WatchKey key, WatchService ws) {
        boolean created = false;
        for (WatchEvent<?> e : key.pollEvents()) if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE) created = true;
        key.reset();
        return created;
    }

    /** Watches a path: a directory and every directory below it, or the directory of a file. */
    private static void register(WatchService ws, Path p) throws IOException {
        Path dir = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) return;
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }
}
