package dev.continuity.engine.model;

import java.util.*;

/** A loaded, valid inventory: its resources in file order, indexed by id, and the policy in force. */
public final class Inventory {
    private final List<String> files;
    private final List<Resource> resources;
    private final Map<String, Integer> indexById;
    private final Map<Class<?>, List<Resource>> byKind;
    private final Policy policy;
    private final Policy defaultPolicy;
    private final String sha256;
    /** Where each resource's fields were written, by id (a map, or the loader's list by position in the index). */
    private final java.util.function.Function<String, FieldLocations> locations;
    private final List<String> warnings;
    private final Map<String, String> fileDigests;
    private final References references;
    /** The resources read when first asked for (the analysis cache), or null: every one read. */
    private final Records records;

    /**
     * Where a field of a resource was written ({@code rto}, {@code failover.mode},
     * {@code backups[1]}), or null when the resource does not have it.
     */
    public Location at(Resource r, String path) {
        FieldLocations l = locations.apply(r.id());
        return l == null || get(r.id()).orElse(null) != r ? null : l.at(path);
    }

    /**
     * @param sha256 the inventory's digest: SHA-256 of the lines {@code sha256sum} prints for its
     *               files in sorted path order ({@code <hex>  <path>\n}), so that an auditor can
     *               recompute it with {@code sha256sum FILES | sha256sum}
     */
    public Inventory(List<String> files, List<Resource> resources, Policy defaultPolicy, String sha256) {
        this(files, resources, defaultPolicy, sha256, Map.of());
    }

    /** @param locations where each resource's fields were written, by resource id */
    public Inventory(List<String> files, List<Resource> resources, Policy defaultPolicy, String sha256,
                     Map<String, FieldLocations> locations) {
        this(files, resources, defaultPolicy, sha256, locations, List.of());
    }

    /** @param warnings what importing declared infrastructure could not derive, one located line each */
    public Inventory(List<String> files, List<Resource> resources, Policy defaultPolicy, String sha256,
                     Map<String, FieldLocations> locations, List<String> warnings) {
        this(files, resources, defaultPolicy, sha256, locations, warnings, Map.of());
    }

    /** @param fileDigests the SHA-256 of each file's bytes, by the file's path as shown (locations name files so) */
    public Inventory(List<String> files, List<Resource> resources, Policy defaultPolicy, String sha256,
                     Map<String, FieldLocations> locations, List<String> warnings, Map<String, String> fileDigests) {
        this(files, resources, defaultPolicy, sha256, locations, warnings, fileDigests, null);
    }

    /** @param references every reference the documents write, as the loader read and resolved them; null: not known */
    public Inventory(List<String> files, List<Resource> resources, Policy defaultPolicy, String sha256,
                     Map<String, FieldLocations> locations, List<String> warnings, Map<String, String> fileDigests,
                     References references) {
        this(files, resources, defaultPolicy, sha256, locations, warnings, fileDigests, references, null);
    }

    /**
     * @param index each resource's position in {@code resources} by id, as the loader made it while
     *              checking for duplicates (one index of the ids, not two); null: made here
     */
    public Inventory(List<String> files, List<Resource> resources, Policy defaultPolicy, String sha256,
                     Map<String, FieldLocations> locations, List<String> warnings, Map<String, String> fileDigests,
                     References references, Map<String, Integer> index) {
        this(files, resources, defaultPolicy, sha256, locations::get, warnings, fileDigests, references, index);
    }

    /**
     * The loader's inventory: {@code locations} in the order of {@code resources}, whose positions
     * {@code index} gives by id (looked up there instead of in a second map of every id).
     */
    public Inventory(List<String> files, List<Resource> resources, Policy defaultPolicy, String sha256,
                     List<FieldLocations> locations, List<String> warnings, Map<String, String> fileDigests,
                     References references, Map<String, Integer> index) {
        this(files, resources, defaultPolicy, sha256, byPosition(locations, Objects.requireNonNull(index)), warnings, fileDigests,
                references, index);
    }

    private static java.util.function.Function<String, FieldLocations> byPosition(List<FieldLocations> locations, Map<String, Integer> index) {
        List<FieldLocations> copy = Collections.unmodifiableList(locations);
        return id -> {
            Integer at = index.get(id);
            return at == null ? null : copy.get(at);
        };
    }

