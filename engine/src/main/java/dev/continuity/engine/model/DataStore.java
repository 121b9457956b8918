package dev.continuity.engine.model;

import java.util.List;
import java.util.Map;

@Doc("A database, file store or other data, with its replicas, backups and restore tests.")
public record DataStore(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("Site of the primary copy") @Required @Ref(Site.class) String site,
        @Doc("Replicas") List<Replica> replicas,
        @Doc("Backups") List<Backup> backups,
        @Doc("Restore tests") List<RestoreTest> restoreTests)
        implements Resource {
}
