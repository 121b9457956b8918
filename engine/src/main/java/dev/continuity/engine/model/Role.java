package dev.continuity.engine.model;

import java.util.List;
import java.util.Map;

@Doc("A role in continuity or incident response, with its primary holder and backups.")
public record Role(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("The role must always be staffed") @Default("true") boolean required,
        @Doc("Primary holder") @Ref(Person.class) String primary,
        @Doc("Backups for the primary") @Ref(Person.class) List<String> backups)
        implements Resource {

    /** rules.md (PPL-001): a backup other than the primary. */
    public boolean hasBackupOtherThanPrimary() {
        for (String b : backups) if (!b.equals(primary)) return true;
        return false;
    }
}