    private Inventory(List<String> files, List<Resource> resources, Policy defaultPolicy, String sha256,
                      java.util.function.Function<String, FieldLocations> locations, List<String> warnings,
                      Map<String, String> fileDigests, References references, Map<String, Integer> index) {
        this.references = references;
        this.fileDigests = Map.copyOf(fileDigests);
        this.defaultPolicy = defaultPolicy;
        this.locations = locations;
        this.warnings = List.copyOf(warnings);
        this.sha256 = sha256;
        this.files = List.copyOf(files);
        this.resources = List.copyOf(resources);
        this.records = null;
        Map<String, Integer> ids = index != null ? index : new HashMap<>(resources.size() * 2);
        Map<Class<?>, List<Resource>> kinds = new HashMap<>();
        for (int i = 0; i < this.resources.size(); i++) {
            Resource r = this.resources.get(i);
            if (index == null) ids.put(r.id(), i);
            kinds.computeIfAbsent(r.getClass(), k -> new ArrayList<>()).add(r);
        }
        this.indexById = ids;
        this.byKind = kinds;
        List<Resource> policies = kinds.getOrDefault(Policy.class, List.of());
        this.policy = policies.isEmpty() ? defaultPolicy : (Policy) policies.get(0);
    }

    /**
     * Resources known by kind, id and file before they are read (the analysis cache's): a record
     * is read when first asked for, and is the same object every time after.
     */
    public interface Records {
        /** How many resources. */
        int size();

        Class<? extends Resource> kind(int position);

        String id(int position);

        /** The file (as locations show it) the resource was written in. */
        String file(int position);

        /** The resource, read on first use; the same object every time. */
        Resource resource(int position);

        /** Where its fields were written, or null. */
        FieldLocations locations(int position);

        /** The components (graph/Components) as positions, known from the run before; null: worked out from the resources. */
        int[][] components();

        /**
         * The SHA-256 of a version of the resource's file whose bytes hold the resource with the
         * very fields and field locations it has now: its file's digest, or an earlier one's when
         * only other resources of the file changed since.
         */
        String token(int position);
    }

    /**
     * Each resource's position by id (made apart, so that a caller can make it while it waits for
     * something else): an open-addressing table of positions, no entry or boxed position per id,
     * about a quarter of the time a {@code HashMap} of 100,000 ids took in a cached check.
     */
    public static Map<String, Integer> index(Records records) {
        return new Positions(records);
    }

    /** Positions by id: ids hashed into a table of positions, probed linearly (ids are unique in a valid inventory). */
    private static final class Positions extends AbstractMap<String, Integer> {
        private final Records records;
        private final int[] table; // a position, or -1
        private final int mask;

        Positions(Records records) {
            this.records = records;
            int n = records.size();
            int size = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
            table = new int[size];
            Arrays.fill(table, -1);
            mask = size - 1;
            for (int i = 0; i < n; i++) {
                int h = spread(records.id(i).hashCode()) & mask;
                while (table[h] >= 0) h = (h + 1) & mask;
                table[h] = i;
            }
        }

        private static int spread(int h) {
            return h ^ (h >>> 16) ^ (h >>> 7);
        }

        @Override
        public Integer get(Object key) {
            if (!(key instanceof String id)) return null;
            for (int h = spread(id.hashCode()) & mask; table[h] >= 0; h = (h + 1) & mask) {
                if (records.id(table[h]).equals(id)) return table[h];
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public int size() {
            return records.size();
        }

        @Override
        public Set<Entry<String, Integer>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Integer>> iterator() {
                    return new Iterator<>() {
                        private int i;

                        public boolean hasNext() {
                            return i < records.size();
                        }

                        public Entry<String, Integer> next() {
                            if (!hasNext()) throw new NoSuchElementException();
                            int at = i++;
                            return new SimpleImmutableEntry<>(records.id(at), at);
                        }
                    };
                }

                @Override
                public int size() {
                    return records.size();
                }
            };
        }
    }

    /**
     * The inventory of resources read when first asked for.
     *
     * @param index each resource's position by id, {@link #index(Records)}
     */
    public Inventory(List<String> files, Records records, Policy defaultPolicy, String sha256, List<String> warnings,
                     Map<String, String> fileDigests, Map<String, Integer> index) {
        this.records = records;
        this.references = null;
        this.fileDigests = Map.copyOf(fileDigests);
        this.defaultPolicy = defaultPolicy;
        this.warnings = List.copyOf(warnings);
        this.sha256 = sha256;
        this.files = List.copyOf(files);
        this.indexById = index;
        this.locations = id -> {
            Integer at = index.get(id);
            return at == null ? null : records.locations(at);
        };
        this.resources = new Read(records, null);
        // each kind's positions, counted first, then filled (no boxing)
        Map<Class<?>, int[]> positions = new HashMap<>();
        Map<Class<?>, int[]> filled = new HashMap<>();
        for (int i = 0; i < records.size(); i++) filled.computeIfAbsent(records.kind(i), k -> new int[1])[0]++;
        filled.forEach((k, count) -> {
            positions.put(k, new int[count[0]]);
            count[0] = 0;
        });
        for (int i = 0; i < records.size(); i++) {
            Class<?> k = records.kind(i);
            positions.get(k)[filled.get(k)[0]++] = i;
        }
        Map<Class<?>, List<Resource>> kinds = new HashMap<>();
        positions.forEach((k, at) -> kinds.put(k, new Read(records, at)));
        this.byKind = kinds;
        List<Resource> policies = kinds.getOrDefault(Policy.class, List.of());
        this.policy = policies.isEmpty() ? defaultPolicy : (Policy) policies.get(0);
    }

