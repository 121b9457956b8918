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
