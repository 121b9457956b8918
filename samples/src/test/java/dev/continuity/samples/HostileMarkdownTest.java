package dev.continuity.samples;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.Result;
import dev.continuity.engine.load.InventoryLoader;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Markdown report, rendered as GitHub renders a pull-request comment (GFM tables and autolinks). */
class HostileMarkdownTest {
    static final LocalDate AS_OF = LocalDate.parse("2026-06-01");

    @TempDir
    Path tmp;

    @Test
    void markdownLetsNoImageLinkOrMentionThrough() throws Exception {
        Path inv = tmp.resolve("inv.yaml");
        String evil = "![i](https://evil.example/i.png) [click](https://evil.example) @octocat https://evil.example"
                + " www.evil.example <img src=x> **bold** `tick` | pipe";
        Files.writeString(inv, "kind: Policy\nid: p\nrequiredScenarios: [\"" + evil + "\"]\n");
        Result r = new Evaluator().evaluate(new InventoryLoader(tmp).load(List.of(inv)), Evaluator.Options.asOf(AS_OF));
        assertThat(r.findings()).anyMatch(f -> f.rule().id().equals("EX-003"));
        String md = new String(ReportsTest.render("markdown", r), StandardCharsets.UTF_8);
        var parser = Parser.builder().extensions(List.of(TablesExtension.create(), AutolinkExtension.create())).build();
        String html = HtmlRenderer.builder().extensions(List.of(TablesExtension.create(), AutolinkExtension.create())).build()
                .render(parser.parse(md));
        assertThat(html).doesNotContain("<img", "<a ", "<em>");
        assertThat(html.split("<strong>", -1)).as("only the report's own bold summary").hasSize(2);
        // every @mention stays inside a code span, where GitHub does not notify anyone
        assertThat(html.replaceAll("<code>[^<]*</code>", "")).doesNotContain("@octocat");
        assertThat(html).contains("<code>");
        // the table still has its five columns: the pipe did not split the cell
        assertThat(html).containsPattern("<tr>\\s*(<td>.*?</td>\\s*){6}</tr>");
    }

}
