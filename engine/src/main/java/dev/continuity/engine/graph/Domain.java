package dev.continuity.engine.graph;

/** A failure domain of the availability model: site:x, zone:x, vendor:x or upstream:x (rules.md). */
public record Domain(Type type, String name) implements Comparable<Domain> {
    public enum Type {
        SITE, ZONE, VENDOR, UPSTREAM;

        private final String prefix = name().toLowerCase(java.util.Locale.ROOT);

        public String prefix() {
            return prefix;
        }
    }

    public static Domain site(String id) {
        return new Domain(Type.SITE, id);
    }

    public static Domain zone(String zone) {
        return new Domain(Type.ZONE, zone);
    }

    public static Domain vendor(String id) {
        return new Domain(Type.VENDOR, id);
    }

    public static Domain upstream(String name) {
        return new Domain(Type.UPSTREAM, name);
    }

    /** Parses "site:dc-1"; throws IllegalArgumentException on anything else. */
    public static Domain parse(String text) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            String prefix = text.substring(0, colon);
            for (Type t : Type.values()) {
                if (t.prefix().equals(prefix.toLowerCase(java.util.Locale.ROOT)) && colon < text.length() - 1) {
                    String name = text.substring(colon + 1);
                    // names (zones, upstreams) compare ignoring case and are kept in lower case (rules.md, Terms)
                    return new Domain(t, t == Type.ZONE || t == Type.UPSTREAM ? name.toLowerCase(java.util.Locale.ROOT) : name);
                }
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a failure domain: write site:ID, zone:NAME, vendor:ID or upstream:NAME");
    }

    /** The order of the written form ({@code site:dc-1}), without writing it: no prefix is the start of another. */
    @Override
    public int compareTo(Domain o) {
        int c = type.prefix().compareTo(o.type.prefix());
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return type.prefix() + ":" + name;
    }
}
