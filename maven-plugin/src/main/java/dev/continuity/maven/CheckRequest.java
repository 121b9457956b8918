package dev.continuity.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code continuity:check} was asked to do, as the Mojo's parameters give it: the one
 * description both ways of running a check read ({@link CheckRun} in Maven's JVM or in the forked
 * JVM of {@link ForkedCheck}). It crosses to the forked JVM as command-line arguments, a name and a
 * value each ({@link #toArgs()}, {@link #fromArgs(String[])}), so nothing about it is lost or re-read.
 */
record CheckRequest(List<String> inventory, String failOn, List<String> formats, String outputDirectory,
                    String asOf, List<String> rules, List<String> skipRules, String baseline, long ruleFireLimit, long ruleTimeLimit,
                    List<String> frameworks, String writeBaseline, String linkBase, String cache, String workDir, boolean debug) {

    CheckRequest {
        inventory = List.copyOf(inventory);
        formats = List.copyOf(formats);
        rules = List.copyOf(rules);
        skipRules = List.copyOf(skipRules);
        frameworks = List.copyOf(frameworks);
    }

    /** The request as {@code --name value} pairs; a list is its name repeated, an absent value no pair. */
    List<String> toArgs() {
        List<String> out = new ArrayList<>();
        inventory.forEach(v -> add(out, "inventory", v));
        add(out, "failOn", failOn);
        formats.forEach(v -> add(out, "format", v));
        add(out, "outputDirectory", outputDirectory);
        add(out, "asOf", asOf);
        rules.forEach(v -> add(out, "rules", v));
        skipRules.forEach(v -> add(out, "skipRule", v));
        add(out, "baseline", baseline);
        add(out, "ruleFireLimit", Long.toString(ruleFireLimit));
        add(out, "ruleTimeLimit", Long.toString(ruleTimeLimit));
        frameworks.forEach(v -> add(out, "framework", v));
        add(out, "writeBaseline", writeBaseline);
        add(out, "linkBase", linkBase);
        add(out, "cache", cache);
        add(out, "workDir", workDir);
        if (debug) add(out, "debug", "true");
        return out;
    }

    private static void add(List<String> out, String name, String value) {
        if (value == null) return;
        out.add("--" + name);
        out.add(value);
    }

    /** The request {@link #toArgs()} wrote. */
    static CheckRequest fromArgs(String[] args) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("not a request argument: " + args[i]);
            v.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
        }
        if (args.length % 2 != 0) throw new IllegalArgumentException("a request argument without its value: " + args[args.length - 1]);
        return new CheckRequest(all(v, "inventory"), one(v, "failOn"), all(v, "format"),
                one(v, "outputDirectory"), one(v, "asOf"), all(v, "rules"), all(v, "skipRule"), one(v, "baseline"),
                Long.parseLong(one(v, "ruleFireLimit")), Long.parseLong(one(v, "ruleTimeLimit")), all(v, "framework"),
                one(v, "writeBaseline"), one(v, "linkBase"), one(v, "cache"), one(v, "workDir"), one(v, "debug") != null);
    }

    private static List<String> all(Map<String, List<String>> v, String name) {
        return v.getOrDefault(name, List.of());
    }

    private static String one(Map<String, List<String>> v, String name) {
        List<String> values = v.get(name);
        return values == null ? null : values.get(0);
    }
}
