package dev.continuity.engine.graph;

import dev.continuity.engine.model.*;

import java.time.LocalDate;
import java.util.*;

/** Computes the derived facts the rules join on, once per inventory. */
public final class Derivation {
    private Derivation() {
    }

    public static List<Object> facts(Inventory inv) {
        List<Object> out = new ArrayList<>();
        Closures closures = new Closures(inv);
        Availability availability = new Availability(inv);
        Map<String, List<Domain>> spofs = availability.singlePointsOfFailure(inv.all(Service.class).stream()
                .filter(s -> s.criticality() == Criticality.CRITICAL).map(Service::id).toList());
        Map<String, List<InternetLink>> linksBySite = new HashMap<>();
        for (InternetLink l : inv.all(InternetLink.class)) linksBySite.computeIfAbsent(l.site(), k -> new ArrayList<>()).add(l);
        Map<String, List<String>> edgeProviders = new HashMap<>();
        for (EdgeProtection e : inv.all(EdgeProtection.class)) {
            for (String s : new LinkedHashSet<>(e.covers())) {
                edgeProviders.computeIfAbsent(s, k -> new ArrayList<>()).add(e.provider());
                out.add(new Protects(e.id(), e.type(), s));
            }
        }

        // the vendors each service's incident-response plans coordinate with (IRP-002)
        Map<String, Set<String>> contacts = new HashMap<>();
        for (Plan p : inv.all(Plan.class)) {
            if (p.type() != PlanType.INCIDENT_RESPONSE) continue;
            for (String s : p.covers()) contacts.computeIfAbsent(s, k -> new HashSet<>()).addAll(p.thirdParties());
        }
        Set<String> reliedOn = new TreeSet<>();
        for (Service s : inv.all(Service.class)) {
            Set<String> zones = new TreeSet<>();
            for (String site : s.hostingSites()) zones.add(zone(inv, site));
            out.add(new HostingZones(s.id(), Collections.unmodifiableSet(zones), s.criticality()));
            for (String d : new LinkedHashSet<>(s.dependsOn())) {
                Resource target = inv.get(d).orElseThrow();
                out.add(new DependsOn(s.id(), d, s.criticality(), target.kind(), s.rpo(),
                        target instanceof DataStore ds ? ds.bestRecoveryPoint() : null, s.rto(),
                        target instanceof Vendor v ? v.slaRto() : null));
            }
            for (String m : closures.of(s.id())) {
                Resource r = inv.get(m).orElseThrow();
                if (r instanceof DataStore) continue;
                Service member = r instanceof Service ms ? ms : null;
                out.add(new InClosure(s.id(), m, r instanceof Vendor, s.criticality(), via(s, m, closures), s.rto(),
                        member == null ? null : member.rto(), member == null ? null : member.criticality()));
            }
            if (s.criticality() == Criticality.CRITICAL) {
                Set<String> vendors = new TreeSet<>();
                for (String m : closures.of(s.id())) if (inv.get(m).orElseThrow() instanceof Vendor) vendors.add(m);
                for (String site : s.hostingSites()) {
                    Site st = inv.get(site, Site.class).orElseThrow();
                    if (st.provider() != null) vendors.add(st.provider());
                    for (InternetLink l : linksBySite.getOrDefault(site, List.of())) vendors.add(l.isp());
                }
                vendors.addAll(edgeProviders.getOrDefault(s.id(), List.of()));
                Set<String> contactsOfS = Collections.unmodifiableSet(contacts.getOrDefault(s.id(), Set.of()));
                for (String v : vendors) {
                    out.add(new ReliesOn(s.id(), v, inv.get(v, Vendor.class).map(Vendor::type).orElse(null), contactsOfS));
                }
                reliedOn.addAll(vendors);
                for (Domain d : spofs.get(s.id())) out.add(new Spof(s.id(), d.toString()));
            }
        }
        for (String v : reliedOn) {
            inv.get(v, Vendor.class).ifPresent(vendor ->
                    out.add(new CriticalVendor(v, vendor.lastAssessed(), vendor.exitPlan() != null, vendor.exitPlanTested())));
        }
        for (Site site : inv.all(Site.class)) {
            out.add(siteLinks(site, linksBySite.getOrDefault(site.id(), List.of()), inv));
        }
        concepts(inv, linksBySite, out);
        for (DataStore d : inv.all(DataStore.class)) copies(inv, d, out);
        Map<String, Set<PlanType>> coveredBy = new HashMap<>();
        for (Plan p : inv.all(Plan.class)) {
            for (String s : new LinkedHashSet<>(p.covers())) {
                Criticality c = inv.get(s, Service.class).orElseThrow().criticality();
                out.add(new Covers(p.id(), p.type(), s, c));
                coveredBy.computeIfAbsent(s, k -> EnumSet.noneOf(PlanType.class)).add(p.type());
            }
            if (p.offlineCopy() == null) {
                out.add(new OfflineCopyProblem(p.id(), OfflineCopyProblem.State.NONE, null));
            } else if (p.covers().stream().anyMatch(s -> inv.get(s, Service.class).orElseThrow().hostingSites().contains(p.offlineCopy()))) {
                out.add(new OfflineCopyProblem(p.id(), OfflineCopyProblem.State.AT_HOSTING_SITE, p.offlineCopy()));
            }
            channelOutages(p, inv, availability, spofs, out);
        }
        for (Service s : inv.all(Service.class)) {
            Set<PlanType> types = coveredBy.get(s.id());
            out.add(new CoveredBy(s.id(), s.criticality(), types == null ? Set.of() : Collections.unmodifiableSet(types)));
        }
        int seq = 0;
        Map<String, Set<String>> lessonsFrom = new HashMap<>();
        Map<String, List<LocalDate>> exercisedOn = new HashMap<>(); // by plan (EX-001, EX-004)
        for (Exercise e : inv.all(Exercise.class)) {
            boolean withFindings = !e.findings().isEmpty();
            for (String p : new LinkedHashSet<>(e.plans())) {
                Set<String> lessons = lessonsFrom.computeIfAbsent(p, k -> Collections.unmodifiableSet(inv.get(k, Plan.class).orElseThrow()
                        .changelog().stream().flatMap(c -> c.lessonsFrom().stream()).collect(java.util.stream.Collectors.toSet())));
                out.add(new Exercised(e.id(), p, "Plan", e.date(), e.type(), seq, withFindings, lessons));
                exercisedOn.computeIfAbsent(p, k -> new ArrayList<>()).add(e.date());
            }
            for (String s : new LinkedHashSet<>(e.services())) {
                out.add(new Exercised(e.id(), s, "Service", e.date(), e.type(), seq, withFindings, Set.of()));
            }
            seq++;
        }
        out.addAll(ScenarioExercised.of(inv.all(Exercise.class)));
        runbooks(inv, out);
        for (Role r : inv.all(Role.class)) {
            List<String> backups = r.backups();
            for (int i = 0; i < backups.size(); i++) {
                String b = backups.get(i);
                if (backups.indexOf(b) != i) continue; // once per person
                out.add(new RoleBackup(r.id(), b, r.required(), inv.get(b, Person.class).orElseThrow().lastTrainedFor(r.id()), i));
            }
        }
        recoveries(inv, out);
        for (Plan p : inv.all(Plan.class)) {
            List<LocalDate> dates = exercisedOn.get(p.id());
            out.add(new PlanExercised(p.id(), dates == null ? List.of() : Collections.unmodifiableList(dates)));
            majorChange(p, dates == null ? null : Collections.max(dates), out);
            recoveryOrder(p, closures, out);
        }
        return out;
    }

