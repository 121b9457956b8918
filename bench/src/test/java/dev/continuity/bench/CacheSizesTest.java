package dev.continuity.bench;

import dev.continuity.engine.eval.CheckOptions;
import dev.continuity.engine.eval.Pipeline;
import dev.continuity.engine.eval.Threshold;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysis cache on generated inventories of bench sizes: the same JSON report without, filling and from it, and after one file changes. */
class CacheSizesTest {
    static byte[] report(Path inventory, Path cache) throws Exception {
        CheckOptions o = CheckOptions.builder().inventory(List.of(inventory)).workDir(inventory).asOf(GenerateTest.AS_OF)
                .threshold(Threshold.LOW).formats(List.of("json")).cache(cache).build();
        return Pipeline.run(o).printed();
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 10000})
    void sameReportWithAndWithoutTheCache(int size, @TempDir Path tmp) throws Exception {
        Path inv = tmp.resolve("inv");
        Generate.generate(GenerateTest.TEMPLATE, size, inv, 0.3, 11);
        Path cache = tmp.resolve("continuity.cache");
        byte[] plain = report(inv, null);
        assertThat(report(inv, cache)).isEqualTo(plain);
        assertThat(report(inv, cache)).isEqualTo(plain);
        // one file changes: the report follows it, with the cache as without
        Path one;
        try (var files = Files.list(inv)) {
            one = files.filter(f -> f.toString().endsWith(".yaml")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(one, Files.readString(one).replaceFirst("criticality: high", "criticality: critical"));
        byte[] changed = report(inv, null);
        assertThat(report(inv, cache)).isEqualTo(changed);
    }
}
