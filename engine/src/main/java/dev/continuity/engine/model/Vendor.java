package dev.continuity.engine.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Doc("A third party the organisation relies on: ISP, cloud, CDN, SaaS, ...")
public record Vendor(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("What the vendor provides") @Required VendorType type,
        @Doc("Transit networks or ASNs behind an ISP") @Name List<String> upstreams,
        @Doc("A second source for what this vendor provides") @Ref(Vendor.class) String alternate,
        @Doc("Document or URL of the exit plan") String exitPlan,
        @Doc("Contracted restoration time") Dur slaRto,
        @Doc("Date of the last third-party review") LocalDate lastAssessed,
        @Doc("Date of the last test or review of the exit plan") LocalDate exitPlanTested)
        implements Resource {
}