    /** COM-002: domains that take down a covered critical service and every channel of the plan. */
    private static void channelOutages(Plan p, Inventory inv, Availability availability, Map<String, List<Domain>> spofs, List<Object> out) {
        if (p.type() == PlanType.DISASTER_RECOVERY) return;
        if (p.getChannels().isEmpty()) {
            out.add(new ChannelOutage(p.id(), ""));
            return;
        }
        Set<Domain> candidates = new TreeSet<>();
        for (String s : p.covers()) candidates.addAll(spofs.getOrDefault(s, List.of()));
        for (Domain d : candidates) {
            Availability.Scenario down = availability.failed(d);
            if (p.getChannels().stream().noneMatch(down::serviceUp)) out.add(new ChannelOutage(p.id(), d.toString()));
        }
    }

    /** The shared concepts of rules.md's Terms, each named once: key data store, critical hosting site, latest restore. */
    private static void concepts(Inventory inv, Map<String, List<InternetLink>> linksBySite, List<Object> out) {
        Map<String, Boolean> key = new LinkedHashMap<>();
        Set<String> hosting = new TreeSet<>();
        for (Service s : inv.all(Service.class)) {
            boolean critical = s.criticality() == Criticality.CRITICAL;
            if (critical || s.criticality() == Criticality.HIGH) {
                for (String d : s.dependsOn()) {
                    if (inv.get(d, DataStore.class).isPresent()) key.merge(d, critical, Boolean::logicalOr);
                }
            }
            if (critical) {
                for (String site : s.hostingSites()) if (inv.get(site, Site.class).orElseThrow().isConnected()) hosting.add(site);
            }
        }
        key.forEach((d, critical) -> out.add(new KeyDataStore(d, critical)));
        Map<String, Exercise> proof = new HashMap<>();
        for (Exercise e : inv.all(Exercise.class)) { // in declaration order: on equal dates the later one wins
            if (!Exercised.provesFailover(e.type())) continue;
            for (String svc : e.services()) {
                Exercise before = proof.get(svc);
                if (before == null || !e.date().isBefore(before.date())) proof.put(svc, e);
            }
        }
        for (Service s : inv.all(Service.class)) {
            Exercise e = proof.get(s.id());
            out.add(new LatestFailoverProof(s.id(), s.criticality(), s.hostingSites().size(), s.rto(), e == null ? null : e.id(),
                    e == null ? null : e.date(), e == null ? null : e.achievedRtoFor(s.id())));
        }
        for (String site : hosting) out.add(new CriticalHostingSite(site, linksBySite.getOrDefault(site, List.of()).size()));
        for (DataStore d : inv.all(DataStore.class)) {
            RestoreTest t = d.latestRestoreTest();
            out.add(t == null ? new LatestRestore(d.id(), LatestRestore.State.NEVER, null, null, false, -1)
                    : new LatestRestore(d.id(), t.passed() ? LatestRestore.State.PASSED : LatestRestore.State.FAILED, t.date(),
                    t.duration(), t.integrityVerified(), d.latestRestoreTestIndex()));
        }
    }

