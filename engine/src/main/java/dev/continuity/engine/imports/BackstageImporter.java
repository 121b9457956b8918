package dev.continuity.engine.imports;

import dev.continuity.engine.load.YNode;
import dev.continuity.engine.load.YNode.*;
import dev.continuity.engine.model.Dur;
import dev.continuity.engine.model.Location;

import java.util.*;

import static dev.continuity.engine.imports.TerraformImporter.map;
import static dev.continuity.engine.imports.TerraformImporter.seq;
import static dev.continuity.engine.imports.TerraformImporter.text;

/**
 * Turns Backstage catalog entities into inventory documents: Components and Systems become
 * Services (with their dependsOn), Resources of type database become DataStores, and the Groups
 * and Users that own them become Roles and People. What Backstage does not know (criticality,
 * recovery targets, sites) comes from {@code continuity.dev/*} annotations; docs/importing.md lists
 * them and what is left to write by hand.
 */
public final class BackstageImporter {
    public static final String PREFIX = "continuity.dev/";
    static final Set<String> CRITICALITY = Set.of("critical", "high", "medium", "low");
    static final Set<String> SERVICE_TYPES = Set.of("business-process", "application", "api", "email", "saas", "other");

    /** An entity of a catalog file. */
    private record Entity(String kind, String namespace, String name, YMap doc, String file, Location at) {
        String ref() {
            return kind.toLowerCase(Locale.ROOT) + ":" + namespace + "/" + name;
        }

        YMap spec() {
            YMap s = map(doc, "spec");
            return s == null ? new YMap(at, new LinkedHashMap<>()) : s;
        }

        YMap metadata() {
            return map(doc, "metadata");
        }

        String annotation(String key) {
            return text(map(metadata(), "annotations"), PREFIX + key);
        }

        Location annotationAt(String key) {
            YMap a = map(metadata(), "annotations");
            YEntry e = a == null ? null : a.get(PREFIX + key);
            return e == null ? at : e.value().location();
        }

        String title() {
            return text(metadata(), "title");
        }
    }

    private final Set<String> lifecycles;
    private final List<Entity> entities = new ArrayList<>();
    private final List<ImportNote> warnings = new ArrayList<>();
    private final Map<String, Map<String, Integer>> skipped = new TreeMap<>(); // file -> what -> count

    /** @param lifecycles the Component lifecycles to import (production, unless told otherwise) */
    public BackstageImporter(Set<String> lifecycles) {
        this.lifecycles = lifecycles;
    }

    /** Reads the entities of one catalog file. */
    public void add(String file, List<YNode> documents) {
        for (YNode d : documents) {
            if (!(d instanceof YMap m)) continue;
            String kind = text(m, "kind");
            String name = text(map(m, "metadata"), "name");
            if (kind == null || name == null) {
                skip(file, "documents without kind or metadata.name");
                continue;
            }
            String namespace = Optional.ofNullable(text(map(m, "metadata"), "namespace")).orElse("default").toLowerCase(Locale.ROOT);
            YEntry k = m.get("kind");
            entities.add(new Entity(kind, namespace, name.toLowerCase(Locale.ROOT), m, file, k.keyLocation()));
        }
    }

    private void skip(String file, String what) {
        skipped.computeIfAbsent(file, f -> new TreeMap<>()).merge(what, 1, Integer::sum);
    }

    private void warn(Entity e, Location at, String message) {
        warnings.add(new ImportNote(at, e.ref(), message));
    }

    private final Map<String, String> ids = new HashMap<>(); // entity ref -> id
    private final Map<String, Entity> byRef = new HashMap<>();

