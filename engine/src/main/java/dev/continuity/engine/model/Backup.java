package dev.continuity.engine.model;

@Doc("A backup copy of a data store.")
public record Backup(
        @Doc("How often a backup is taken") @Required Dur frequency,
        @Doc("How long backups are kept") Dur retention,
        @Doc("Site where the copy is kept") @Required @Ref(Site.class) String site,
        @Doc("Storage medium") @Required Medium medium,
        @Doc("Cannot be changed or deleted before retention ends") boolean immutable,
        @Doc("Kept offline, out of reach of the network") boolean airGapped,
        @Doc("Encrypted at rest") boolean encrypted) {
}
