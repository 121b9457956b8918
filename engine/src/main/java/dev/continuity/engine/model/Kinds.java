package dev.continuity.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kinds of resource, in the order of inventory.md. */
public final class Kinds {
    public static final List<Class<? extends Resource>> ALL = List.of(
            Policy.class, Vendor.class, Site.class, InternetLink.class, Service.class, DataStore.class,
            EdgeProtection.class, Person.class, Role.class, Plan.class, Exercise.class, Waiver.class);

    public static final Map<String, Class<? extends Resource>> BY_NAME;

    static {
        Map<String, Class<? extends Resource>> m = new LinkedHashMap<>();
        for (Class<? extends Resource> k : ALL) m.put(k.getSimpleName(), k);
        BY_NAME = java.util.Collections.unmodifiableMap(m);
    }

    private Kinds() {
    }
}
