package dev.continuity.maven;

import dev.continuity.engine.text.Text;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs {@code continuity:check} in a JVM of its own ({@link ForkedCheck}), started with the command
 * line's flags for a small check (C1 only, one compiler thread on two cores, the parallel collector)
 * and, from the second build on, a class-data-sharing archive of the classes a check loads. In
 * Maven's own JVM the same check cost about twice the wall time and three times the CPU: its
 * classes were loaded and verified one by one and compiled by Maven's C2 (docs/performance.md,
 * "The plugin in a JVM of its own").
 * <p>
 * The archive is kept per JDK and plugin class path in {@code <local repository>/.cache/continuity}:
 * the first build that finds none leaves a mark, the second makes the archive as its JVM exits
 * (about a second more, once), later builds use it. A build on a fresh machine so pays nothing for
 * an archive it would not reuse.
 */
final class Fork {
    private final Log log;
    private final List<String> jvmArgs;
    private final Path archiveDir;

    /**
     * @param jvmArgs    the forked JVM's options, or empty for the defaults
     * @param archiveDir where class-data-sharing archives are kept, or null for none
     */
    Fork(Log log, List<String> jvmArgs, Path archiveDir) {
        this.log = log;
        this.jvmArgs = jvmArgs;
        this.archiveDir = archiveDir;
    }

    /**
     * The forked JVM's class path: the plugin's jar and every jar of its runtime dependencies,
     * including those Maven keeps out of the plugin's class realm (SLF4J); null when Maven does not
     * give them as files.
     */
    static List<String> classPath(org.apache.maven.plugin.descriptor.PluginDescriptor plugin) {
        if (plugin == null || plugin.getPluginArtifact() == null || plugin.getPluginArtifact().getFile() == null) return null;
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        out.add(plugin.getPluginArtifact().getFile().getAbsolutePath());
        for (org.apache.maven.artifact.Artifact a : plugin.getArtifacts()) {
            if (a.getFile() == null) return null;
            if (a.getArtifactHandler() != null && !a.getArtifactHandler().isAddedToClasspath()) continue;
            if (!a.getFile().getName().endsWith(".jar")) continue;
            out.add(a.getFile().getAbsolutePath());
        }
        return List.copyOf(out);
    }

    /** A line of the check (a {@link Records} kind) in Maven's log, at its level. */
    static void log(Log log, String kind, String text) {
        switch (kind) {
            case Records.ERROR -> log.error(text);
            case Records.WARN -> log.warn(text);
            case Records.DEBUG -> log.debug(text);
            default -> log.info(text);
        }
    }

    /**
     * How many projects of the reactor will check an inventory: those that declare this plugin and
     * either configure an inventory or have the default folder continuity/.
     */
    static int checkedProjects(List<org.apache.maven.project.MavenProject> projects, org.apache.maven.plugin.descriptor.PluginDescriptor self) {
        if (self == null) return 0;
        int n = 0;
        for (org.apache.maven.project.MavenProject p : projects) {
            for (org.apache.maven.model.Plugin plugin : p.getBuildPlugins()) {
                if (!plugin.getGroupId().equals(self.getGroupId()) || !plugin.getArtifactId().equals(self.getArtifactId())) continue;
                boolean configured = configures(plugin.getConfiguration())
                        || plugin.getExecutions().stream().anyMatch(e -> configures(e.getConfiguration()));
                if (configured || (p.getBasedir() != null && new File(p.getBasedir(), "continuity").isDirectory())) n++;
                break;
            }
        }
        return n;
    }

    private static boolean configures(Object configuration) {
        return configuration instanceof org.codehaus.plexus.util.xml.Xpp3Dom dom && dom.getChild("inventory") != null;
    }

