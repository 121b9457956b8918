package dev.continuity.engine.report;

import dev.continuity.engine.eval.Finding;
import dev.continuity.engine.eval.RuleInfo;
import dev.continuity.engine.eval.Status;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.*;

/**
 * JUnit XML (the Surefire dialect that Jenkins and GitLab read): a test suite per rule family, a
 * test case per rule and subject; an open finding is a failure, a waived or baseline one is skipped.
 * A rule without findings is one passing test case, so a clean inventory shows what was checked.
 */
public final class JunitReporter implements Reporter {


    @Override
    public void write(ReportContext ctx, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            Map<String, List<Finding>> byRule = new TreeMap<>();
            for (Finding f : ctx.result().findings()) byRule.computeIfAbsent(f.rule().id(), k -> new ArrayList<>()).add(f);
            SortedMap<String, SortedMap<String, RuleInfo>> families = new TreeMap<>();
            for (RuleInfo r : ctx.rules()) families.computeIfAbsent(r.family(), k -> new TreeMap<>()).put(r.id(), r);
            // rules that did not run are skipped test cases, so that no CI view hides them
            Map<String, List<dev.continuity.engine.eval.Run.Skipped>> notRun = new TreeMap<>();
            for (var sk : ctx.result().run().skipped()) {
                String fam = sk.rule().contains("-") ? sk.rule().substring(0, sk.rule().indexOf('-')) : sk.rule();
                notRun.computeIfAbsent(fam, k -> new ArrayList<>()).add(sk);
                families.computeIfAbsent(fam, k -> new TreeMap<>());
            }
            for (Finding f : ctx.result().findings()) families.computeIfAbsent(f.rule().family(), k -> new TreeMap<>()).put(f.rule().id(), f.rule());
            List<RuleInfo> all = families.values().stream().flatMap(f -> f.values().stream()).toList();
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "continuity");
            writeCounts(w, all, byRule, ctx.result().run().skipped().size());
            w.writeCharacters("\n");
            for (var fam : families.entrySet()) {
                writeSuite(w, ctx, fam.getKey(), fam.getValue().values(), byRule, notRun.getOrDefault(fam.getKey(), List.of()));
            }
            for (var e : ctx.coverageByFramework().entrySet()) writeCoverage(w, e.getKey(), e.getValue());
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /**
     * Text that is always well-formed XML 1.0: a character XML cannot hold (a C0 control other than
     * tab, newline and carriage return; an unpaired surrogate; U+FFFE, U+FFFF) is written escaped, as {@code \x01}.
     */
    static String xml(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (ok && !(cp >= 0x7f && cp <= 0x9f)) out.appendCodePoint(cp);
            else out.append(dev.continuity.engine.text.Text.escape(new String(Character.toChars(cp))));
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** --framework coverage: a test case per requirement, failed when a rule mapped to it has an open finding, skipped when waived. */
    private static void writeCoverage(XMLStreamWriter w, dev.continuity.engine.eval.Framework fw,
                                      List<dev.continuity.engine.eval.Framework.Coverage> rows) throws XMLStreamException {
        w.writeCharacters("  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", xml("continuity.coverage." + fw.option()));
        w.writeAttribute("tests", String.valueOf(rows.size()));
        w.writeAttribute("failures", String.valueOf(rows.stream().filter(c -> c.state() == dev.continuity.engine.eval.Framework.Coverage.State.FAIL).count()));
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", String.valueOf(rows.stream().filter(c -> c.state() == dev.continuity.engine.eval.Framework.Coverage.State.WAIVED).count()));
        w.writeAttribute("time", "0");
        w.writeCharacters("\n");
        for (var c : rows) {
            w.writeCharacters("    ");
            w.writeStartElement("testcase");
            w.writeAttribute("classname", xml("continuity.coverage." + fw.option()));
            w.writeAttribute("name", xml(c.requirement() + " (" + String.join(", ", c.rules()) + ")"));
            w.writeAttribute("time", "0");
            if (c.state() == dev.continuity.engine.eval.Framework.Coverage.State.FAIL) {
                w.writeEmptyElement("failure");
                w.writeAttribute("message", xml("an open finding of " + String.join(", ", c.rules())));
            } else if (c.state() == dev.continuity.engine.eval.Framework.Coverage.State.WAIVED) {
                w.writeEmptyElement("skipped");
                w.writeAttribute("message", "waived or in the baseline");
            }
            w.writeEndElement();
            w.writeCharacters("\n");
        }
        w.writeCharacters("  ");
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    /** tests (a finding each, or one for a rule without findings), failures (open), skipped (waived, baseline). */
    private static void writeCounts(XMLStreamWriter w, Collection<RuleInfo> rules, Map<String, List<Finding>> byRule, int notRun)
            throws XMLStreamException {
        int tests = notRun, failures = 0, skipped = notRun;
        for (RuleInfo r : rules) {
            List<Finding> fs = byRule.getOrDefault(r.id(), List.of());
            tests += Math.max(1, fs.size());
            failures += (int) fs.stream().filter(Finding::isOpen).count();
            skipped += (int) fs.stream().filter(f -> !f.isOpen()).count();
        }
        w.writeAttribute("tests", xml(String.valueOf(tests)));
        w.writeAttribute("failures", xml(String.valueOf(failures)));
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", xml(String.valueOf(skipped)));
        w.writeAttribute("time", "0");
    }

    private static void writeSuite(XMLStreamWriter w, ReportContext ctx, String family, Collection<RuleInfo> rules,
                                   Map<String, List<Finding>> byRule, List<dev.continuity.engine.eval.Run.Skipped> notRun)
            throws XMLStreamException {
        w.writeCharacters("  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", xml("continuity." + family));
        writeCounts(w, rules, byRule, notRun.size());
        w.writeCharacters("\n    ");
        // what was checked (interfaces.md v2), in the place JUnit readers keep run properties
        w.writeStartElement("properties");
        List<String> checked = ctx.checked();
        for (int i = 0; i < checked.size(); i++) {
            w.writeCharacters("\n      ");
            w.writeEmptyElement("property");
            w.writeAttribute("name", xml("continuity.checked." + (i + 1)));
            w.writeAttribute("value", xml(checked.get(i)));
        }
        w.writeCharacters("\n    ");
        w.writeEndElement();
        w.writeCharacters("\n");
        for (var sk : notRun) {
            w.writeCharacters("    ");
            w.writeStartElement("testcase");
            w.writeAttribute("classname", xml("continuity." + sk.rule()));
            w.writeAttribute("name", xml(sk.rule() + ": not run"));
            w.writeAttribute("time", "0");
            w.writeEmptyElement("skipped");
            w.writeAttribute("message", xml("skipped by " + sk.by().label() + (sk.reason() == null ? "" : ": " + sk.reason())));
            w.writeEndElement();
            w.writeCharacters("\n");
        }
        for (RuleInfo r : rules) {
            List<Finding> fs = byRule.getOrDefault(r.id(), List.of());
            String classname = "continuity." + r.id();
            if (fs.isEmpty()) {
                w.writeCharacters("    ");
                w.writeEmptyElement("testcase");
                w.writeAttribute("classname", xml(classname));
                w.writeAttribute("name", xml(r.id() + " " + r.title() + ": no findings"));
                w.writeAttribute("time", "0");
                w.writeCharacters("\n");
                continue;
            }
            for (Finding f : fs) {
                w.writeCharacters("    ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", xml(classname));
                w.writeAttribute("name", xml(r.id() + " " + f.label()));
                if (f.location() != null) {
                    w.writeAttribute("file", xml(f.location().file()));
                    w.writeAttribute("line", xml(String.valueOf(f.location().line())));
                }
                w.writeAttribute("time", "0");
                if (f.isOpen()) {
                    w.writeStartElement("failure");
                    w.writeAttribute("type", xml(f.rule().severity().yaml()));
                    w.writeAttribute("message", xml(f.message()));
                    w.writeCharacters(xml(r.title() + " (" + f.rule().severity().yaml() + ")\n"
                            + (f.location() == null ? "" : "at " + f.where() + "\n")
                            + f.message() + "\nfix: " + r.remediation()
                            + (r.controls().isEmpty() ? "" : "\ncontrols: " + String.join("; ", r.controls()))));
                    w.writeEndElement();
                } else {
                    w.writeStartElement("skipped");
                    w.writeAttribute("message", xml(f.status() == Status.WAIVED
                            ? "waived until " + f.waiver().expires() + ": " + f.waiver().reason()
                            : "in the baseline"));
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeCharacters("\n");
            }
        }
        w.writeCharacters("  ");
        w.writeEndElement();
        w.writeCharacters("\n");
    }
}
