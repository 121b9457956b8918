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
        description = "What-if: which services go down when failure domains fail together (the availability model of NET-004), and why.",
        footer = {"", "Examples:",
                "  continuity impact continuity/ --fail site:fra-dc1",
                "  continuity impact continuity/ --fail vendor:isp-telekom --fail upstream:as3320",
                "", "Exit codes: 0 the analysis ran; 2 usage or input error (such as a domain the inventory does not have)."})
final class ImpactCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DebugOption debug;

    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Inventory files or directories. Default: continuity/")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--fail", required = true, paramLabel = "DOMAIN",
            description = "A failure domain: site:ID, zone:NAME, vendor:ID or upstream:NAME; repeat it: the domains fail together")
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
        for (String w : inv.warnings()) err.println("warning: " + w); // escaped where it is made
        Availability availability = new Availability(inv);
        List<String> problems = new ArrayList<>();
        for (Domain d : parsed) {
            String problem = availability.problem(d);
            if (problem != null) problems.add(problem);
        }
        if (!problems.isEmpty()) {
            for (String p : problems) err.println("continuity impact: " + p);
            return 2;
        }
        List<Domain> failed = new ArrayList<>(new java.util.TreeSet<>(parsed));
        Availability.Scenario scenario = availability.failed(failed);
        List<Service> down = availability.impact(failed).stream().map(id -> inv.get(id, Service.class).orElseThrow())
                .sorted(Comparator.comparing(Service::criticality).thenComparing(Service::id)).toList();
        String what = String.join(" + ", failed.stream().map(Domain::toString).toList());
        // the recovery time the design can prove for every service, and what limits it (rules.md v2 rec(S))
        List<dev.continuity.engine.graph.Recovery> recoveries = dev.continuity.engine.graph.Recoveries.of(inv).stream()
                .sorted(Comparator.comparing(dev.continuity.engine.graph.Recovery::service)).toList();
        if (format == Format.json) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode o = json.createObjectNode();
            ArrayNode f = o.putArray("failed");
            failed.forEach(d -> f.add(d.toString()));
            ArrayNode services = o.putArray("down");
            for (Service s : down) {
                ObjectNode x = services.addObject().put("id", s.id()).put("criticality", s.criticality().yaml());
                ArrayNode because = x.putArray("because");
                scenario.why(s.id()).forEach(because::add);
            }
            ArrayNode rec = o.putArray("recovery");
            for (var x : recoveries) {
                ObjectNode r = rec.addObject().put("service", x.service());
                if (x.time() == null) r.putNull("time").putNull("limitedBy");
                else r.put("time", x.time().toString()).put("limitedBy", x.limiting());
            }
            out.println(json.writeValueAsString(o));
            out.flush();
            return 0;
        }
        out.println("With " + what + " failed: " + (down.isEmpty() ? "every service stays up"
                : down.size() + (down.size() == 1 ? " service goes down" : " services go down")));
        for (Service s : down) {
            out.println("  " + String.format("%-9s", s.criticality().yaml()) + s.id()
                    + (s.criticality() == Criticality.CRITICAL && failed.size() == 1 ? "   <- single point of failure (NET-004)" : ""));
            out.println("           because " + String.join(" -> ", scenario.why(s.id())));
        }
        out.println();
        out.println("Recovery time the design can prove (rec), and what limits it:");
        for (var x : recoveries) {
            out.println("  " + String.format("%-24s", x.service()) + (x.time() == null ? "nothing declared"
                    : String.format("%-8s", x.time()) + " limited by " + (x.isSelfLimited() ? "itself (its failover, or none)" : x.limiting())));
        }
        out.flush();
        return 0;
    }
}
