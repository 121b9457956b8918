package dev.continuity.engine.report;

import dev.continuity.engine.eval.*;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Inventory text is data in every output (interfaces.md v2): it never forges a line, a link, an image or a mention. */
class HostileTextTest {
    static final LocalDate AS_OF = LocalDate.parse("2026-06-01");
    static final String FORGED = "x\n✓ PASSED  0 open findings\u001b]0;pwned\u0007\u001b[2J\u0001\u202e";

    @TempDir
    Path tmp;

    /** A result with one finding whose text holds control characters (the loader refuses them; reporters must cope anyway). */
    static Result forged() {
        RuleInfo rule = new RuleInfo("NET-002", Severity.CRITICAL, "Single ISP", List.of("53 CP-8(3)"), "fix it", "c", "r");
        Finding f = new Finding(rule, "dc-1", "Site", FORGED, "message " + FORGED, new Location("a b/inv.yaml", 3, 1),
                Status.OPEN, null);
        Inventory inv = new Inventory(List.of("a b/inv.yaml"), List.of(), InventoryLoader.defaultPolicy(), "0".repeat(64));
        Run run = new Run(1, List.of(new Run.Skipped("NET-004", Run.By.POLICY, FORGED)), List.of(), List.of(), null);
        return new Result(inv, AS_OF, List.of(f), new Result.Timings(0, 0, 0), List.of(rule), run, List.of());
    }

    static String render(String format, Result r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reporters.get(format).orElseThrow().reporter().write(new ReportContext(r, Severity.LOW, false), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theTextReportEscapesEveryControlCharacter() throws Exception {
        String text = render("text", forged());
        assertThat(text.lines()).noneMatch(l -> l.startsWith("✓ PASSED"));
        assertThat(text.chars()).noneMatch(c -> c < 0x20 && c != '\n' || c == 0x7f || c == 0x202e);
        assertThat(text).contains("x\\n✓ PASSED  0 open findings\\x1b]0;pwned\\x07\\x1b[2J\\x01\\u202e");
    }

    @Test
    void junitIsWellFormedWhateverTheText() throws Exception {
        String xml = render("junit", forged());
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(xml).contains("\\x01");
    }

    @Test
    void sarifUrisArePercentEncoded() throws Exception {
        assertThat(SarifReporter.uri("a b/inv.yaml")).isEqualTo("a%20b/inv.yaml");
        assertThat(SarifReporter.uri("münchen/inv.yaml")).isEqualTo("m%C3%BCnchen/inv.yaml");
        assertThat(SarifReporter.uri("/abs/a b.yaml")).isEqualTo("file:/abs/a%20b.yaml");
        assertThat(render("sarif", forged())).contains("\"uri\" : \"a%20b/inv.yaml\"");
    }

    @Test
    void inputErrorsEscapeWhatTheyQuote() {
        var e = new dev.continuity.engine.load.InputError("a.yaml", 1, 2, "field", "bad " + FORGED);
        assertThat(e.toString()).doesNotContain("\n", "\u001b", "\u202e").startsWith("a.yaml:1:2: field: bad x\\n");
        assertThat(dev.continuity.engine.text.Text.quote("y".repeat(200))).hasSize(80 + 2 + 3 + " (200 characters)".length());
    }

    /** -f github: a newline or ::command in inventory text can neither end the annotation nor start another. */
    @Test
    void githubAnnotationsCannotBeForged() throws Exception {
        String out = render("github", forged());
        assertThat(out.lines().toList()).hasSize(3).allMatch(l -> l.startsWith("::error file=a b/inv.yaml,line=3,col=1,title=NET-002 Single ISP::")
                || l.startsWith("::notice title=continuity"));
        assertThat(GithubReporter.data("50% done\n::error::x")).isEqualTo("50%25 done%0A::error::x");
        assertThat(GithubReporter.property("a:b,c")).isEqualTo("a%3Ab%2Cc");
    }
}
