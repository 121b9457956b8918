package dev.continuity.engine.graph;

import dev.continuity.engine.model.*;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.*;
import java.util.function.Function;

/**
 * The inventory cut into parts that no reference joins: two resources are in one component when
 * one names the other in a {@link Ref} field (at any depth: {@code failover.site},
 * {@code backups[].site}, {@code runbooks[].service}), or through a chain of such references.
 * The Policy and the Waivers are in none: they concern the whole inventory.
 *
 * <p>Every derived fact and every rule that does not declare {@code @scope("inventory")} joins
 * resources only along references, so the findings of a component depend on its own resources,
 * the policy and the date alone ({@code IncrementalEvaluationTest} checks this on every rule
 * fixture). That is what lets a cached check evaluate only the components whose files changed.
 *
 * @param members resources of each component, in inventory order; components ordered by their first member
 */
public record Components(List<List<Resource>> members) {

    /** True for the kinds that belong to no component: the Policy and the Waivers. */
    public static boolean global(Class<?> kind) {
        return kind == Policy.class || kind == Waiver.class;
    }

    public static Components of(Inventory inv) {
        List<Resource> all = inv.resources();
        List<List<Resource>> members = new ArrayList<>();
        for (int[] c : positions(inv)) members.add(members(all, c));
        return new Components(List.copyOf(members));
    }

    /** The resources at some positions of an inventory's resources (a component's). */
    public static List<Resource> members(List<Resource> all, int[] positions) {
        List<Resource> out = new ArrayList<>(positions.length);
        for (int i : positions) out.add(all.get(i));
        return out;
    }

    /**
     * The components as positions in the inventory's resources, each in inventory order, ordered by
     * their first member: the inventory's own when it knows them (the analysis cache kept them from
     * the run before), else worked out from its resolved references, or from the resources.
     */
    public static int[][] positions(Inventory inv) {
        int[][] known = inv.knownComponents();
        if (known != null) return known;
        int n = inv.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        boolean[] global = new boolean[n];
        for (int i = 0; i < n; i++) global[i] = global(inv.kindAt(i));
        if (inv.references() != null) { // as the loader read and resolved them
            int[] from = inv.references().from(), to = inv.references().to();
            for (int k = 0; k < from.length; k++) {
                int i = from[k], j = to[k];
                if (i >= 0 && j >= 0 && !global[i] && !global[j]) union(parent, i, j);
            }
        } else {
            List<Resource> all = inv.resources();
            Map<String, Integer> index = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) if (!global[i]) index.put(all.get(i).id(), i);
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (global[i]) continue;
                refs.clear();
                references(all.get(i), refs);
                for (String target : refs) {
                    Integer j = index.get(target);
                    if (j != null) union(parent, i, j);
                }
            }
        }
        // components numbered in the order of their first member, without boxing
        int[] number = new int[n];
        Arrays.fill(number, -1);
        int[] size = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (global[i]) continue;
            int root = find(parent, i);
            if (number[root] < 0) number[root] = count++;
            size[number[root]]++;
        }
        int[][] out = new int[count][];
        for (int c = 0; c < count; c++) out[c] = new int[size[c]];
        int[] filled = new int[count];
        for (int i = 0; i < n; i++) {
            if (global[i]) continue;
            int c = number[find(parent, i)];
            out[c][filled[c]++] = i;
        }
        return out;
    }

    /**
     * The ids a resource names in its {@link Ref} fields, at any depth, in declaration order: the
     * definition the loader's references are tested against, and what an inventory the loader did
     * not read (one made in code, or a part of another) is cut by.
     */
    public static void references(Resource r, List<String> out) {
        REFS.get(r.getClass()).collect(r, out);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); // the earlier resource is the root
    }

    /** Collects the ids a value names in its {@link Ref} fields, at any depth. */
    private interface Collector {
        void collect(Object value, List<String> out);
    }

    private static final Collector NONE = (v, out) -> { };

    private static final ClassValue<Collector> REFS = new ClassValue<>() {
        @Override
        protected Collector computeValue(Class<?> type) {
            return refs(type);
        }
    };

    private static Collector refs(Class<?> type) {
        if (!type.isRecord()) return NONE;
        List<Collector> parts = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Collector value = value(c.getGenericType(), c.isAnnotationPresent(Ref.class));
            if (value == NONE) continue;
            Function<Object, Object> get = accessor(c);
            parts.add((v, out) -> {
                Object x = get.apply(v);
                if (x != null) value.collect(x, out);
            });
        }
        if (parts.isEmpty()) return NONE;
        Collector[] all = parts.toArray(Collector[]::new);
        return (v, out) -> {
            for (Collector c : all) c.collect(v, out);
        };
    }

    /** A record component's accessor as a function. */
    private static Function<Object, Object> accessor(RecordComponent c) {
        MethodHandle get;
        try {
            get = MethodHandles.publicLookup().unreflect(c.getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
        return v -> {
            try {
                return (Object) get.invokeExact(v);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }

    /** What to collect from a component's value of this declared type. */
    private static Collector value(Type t, boolean ref) {
        Class<?> raw = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : t instanceof Class<?> c ? c : Object.class;
        if (raw == String.class) return ref ? (v, out) -> out.add((String) v) : NONE;
        if (Collection.class.isAssignableFrom(raw) && t instanceof ParameterizedType p) {
            Collector item = value(p.getActualTypeArguments()[0], ref);
            if (item == NONE) return NONE;
            return (v, out) -> {
                for (Object x : (Collection<?>) v) if (x != null) item.collect(x, out);
            };
        }
        if (raw.isRecord() && raw.getPackageName().equals(Resource.class.getPackageName())) {
            return REFS.get(raw) == NONE ? NONE : (v, out) -> REFS.get(v.getClass()).collect(v, out);
        }
        return NONE;
    }
}