    /** rec(S) and its limiting component for every service (rules.md v2, Terms). */
    private static void recoveries(Inventory inv, List<Object> out) {
        out.addAll(Recoveries.of(inv));
    }

    /** EX-004: the latest major change of a plan's changelog, if any. */
    private static void majorChange(Plan p, LocalDate latestExercised, List<Object> out) {
        List<ChangelogEntry> ordered = Dated.inDateOrder(p.changelog());
        ChangelogEntry major = null;
        for (int i = 0; i < ordered.size(); i++) {
            if (i == 0 || ordered.get(i).version().major() > ordered.get(i - 1).version().major()) major = ordered.get(i);
        }
        if (major == null) return;
        int index = -1;
        for (int i = 0; i < p.changelog().size(); i++) if (p.changelog().get(i) == major) index = i;
        out.add(new MajorChange(p.id(), major.date(), major.version().toString(), index, latestExercised));
    }

    /** PLN-008: recovery orders that bring a service back before what it needs, or are missing where the order matters. */
    private static void recoveryOrder(Plan p, Closures closures, List<Object> out) {
        if (p.type() != PlanType.BUSINESS_CONTINUITY && p.type() != PlanType.DISASTER_RECOVERY) return;
        List<String> order = p.recoveryOrder();
        if (order.isEmpty()) {
            for (String a : p.covers()) {
                for (String b : p.covers()) {
                    if (!a.equals(b) && closures.of(a).contains(b)) {
                        out.add(new RecoveryOrderConflict(p.id(), ""));
                        return;
                    }
                }
            }
            return;
        }
        Set<String> early = new LinkedHashSet<>();
        for (int i = 0; i < order.size(); i++) {
            for (int j = i + 1; j < order.size(); j++) {
                if (closures.of(order.get(i)).contains(order.get(j))) early.add(order.get(j));
            }
        }
        for (String d : early) out.add(new RecoveryOrderConflict(p.id(), d));
    }

