package dev.continuity.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kinds of resource: the permitted subclasses of the sealed {@link Resource}, in the order it declares them (inventory.md's). */
public final class Kinds {
    @SuppressWarnings("unchecked")
    public static final List<Class<? extends Resource>> ALL = java.util.Arrays.stream(Resource.class.getPermittedSubclasses())
            .<Class<? extends Resource>>map(c -> (Class<? extends Resource>) c).toList();

    public static final Map<String, Class<? extends Resource>> BY_NAME;

    static {
        Map<String, Class<? extends Resource>> m = new LinkedHashMap<>();
        for (Class<? extends Resource> k : ALL) m.put(k.getSimpleName(), k);
        BY_NAME = java.util.Collections.unmodifiableMap(m);
    }

    private Kinds() {
    }
}
