package dev.continuity.engine.model;

import java.util.List;
import java.util.Map;

@Doc("A business process, application, API or other service, with its recovery objectives.")
public record Service(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("Kind of service") @Default("application") ServiceType type,
        @Doc("Criticality") @Required Criticality criticality,
        @Doc("Recovery time objective") Dur rto,
        @Doc("Recovery point objective") Dur rpo,
        @Doc("Maximum tolerable downtime") Dur mtd,
        @Doc("Reachable from the internet") boolean internetFacing,
        @Doc("Sites where the service runs now") @Ref(Site.class) List<String> sites,
        @Doc("Failover site and mode") Failover failover,
        @Doc("Services, data stores and vendors this service needs") @Ref({Service.class, DataStore.class, Vendor.class}) List<String> dependsOn,
        @Doc("Alerting") Alerting alerting)
        implements Resource {

    /** SVC-001: which of rto, rpo and mtd the service lacks, in that order (empty: none). */
    public List<String> missingTargets() {
        List<String> out = new java.util.ArrayList<>();
        if (rto == null) out.add("rto");
        if (rpo == null) out.add("rpo");
        if (mtd == null) out.add("mtd");
        return List.copyOf(out);
    }

    /** rules.md: hosting sites are the service's sites plus its failover site, without repeats. */
    public List<String> hostingSites() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(sites);
        if (failover != null && failover.site() != null) all.add(failover.site());
        return List.copyOf(all);
    }
}