    public Imported result() {
        entities.sort(Comparator.comparing(Entity::ref).thenComparing(Entity::file));
        for (Entity e : entities) byRef.putIfAbsent(e.ref(), e);
        // which entities become documents
        List<Entity> services = new ArrayList<>(), stores = new ArrayList<>();
        for (Entity e : byRef.values().stream().sorted(Comparator.comparing(Entity::ref)).toList()) {
            switch (e.kind().toLowerCase(Locale.ROOT)) {
                case "component" -> {
                    String type = Optional.ofNullable(text(e.spec(), "type")).orElse("").toLowerCase(Locale.ROOT);
                    String lifecycle = Optional.ofNullable(text(e.spec(), "lifecycle")).orElse("").toLowerCase(Locale.ROOT);
                    if (type.equals("library")) skip(e.file(), "Component entities of type library (not a running service)");
                    else if (!lifecycles.contains(lifecycle)) skip(e.file(), "Component entities with lifecycle "
                            + (lifecycle.isEmpty() ? "(none)" : lifecycle) + " (--lifecycle " + (lifecycle.isEmpty() ? "L" : lifecycle) + " imports them)");
                    else services.add(e);
                }
                case "system" -> services.add(e);
                case "resource" -> {
                    if ("database".equalsIgnoreCase(text(e.spec(), "type"))) stores.add(e);
                    else skip(e.file(), "Resource entities of type " + Optional.ofNullable(text(e.spec(), "type")).orElse("(none)"));
                }
                case "group", "user" -> {
                }
                default -> skip(e.file(), e.kind() + " entities");
            }
        }
        // owners: groups and users that own an imported entity, and the members of those groups
        SortedSet<String> roles = new TreeSet<>(), people = new TreeSet<>();
        for (Entity e : concat(services, stores)) {
            String owner = text(e.spec(), "owner");
            if (owner == null) continue;
            String ref = ref(owner, "group", e.namespace());
            Entity o = byRef.get(ref);
            if (o == null) {
                warn(e, fieldAt(e.spec(), "owner", e.at()), "owner " + owner + " is not in the catalog files given: no Role or Person for it");
            } else if (o.kind().equalsIgnoreCase("group")) {
                roles.add(ref);
                people.addAll(members(o));
            } else if (o.kind().equalsIgnoreCase("user")) {
                people.add(ref);
            }
        }
        // ids: the entity's name (namespace.name outside the default namespace); a name two kinds share gets its kind in front
        List<String> claimed = new ArrayList<>();
        claimed.addAll(services.stream().map(Entity::ref).toList());
        claimed.addAll(stores.stream().map(Entity::ref).toList());
        claimed.addAll(roles);
        claimed.addAll(people);
        Map<String, String> owner = new HashMap<>();
        for (String ref : claimed) {
            Entity e = byRef.get(ref);
            String plain = Ids.plain((e.namespace().equals("default") ? "" : e.namespace() + ".") + e.name());
            String id = owner.containsKey(plain) ? Ids.plain(e.kind() + "." + plain) : plain;
            if (!id.equals(plain)) warn(e, e.at(), "its name is also the id of " + owner.get(plain) + ": imported as " + id);
            owner.putIfAbsent(plain, ref);
            ids.put(ref, id);
        }
        List<ImportedDocument> docs = new ArrayList<>();
        for (Entity e : services) docs.add(service(e, services));
        for (Entity e : stores) docs.add(store(e));
        for (String ref : roles) docs.add(role(byRef.get(ref)));
        for (String ref : people) docs.add(person(byRef.get(ref)));
        docs.sort(ImportOrder.DOCUMENTS);
        warnings.sort(null);
        List<String> lines = new ArrayList<>();
        skipped.forEach((file, what) -> what.forEach((w, n) -> lines.add(dev.continuity.engine.text.Text.escape(file + ": not imported: " + n + " " + w))));
        return new Imported(docs, warnings, lines, List.of());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Users in a group: its spec.members, and every User whose spec.memberOf names it. */
    private SortedSet<String> members(Entity group) {
        SortedSet<String> out = new TreeSet<>();
        for (YNode m : seq(group.spec(), "members")) {
            if (m instanceof YScalar s && byRef.containsKey(ref(s.text(), "user", group.namespace()))) out.add(ref(s.text(), "user", group.namespace()));
        }
        for (Entity u : byRef.values()) {
            if (!u.kind().equalsIgnoreCase("user")) continue;
            for (YNode g : seq(u.spec(), "memberOf")) {
                if (g instanceof YScalar s && ref(s.text(), "group", u.namespace()).equals(group.ref())) out.add(u.ref());
            }
        }
        return out;
    }

    /** A full entity reference, {@code kind:namespace/name}, lower case. */
    static String ref(String ref, String defaultKind, String defaultNamespace) {
        String r = ref.trim().toLowerCase(Locale.ROOT);
        String kind = defaultKind;
        int colon = r.indexOf(':');
        if (colon > 0) {
            kind = r.substring(0, colon);
            r = r.substring(colon + 1);
        }
        String namespace = defaultNamespace;
        int slash = r.indexOf('/');
        if (slash > 0) {
            namespace = r.substring(0, slash);
            r = r.substring(slash + 1);
        }
        return kind + ":" + namespace + "/" + r;
    }

    private Doc header(String kind, Entity e) {
        Doc d = Doc.document(kind, ids.get(e.ref()), e.ref(), e.at());
        d.text("name", e.title(), e.at());
        String description = text(e.metadata(), "description");
        if (description != null) d.text("description", description, e.at());
        return d;
    }

    private ImportedDocument service(Entity e, List<Entity> services) {
        Doc d = header("Service", e);
        boolean system = e.kind().equalsIgnoreCase("system");
        String type = e.annotation("type");
        if (type != null && !SERVICE_TYPES.contains(type)) {
            warn(e, e.annotationAt("type"), PREFIX + "type is " + dev.continuity.engine.text.Text.quote(type) + "; expected one of "
                    + String.join(", ", new TreeSet<>(SERVICE_TYPES)) + ": not imported");
            type = null;
        }
        d.text("type", type != null ? type : system ? "business-process" : "application", e.annotationAt("type"));
        String criticality = e.annotation("criticality");
        if (criticality == null) {
            warn(e, e.at(), "no " + PREFIX + "criticality annotation: write criticality (critical, high, medium, low) by hand");
        } else if (!CRITICALITY.contains(criticality)) {
            warn(e, e.annotationAt("criticality"), PREFIX + "criticality is " + dev.continuity.engine.text.Text.quote(criticality)
                    + "; expected critical, high, medium or low: not imported");
        } else {
            d.text("criticality", criticality, e.annotationAt("criticality"));
        }
        for (String target : List.of("rto", "rpo", "mtd")) {
            String v = e.annotation(target);
            if (v == null) continue;
            try {
                d.text(target, Dur.parse(v).toString(), e.annotationAt(target));
            } catch (RuntimeException x) {
                warn(e, e.annotationAt(target), PREFIX + target + " is " + dev.continuity.engine.text.Text.quote(v)
                        + ", not an ISO-8601 duration such as PT4H: not imported");
            }
        }
        String facing = e.annotation("internet-facing");
        if (facing != null) {
            if (facing.equals("true") || facing.equals("false")) d.bool("internetFacing", facing.equals("true"), e.annotationAt("internet-facing"));
            else warn(e, e.annotationAt("internet-facing"), PREFIX + "internet-facing is " + dev.continuity.engine.text.Text.quote(facing) + "; expected true or false: not imported");
        }
        String sites = e.annotation("sites");
        if (sites != null) {
            List<YNode> items = new ArrayList<>();
            for (String s : sites.split(",")) if (!s.isBlank()) items.add(Doc.text(s.trim().toLowerCase(Locale.ROOT), e.annotationAt("sites")));
            d.list("sites", items, e.annotationAt("sites"));
        }
        // dependsOn: what the entity lists; a System also depends on its Components
        LinkedHashSet<String> deps = new LinkedHashSet<>();
        List<YNode> listed = seq(e.spec(), "dependsOn");
        Location depsAt = fieldAt(e.spec(), "dependsOn", e.at());
        for (YNode dep : listed) {
            if (!(dep instanceof YScalar s)) continue;
            String r = ref(s.text(), "component", e.namespace());
            String id = ids.get(r);
            if (id == null) warn(e, s.location(), "depends on " + s.text() + ", which is not imported: left out of dependsOn");
            else deps.add(id);
        }
        if (system) {
            for (Entity c : services) {
                String of = text(c.spec(), "system");
                if (c != e && of != null && ref(of, "system", c.namespace()).equals(e.ref())) deps.add(ids.get(c.ref()));
            }
        }
        d.list("dependsOn", deps.stream().map(id -> (YNode) Doc.text(id, depsAt)).toList(), depsAt);
        return new ImportedDocument("Service", ids.get(e.ref()), e.file(), e.ref(), d.build(), false);
    }

    private ImportedDocument store(Entity e) {
        Doc d = header("DataStore", e);
        String site = e.annotation("site");
        if (site == null) warn(e, e.at(), "no " + PREFIX + "site annotation: write the site of its primary copy by hand");
        else d.text("site", site.trim().toLowerCase(Locale.ROOT), e.annotationAt("site"));
        return new ImportedDocument("DataStore", ids.get(e.ref()), e.file(), e.ref(), d.build(), false);
    }

    private ImportedDocument role(Entity group) {
        Doc d = header("Role", group);
        String display = text(map(group.spec(), "profile"), "displayName");
        if (display != null && !d.has("name")) d.text("name", display, group.at());
        String primaryRef = group.annotation("primary");
        String primary = primaryRef == null ? null : ids.get(ref(primaryRef, "user", group.namespace()));
        if (primaryRef != null && primary == null) {
            warn(group, group.annotationAt("primary"), PREFIX + "primary names " + primaryRef + ", who is not a member imported here: left out");
        }
        if (primary != null) d.text("primary", primary, group.annotationAt("primary"));
        List<YNode> backups = new ArrayList<>();
        for (String m : members(group)) {
            String id = ids.get(m);
            if (id != null && !id.equals(primary)) backups.add(Doc.text(id, group.at()));
        }
        d.list("backups", backups, group.at());
        return new ImportedDocument("Role", ids.get(group.ref()), group.file(), group.ref(), d.build(), false);
    }

    private ImportedDocument person(Entity user) {
        Doc d = header("Person", user);
        String display = text(map(user.spec(), "profile"), "displayName");
        if (display != null && !d.has("name")) d.text("name", display, user.at());
        return new ImportedDocument("Person", ids.get(user.ref()), user.file(), user.ref(), d.build(), false);
    }

    private static Location fieldAt(YMap m, String key, Location fallback) {
        YEntry e = m == null ? null : m.get(key);
        return e == null ? fallback : e.keyLocation();
    }
}
