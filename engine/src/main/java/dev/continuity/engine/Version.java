package dev.continuity.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, written into the engine jar at build time. */
public final class Version {
    public static final String NAME = "continuity";
    private static final String VERSION = load();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    /**
     * Which build of a class is running: the jar it was loaded from (or its class file, when loaded
     * from a directory), with that file's size and time; "unknown" when that cannot be told. The
     * analysis cache keeps nothing across builds it cannot tell apart.
     */
    public static String buildOf(Class<?> c) {
        try {
            var source = c.getProtectionDomain().getCodeSource();
            if (source == null) return c.getName() + " unknown";
            java.nio.file.Path p = java.nio.file.Path.of(source.getLocation().toURI());
            if (java.nio.file.Files.isDirectory(p)) p = p.resolve(c.getName().replace('.', '/') + ".class");
            return p + " " + java.nio.file.Files.size(p) + " " + java.nio.file.Files.getLastModifiedTime(p).toMillis();
        } catch (Exception e) {
            return c.getName() + " unknown";
        }
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
