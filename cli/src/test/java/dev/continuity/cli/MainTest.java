package dev.continuity.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the command named is built (cold start), and everything else still sees every command. */
class MainTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[]{String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void helpListsEveryCommandAndAMisspellingIsSuggestedOne() {
        String help = run("--help")[1];
        for (Class<?> c : Main.COMMANDS) assertThat(help).contains("  " + c.getAnnotation(CommandLine.Command.class).name() + " ");
        String[] typo = run("chek");
        assertThat(typo[0]).isEqualTo("2");
        assertThat(typo[2]).contains("Did you mean: continuity check");
        assertThat(run("help", "import")[1]).contains("Usage: continuity import", "terraform", "backstage");
    }

    @Test
    void aNamedCommandRunsWithItsConverters() {
        String[] r = run("rules", "--framework", "dora", "--format", "TEXT");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("DAT-008");
    }
}
