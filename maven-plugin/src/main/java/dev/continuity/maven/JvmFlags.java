package dev.continuity.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The forked check's JVM flags, chosen by the size of the input as the command line's launcher
 * chooses them ({@code ./continuity}; the measurements behind each band are in
 * docs/performance.md): C1 only and one compiler thread on two cores for a small check; from
 * 8 MB, a fixed young generation (or, with the analysis cache, one large enough to hold a cached
 * check's short-lived objects); above 64 MB, full tiering and a fixed heap sized for the input.
 * {@code JvmFlagsTest} runs the launcher on the same figures and compares the flags.
 */
final class JvmFlags {
    private JvmFlags() {
    }

    /**
     * @param inputKb the inventory's size in KiB
     * @param cached  whether the check uses the analysis cache
     * @param cores   the processors the JVM may use
     * @param memMb   the machine's memory in MiB, or 0 when not known (no bound from it)
     */
    static List<String> forInput(long inputKb, boolean cached, int cores, long memMb) {
        List<String> oneCompiler = cores <= 2 ? List.of("-XX:CICompilerCount=1") : List.of();
        List<String> out = new ArrayList<>();
        if (inputKb > 65536) {
            long heap = Math.max(1024, inputKb * 22 / 1024);
            if (memMb > 0 && heap > memMb * 80 / 100) heap = memMb * 80 / 100;
            out.addAll(List.of("-XX:+UseParallelGC", "-XX:-UsePerfData", "-Xms" + heap + "m", "-Xmx" + heap + "m", "-XX:MaxTenuringThreshold=0"));
        } else if (inputKb > 8192 && cached) {
            long heap = inputKb * 35 / 1024;
            if (memMb > 0 && heap > memMb / 4) heap = memMb / 4;
            out.add("-XX:TieredStopAtLevel=1");
            out.addAll(oneCompiler);
            out.add("-XX:CompileThresholdScaling=0.3");
            out.addAll(List.of("-XX:+UseParallelGC", "-XX:-UsePerfData", "-Xms" + heap + "m", "-Xmn" + heap * 5 / 7 + "m"));
        } else if (inputKb > 8192) {
            long heap = Math.max(1024, inputKb * 24 / 1024);
            if (memMb > 0 && heap > memMb / 4) heap = memMb / 4;
            out.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:-UsePerfData", "-XX:MaxTenuringThreshold=0"));
            if (heap >= 512) out.addAll(List.of("-Xms" + heap + "m", "-Xmn128m"));
        } else {
            out.add("-XX:TieredStopAtLevel=1");
            out.addAll(oneCompiler);
            out.addAll(List.of("-XX:+UseParallelGC", "-XX:-UsePerfData"));
        }
        return List.copyOf(out);
    }

    /** The flags for these inventory paths on this machine. */
    static List<String> forInventory(List<Path> paths, boolean cached) {
        long memMb = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memMb = os.getTotalMemorySize() / (1024 * 1024);
        }
        return forInput(sizeKb(paths), cached, Runtime.getRuntime().availableProcessors(), memMb);
    }

    /** The size of the files under the paths, in KiB (the launcher asks du; the bands are far apart enough for either). */
    static long sizeKb(List<Path> paths) {
        long bytes = 0;
        for (Path p : paths) {
            if (!Files.exists(p)) continue;
            try (Stream<Path> files = Files.walk(p)) {
                bytes += files.filter(Files::isRegularFile).mapToLong(f -> {
                    try {
                        return Files.size(f);
                    } catch (IOException e) {
                        return 0;
                    }
                }).sum();
            } catch (IOException | UncheckedIOException e) {
                // an unreadable folder counts as empty: the check itself reports it
            }
        }
        return bytes / 1024;
    }
}
