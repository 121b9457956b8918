package dev.continuity.cli;

import dev.continuity.engine.imports.Imported;
import dev.continuity.engine.imports.ImportedDocument;
import dev.continuity.engine.imports.InventoryWriter;
import dev.continuity.engine.load.InputException;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.report.ReportFiles;
import dev.continuity.engine.text.Text;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.Callable;

/** {@code continuity import terraform|backstage}: inventory documents from what a team already declares. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Write inventory documents from what is already declared: Terraform JSON or a Backstage catalog.",
        subcommands = {ImportCommand.Terraform.class, ImportCommand.Backstage.class},
        footer = {"", "See docs/importing.md for the mapping, the ids and what is left to write by hand."})
final class ImportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options both importers share. */
    abstract static class Base implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DebugOption debug;

        @Option(names = {"-o", "--output"}, paramLabel = "DIR",
                description = "Write one YAML file per source into DIR (default: print every document to standard output)")
        Path output;

        abstract String command();

        abstract Imported read(InventoryLoader loader) throws InputException;

        abstract List<Path> inputs();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            InventoryLoader loader = new InventoryLoader(Path.of(""), true);
            Imported imported;
            try {
                imported = read(loader);
            } catch (InputException e) {
                for (var error : e.errors()) err.println(error);
                err.println(e.errors().size() + (e.errors().size() == 1 ? " input error" : " input errors") + "; nothing was imported");
                return 2;
            }
            for (var w : imported.warnings()) err.println("warning: " + w);
            for (String line : imported.unmapped()) err.println(line);
            for (ImportedDocument d : imported.documents()) {
                if (d.completion()) {
                    err.println(Text.escape("completes: " + d.document().location() + ": " + d.address() + ": " + d.kind() + " " + d.id()
                            + " has an automated failover; checking the Terraform file itself applies it (continuity check continuity/ FILE)"));
                }
            }
            var bySource = InventoryWriter.bySource(imported.documents());
            if (output == null) {
                bySource.forEach((source, docs) -> out.print(InventoryWriter.yaml(command(), source, docs)));
                out.flush();
                return 0;
            }
            if (Files.exists(output) && !Files.isDirectory(output)) {
                err.println("continuity " + command() + ": " + Text.escape(output.toString()) + " is not a directory");
                return 2;
            }
            Set<Path> sources = new HashSet<>();
            for (Path p : inputs()) {
                try (var walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).forEach(f -> sources.add(f.toAbsolutePath().normalize()));
                }
            }
            var names = InventoryWriter.fileNames(bySource.keySet());
            for (var e : bySource.entrySet()) {
                Path target = output.resolve(names.get(e.getKey()));
                if (sources.contains(target.toAbsolutePath().normalize())) {
                    err.println("continuity " + command() + ": " + Text.escape(target.toString())
                            + " is one of the files being imported: write the inventory into another directory (-o)");
                    return 2;
                }
            }
            for (var e : bySource.entrySet()) {
                Path target = output.resolve(names.get(e.getKey()));
                byte[] yaml = InventoryWriter.yaml(command(), e.getKey(), e.getValue()).getBytes(StandardCharsets.UTF_8);
                try {
                    ReportFiles.writeAtomically(target, o -> o.write(yaml));
                } catch (IOException x) {
                    err.println("continuity " + command() + ": cannot write " + Text.escape(target.toString()) + ": " + Text.escape(String.valueOf(x.getMessage())));
                    return 2;
                }
                int n = e.getValue().size();
                err.println("wrote " + Text.escape(target.toString()) + " (" + n + (n == 1 ? " document" : " documents") + ")");
            }
            return 0;
        }
    }

    @Command(name = "terraform", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
            description = "Sites, data stores, links and failovers from Terraform JSON (terraform show -json of a plan or of state, format 1.x).",
            footer = {"", "Examples:",
                    "  terraform show -json plan.tfplan > plan.json && continuity import terraform plan.json -o continuity/imported",
                    "  continuity check continuity/ plan.json     (imports in memory: the CI recipe)",
                    "", "Exit codes: 0 imported (warnings on stderr); 2 usage or input error."})
    static final class Terraform extends Base {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Terraform JSON files")
        List<Path> files;

        @Override
        String command() {
            return "import terraform";
        }

        @Override
        List<Path> inputs() {
            return files;
        }

        @Override
        Imported read(InventoryLoader loader) throws InputException {
            return loader.importTerraform(files);
        }
    }

    @Command(name = "backstage", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
            description = "Services, data stores, roles and people from Backstage catalog files (continuity.dev/* annotations for criticality, rto, rpo, mtd, sites).",
            footer = {"", "Examples:",
                    "  continuity import backstage catalog-info.yaml -o continuity/imported",
                    "  continuity import backstage catalog/ --lifecycle production,experimental",
                    "", "Exit codes: 0 imported (warnings on stderr); 2 usage or input error."})
    static final class Backstage extends Base {
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Catalog files or directories (every *.yaml and *.yml below)")
        List<Path> paths;

        @Option(names = "--lifecycle", paramLabel = "L", split = ",", defaultValue = "production",
                description = "Component lifecycles to import. Default: ${DEFAULT-VALUE}")
        List<String> lifecycles;

        @Override
        String command() {
            return "import backstage";
        }

        @Override
        List<Path> inputs() {
            return paths;
        }

        @Override
        Imported read(InventoryLoader loader) throws InputException {
            Set<String> l = new TreeSet<>();
            for (String s : lifecycles) l.add(s.trim().toLowerCase(Locale.ROOT));
            return loader.importBackstage(paths, l);
        }
    }
}