    /** The index of the first dependsOn item of {@code s} that is {@code member} or holds it in its closure. */
    private static int via(Service s, String member, Closures closures) {
        List<String> deps = s.dependsOn();
        for (int i = 0; i < deps.size(); i++) {
            if (deps.get(i).equals(member) || closures.of(deps.get(i)).contains(member)) return i;
        }
        return -1;
    }

    private static void runbooks(Inventory inv, List<Object> out) {
        Map<String, List<Runbook>> byService = new HashMap<>();
        Map<Runbook, String> planOf = new IdentityHashMap<>();
        Map<Runbook, Integer> indexOf = new IdentityHashMap<>();
        for (Plan p : inv.all(Plan.class)) {
            for (int i = 0; i < p.runbooks().size(); i++) {
                Runbook r = p.runbooks().get(i);
                byService.computeIfAbsent(r.service(), k -> new ArrayList<>()).add(r);
                planOf.put(r, p.id());
                indexOf.put(r, i);
            }
        }
        for (Service s : inv.all(Service.class)) {
            List<Runbook> rs = byService.getOrDefault(s.id(), List.of());
            Runbook latest = Dated.latest(rs);
            out.add(new Runbooks(s.id(), s.criticality(), rs.size(), latest == null ? null : latest.updated(),
                    latest == null ? null : planOf.get(latest), latest == null ? -1 : indexOf.get(latest)));
        }
    }

    private static void copies(Inventory inv, DataStore d, List<Object> out) {
        int copies = 1;
        Set<Medium> media = EnumSet.of(Medium.DISK); // the primary
        Set<String> sites = new TreeSet<>(List.of(d.site()));
        Set<String> copyZones = new TreeSet<>();
        for (Replica r : d.replicas()) {
            copies++;
            sites.add(r.site());
            copyZones.add(zone(inv, r.site()));
        }
        for (Backup b : d.backups()) {
            copies++;
            media.add(b.medium());
            sites.add(b.site());
            copyZones.add(zone(inv, b.site()));
        }
        out.add(new DataCopies(d.id(), copies, Collections.unmodifiableSet(media), Collections.unmodifiableSet(sites),
                zone(inv, d.site()), Collections.unmodifiableSet(copyZones)));
    }

    private static SiteLinks siteLinks(Site site, List<InternetLink> links, Inventory inv) {
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
        return new SiteLinks(site.id(), links.size(), Collections.unmodifiableSet(isps),
                shared == null ? Set.of() : Collections.unmodifiableSet(shared), Collections.unmodifiableSet(entries),
                allEntries, total, largest, site.isConnected(), site.requiredBandwidthMbps());
    }

    /** rules.md: the link's upstream if given, else its ISP's upstreams, else the ISP's id. */
    public static Set<String> effectiveUpstreams(InternetLink l, Inventory inv) {
        if (l.upstream() != null) return Set.of(l.upstream());
        Vendor isp = inv.get(l.isp(), Vendor.class).orElseThrow();
        return isp.upstreams().isEmpty() ? Set.of(isp.id()) : new LinkedHashSet<>(isp.upstreams());
    }

    static String zone(Inventory inv, String site) {
        return inv.get(site, Site.class).map(Site::getZone).orElseThrow();
    }
}
