package dev.continuity.engine.graph;

import dev.continuity.engine.model.*;

import java.util.*;

/** Computes the derived facts the rules join on, once per inventory. */
public final class Derivation {
    private Derivation() {
    }

    public static List<Object> facts(Inventory inv) {
        List<Object> out = new ArrayList<>();
        for (Service s : inv.all(Service.class)) {
            for (String site : s.hostingSites()) out.add(new Hosting(s.id(), site, s.criticality()));
            for (String d : new LinkedHashSet<>(s.dependsOn())) out.add(new DependsOn(s.id(), d, s.criticality()));
        }
        Map<String, List<InternetLink>> linksBySite = new HashMap<>();
        for (InternetLink l : inv.all(InternetLink.class)) linksBySite.computeIfAbsent(l.site(), k -> new ArrayList<>()).add(l);
        for (Site site : inv.all(Site.class)) {
            out.add(siteLinks(site.id(), linksBySite.getOrDefault(site.id(), List.of()), inv));
        }
        for (DataStore d : inv.all(DataStore.class)) {
            List<Copy> copies = new ArrayList<>();
            copies.add(new Copy(d.id(), Copy.Kind.PRIMARY, d.site(), zone(inv, d.site()), Medium.DISK));
            for (Replica r : d.replicas()) {
                copies.add(new Copy(d.id(), Copy.Kind.REPLICA, r.site(), zone(inv, r.site()), Medium.DISK));
            }
            for (Backup b : d.backups()) {
                copies.add(new Copy(d.id(), Copy.Kind.BACKUP, b.site(), zone(inv, b.site()), b.medium()));
            }
            out.addAll(copies);
            Set<Medium> media = EnumSet.noneOf(Medium.class);
            Set<String> sites = new TreeSet<>();
            for (Copy c : copies) {
                media.add(c.medium());
                sites.add(c.site());
            }
            out.add(new DataCopies(d.id(), copies.size(), Collections.unmodifiableSet(media), Collections.unmodifiableSet(sites)));
        }
        return out;
    }

    private static SiteLinks siteLinks(String site, List<InternetLink> links, Inventory inv) {
        Set<String> isps = new TreeSet<>();
        Set<String> entries = new TreeSet<>();
        Set<String> shared = null;
        boolean allEntries = !links.isEmpty();
        double total = 0, largest = 0;
        for (InternetLink l : links) {
            isps.add(l.isp());
            if (l.entryPoint() != null) entries.add(l.entryPoint());
            else allEntries = false;
            Set<String> ups = new TreeSet<>(effectiveUpstreams(l, inv));
            if (shared == null) shared = ups;
            else shared.retainAll(ups);
            double bw = l.bandwidthMbps() == null ? 0 : l.bandwidthMbps();
            total += bw;
            largest = Math.max(largest, bw);
        }
        return new SiteLinks(site, links.size(), Collections.unmodifiableSet(isps),
                shared == null ? Set.of() : Collections.unmodifiableSet(shared), Collections.unmodifiableSet(entries),
                allEntries, total, largest);
    }

    /** rules.md: the link's upstream if given, else its ISP's upstreams, else the ISP's id. */
    public static Set<String> effectiveUpstreams(InternetLink l, Inventory inv) {
        if (l.upstream() != null) return Set.of(l.upstream());
        Vendor isp = inv.get(l.isp(), Vendor.class).orElseThrow();
        return isp.upstreams().isEmpty() ? Set.of(isp.id()) : new LinkedHashSet<>(isp.upstreams());
    }

    private static String zone(Inventory inv, String site) {
        return inv.get(site, Site.class).map(Site::getZone).orElseThrow();
    }
}
