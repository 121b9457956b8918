package dev.continuity.cli;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.RuleTest;
import dev.continuity.engine.load.InventoryLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Run rule tests: folders with an inventory and an expected.yaml of the exact findings.",
                "Every folder under DIR with an expected.yaml is a test; its other YAML files are the inventory, and",
                "expected.yaml lists the findings (rule, subject, detail) that must come out, exactly.",
                "See docs/development.md for the format."})
final class VerifyCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DebugOption debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder of rule tests")
    Path dir;

    @CommandLine.Option(names = "--rules", paramLabel = "PATH", description = "Your own DRL rule files or directories, tested with the built-in ones")
    List<Path> rules = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("continuity verify: " + dir + ": no such directory");
            return 2;
        }
        List<Path> tests = RuleTest.find(dir);
        if (tests.isEmpty()) {
            spec.commandLine().getErr().println("continuity verify: no " + RuleTest.EXPECTED + " under " + dir);
            return 2;
        }
        InventoryLoader loader = new InventoryLoader();
        Evaluator evaluator;
        try {
            evaluator = new Evaluator(dev.continuity.engine.eval.RulePack.withCustomRules(
                    dev.continuity.engine.eval.Check.expandDrl(rules), loader::display));
        } catch (dev.continuity.engine.load.InputException e) {
            return Main.inputErrors(spec.commandLine().getErr(), e);
        }
        int passed = 0, failed = 0;
        for (Path t : tests) {
            RuleTest.Outcome o = RuleTest.run(t, evaluator, loader);
            if (o.passed()) passed++;
            else failed++;
            out.println(o.report());
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
