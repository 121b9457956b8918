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
    public String format() {
        return "junit";
    }

    @Override
    public String extension() {
        return "xml";
    }

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
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
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
        w.writeAttribute("tests", String.valueOf(tests));
        w.writeAttribute("failures", String.valueOf(failures));
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", String.valueOf(skipped));
        w.writeAttribute("time", "0");
    }

    private static void writeSuite(XMLStreamWriter w, ReportContext ctx, String family, Collection<RuleInfo> rules,
                                   Map<String, List<Finding>> byRule, List<dev.continuity.engine.eval.Run.Skipped> notRun)
            throws XMLStreamException {
        w.writeCharacters("  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", "continuity." + family);
        writeCounts(w, rules, byRule, notRun.size());
        w.writeCharacters("\n    ");
        // what was checked (interfaces.md v2), in the place JUnit readers keep run properties
        w.writeStartElement("properties");
        List<String> checked = ctx.checked();
        for (int i = 0; i < checked.size(); i++) {
            w.writeCharacters("\n      ");
            w.writeEmptyElement("property");
            w.writeAttribute("name", "continuity.checked." + (i + 1));
            w.writeAttribute("value", checked.get(i));
        }
        w.writeCharacters("\n    ");
        w.writeEndElement();
        w.writeCharacters("\n");
        for (var sk : notRun) {
            w.writeCharacters("    ");
            w.writeStartElement("testcase");
            w.writeAttribute("classname", "continuity." + sk.rule());
            w.writeAttribute("name", sk.rule() + ": not run");
            w.writeAttribute("time", "0");
            w.writeEmptyElement("skipped");
            w.writeAttribute("message", "skipped by " + sk.by().label() + (sk.reason() == null ? "" : ": " + sk.reason()));
            w.writeEndElement();
            w.writeCharacters("\n");
        }
        for (RuleInfo r : rules) {
            List<Finding> fs = byRule.getOrDefault(r.id(), List.of());
            String classname = "continuity." + r.id();
            if (fs.isEmpty()) {
                w.writeCharacters("    ");
                w.writeEmptyElement("testcase");
                w.writeAttribute("classname", classname);
                w.writeAttribute("name", r.id() + " " + r.title() + ": no findings");
                w.writeAttribute("time", "0");
                w.writeCharacters("\n");
                continue;
            }
            for (Finding f : fs) {
                w.writeCharacters("    ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", classname);
                w.writeAttribute("name", r.id() + " " + f.subject() + (f.detail().isEmpty() ? "" : " [" + f.detail() + "]"));
                if (f.location() != null) {
                    w.writeAttribute("file", f.location().file());
                    w.writeAttribute("line", String.valueOf(f.location().line()));
                }
                w.writeAttribute("time", "0");
                if (f.isOpen()) {
                    w.writeStartElement("failure");
                    w.writeAttribute("type", f.rule().severity().yaml());
                    w.writeAttribute("message", f.message());
                    w.writeCharacters(r.title() + " (" + f.rule().severity().yaml() + ")\n"
                            + (f.location() == null ? "" : "at " + f.location().file() + ":" + f.location().line() + "\n")
                            + f.message() + "\nfix: " + r.remediation()
                            + (r.controls().isEmpty() ? "" : "\ncontrols: " + String.join("; ", r.controls())));
                    w.writeEndElement();
                } else {
                    w.writeStartElement("skipped");
                    w.writeAttribute("message", f.status() == Status.WAIVED
                            ? "waived until " + f.waiver().expires() + ": " + f.waiver().reason()
                            : "in the baseline");
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
