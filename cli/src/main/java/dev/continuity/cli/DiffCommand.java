package dev.continuity.cli;

import dev.continuity.engine.eval.Threshold;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.report.ReportDiff;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Compare two JSON reports: findings new, fixed and unchanged, by fingerprint.",
        footer = {"", "Examples:",
                "  continuity diff main.json branch.json",
                "  continuity diff main.json branch.json -f markdown --fail-on high",
                "", "Exit codes: 0 no new open finding at or above --fail-on; 1 there is one; 2 usage or input error."})
final class DiffCommand implements Callable<Integer> {
    enum Format { text, json, markdown }


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DebugOption debug;

    @Parameters(index = "0", paramLabel = "OLD.json", description = "The older report (check -f json)")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The newer report")
    Path newer;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "low",
            description = "Lowest severity of a new open finding that fails: critical, high, medium, low, never. Default: ${DEFAULT-VALUE}")
    Threshold failOn;

    @Override
    public Integer call() throws Exception {
        InventoryLoader paths = new InventoryLoader(Path.of(""), true);
        ReportDiff diff;
        try {
            diff = ReportDiff.of(older, paths.display(older), newer, paths.display(newer));
        } catch (InputException e) {
            return Main.inputErrors(spec.commandLine().getErr(), e);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        switch (format) {
            case text -> diff.writeText(buf, failOn);
            case json -> diff.writeJson(buf, failOn);
            case markdown -> diff.writeMarkdown(buf, failOn);
        }
        spec.commandLine().getOut().print(buf.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return diff.failed(failOn) ? 1 : 0;
    }
}
