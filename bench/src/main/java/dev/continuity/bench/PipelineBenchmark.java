package dev.continuity.bench;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.graph.Derivation;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.Inventory;
import org.openjdk.jmh.annotations.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The three stages of a check, measured separately on a generated inventory of {@code resources}
 * (copies of the compliant sample company): loading the YAML, computing the derived facts
 * (closures, availability model), and evaluating (derived facts plus the Drools rules).
 * Run from the repository root: {@code java -jar bench/target/benchmarks.jar}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class PipelineBenchmark {
    @Param({"1000", "10000"})
    public int resources;

    private Path dir;
    private Inventory inventory;
    private Evaluator evaluator;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InputException {
        dir = Files.createTempDirectory("continuity-jmh");
        Generate.generate(Path.of("samples/northwind-compliant/continuity"), resources, dir, 0.05, 42);
        inventory = new InventoryLoader(dir).load(List.of(dir));
        evaluator = new Evaluator();
    }

    @Benchmark
    public Inventory load() throws InputException {
        return new InventoryLoader(dir).load(List.of(dir));
    }

    @Benchmark
    public List<Object> derive() {
        return Derivation.facts(inventory);
    }

    @Benchmark
    public Result evaluate() {
        return evaluator.evaluate(inventory, Evaluator.Options.asOf(LocalDate.of(2026, 11, 22)));
    }
}
