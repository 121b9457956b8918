package dev.continuity.cli;

import dev.continuity.engine.eval.RuleInfo;
import dev.continuity.engine.eval.RulePack;
import dev.continuity.engine.report.RuleCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Explain one rule: when it fires, why it matters, how to fix it, which controls it maps to.")
final class ExplainCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DebugOption debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A rule id, e.g. NET-002")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RulePack pack = RulePack.builtIn();
        RuleInfo r = pack.rule(id.toUpperCase(Locale.ROOT)).orElse(null);
        if (r == null) {
            spec.commandLine().getErr().println("continuity explain: unknown rule '" + id + "'; see 'continuity rules'");
            return 2;
        }
        out.println(r.id() + "  " + r.title() + "  (" + r.severity().yaml() + ")");
        out.println();
        out.println("Fires when:  " + r.condition());
        out.println("Why:         " + r.rationale());
        out.println("Remediation: " + r.remediation());
        out.println("Controls:    " + (r.controls().isEmpty() ? "none"
                : String.join("; ", r.controls().stream().map(RuleCatalog::expandControl).toList())));
        out.flush();
        return 0;
    }
}
