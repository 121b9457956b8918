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
    /**
     * By link id: the one upstream whose failure takes the link down, or absent. A link has one
     * when its only effective upstream is a name given as its upstream or in its ISP's upstreams
     * (never the ISP id used as the fallback).
     */
    private final Map<String, String> soleUpstream = new HashMap<>();
    private final Map<String, Set<Domain>> domainsOfService = new HashMap<>();
    private final Map<String, Node> nodes = new HashMap<>();

    /**
     * A service with what its availability reads resolved once: the resources it depends on and
     * its hosting sites. Every scenario asks for them (one per failure domain in a what-if
     * analysis), so they are not looked up by id again in each.
     */
    private record Node(List<Resource> dependsOn, List<String> hostingSites) {
    }

    private Node node(String serviceId) {
        Node n = nodes.get(serviceId);
        if (n != null) return n;
        Service s = inv.get(serviceId, Service.class).orElseThrow();
        List<Resource> deps = new ArrayList<>(s.dependsOn().size());
        for (String d : s.dependsOn()) deps.add(inv.get(d).orElseThrow());
        n = new Node(List.copyOf(deps), s.hostingSites());
        nodes.put(serviceId, n);
        return n;
    }

    public Availability(Inventory inv) {
        this.inv = inv;
        for (InternetLink l : inv.all(InternetLink.class)) {
            linksBySite.computeIfAbsent(l.site(), k -> new ArrayList<>()).add(l);
            Set<String> ups = Derivation.effectiveUpstreams(l, inv);
            if (ups.size() == 1) {
                String only = ups.iterator().next();
                if (isUpstreamName(l, only)) soleUpstream.put(l.id(), only);
            }
        }
    }

    /** Answers for a set of failed domains, failing together (empty: nothing failed), memoised. */
    public final class Scenario {
        private final Map<Domain.Type, Set<String>> failed = new EnumMap<>(Domain.Type.class); // names by type
        private final Map<String, Boolean> sites = new HashMap<>();
        private final Map<String, Boolean> services = new HashMap<>();

        private Scenario(Set<Domain> failed) {
            for (Domain d : failed) this.failed.computeIfAbsent(d.type(), t -> new HashSet<>()).add(d.name());
        }

        private boolean is(Domain.Type type, String name) {
            Set<String> names = failed.get(type);
            return names != null && names.contains(name);
        }

        public boolean linkUp(InternetLink l) {
            return linkDownBecause(l) == null;
        }

        /** The failed domain that takes a link down, or null when it is up. */
        private Domain linkDownBecause(InternetLink l) {
            if (is(Domain.Type.SITE, l.site())) return Domain.site(l.site());
            if (is(Domain.Type.VENDOR, l.isp())) return Domain.vendor(l.isp());
            String only = soleUpstream.get(l.id());
            if (only != null && is(Domain.Type.UPSTREAM, only)) return Domain.upstream(only);
            return null;
        }

        /**
         * Why a service is down: the chain from it to a failed domain, e.g. [billing, billing-db, site:fra-dc1];
         * empty when it is up. Ids name the resources passed through; the last element is the failed domain.
         */
        public List<String> why(String serviceId) {
            if (serviceUp(serviceId)) return List.of();
            List<String> chain = new ArrayList<>();
            chain.add(serviceId);
            Node n = node(serviceId);
            for (Resource r : n.dependsOn()) {
                if (r instanceof Service) {
                    if (!serviceUp(r.id())) {
                        chain.addAll(why(r.id()));
                        return chain;
                    }
                } else if (r instanceof DataStore ds) {
                    if (!dataStoreUp(ds)) {
                        chain.add(r.id());
                        chain.addAll(whySite(ds.site()));
                        return chain;
                    }
                } else if (!vendorOrAlternateUp((Vendor) r)) {
                    chain.add(Domain.vendor(r.id()).toString());
                    return chain;
                }
            }
            chain.addAll(whySite(n.hostingSites().get(0)));
            return chain;
        }

        private List<String> whySite(String id) {
            Site s = inv.get(id, Site.class).orElseThrow();
            if (is(Domain.Type.SITE, id)) return List.of(Domain.site(id).toString());
            if (is(Domain.Type.ZONE, s.getZone())) return List.of(id, Domain.zone(s.getZone()).toString());
            if (s.provider() != null && is(Domain.Type.VENDOR, s.provider())) return List.of(id, Domain.vendor(s.provider()).toString());
            for (InternetLink l : linksBySite.getOrDefault(id, List.of())) {
                Domain d = linkDownBecause(l);
                if (d != null) return List.of(id, l.id(), d.toString());
            }
            return List.of(id, "no internet link");
        }

        public boolean siteUp(String id) {
            Boolean known = sites.get(id);
            if (known != null) return known;
            Site s = inv.get(id, Site.class).orElseThrow();
            boolean up = !is(Domain.Type.SITE, id) && !is(Domain.Type.ZONE, s.getZone())
                    && !(s.provider() != null && is(Domain.Type.VENDOR, s.provider()));
            if (up && s.isConnected()) {
                up = false;
                for (InternetLink l : linksBySite.getOrDefault(id, List.of())) {
                    if (linkUp(l)) {
                        up = true;
                        break;
                    }
                }
            }
            sites.put(id, up);
            return up;
        }

        public boolean vendorUp(String id) {
            return !is(Domain.Type.VENDOR, id);
        }

        /** A vendor a service depends on counts as up when it or its alternate is. */
        private boolean vendorOrAlternateUp(Vendor v) {
            return vendorUp(v.id()) || (v.alternate() != null && vendorUp(v.alternate()));
        }

        public boolean dataStoreUp(DataStore d) {
            if (siteUp(d.site())) return true;
            for (Replica r : d.replicas()) if (siteUp(r.site())) return true;
            return false;
        }

        public boolean serviceUp(String id) {
            Boolean known = services.get(id);
            if (known != null) return known;
            Node n = node(id);
            boolean up = true;
            for (Resource r : n.dependsOn()) {
                boolean depUp;
                if (r instanceof Service) depUp = serviceUp(r.id());
                else if (r instanceof DataStore ds) depUp = dataStoreUp(ds);
                else depUp = vendorOrAlternateUp((Vendor) r);
                if (!depUp) {
                    up = false;
                    break;
                }
            }
            if (up && !n.hostingSites().isEmpty()) {
                up = false;
                for (String site : n.hostingSites()) {
                    if (siteUp(site)) {
                        up = true;
                        break;
                    }
                }
            }
            services.put(id, up);
            return up;
        }
    }

    private boolean isUpstreamName(InternetLink l, String name) {
        if (l.upstream() != null) return l.upstream().equals(name);
        return inv.get(l.isp(), Vendor.class).orElseThrow().upstreams().contains(name);
    }

    public Scenario nothingFailed() {
        return new Scenario(Set.of());
    }

    public Scenario failed(Domain d) {
        return new Scenario(Set.of(d));
    }

    /** The domains fail together. */
    public Scenario failed(Collection<Domain> together) {
        return new Scenario(Set.copyOf(together));
    }

    /** Every failure domain of the inventory (rules.md, Availability model). */
    public SortedSet<Domain> allDomains() {
        SortedSet<Domain> out = new TreeSet<>();
        for (Site s : inv.all(Site.class)) {
            out.add(Domain.site(s.id()));
            out.add(Domain.zone(s.getZone()));
        }
        for (Vendor v : inv.all(Vendor.class)) {
            out.add(Domain.vendor(v.id()));
            v.upstreams().forEach(u -> out.add(Domain.upstream(u)));
        }
        for (InternetLink l : inv.all(InternetLink.class)) if (l.upstream() != null) out.add(Domain.upstream(l.upstream()));
        return out;
    }

    /**
     * Null when the domain exists in the inventory; else what is wrong, with a did-you-mean (a
     * name of another kind, such as site:isp-x for a vendor, is named as such).
     */
    public String problem(Domain d) {
        SortedSet<Domain> all = allDomains();
        if (all.contains(d)) return null;
        for (Domain other : all) {
            if (other.name().equals(d.name())) {
                return "'" + d + "' names no " + d.type().prefix() + " of the inventory: " + d.name() + " is a "
                        + other.type().prefix() + "; did you mean " + other + "?";
            }
        }
        List<String> same = all.stream().filter(x -> x.type() == d.type()).map(Domain::toString).toList();
        String hint = dev.continuity.engine.load.Suggest.hint(d.toString(), same);
        return "'" + d + "' names no " + d.type().prefix() + " of the inventory" + (hint.isEmpty()
                ? (same.isEmpty() ? "" : "; known: " + String.join(", ", same.subList(0, Math.min(8, same.size())))
                + (same.size() > 8 ? ", ..." : "")) : hint);
    }

    /** The failure domains that occur in a service's closure: the only ones that can take it down. */
    public Set<Domain> domainsOf(String serviceId) {
        Set<Domain> known = domainsOfService.get(serviceId);
        if (known != null) return known;
        Node n = node(serviceId);
        Set<Domain> out = new TreeSet<>();
        for (String site : n.hostingSites()) addSite(site, out);
        for (Resource r : n.dependsOn()) {
            if (r instanceof Service) out.addAll(domainsOf(r.id()));
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
        return impact(List.of(d));
    }

    /** Every service that is up with nothing failed and down with all of {@code together} failed. */
    public List<String> impact(Collection<Domain> together) {
        Scenario nothing = nothingFailed(), down = failed(together);
        List<String> out = new ArrayList<>();
        for (Service s : inv.all(Service.class)) {
            if (!Collections.disjoint(domainsOf(s.id()), together) && nothing.serviceUp(s.id()) && !down.serviceUp(s.id())) out.add(s.id());
        }
        return out;
    }
}
