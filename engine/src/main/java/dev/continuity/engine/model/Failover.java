package dev.continuity.engine.model;

@Doc("Where and how a service fails over.")
public record Failover(
        @Doc("Failover site") @Required @Ref(Site.class) String site,
        @Doc("Failover mode") @Required FailoverMode mode,
        @Doc("Whether failover is automated") boolean automated) {
}
