package dev.continuity.bench;

import dev.continuity.engine.eval.CheckOptions;
import dev.continuity.engine.eval.Pipeline;
import dev.continuity.engine.load.AnalysisCache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The re-check of {@code check --watch}, timed as the watch runs it: one process, one in-memory
 * analysis cache, and before each re-check a comment appended to the inventory's first file (the
 * watch's debounce comes before this and is not timed). Prints the median and range of the last
 * {@code runs - warmup} re-checks, in milliseconds. The file is restored at the end.
 *
 * <pre>Recheck DIR [RUNS [WARMUP]]</pre>
 */
public final class Recheck {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path first;
        try (Stream<Path> s = Files.list(dir)) {
            first = s.filter(p -> p.toString().endsWith(".yaml")).sorted().findFirst().orElseThrow();
        }
        byte[] original = Files.readAllBytes(first);
        CheckOptions options = CheckOptions.builder().inventory(List.of(dir)).asOf(LocalDate.parse("2026-11-22"))
                .memoryCache(AnalysisCache.inMemory()).build();
        List<Double> times = new ArrayList<>();
        try {
            Pipeline.run(options); // the watch's first check
            for (int i = 0; i < runs; i++) {
                Files.writeString(first, "# change " + i + "\n", StandardOpenOption.APPEND);
                long t0 = System.nanoTime();
                Pipeline.run(options);
                if (i >= warmup) times.add((System.nanoTime() - t0) / 1e6);
            }
        } finally {
            Files.write(first, original);
        }
        Collections.sort(times);
        System.out.printf("re-check of %s after one file changed: median %.1f ms (%.1f-%.1f, %d runs after %d)%n", dir,
                times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), times.size(), warmup);
    }
}
