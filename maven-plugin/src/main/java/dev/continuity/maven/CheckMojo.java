package dev.continuity.maven;

import dev.continuity.engine.text.Text;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Evaluates the project's continuity inventory and fails the build when an open finding is at or
 * above {@code failOn}. Findings go to the build log, one line each; reports go to
 * {@code outputDirectory}. The check runs in a JVM of its own ({@link Fork}); with {@code fork=false}
 * in Maven's, where the built-in rule pack is loaded once and shared by every module of a (parallel)
 * build. Both run {@link CheckRun} and log the same lines.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /**
     * Inventory files or directories (every *.yaml and *.yml below), and Terraform JSON files (terraform show -json,
     * imported in memory). Default: {@code ${project.basedir}/continuity};
     * left at the default, a module without that folder is skipped with one info line (a parent POM can
     * declare the plugin for all its modules); when set, a missing inventory fails the build.
     */
    @Parameter(property = "continuity.inventory")
    private List<File> inventory;

    /** Lowest severity of an open finding that fails the build: critical, high, medium, low or never. */
    @Parameter(property = "continuity.failOn", defaultValue = "low")
    private String failOn;

    /** Report formats written to outputDirectory: json, sarif, junit, html, markdown, text. */
    @Parameter(property = "continuity.formats", defaultValue = "json")
    private List<String> formats;

    /** Where reports are written, as continuity-report.&lt;ext&gt;. */
    @Parameter(property = "continuity.outputDirectory", defaultValue = "${project.build.directory}/continuity")
    private File outputDirectory;

    /** Evaluation date, YYYY-MM-DD; default today (UTC). */
    @Parameter(property = "continuity.asOf")
    private String asOf;

    /** Your own DRL rule files or directories (every *.drl below), joining the built-in rules. */
    @Parameter(property = "continuity.rules")
    private List<File> rules;

    /** Ids of rules not to run. */
    @Parameter(property = "continuity.skipRules")
    private List<String> skipRules;

    /** A baseline file: findings whose fingerprint it holds are reported as baseline, never failing. */
    @Parameter(property = "continuity.baseline")
    private File baseline;

    /** How often one custom rule may fire before the check fails (a rule that never stops). */
    @Parameter(property = "continuity.ruleFireLimit", defaultValue = "1000000")
    private long ruleFireLimit;

    /** Seconds one firing of a custom rule (or the engine between two firings) may take before the check fails. */
    @Parameter(property = "continuity.ruleTimeLimit", defaultValue = "60")
    private long ruleTimeLimit;

    /** Only the rules mapped to these frameworks run, and reports carry their coverage: dora, nis2, soc2, uk, iso22301, nist-800-53, csf, ffiec. */
    @Parameter(property = "continuity.frameworks")
    private List<String> frameworks;

    /** Write this check's open findings as a baseline to this file (the CLI's --write-baseline). */
    @Parameter(property = "continuity.writeBaseline")
    private File writeBaseline;

    /** Markdown links each finding to LINKBASE/FILE#LLINE, e.g. https://github.com/ORG/REPO/blob/SHA. */
    @Parameter(property = "continuity.linkBase")
    private String linkBase;

    /**
     * The analysis cache: each inventory file's parsed documents, read again only when the file
     * changes, and the findings of each part of the inventory no reference joins to another,
     * evaluated again only when one of its files changes.
     */
    @Parameter(property = "continuity.cache", defaultValue = "${project.build.directory}/continuity.cache")
    private File cache;

    /** Use the analysis cache (false: read every file on every build). */
    @Parameter(property = "continuity.useCache", defaultValue = "true")
    private boolean useCache;

    /**
     * Where the check runs: true, in a JVM of its own, started with the command line's flags for a
     * small check and a class-data-sharing archive kept in the local repository's .cache/continuity
     * (about half the time a check adds in Maven's JVM); false, in Maven's JVM, where the modules of
     * one build share the rule base; auto (default), in a JVM of its own unless more than one
     * project of the reactor has an inventory to check.
     */
    @Parameter(property = "continuity.fork", defaultValue = "auto")
    private String fork;

    /** The forked JVM's options, replacing the defaults: the command line's flags for an inventory of that size (JvmFlags), e.g. -XX:TieredStopAtLevel=1 -XX:+UseParallelGC for a small one. */
    @Parameter(property = "continuity.jvmArgs")
    private List<String> jvmArgs;

    /** Keep and use a class-data-sharing archive for the forked JVM (made by the second build on a machine, used from the third). */
    @Parameter(property = "continuity.classDataSharing", defaultValue = "true")
    private boolean classDataSharing;

    @Parameter(defaultValue = "${session}", readonly = true)
    private org.apache.maven.execution.MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private org.apache.maven.plugin.descriptor.PluginDescriptor plugin;

    @Parameter(defaultValue = "${settings.localRepository}", readonly = true)
    private File localRepository;

    /** Skip the check. */
    @Parameter(property = "continuity.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** The top of the reactor: paths in the log and the reports are relative to the source tree it lies in. */
    @Parameter(defaultValue = "${session.topLevelProject.basedir}", readonly = true)
    private File topLevelBasedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("Skipping the continuity check (continuity.skip)");
            return;
        }
        // left at its default (continuity/ in the module), a module without an inventory is skipped with one info line,
        // so that the plugin can be declared once in a parent POM; an inventory that is configured must exist
        boolean defaulted = inventory == null || inventory.isEmpty();
        List<Path> paths = defaulted ? List.of(basedir.toPath().resolve("continuity"))
                : inventory.stream().map(File::toPath).toList();
        if (defaulted && !java.nio.file.Files.exists(paths.get(0))) {
            log.info("No continuity/ inventory in this module: nothing to check (set <inventory> to check one elsewhere)");
            return;
        }
        for (Path p : paths) {
            if (!p.toFile().exists()) {
                throw new MojoFailureException("continuity: no inventory at " + p + ". Put the inventory's YAML files there, "
                        + "point <inventory> at them, or skip the check with -Dcontinuity.skip=true.");
            }
        }
        CheckRequest request = new CheckRequest(paths.stream().map(Path::toString).toList(), failOn, list(formats),
                outputDirectory.toString(), asOf, files(rules), list(skipRules), string(baseline), ruleFireLimit, ruleTimeLimit,
                list(frameworks), string(writeBaseline), linkBase, useCache && cache != null ? cache.toString() : null,
                sourceRoot().toString(), log.isDebugEnabled());
        List<String> classPath = forks() ? Fork.classPath(plugin) : null;
        if (classPath != null) {
            Path archives = classDataSharing && localRepository != null ? localRepository.toPath().resolve(".cache").resolve("continuity") : null;
            new Fork(log, list(jvmArgs), archives).run(request, classPath);
            return;
        }
        try {
            CheckRun.run(request, (kind, text) -> Fork.log(log, kind, text));
        } catch (CheckRun.Failure f) {
            throw new MojoFailureException(f.getMessage());
        }
    }

    private boolean forks() throws MojoFailureException {
        Boolean mode = forkMode(fork);
        return mode != null ? mode : session == null || Fork.checkedProjects(session.getProjects(), plugin) <= 1;
    }

    /** The fork parameter: true, false, or null for auto (also when not set); anything else fails the build. */
    static Boolean forkMode(String fork) throws MojoFailureException {
        return switch (fork == null ? "auto" : fork.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> null;
            default -> throw new MojoFailureException("continuity: fork must be auto, true or false, not " + Text.quote(fork));
        };
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static List<String> files(List<File> files) {
        return files == null ? List.of() : files.stream().map(File::toString).toList();
    }

    private static String string(File f) {
        return f == null ? null : f.toString();
    }

    /**
     * The top of the source tree (interfaces.md v2): the git work tree that holds the reactor's root
     * project, else that project's directory. Paths relative to it are what GitHub links in SARIF.
     */
    Path sourceRoot() {
        Path top = (topLevelBasedir != null ? topLevelBasedir : basedir).toPath().toAbsolutePath().normalize();
        for (Path p = top; p != null; p = p.getParent()) {
            if (java.nio.file.Files.exists(p.resolve(".git"))) return p;
        }
        return top;
    }
}
