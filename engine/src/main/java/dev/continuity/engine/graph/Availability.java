package dev.continuity.engine.graph;

import dev.continuity.engine.model.*;

import java.util.*;

/**
 * The availability model of rules.md. With one failure domain F failed (or none):
 * <ul>
 * <li>a link is up unless F is its site or its ISP, or it has exactly one effective upstream and F is that;</li>
 * <li>a site is up unless F is the site, its zone or its provider; a connected site also needs a link up;</li>
 * <li>a vendor is up unless F is that vendor;</li>
 * <li>a data store is up if its site or any replica's site is up;</li>
 * <li>a service is up if every dependsOn item is up (a Vendor also counts as up when its alternate is up)
 * and, when it has hosting sites, at least one of them is up.</li>
 * </ul>
 * Each question is answered against one domain at a time with its own memo, and a service is only
 * ever tested against the domains that occur in its own closure: any other domain cannot touch it.
 */
public final class Availability {
    private final Inventory inv;
    private final Map<String, List<InternetLink>> linksBySite = new HashMap<>();
    private final Map<String, Set<String>> upstreamsByLink = new HashMap<>();
    private final Map<String, Set<Domain>> domainsOfService = new HashMap<>();

    public Availability(Inventory inv) {
        this.inv = inv;
        for (InternetLink l : inv.all(InternetLink.class)) {
            linksBySite.computeIfAbsent(l.site(), k -> new ArrayList<>()).add(l);
            upstreamsByLink.put(l.id(), Derivation.effectiveUpstreams(l, inv));
        }
    }

    /** Answers for one failed domain (null: nothing failed), memoised. */
    public final class Scenario {
        private final Domain failed;
        private final Map<String, Boolean> sites = new HashMap<>();
        private final Map<String, Boolean> services = new HashMap<>();

        private Scenario(Domain failed) {
            this.failed = failed;
        }

        private boolean is(Domain.Type type, String name) {
            return failed != null && failed.type() == type && failed.name().equals(name);
        }

        public boolean linkUp(InternetLink l) {
            if (is(Domain.Type.SITE, l.site()) || is(Domain.Type.VENDOR, l.isp())) return false;
            if (failed == null || failed.type() != Domain.Type.UPSTREAM) return true;
            // an upstream domain only exists for names given as upstream or in an ISP's upstreams,
            // never for the ISP id used as the fallback
            Set<String> ups = upstreamsByLink.get(l.id());
            return !(ups.size() == 1 && ups.contains(failed.name()) && isUpstreamName(l, failed.name()));
        }

        public boolean siteUp(String id) {
            Boolean known = sites.get(id);
            if (known != null) return known;
            Site s = inv.get(id, Site.class).orElseThrow();
            boolean up = !is(Domain.Type.SITE, id) && !is(Domain.Type.ZONE, s.getZone())
                    && !(s.provider() != null && is(Domain.Type.VENDOR, s.provider()));
            if (up && s.isConnected()) {
                up = linksBySite.getOrDefault(id, List.of()).stream().anyMatch(this::linkUp);
            }
            sites.put(id, up);
            return up;
        }

        public boolean vendorUp(String id) {
            return !is(Domain.Type.VENDOR, id);
        }

        public boolean dataStoreUp(DataStore d) {
            return siteUp(d.site()) || d.replicas().stream().anyMatch(r -> siteUp(r.site()));
        }

        public boolean serviceUp(String id) {
            Boolean known = services.get(id);
            if (known != null) return known;
            Service s = inv.get(id, Service.class).orElseThrow();
            boolean up = true;
            for (String d : s.dependsOn()) {
                Resource r = inv.get(d).orElseThrow();
                boolean depUp;
                if (r instanceof Service) depUp = serviceUp(d);
                else if (r instanceof DataStore ds) depUp = dataStoreUp(ds);
                else {
                    Vendor v = (Vendor) r;
                    depUp = vendorUp(v.id()) || (v.alternate() != null && vendorUp(v.alternate()));
                }
                if (!depUp) {
                    up = false;
                    break;
                }
            }
            List<String> hosting = s.hostingSites();
            if (up && !hosting.isEmpty()) up = hosting.stream().anyMatch(this::siteUp);
            services.put(id, up);
            return up;
        }
    }