    void run(CheckRequest request, List<String> classPath) throws MojoExecutionException, MojoFailureException {
        List<String> command = new ArrayList<>();
        boolean windows = File.separatorChar == '\\';
        command.add(Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString());
        List<String> options = new ArrayList<>();
        if (jvmArgs.isEmpty()) {
            options.add("-XX:+IgnoreUnrecognizedVMOptions"); // a JVM other than HotSpot runs without the flags it lacks
            // the launcher's flags for an inventory of this size, with or without the analysis cache
            options.addAll(JvmFlags.forInventory(request.inventory().stream().map(Path::of).toList(), request.cache() != null));
        } else {
            options.addAll(jvmArgs);
        }
        command.addAll(options);
        Archive archive = archiveDir == null ? null : Archive.of(archiveDir, options, classPath);
        if (archive != null) command.addAll(archive.options(log));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(ForkedCheck.class.getName());
        command.addAll(request.toArgs());
        if (log.isDebugEnabled()) log.debug("continuity: forking " + Text.escape(String.join(" ", command)));

        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new MojoExecutionException("continuity: cannot start " + command.get(0) + " for the check: " + e.getMessage()
                    + " (run it in Maven's JVM with -Dcontinuity.fork=false)", e);
        }
        // Maven stopped (a cancelled CI job): the check stops with it
        Thread stop = new Thread(process::destroyForcibly, "continuity-fork-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            relay(process, command, archive, started);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // Maven is stopping: the hook runs
            }
        }
    }

    private void relay(Process process, List<String> command, Archive archive, long started) throws MojoExecutionException, MojoFailureException {
        byte[] word = new byte[16];
        new SecureRandom().nextBytes(word);
        String nonce = HexFormat.of().formatHex(word);
        List<String> errors = new ArrayList<>();
        Thread stderr = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (errors) {
                        errors.add(line);
                    }
                }
            } catch (IOException e) {
                // the process is gone; its exit code tells
            }
        }, "continuity-fork-stderr");
        stderr.setDaemon(true);
        stderr.start();
        Records.Record last = null;
        try {
            try (Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                in.write(nonce + "\n");
            } catch (IOException e) {
                // it ended before it read: its exit code and standard error tell why
            }
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Records.Record r = Records.decode(line);
                    if (r == null) {
                        log.info(Text.escape(line)); // not a record: whatever else the JVM printed there (-Xlog, say)
                        continue;
                    }
                    // a check's lines are escaped already (unchanged by escaping again); a record written by
                    // anything else in that JVM, such as a custom rule, cannot forge a line of the log
                    String text = Text.escape(r.text());
                    if (r.kind().equals(Records.PASS) || r.kind().equals(Records.FAIL)) last = new Records.Record(r.kind(), text);
                    else log(log, r.kind(), text);
                }
            }
            int exit = process.waitFor();
            stderr.join(10_000);
            List<String> said;
            synchronized (errors) {
                said = List.copyOf(errors);
            }
            // what the forked JVM said on standard error, escaped: as errors when it did not end as a check ends
            // (with its verdict: a JVM that could not start, such as one given an unknown option, exits 1 without one)
            boolean normal = last != null && (exit == 0 || exit == 1);
            for (String line : said) {
                if (normal) log.warn(Text.escape(line));
                else log.error(Text.escape(line));
            }
            if (archive != null) archive.after(log, normal);
            if (log.isDebugEnabled()) {
                log.debug("continuity: the forked check took " + (System.nanoTime() - started) / 1_000_000 + " ms, exit code " + exit);
            }
            if (exit == 1 && last != null && last.kind().equals(Records.FAIL)) throw new MojoFailureException(last.text());
            if (exit == 0 && last != null && last.kind().equals(Records.PASS) && last.text().equals(nonce)) return;
            if (exit == 2) {
                throw new MojoFailureException("continuity: the check stopped on an input error, listed above; nothing was checked.");
            }
            throw new MojoExecutionException("continuity: the check's JVM ended with exit code " + exit
                    + (exit == 0 ? " but without the check's verdict" : "") + "; what it printed is above"
                    + " (run it in Maven's JVM with -Dcontinuity.fork=false to compare)");
        } catch (IOException e) {
            process.destroyForcibly();
            throw new MojoExecutionException("continuity: lost the forked check: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("continuity: interrupted while the forked check ran", e);
        }
    }

    /**
     * A class-data-sharing archive for one JDK, one set of JVM options and one plugin class path
     * (its jars' paths, sizes and times): named by their SHA-256, so that a change makes another.
     */
    static final class Archive {
        private final Path jsa;
        private final Path seen;
        private Path making;

        private Archive(Path jsa, Path seen) {
            this.jsa = jsa;
            this.seen = seen;
        }

        /** The archive's file (named by what it depends on). */
        Path file() {
            return jsa;
        }

        private static final java.util.regex.Pattern HEAP_SIZE = java.util.regex.Pattern.compile("-Xm[snx]\\d+[kKmMgG]?");

        static Archive of(Path dir, List<String> options, List<String> classPath) {
            try {
                // not InventoryLoader.sha256: its class initialisation binds every kind's shape, engine work kept out of Maven's JVM
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                List<String> identity = new ArrayList<>();
                identity.add(System.getProperty("java.home"));
                identity.add(System.getProperty("java.vm.name"));
                identity.add(System.getProperty("java.vm.version"));
                // the heap's sizes follow the inventory's size and do not change what the archive holds:
                // an inventory that grows keeps its archive
                for (String o : options) if (!HEAP_SIZE.matcher(o).matches()) identity.add(o);
                for (String entry : classPath) {
                    File f = new File(entry);
                    identity.add(entry + " " + f.length() + " " + f.lastModified());
                }
                for (String s : identity) md.update((s + "\n").getBytes(StandardCharsets.UTF_8));
                String name = "check-" + HexFormat.of().formatHex(md.digest()).substring(0, 24);
                return new Archive(dir.resolve(name + ".jsa"), dir.resolve(name + ".seen"));
            } catch (NoSuchAlgorithmException e) {
                return null;
            }
        }

        /** The JVM options that use the archive, make it, or (on a first build) neither. */
        List<String> options(Log log) {
            List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            List<String> out = new ArrayList<>();
            if (Files.isRegularFile(jsa)) {
                try {
                    Files.setLastModifiedTime(seen, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis())); // in use
                } catch (IOException | RuntimeException e) {
                    // a read-only local repository: the archive is used all the same
                }
                out.add("-XX:SharedArchiveFile=" + jsa);
                out.addAll(quiet);
                if (log.isDebugEnabled()) log.debug("continuity: class-data-sharing archive " + Text.escape(jsa.toString()));
                return out;
            }
            try {
                if (Files.exists(seen)) {
                    // a second build on this machine with this JDK and plugin: worth an archive
                    removeUnused(jsa.getParent());
                    making = Files.createTempFile(jsa.getParent(), jsa.getFileName().toString(), ".tmp");
                    Files.delete(making); // the JVM writes it anew
                    out.add("-XX:ArchiveClassesAtExit=" + making);
                    out.addAll(quiet);
                    if (log.isDebugEnabled()) log.debug("continuity: making the class-data-sharing archive " + Text.escape(jsa.toString()));
                } else {
                    Files.createDirectories(seen.getParent());
                    Files.writeString(seen, "");
                }
            } catch (IOException | RuntimeException e) {
                making = null; // a read-only local repository: no archive
            }
            return out;
        }

        /** Removes the archives (and marks) of other JDKs or plugin versions that no build used for 30 days. */
        private static void removeUnused(Path dir) {
            long before = System.currentTimeMillis() - java.time.Duration.ofDays(30).toMillis();
            try (var files = Files.list(dir)) {
                for (Path seen : files.filter(f -> f.getFileName().toString().matches("check-[0-9a-f]{24}\\.seen")).toList()) {
                    if (Files.getLastModifiedTime(seen).toMillis() >= before) continue;
                    String name = seen.getFileName().toString();
                    Files.deleteIfExists(dir.resolve(name.substring(0, name.length() - ".seen".length()) + ".jsa"));
                    Files.deleteIfExists(seen);
                }
            } catch (IOException | RuntimeException e) {
                // another build is at it, or the folder is read-only: left for later
            }
        }

        /**
         * Puts the archive in place once its JVM has written it (another build may have got there
         * first), when that JVM ended as a check ends: one that crashed or was halted may have left
         * half an archive (a custom rule's Runtime.halt while the JDK 17 writes one crashed it).
         */
        void after(Log log, boolean endedNormally) {
            if (making == null) return;
            try {
                if (endedNormally && Files.isRegularFile(making) && Files.size(making) > 0) {
                    Files.move(making, jsa, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException | RuntimeException e) {
                if (log.isDebugEnabled()) log.debug("continuity: the archive was not kept: " + Text.escape(String.valueOf(e.getMessage())));
            } finally {
                try {
                    Files.deleteIfExists(making);
                } catch (IOException e) {
                    // left for the next build to overwrite
                }
            }
        }
    }
}
