package dev.continuity.engine.model;

import java.util.EnumSet;
import java.util.Set;

/** The six phases of incident response (NIST SP 800-61). */
public enum Phase implements YamlEnum {
    PREPARATION,
    @Alias("detection") IDENTIFICATION,
    CONTAINMENT,
    ERADICATION,
    RECOVERY,
    @Alias("lessons-learned") POST_INCIDENT_REVIEW;

    /** "containment, recovery": the YAML names of the phases, comma-separated. */
    public static String yamlList(java.util.Collection<?> phases) {
        return String.join(", ", phases.stream().map(p -> ((Phase) p).yaml()).toList());
    }

    /** The phases of {@code all()} that {@code present} lacks, in order. */
    public static Set<Phase> missingFrom(java.util.Collection<Phase> present) {
        Set<Phase> missing = EnumSet.allOf(Phase.class);
        missing.removeAll(present);
        return missing;
    }
}
