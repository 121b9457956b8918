package dev.continuity.samples;

import dev.continuity.engine.eval.CheckOptions;
import dev.continuity.engine.eval.Pipeline;
import dev.continuity.engine.eval.Threshold;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every sample's reports are byte-identical with no cache, a cache being filled, and a full one (issue 15). */
class CacheTest {
    @TempDir
    Path tmp;

    static byte[] report(Path inventory, Path cache, String format) throws Exception {
        CheckOptions o = CheckOptions.builder().inventory(List.of(inventory)).asOf(LocalDate.of(2026, 11, 22))
                .threshold(Threshold.LOW).formats(List.of(format)).cache(cache).build();
        return Pipeline.run(o).printed();
    }

    @ParameterizedTest
    @ValueSource(strings = {"northwind/continuity", "northwind-compliant/continuity"})
    void findingsAreTheSameWithAndWithoutTheCache(String sample) throws Exception {
        Path inventory = Path.of(sample);
        Path cache = tmp.resolve("continuity.cache");
        for (String format : List.of("json", "sarif", "text")) {
            Files.deleteIfExists(cache);
            byte[] plain = report(inventory, null, format);
            assertThat(report(inventory, cache, format)).as("filling").isEqualTo(plain);
            assertThat(Files.exists(cache)).isTrue();
            assertThat(report(inventory, cache, format)).as("from the cache").isEqualTo(plain);
        }
    }
}
