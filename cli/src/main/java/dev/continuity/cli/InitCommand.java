package dev.continuity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Write a small, commented starter inventory that passes the check, to grow from.")
final class InitCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DebugOption debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Where to write it. Default: continuity/")
    Path dir = Path.of("continuity");

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                if (s.anyMatch(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))) {
                    spec.commandLine().getErr().println("continuity init: " + dir + " already holds an inventory; nothing was written");
                    return 2;
                }
            }
        }
        Files.createDirectories(dir);
        Path target = dir.resolve("inventory.yaml");
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("starter.yaml"))) {
            Files.copy(in, target);
        }
        spec.commandLine().getOut().println("wrote " + target + "; now run: continuity check " + dir);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
