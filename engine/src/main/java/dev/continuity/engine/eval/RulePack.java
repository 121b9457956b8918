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
import java.util.function.Function;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.InputException;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

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
    /** Custom rules (pkg.name) and where each is declared; empty for the built-in pack. */
    private final Map<String, dev.continuity.engine.model.Location> custom;
    private final List<Run.CustomRuleFile> customFiles;
    private final Map<String, String> customNames;
    /** Ids of the rules whose findings may depend on resources of several components ({@code @scope("inventory")}). */
    private final Set<String> inventoryWide;

    RulePack(KieBase kieBase) {
        this(kieBase, Map.of(), Map.of(), List.of());
    }

    private RulePack(KieBase kieBase, Map<String, dev.continuity.engine.model.Location> custom, Map<String, String> customNames,
                     List<Run.CustomRuleFile> customFiles) {
        this.custom = Map.copyOf(custom);
        this.customNames = Map.copyOf(customNames);
        this.customFiles = List.copyOf(customFiles);
        this.kieBase = kieBase;
        SortedMap<String, RuleInfo> ids = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        Set<String> wide = new HashSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                RuleInfo info = RuleInfo.of(r.getName(), r.getMetaData());
                if ("inventory".equals(r.getMetaData().get("scope"))) wide.add(info.id());
                if (ids.put(info.id(), info) != null) {
                    throw new IllegalStateException("two rules have the id " + info.id());
                }
                names.put(p.getName() + "." + r.getName(), info.id());
            }
        }
        this.byId = Collections.unmodifiableSortedMap(ids);
        this.idByRuleName = names;
        this.inventoryWide = Set.copyOf(wide);
    }

    /**
     * True for a rule declared {@code @scope("inventory")}: its findings may depend on resources
     * that no reference joins (EX-003's exercises of a scenario, the waiver rules' findings), so a
     * cached check runs it over the whole inventory every time (graph/Components).
     */
    public boolean inventoryWide(String id) {
        return inventoryWide.contains(id);
    }

    /**
     * No rules at all: a session of it receives the same facts and fires, so that the cost of the
     * rules can be told from the cost of Drools itself (the bench's floor, docs/performance.md).
     */
    public static RulePack none() {
        return new RulePack(KieBaseBuilder.createKieBaseFromModel(List.of()));
    }

    /**
     * Starts loading the built-in rules on another thread, so that they are ready when the inventory
     * is (the command line and the Maven plugin call this first; the holder's class initialisation
     * makes a caller that gets there first wait for it). A failure is left for the caller to meet.
     */
    public static void warmUpInBackground() {
        warmUpInBackground(() -> { });
    }

    /** The same, after {@code first}, on the same thread; what either throws is left for the caller to meet. */
    public static void warmUpInBackground(Runnable first) {
        Thread t = new Thread(() -> {
            try {
                first.run();
                builtIn();
            } catch (RuntimeException | Error e) {
                // the main thread meets the same problem and reports it; if it meets a class this
                // failure left uninitialised instead, the command line names this, the first cause
                warmUpFailure = e;
            }
        }, "continuity-warm-up");
        t.setDaemon(true);
        warmUp = t;
        t.start();
    }

    private static volatile Thread warmUp;
    private static volatile Throwable warmUpFailure;

    /**
     * What the warm-up thread failed with, or null: a class whose initialisation failed there
     * (out of memory, a jar replaced while the JVM reads it) only tells a later caller "Could not
     * initialize class", without the cause. Waits up to a second for the thread to end: the caller
     * can meet the uninitialised class before the thread has caught its failure.
     */
    public static Throwable warmUpFailure() {
        Thread t = warmUp;
        if (t != null) {
            try {
                t.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return warmUpFailure;
    }

    /** The built-in rules, loaded once per JVM (thread-safe). */
    public static RulePack builtIn() {
        return BuiltIn.PACK;
    }

    private static final class BuiltIn {
        private static final List<Model> MODELS = precompiledModels();
        static final RulePack PACK = new RulePack(KieBaseBuilder.createKieBaseFromModel(MODELS));
        /** Where the precompiled rules were loaded from, with the size and time of each jar or class file. */
        static final String IDENTITY = identity(MODELS);
    }

    private static String identity(List<Model> models) {
        SortedSet<String> sources = new TreeSet<>();
        for (Model m : models) sources.add(dev.continuity.engine.Version.buildOf(m.getClass()));
        return String.join("\n", sources);
    }

    /**
     * What identifies these rules for the analysis cache's findings: for the built-in pack, the jars
     * (or class files) its rules were loaded from, with their size and time (the Maven plugin may be
     * given another continuity-rules than its engine); null for a pack with custom rules, whose
     * findings are never cached.
     */
    public String identity() {
        if (hasCustomRules()) return null;
        return this == BuiltIn.PACK ? BuiltIn.IDENTITY : "rules " + byId.keySet();
    }

    private static List<Model> precompiledModels() {
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
        return models;
    }

    /**
     * The built-in rules plus a user's own DRL files, compiled now (the only DRL ever compiled at
     * run time) into a fresh copy of the precompiled rule base. Problems in the files, missing
     * metadata and ids that are already taken are input errors, located in the DRL file.
     */
    public static RulePack withCustomRules(List<Path> drlFiles, Function<Path, String> display) throws InputException {
        if (drlFiles.isEmpty()) return builtIn();
        List<InputError> errors = new ArrayList<>();
        InternalKnowledgeBase kbase = KieBaseBuilder.createKieBaseFromModel(precompiledModels());
        Set<String> before = new HashSet<>(builtIn().byId.keySet());
        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder(kbase);
        Map<String, Path> sources = new HashMap<>();
        for (Path f : drlFiles) {
            if (!Files.isRegularFile(f)) {
                errors.add(new InputError(display.apply(f), 0, 0, "no such rule file"));
                continue;
            }
            Resource r = ResourceFactory.newFileResource(f.toFile());
            sources.put(r.getSourcePath(), f);
            kb.add(r, ResourceType.DRL);
        }
        for (KnowledgeBuilderError e : kb.getErrors()) {
            // the parser's own follow-up to a syntax error says nothing new
            if (e.getMessage().contains("Parser returned a null Package") && kb.getErrors().size() > 1) continue;
            Path f = e.getResource() == null ? null : sources.get(e.getResource().getSourcePath());
            int line = e.getLines() != null && e.getLines().length > 0 ? Math.max(0, e.getLines()[0]) : 0;
            errors.add(new InputError(f == null ? "<rules>" : display.apply(f), line, line > 0 ? 1 : 0,
                    "rule file: " + e.getMessage().strip().replaceAll("\\s+", " ")));
        }
        if (!errors.isEmpty()) throw new InputException(errors);
        Set<String> added = new HashSet<>();
        Map<String, dev.continuity.engine.model.Location> located = new HashMap<>();
        Map<Path, List<String>> idsByFile = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (KiePackage p : kb.getKnowledgePackages()) {
            for (Rule rule : p.getRules()) {
                Path file = rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null
                        ? sources.get(impl.getResource().getSourcePath()) : null;
                String where = file == null ? "<rules>" : display.apply(file);
                int line = file == null ? 0 : lineOf(file, rule.getName());
                try {
                    RuleInfo info = RuleInfo.of(rule.getName(), rule.getMetaData());
                    if (before.contains(info.id()) || !added.add(info.id())) {
                        errors.add(new InputError(where, line, line > 0 ? 1 : 0, "rule '" + rule.getName() + "' reuses the id " + info.id()));
                    }
                    located.put(key(rule), new dev.continuity.engine.model.Location(where, line, line > 0 ? 1 : 0));
                    names.put(key(rule), rule.getName());
                    if (file != null) idsByFile.computeIfAbsent(file, k -> new ArrayList<>()).add(info.id());
                } catch (IllegalStateException e) {
                    errors.add(new InputError(where, line, line > 0 ? 1 : 0, e.getMessage()
                            + "; custom rules need @id @severity @title @controls @condition @rationale @remediation"));
                }
            }
        }
        if (!errors.isEmpty()) throw new InputException(errors);
        kbase.addPackages(kb.getKnowledgePackages());
        List<Run.CustomRuleFile> files = new ArrayList<>();
        for (Path f : drlFiles) {
            try {
                List<String> ids = new ArrayList<>(new TreeSet<>(idsByFile.getOrDefault(f, List.of())));
                files.add(new Run.CustomRuleFile(display.apply(f), dev.continuity.engine.load.InventoryLoader.sha256(f), ids));
            } catch (IOException e) {
                throw new InputException(List.of(new InputError(display.apply(f), 0, 0, "cannot read rule file: " + e.getMessage())));
            }
        }
        return new RulePack(kbase, located, names, files);
    }

    /** A rule's key: package and name. */
    static String key(Rule r) {
        return r.getPackageName() + "." + r.getName();
    }

    boolean hasCustomRules() {
        return !custom.isEmpty();
    }

    boolean isCustom(String key) {
        return custom.containsKey(key);
    }

    dev.continuity.engine.model.Location customLocation(String key) {
        return custom.get(key);
    }

    String nameOf(String key) {
        return customNames.get(key);
    }

    String idOfKey(String key) {
        return idByRuleName.get(key);
    }

    /** The custom rule whose name a message (an engine exception) mentions, or null. */
    String customRuleNamedIn(String text) {
        for (String key : new TreeSet<>(custom.keySet())) {
            String name = customNames.get(key);
            if (text.contains("\"" + name + "\"") || text.contains("[Rule \"" + name) || text.contains("rule '" + name + "'")) return key;
        }
        return null;
    }

    /** The user's rule files, with their SHA-256 and the ids of their rules. */
    public List<Run.CustomRuleFile> customFiles() {
        return customFiles;
    }

    private static int lineOf(Path file, String ruleName) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("\\s*rule\\s+\"" + java.util.regex.Pattern.quote(ruleName) + "\".*")) return i + 1;
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** The compiled rule base (the evaluator makes its sessions from it; bench/ measures it). */
    public KieBase kieBase() {
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
        return idByRuleName.get(key(rule));
    }

    /** The metadata of a rule of this pack. */
    RuleInfo info(Rule rule) {
        return byId.get(idOf(rule));
    }
}
