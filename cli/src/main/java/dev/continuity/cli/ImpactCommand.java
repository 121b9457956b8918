package dev.continuity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.continuity.engine.graph.Availability;
import dev.continuity.engine.graph.Domain;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.Criticality;
import dev.continuity.engine.model.Inventory;
import dev.continuity.engine.model.Service;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "impact", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "What-if: which services go down when one failure domain fails (the availability model of NET-004).",
        footer = {"", "Examples:",
                "  continuity impact continuity/ --fail site:fra-dc1",
                "  continuity impact continuity/ --fail vendor:isp-telekom --fail upstream:as3320"})
final class ImpactCommand implements Callable<Integer> {
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Inventory files or directories. Default: continuity/")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--fail", required = true, paramLabel = "DOMAIN",
            description = "A failure domain: site:ID, zone:NAME, vendor:ID or upstream:NAME; repeat to analyse several, one at a time")
    List<String> domains = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}")
    Format format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Domain> parsed = new ArrayList<>();
        for (String d : domains) {
            try {
                parsed.add(Domain.parse(d));
            } catch (IllegalArgumentException e) {
                err.println("continuity impact: " + e.getMessage());
                return 2;
            }
        }
        Inventory inv;
        try {
            inv = new InventoryLoader().load(paths.isEmpty() ? List.of(Path.of("continuity")) : paths);
        } catch (InputException e) {
            return Main.inputErrors(err, e);
        }
        Availability availability = new Availability(inv);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode all = json.createArrayNode();
        for (Domain d : parsed) {
            List<Service> down = availability.impact(d).stream().map(id -> inv.get(id, Service.class).orElseThrow())
                    .sorted(Comparator.comparing(Service::criticality).thenComparing(Service::id)).toList();
            if (format == Format.json) {
                ObjectNode o = all.addObject().put("domain", d.toString());
                ArrayNode services = o.putArray("down");
                for (Service s : down) services.addObject().put("id", s.id()).put("criticality", s.criticality().yaml());
                continue;
            }
            out.println("With " + d + " failed: " + (down.isEmpty() ? "every service stays up"
                    : down.size() + (down.size() == 1 ? " service goes down" : " services go down")));
            for (Service s : down) {
                out.println("  " + String.format("%-9s", s.criticality().yaml()) + s.id()
                        + (s.criticality() == Criticality.CRITICAL ? "   <- single point of failure (NET-004)" : ""));
            }
        }
        if (format == Format.json) out.println(json.writeValueAsString(all));
        out.flush();
        return 0;
    }
}
