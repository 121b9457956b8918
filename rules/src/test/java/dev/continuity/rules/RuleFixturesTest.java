package dev.continuity.rules;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.RuleTest;
import dev.continuity.engine.load.InventoryLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every rule fixture under rule-tests/: each asserts the exact (rule, subject, detail) findings. */
class RuleFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/rule-tests");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        Evaluator evaluator = new Evaluator();
        InventoryLoader loader = new InventoryLoader();
        return RuleTest.find(ROOT).stream().map(dir -> DynamicTest.dynamicTest(ROOT.relativize(dir).toString(), () -> {
            RuleTest.Outcome outcome = RuleTest.run(dir, evaluator, loader);
            assertThat(outcome.passed()).as(outcome.report()).isTrue();
        }));
    }
}
