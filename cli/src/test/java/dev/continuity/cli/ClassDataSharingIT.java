package dev.continuity.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's class-data-sharing archive covers every class of the jar that a check loads
 * (issue 15, cold start): an archive made by one check, as the launcher makes it, and the same
 * check again must load no class from the jar itself. A class the archive refuses (picocli's jar
 * held Java 5 class files, which CDS cannot keep) shows here by name.
 */
class ClassDataSharingIT {
    @TempDir
    Path tmp;

    @Test
    void aCheckLoadsEveryClassOfTheJarFromTheArchive() throws Exception {
        Path archive = tmp.resolve("continuity.jsa");
        Path loaded = tmp.resolve("classes.txt");
        String[] check = {"check", "northwind-compliant/continuity", "--as-of", "2026-11-22", "-f", "json"};
        CliProcess.Run training = CliProcess.run(CliIT.SAMPLES, tmp,
                List.of("-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                Map.of(), check);
        assertThat(training.exit()).as(training.err()).isEqualTo(0);
        assumeTrue(Files.exists(archive), "this JVM wrote no dynamic archive (it needs the JDK's base CDS archive)");

        CliProcess.Run run = CliProcess.run(CliIT.SAMPLES, tmp,
                List.of("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                        "-Xlog:class+load=info:file=" + loaded),
                Map.of(), check);
        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).isEqualTo(training.out());
        List<String> lines = Files.readAllLines(loaded);
        // the JVM turns sharing off silently when it cannot map an archive: then there is nothing to judge
        assumeTrue(lines.stream().anyMatch(l -> l.contains("dev.continuity.cli.Main source: shared objects file")),
                "this JVM did not use the archive it wrote");
        assertThat(lines).as("classes of the jar loaded from the jar, not from the archive")
                .noneMatch(l -> l.contains("source: file:") && l.contains(CliProcess.JAR.getFileName().toString()));
    }
}
