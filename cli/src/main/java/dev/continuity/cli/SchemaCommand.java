package dev.continuity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.continuity.engine.load.InventorySchema;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Print the JSON Schema of an inventory document, for editor completion.",
                "E.g. VS Code with the YAML extension: \"yaml.schemas\": {\"continuity-schema.json\": \"continuity/*.yaml\"}"})
final class SchemaCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DebugOption debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(InventorySchema.generate()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
