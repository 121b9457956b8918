package dev.continuity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.continuity.engine.eval.RuleInfo;
import dev.continuity.engine.eval.RulePack;
import dev.continuity.engine.report.RuleCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "List the built-in rules: id, severity, title and controls.")
final class RulesCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DebugOption debug;

    enum Format { text, json, markdown }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--framework", paramLabel = "F",
            description = "Only the rules mapped to this framework: dora, nis2, soc2, uk, iso22301, nist-800-53, csf, ffiec")
    String framework;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        var rules = RulePack.builtIn().rules();
        if (framework != null) {
            dev.continuity.engine.eval.Framework f;
            try {
                f = dev.continuity.engine.eval.Framework.parse(framework);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("continuity rules: " + e.getMessage());
                return 2;
            }
            rules = rules.stream().filter(f::maps).toList();
        }
        switch (format) {
            case text -> {
                for (RuleInfo r : rules) {
                    out.printf("%-8s %-8s %-50s %s%n", r.id(), r.severity().yaml(), r.title(), String.join("; ", r.controls()));
                }
            }
            case markdown -> out.print(RuleCatalog.markdown(rules));
            case json -> {
                ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ArrayNode list = json.createArrayNode();
                for (RuleInfo r : rules) list.add(toJson(json, r));
                out.println(json.writeValueAsString(list));
            }
        }
        out.flush();
        return 0;
    }

    static ObjectNode toJson(ObjectMapper json, RuleInfo r) {
        ObjectNode o = json.createObjectNode();
        o.put("id", r.id()).put("severity", r.severity().yaml()).put("title", r.title());
        ArrayNode c = o.putArray("controls");
        r.controls().forEach(c::add);
        o.put("condition", r.condition()).put("rationale", r.rationale()).put("remediation", r.remediation());
        return o;
    }
}
