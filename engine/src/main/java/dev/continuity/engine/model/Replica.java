package dev.continuity.engine.model;

import java.util.List;

@Doc("A replica of a data store at another site.")
public record Replica(
        @Doc("Site of the replica") @Required @Ref(Site.class) String site,
        @Doc("Replication mode") @Required ReplicaMode mode,
        @Doc("Maximum replication lag; required when async") Dur maxLag) implements Validated {
    @Override
    public List<String> problems() {
        return mode == ReplicaMode.ASYNC && maxLag == null ? List.of("maxLag is required when mode is async") : List.of();
    }
}
