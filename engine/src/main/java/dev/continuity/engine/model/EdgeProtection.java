package dev.continuity.engine.model;

import java.util.List;
import java.util.Map;

@Doc("A CDN, DDoS protection or WAF in front of services.")
public record EdgeProtection(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("Kind of protection") @Required EdgeType type,
        @Doc("Vendor providing it") @Required @Ref(Vendor.class) String provider,
        @Doc("Services it protects") @Ref(Service.class) List<String> covers)
        implements Resource {
}
