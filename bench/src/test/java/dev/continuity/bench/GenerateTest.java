package dev.continuity.bench;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.load.InventoryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateTest {
    static final Path TEMPLATE = Path.of("../samples/northwind-compliant/continuity");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    @Test
    void copiesOfTheCompliantCompanyAreCompliant(@TempDir Path out) throws Exception {
        Generate.Summary s = Generate.generate(TEMPLATE, 600, out, 0, 1);
        var inv = new InventoryLoader(out).load(List.of(out));
        assertThat(inv.size()).isEqualTo(s.resources()).isBetween(550, 650);
        Result r = new Evaluator().evaluate(inv, Evaluator.Options.asOf(AS_OF));
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void defectiveCopiesGiveExactlyTheirDefects(@TempDir Path out) throws Exception {
        Generate.Summary s = Generate.generate(TEMPLATE, 1200, out, 0.5, 7);
        assertThat(s.defective()).isPositive().isLessThan(s.companies());
        Result r = new Evaluator().evaluate(new InventoryLoader(out).load(List.of(out)), Evaluator.Options.asOf(AS_OF));
        List<String> rules = r.findings().stream().map(f -> f.rule().id()).distinct().sorted().toList();
        assertThat(rules).containsExactly("DAT-007", "NET-002", "PLN-002");
        assertThat(r.findings()).hasSize(3 * s.defective());
    }
}