    private boolean isUpstreamName(InternetLink l, String name) {
        if (l.upstream() != null) return l.upstream().equals(name);
        return inv.get(l.isp(), Vendor.class).orElseThrow().upstreams().contains(name);
    }

    public Scenario nothingFailed() {
        return new Scenario(null);
    }

    public Scenario failed(Domain d) {
        return new Scenario(d);
    }

    /** The failure domains that occur in a service's closure: the only ones that can take it down. */
    public Set<Domain> domainsOf(String serviceId) {
        Set<Domain> known = domainsOfService.get(serviceId);
        if (known != null) return known;
        Service s = inv.get(serviceId, Service.class).orElseThrow();
        Set<Domain> out = new TreeSet<>();
        for (String site : s.hostingSites()) addSite(site, out);
        for (String d : s.dependsOn()) {
            Resource r = inv.get(d).orElseThrow();
            if (r instanceof Service) out.addAll(domainsOf(d));
            else if (r instanceof DataStore ds) {
                addSite(ds.site(), out);
                ds.replicas().forEach(rep -> addSite(rep.site(), out));
            } else {
                Vendor v = (Vendor) r;
                out.add(Domain.vendor(v.id()));
                if (v.alternate() != null) out.add(Domain.vendor(v.alternate()));
            }
        }
        Set<Domain> result = Collections.unmodifiableSet(out);
        domainsOfService.put(serviceId, result);
        return result;
    }

    private void addSite(String id, Set<Domain> out) {
        Site s = inv.get(id, Site.class).orElseThrow();
        out.add(Domain.site(id));
        out.add(Domain.zone(s.getZone()));
        if (s.provider() != null) out.add(Domain.vendor(s.provider()));
        if (!s.isConnected()) return;
        for (InternetLink l : linksBySite.getOrDefault(id, List.of())) {
            out.add(Domain.vendor(l.isp()));
            if (l.upstream() != null) out.add(Domain.upstream(l.upstream()));
            else inv.get(l.isp(), Vendor.class).orElseThrow().upstreams().forEach(u -> out.add(Domain.upstream(u)));
        }
    }

    /**
     * NET-004 for many services at once: for each, the domains whose failure takes it down although
     * it is up with nothing failed. Grouped by domain, so that one memoised scenario per domain
     * serves every service that domain can touch (services sharing a core of dependencies are not
     * re-evaluated once per service).
     */
    public Map<String, List<Domain>> singlePointsOfFailure(Collection<String> serviceIds) {
        Scenario nothing = nothingFailed();
        Map<Domain, List<String>> byDomain = new TreeMap<>();
        Map<String, List<Domain>> out = new LinkedHashMap<>();
        for (String id : serviceIds) {
            out.put(id, new ArrayList<>());
            if (!nothing.serviceUp(id)) continue;
            for (Domain d : domainsOf(id)) byDomain.computeIfAbsent(d, k -> new ArrayList<>()).add(id);
        }
        for (Map.Entry<Domain, List<String>> e : byDomain.entrySet()) {
            Scenario down = failed(e.getKey());
            for (String id : e.getValue()) if (!down.serviceUp(id)) out.get(id).add(e.getKey());
        }
        return out;
    }

    /** Every service that is up with nothing failed and down with {@code d} failed (what-if analysis). */
    public List<String> impact(Domain d) {
        Scenario nothing = nothingFailed(), down = failed(d);
        List<String> out = new ArrayList<>();
        for (Service s : inv.all(Service.class)) {
            if (domainsOf(s.id()).contains(d) && nothing.serviceUp(s.id()) && !down.serviceUp(s.id())) out.add(s.id());
        }
        return out;
    }
}
