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

    /** The cache file read ahead is the one picocli will give the check, in both spellings; none after "--". */
    @Test
    void theCacheReadAheadIsTheCheckCommandsCache() {
        assertThat(Main.cacheOption(new String[] {"check", "inv", "--cache", "t/c.cache", "--as-of", "2026-11-22"}))
                .isEqualTo(java.nio.file.Path.of("t/c.cache"));
        assertThat(Main.cacheOption(new String[] {"check", "--cache=t/d.cache", "inv"})).isEqualTo(java.nio.file.Path.of("t/d.cache"));
        assertThat(Main.cacheOption(new String[] {"check", "inv"})).isNull();
        assertThat(Main.cacheOption(new String[] {"check", "--", "--cache", "x"})).isNull();
        assertThat(Main.cacheOption(new String[] {"check", "inv", "--cache"})).isNull();
    }
}
