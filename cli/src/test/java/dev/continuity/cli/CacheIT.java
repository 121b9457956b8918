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

    /**
     * With --timings, a line says what the cache served: files, files not even read, components'
     * findings, and whether the inventory's shape was taken from it (then how many unchanged files'
     * records were read all the same).
     */
    @Test
    void timingsSayWhatTheCacheServed() throws Exception {
        Path inv = tmp.resolve("inventory");
        CliIT.copy(SAMPLE, inv);
        int files;
        try (var yaml = Files.list(inv)) {
            files = (int) yaml.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        Path cache = tmp.resolve("continuity.cache");
        List<String> args = List.of("check", inv.toString(), "--as-of", "2026-11-22", "--timings", "--cache", cache.toString());
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "(?m)^cache: documents of (\\d+) of (\\d+) files from the cache \\((\\d+) not read: unchanged since hashed\\);"
                        + " findings of (\\d+) of (\\d+) components from the cache;"
                        + " the inventory's shape (?:worked out anew()|from the cache \\(records of (\\d+) unchanged files read\\))$");
        java.util.function.Function<CliProcess.Run, int[]> served = r -> {
            java.util.regex.Matcher m = line.matcher(r.err());
            assertThat(m.find()).as(r.err()).isTrue();
            // the last: -1 when the shape was worked out anew, else the unchanged files whose records were read
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6) != null ? -1 : Integer.parseInt(m.group(7))};
        };
        int[] first = served.apply(CliProcess.run(tmp, tmp, List.of(), Map.of(), args.toArray(String[]::new)));
        assertThat(first[0]).isZero();
        assertThat(first[1]).isEqualTo(files);
        assertThat(first[3]).isZero();
        assertThat(first[4]).isPositive();
        assertThat(first[5]).as("shape").isEqualTo(-1);
        int[] again = served.apply(CliProcess.run(tmp, tmp, List.of(), Map.of(), args.toArray(String[]::new)));
        assertThat(again).containsExactly(files, files, again[2], first[4], first[4], 0);
        Files.writeString(inv.resolve("vendors.yaml"), "\n# changed\n", java.nio.file.StandardOpenOption.APPEND);
        int[] changed = served.apply(CliProcess.run(tmp, tmp, List.of(), Map.of(), args.toArray(String[]::new)));
        assertThat(changed[0]).isEqualTo(files - 1);
        // a comment changes no resource: the shape holds, and every component's findings come from the cache
        assertThat(changed[3]).isEqualTo(first[4]);
        assertThat(changed[5]).isBetween(0, files - 2);
        // a value changed: the shape holds, and the component of the vendor changed is evaluated again
        String vendors = Files.readString(inv.resolve("vendors.yaml"));
        assertThat(vendors).contains("slaRto: PT4H");
        Files.writeString(inv.resolve("vendors.yaml"), vendors.replaceFirst("slaRto: PT4H", "slaRto: PT5H"));
        int[] value = served.apply(CliProcess.run(tmp, tmp, List.of(), Map.of(), args.toArray(String[]::new)));
        assertThat(value[3]).isLessThan(first[4]);
        assertThat(value[5]).isBetween(0, files - 2);
        // the first two documents swapped: the same resources, not in the same places, so the shape is worked out anew
        String[] docs = Files.readString(inv.resolve("vendors.yaml")).split("(?m)^---\\n");
        assertThat(docs.length).isGreaterThan(2);
        String first2 = docs[0].substring(docs[0].indexOf("kind:"));
        Files.writeString(inv.resolve("vendors.yaml"), docs[1] + "---\n" + first2 + "---\n"
                + String.join("---\n", java.util.Arrays.copyOfRange(docs, 2, docs.length)));
        int[] swapped = served.apply(CliProcess.run(tmp, tmp, List.of(), Map.of(), args.toArray(String[]::new)));
        assertThat(swapped[0]).isEqualTo(files - 1);
        assertThat(swapped[5]).as("documents swapped: the shape is worked out anew").isEqualTo(-1);
        CliProcess.Run without = CliProcess.run(tmp, tmp, List.of(), Map.of(), "check", inv.toString(), "--as-of", "2026-11-22", "--timings");
        assertThat(without.err()).contains("timings: load").doesNotContain("cache:");
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
