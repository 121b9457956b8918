package dev.continuity.engine.eval;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * A set of rules ready to run: the built-in pack, precompiled at build time into the Drools
 * executable model and loaded without compiling any DRL, and its catalog of rule metadata.
 */
public final class RulePack {
    /** Written by the kie-maven-plugin into the continuity-rules jar: the classes of the executable model. */
    static final String MODEL_LISTING = "META-INF/kie/dev.continuity/continuity-rules/drools-model";

    private final KieBase kieBase;
    private final SortedMap<String, RuleInfo> byId;
    private final Map<String, String> idByRuleName;

    RulePack(KieBase kieBase) {
        this.kieBase = kieBase;
        SortedMap<String, RuleInfo> ids = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                RuleInfo info = RuleInfo.of(r.getName(), r.getMetaData());
                if (ids.put(info.id(), info) != null) {
                    throw new IllegalStateException("two rules have the id " + info.id());
                }
                names.put(p.getName() + "." + r.getName(), info.id());
            }
        }
        this.byId = Collections.unmodifiableSortedMap(ids);
        this.idByRuleName = names;
    }

    /** The built-in rules, loaded once per JVM (thread-safe). */
    public static RulePack builtIn() {
        return BuiltIn.PACK;
    }

    private static final class BuiltIn {
        static final RulePack PACK = new RulePack(loadPrecompiled());
    }

    private static KieBase loadPrecompiled() {
        ClassLoader cl = RulePack.class.getClassLoader();
        List<Model> models = new ArrayList<>();
        try {
            Enumeration<URL> listings = cl.getResources(MODEL_LISTING);
            while (listings.hasMoreElements()) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(listings.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        line = line.strip();
                        if (line.isEmpty() || line.startsWith("Drools-Model-Version")) continue;
                        models.add((Model) Class.forName(line, true, cl).getDeclaredConstructor().newInstance());
                    }
                }
            }
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the precompiled rule pack", e);
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("the built-in rule pack (continuity-rules) is not on the classpath");
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** Every rule, by id. */
    public List<RuleInfo> rules() {
        return List.copyOf(byId.values());
    }

    public Optional<RuleInfo> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    String idOf(Rule rule) {
        return idByRuleName.get(rule.getPackageName() + "." + rule.getName());
    }
}
