package dev.continuity.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the shaded jar as a separate process, as a user would: exit code, stdout and stderr. */
final class CliProcess {
    static final Path JAR = Path.of("target/continuity.jar").toAbsolutePath();

    record Run(int exit, String out, String err, byte[] outBytes) {
    }

    private CliProcess() {
    }

    static Run run(Path workDir, Path tmp, List<String> jvm, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("stdout-" + System.nanoTime()), err = tmp.resolve("stderr-" + System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        byte[] bytes = Files.readAllBytes(out);
        return new Run(p.exitValue(), new String(bytes, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), bytes);
    }
}
