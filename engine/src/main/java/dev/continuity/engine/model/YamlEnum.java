package dev.continuity.engine.model;

import java.util.Locale;

/** Enum constants are written in YAML in lower case with '-' for '_': ACTIVE_ACTIVE is "active-active". */
public interface YamlEnum {
    String name();

    default String yaml() {
        return yamlName(name());
    }

    static String yamlName(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
