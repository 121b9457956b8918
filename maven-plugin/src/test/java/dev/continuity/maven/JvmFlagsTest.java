package dev.continuity.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forked check's flags are the launcher's: for inventories in each size band, with and without
 * the analysis cache, the launcher ({@code ./continuity} at the repository's root, with
 * CONTINUITY_PRINT_JVM_OPTS set) prints what it read (input KiB, memory MiB, cores) and the flags it
 * chose, and {@link JvmFlags#forInput} must choose the same from the same figures.
 */
class JvmFlagsTest {
    private static final Path LAUNCHER = Path.of("..", "continuity").toAbsolutePath().normalize();

    /** An inventory folder holding about this many KiB of YAML comments. */
    private static Path inventory(Path dir, String name, int kib) throws IOException {
        Path inv = Files.createDirectories(dir.resolve(name));
        byte[] line = ("# " + "x".repeat(1021) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(inv.resolve("a.yaml"))) {
            for (int i = 0; i < kib; i++) out.write(line);
        }
        return inv;
    }

    private static List<String> launcher(Path inv, boolean cached) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString(), "check", inv.toString()));
        if (cached) command.addAll(List.of("--cache", inv.resolveSibling(inv.getFileName() + ".cache").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("CONTINUITY_PRINT_JVM_OPTS", "1");
        pb.environment().remove("CONTINUITY_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return Arrays.asList(out.split(" "));
    }

    @Test
    void choosesTheLaunchersFlagsInEveryBand(@TempDir Path dir) throws Exception {
        assertThat(LAUNCHER).exists();
        int[] sizes = {64, 20 * 1024, 80 * 1024};
        List<List<String>> seen = new ArrayList<>();
        for (int kib : sizes) {
            Path inv = inventory(dir, "inv" + kib, kib);
            for (boolean cached : new boolean[] {false, true}) {
                List<String> printed = launcher(inv, cached);
                long inputKb = Long.parseLong(printed.get(0));
                long memMb = Long.parseLong(printed.get(1));
                int cores = Integer.parseInt(printed.get(2));
                List<String> flags = printed.subList(3, printed.size());
                assertThat(JvmFlags.forInput(inputKb, cached, cores, memMb)).as("%d KiB, cached %s", inputKb, cached).isEqualTo(flags);
                // the plugin measures the same folder within the launcher's rounding (du counts blocks)
                assertThat(JvmFlags.sizeKb(List.of(inv))).isBetween(inputKb - 64, inputKb);
                seen.add(flags);
            }
        }
        // the sizes fall in different bands: the comparison covered more than one choice
        assertThat(seen.stream().distinct().count()).isGreaterThanOrEqualTo(4);
    }

    /** The same figures on machines the build does not run on: many cores, little memory. */
    @Test
    void boundsFromTheMachine() {
        assertThat(JvmFlags.forInput(100, false, 8, 16384))
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:-UsePerfData");
        assertThat(JvmFlags.forInput(100, false, 2, 16384)).contains("-XX:CICompilerCount=1");
        // a quarter of 2 GiB is below the 1 GiB the 8-64 MB band starts from: bounded, and no young generation of 128 MB
        assertThat(JvmFlags.forInput(20_000, false, 2, 2048))
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:-UsePerfData", "-XX:MaxTenuringThreshold=0",
                        "-Xms512m", "-Xmn128m");
        assertThat(JvmFlags.forInput(20_000, false, 2, 1024)).doesNotContain("-Xmn128m");
        assertThat(JvmFlags.forInput(300_000, false, 4, 4096)).contains("-Xms3276m", "-Xmx3276m");
    }
}
