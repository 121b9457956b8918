package dev.continuity.engine.load;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ScalarResolver} answers as SnakeYAML's own resolver does, and Jackson's parsers use it. */
class ScalarResolverTest {
    private static final Resolver SNAKEYAML = new Resolver();

    @Test
    void theParsersTypePlainScalarsWithIt() throws IOException {
        try (StrictYamlFactory.Parser p = (StrictYamlFactory.Parser) new StrictYamlFactory(YAMLFactory.builder())
                .createParser(new StringReader("a: 1"))) {
            assertThat(p.resolver()).isSameAs(ScalarResolver.INSTANCE);
        }
        assertThat(ScalarResolver.INSTANCE.shortcut()).as("the shortcut for the SnakeYAML this project ships").isTrue();
    }

    @Test
    void agreesOnEdgeCases() {
        List<String> cases = new ArrayList<>(List.of("", " ", "  ", "~", "~x", "null", "Null", "NULL", "nULL", "nulls", "n", "N", "y", "Y",
                "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "true", "True", "TRUE", "tRue", "false",
                "False", "FALSE", "0", "-0", "+1", "-", "+", ".", "1_000", "0x1F", "0o17", "0b101", "017", "09", "1.5", ".5", "1.",
                "1e3", "1.0e+3", "6.8523015e+5", "685_230.15", "190:20:30", "190:20:30.15", ".inf", "-.inf", "+.Inf", ".nan", ".NaN",
                "2026-11-22", "2026-11-22T10:00:00Z", "2026-11-22 10:00:00 +1", "2026-1-2", "<<", "<", "=", "!", "!x", "&a", "*a",
                "PT4H", "P1Y", "tms", "eu-west-1", "a b", "\u00e9t\u00e9", "\u0000", "x".repeat(100), "1".repeat(100),
                "t".repeat(65), "2026-11-22".repeat(7), "true ", " true", "\ttrue"));
        for (String s : cases) assertAgrees(s);
    }

    @Test
    void agreesOnRandomText() {
        String alphabet = "0123456789+-._:eE xXoObBtTrRuUfFaAlLsSnNyYoO~<=!&*PTHMDZ\u00e9";
        Random random = new Random(22);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(n % 50 == 0 ? 80 : 12);
            for (int i = 0; i < length; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertAgrees(b.toString());
        }
    }

    @Test
    void agreesOnEveryPlainScalarOfTheSamplesAndRuleFixtures() throws IOException {
        Set<String> scalars = new LinkedHashSet<>();
        for (Path root : List.of(Path.of("../samples"), Path.of("../rules/src/test/resources"), Path.of("src/test/resources"))) {
            if (!Files.isDirectory(root)) continue;
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(f -> !f.toString().contains("/target/"))
                        .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
            }
            for (Path f : files) {
                try {
                    ParserImpl parser = new ParserImpl(new StreamReader(Files.readString(f)), new LoaderOptions());
                    while (!parser.checkEvent(Event.ID.StreamEnd)) {
                        if (parser.getEvent() instanceof ScalarEvent e && e.getImplicit().canOmitTagInPlainScalar()) scalars.add(e.getValue());
                    }
                } catch (RuntimeException | java.nio.charset.MalformedInputException e) {
                    // a fixture that is not valid YAML on purpose: the scalars before the error were taken
                }
            }
        }
        assertThat(scalars).hasSizeGreaterThan(500);
        for (String s : scalars) assertAgrees(s);
    }

    private static void assertAgrees(String s) {
        for (boolean implicit : new boolean[] {true, false}) {
            // twice: the second answer may come from the memory of answers
            assertThat(ScalarResolver.INSTANCE.resolve(NodeId.scalar, s, implicit)).as("%s (implicit %s)", s, implicit)
                    .isEqualTo(SNAKEYAML.resolve(NodeId.scalar, s, implicit));
            assertThat(ScalarResolver.INSTANCE.resolve(NodeId.scalar, s, implicit)).as("%s again (implicit %s)", s, implicit)
                    .isEqualTo(SNAKEYAML.resolve(NodeId.scalar, s, implicit));
        }
        assertThat(ScalarResolver.INSTANCE.resolve(NodeId.sequence, s, true)).isEqualTo(SNAKEYAML.resolve(NodeId.sequence, s, true));
    }
}
