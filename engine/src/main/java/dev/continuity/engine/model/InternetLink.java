package dev.continuity.engine.model;

import java.util.Map;

@Doc("An internet link of a site through an ISP.")
public record InternetLink(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("Site the link serves") @Required @Ref(Site.class) String site,
        @Doc("ISP providing the link") @Required @Ref(value = Vendor.class, vendorType = "isp") String isp,
        @Doc("Upstream transit network; default: the ISP's upstreams, else the ISP's id") @Name String upstream,
        @Doc("Building entry or conduit the link uses") @Name String entryPoint,
        @Doc("Bandwidth in Mbit/s") Double bandwidthMbps,
        @Doc("Role of the link") @Default("primary") LinkRole role)
        implements Resource {
}