    /** Resources read when asked for: every position, or some ({@code at}). */
    private static final class Read extends AbstractList<Resource> implements RandomAccess {
        private final Records records;
        private final int[] at;

        Read(Records records, int[] at) {
            this.records = records;
            this.at = at;
        }

        @Override
        public Resource get(int i) {
            if (at == null) Objects.checkIndex(i, records.size());
            return records.resource(at == null ? i : at[i]);
        }

        @Override
        public int size() {
            return at == null ? records.size() : at.length;
        }
    }

    /** The kind of the resource at a position, without reading it when it is not read yet. */
    public Class<? extends Resource> kindAt(int position) {
        return records != null ? records.kind(position) : resources.get(position).getClass();
    }

    /** The id of the resource at a position, without reading it. */
    public String idAt(int position) {
        return records != null ? records.id(position) : resources.get(position).id();
    }

    /** The file the resource at a position was written in, without reading it. */
    public String fileAt(int position) {
        return records != null ? records.file(position) : resources.get(position).location().file();
    }

    /**
     * A version of the file of the resource at a position whose bytes hold the resource exactly as
     * it is now ({@link Records#token}): the file's digest, or an earlier version's; null when not known.
     */
    public String keyToken(int position) {
        return records != null ? records.token(position) : fileDigest(fileAt(position));
    }

    /** The ids of the resources of a kind, in inventory order, without reading them. */
    public List<String> ids(Class<? extends Resource> kind) {
        if (records == null) return all(kind).stream().map(Resource::id).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) if (records.kind(i) == kind) out.add(records.id(i));
        return out;
    }

    /** The components (graph/Components) as positions when known without reading the resources, else null. */
    public int[][] knownComponents() {
        return records == null ? null : records.components();
    }

    /** SHA-256 over the sorted relative paths and contents of the inventory files (see the constructor). */
    public String sha256() {
        return sha256;
    }

    /** What importing declared infrastructure (Terraform JSON among the paths) could not derive or left out. */
    public List<String> warnings() {
        return warnings;
    }

    /** Every reference the documents write ({@link Ref} fields at any depth), as the loader read them; null when not known. */
    public References references() {
        return references;
    }

    /** The SHA-256 of a file's bytes, by its path as locations show it; null when not known. */
    public String fileDigest(String file) {
        return fileDigests.get(file);
    }

    /** Where each field of a resource was written, or null (the analysis cache's keys). */
    public FieldLocations locations(Resource r) {
        return locations.apply(r.id());
    }

    /**
     * The same inventory restricted to some of its resources (a part the evaluator checks alone):
     * same files, digests, locations and default policy.
     */
    public Inventory only(List<Resource> some) {
        return new Inventory(files, some, defaultPolicy, sha256, locations, warnings, fileDigests, null, null);
    }

    /** The same inventory with one more warning. */
    public Inventory withWarning(String warning) {
        List<String> w = new ArrayList<>(warnings);
        w.add(warning);
        if (records != null) return new Inventory(files, records, defaultPolicy, sha256, w, fileDigests, indexById);
        return new Inventory(files, resources, defaultPolicy, sha256, locations, w, fileDigests, references, indexById);
    }

    public List<String> files() {
        return files;
    }

    public List<Resource> resources() {
        return resources;
    }

    public int size() {
        return resources.size();
    }

    public Optional<Resource> get(String id) {
        Integer i = indexById.get(id);
        return i == null ? Optional.empty() : Optional.of(resources.get(i));
    }

    @SuppressWarnings("unchecked")
    public <T extends Resource> List<T> all(Class<T> kind) {
        return (List<T>) byKind.getOrDefault(kind, List.of());
    }

    public <T extends Resource> Optional<T> get(String id, Class<T> kind) {
        Integer i = indexById.get(id);
        Resource r = i == null ? null : resources.get(i);
        return kind.isInstance(r) ? Optional.of(kind.cast(r)) : Optional.empty();
    }

    /** The declared Policy, or one with every default when none is declared. */
    public Policy policy() {
        return policy;
    }

    /** True when the inventory declares its own Policy. */
    public boolean hasDeclaredPolicy() {
        return !all(Policy.class).isEmpty();
    }
}
