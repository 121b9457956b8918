package dev.continuity.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** check --cache as a user runs it: the same output from a cache, one warning for a broken one. */
class CacheIT {
    static final Path SAMPLE = Path.of("../samples/northwind/continuity").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private CliProcess.Run check(String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("check", SAMPLE.toString(), "--as-of", "2026-11-22", "-f", "json"));
        args.addAll(List.of(extra));
        return CliProcess.run(tmp, tmp, List.of(), Map.of(), args.toArray(String[]::new));
    }

    @Test
    void theCacheGivesTheSameReportAndABrokenOneIsIgnoredWithAWarning() throws Exception {
        CliProcess.Run plain = check();
        Path cache = tmp.resolve("build/continuity.cache");
        CliProcess.Run filling = check("--cache", cache.toString());
        CliProcess.Run cached = check("--cache", cache.toString());
        assertThat(Files.exists(cache)).isTrue();
        assertThat(filling.exit()).isEqualTo(1);
        assertThat(cached.out()).isEqualTo(filling.out()).isEqualTo(plain.out());
        assertThat(cached.err()).isEqualTo(plain.err()).doesNotContain("cache");
        Files.writeString(cache, "\u001b[31mnot a cache");
        CliProcess.Run broken = check("--cache", cache.toString());
        assertThat(broken.out()).isEqualTo(plain.out());
        assertThat(broken.err()).containsOnlyOnce("warning: cache: " + cache + " ignored: it is corrupt or cut short;"
                + " every file is read again and the cache rewritten");
        assertThat(check("--cache", cache.toString()).err()).doesNotContain("cache");
    }

    @Test
    void aCacheThatIsADirectoryIsAUsageError() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("build"));
        CliProcess.Run r = check("--cache", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the cache " + dir + " is a directory: name the cache file, e.g. target/continuity.cache")
                .doesNotContain("warning");
    }
}
