package dev.continuity.rules;

import dev.continuity.engine.eval.RulePack;
import dev.continuity.engine.report.RuleCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/rules.md is generated from rule metadata. Regenerate it with
 * {@code mvn -pl rules test -Dtest=RuleDocsTest -Dcontinuity.writeDocs=true} (or {@code ./continuity rules --format markdown}).
 */
class RuleDocsTest {
    @Test
    void docsRulesMdIsCurrent() throws IOException {
        Path docs = Path.of("../docs/rules.md");
        String generated = RuleCatalog.markdown(RulePack.builtIn().rules());
        if (Boolean.getBoolean("continuity.writeDocs")) {
            Files.createDirectories(docs.getParent());
            Files.writeString(docs, generated);
        }
        assertThat(docs).as("docs/rules.md exists; run with -Dcontinuity.writeDocs=true").exists();
        assertThat(Files.readString(docs)).as("docs/rules.md is out of date; run with -Dcontinuity.writeDocs=true").isEqualTo(generated);
    }
}
