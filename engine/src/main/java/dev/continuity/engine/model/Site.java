package dev.continuity.engine.model;

import java.util.Map;

@Doc("A place services run or copies are kept: data centre, cloud region, colocation, office.")
public record Site(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("Kind of site") @Required SiteType type,
        @Doc("Geographic region, e.g. eu-central") @Required @Name String region,
        @Doc("Hazard zone (flood plain, power grid, seismic zone); default: the region") @Name String hazardZone,
        @Doc("Operator of the site") @Ref(Vendor.class) String provider,
        @Doc("Bandwidth the site needs, in Mbit/s") Double requiredBandwidthMbps)
        implements Resource {

    /** rules.md: the zone of a site is its hazardZone, else its region. */
    public String getZone() {
        return hazardZone != null ? hazardZone : region;
    }

    /** rules.md: a connected site is one that is not a cloud region. */
    public boolean isConnected() {
        return type != SiteType.CLOUD_REGION;
    }
}
