package dev.continuity.engine.load;

import dev.continuity.engine.load.YNode.*;
import dev.continuity.engine.model.*;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.GraphPath;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads an inventory from YAML files and directories (inventory.md): every input error is
 * collected and reported at once, each located at file:line:column.
 */
public final class InventoryLoader {
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    /** True when an id matches {@link #ID}, checked without a regular expression (every document has one). */
    public static boolean validId(String id) {
        if (id.isEmpty() || id.length() > 63) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '.' || c == '_' || c == '-'));
            if (!ok) return false;
        }
        return true;
    }
    /** Largest file accepted. */
    public static final long MAX_FILE_BYTES = 100L * 1024 * 1024;

    static {
        // every kind's shape, with its parsed defaults, is built at start-up: a default that does not parse fails here
        for (Class<? extends Resource> kind : Kinds.ALL) Binder.fields(kind);
    }

    private final Path workDir;
    private final boolean showAsGiven;
    private AnalysisCache cache;

    /** Reads unchanged files from an analysis cache and keeps what it reads there (null: none). */
    public InventoryLoader withCache(AnalysisCache cache) {
        this.cache = cache;
        return this;
    }

    /** Paths in messages and locations are written relative to {@code workDir} when they lie below it. */
    public InventoryLoader(Path workDir) {
        this(workDir, false);
    }

    /**
     * @param showAsGiven absolute paths are shown as given (the command line); otherwise every path
     *                    is shown relative to {@code workDir} (the Maven plugin, whose paths are absolute)
     */
    public InventoryLoader(Path workDir, boolean showAsGiven) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.showAsGiven = showAsGiven;
    }

    public InventoryLoader() {
        this(Path.of(""));
    }

    /** The Policy in force when an inventory declares none: every field at its default. */
    public static Policy defaultPolicy() {
        return DefaultPolicy.INSTANCE;
    }

    private static final class DefaultPolicy {
        static final Policy INSTANCE = new Binder(new ArrayList<>(), new ArrayList<>(), null)
                .bindResource(Policy.class, new YMap(new Location("<default>", 0, 0), new LinkedHashMap<>()), "default");
    }

    public Inventory load(List<Path> paths) throws InputException {
        List<InputError> errors = new ArrayList<>();
        List<Path> files = expand(paths, errors);
        // with a cache whose shape still holds, only the changed files are read (the rest when asked for)
        FileResult[] read = new FileResult[files.size()];
        if (cache != null && errors.isEmpty()) {
            Inventory kept = kept(files, read);
            if (kept != null) return kept;
        }
        // Terraform JSON first: its documents are completed by hand-written ones of the same kind and id
        Declared declared = importDeclared(files.stream().filter(InventoryLoader::isJson).toList());
        // files are parsed and bound in parallel (each with its own error list), then merged in
        // file order, so that the result and the order of errors do not depend on timing
        List<FileResult> yaml = files.stream().anyMatch(InventoryLoader::isJson)
                ? readAll(files.stream().filter(f -> !isJson(f)).toList(), declared, null)
                : readAll(files, declared, read); // (kept() reads no JSON, so read[] is in file order)
        List<FileResult> results = new ArrayList<>();
        Iterator<FileResult> nextYaml = yaml.iterator();
        for (Path f : files) results.add(isJson(f) ? declared.bind(f) : nextYaml.next());
        errors.addAll(declared.errors);
        int count = 0, refCount = 0;
        for (FileResult fr : results) {
            count += fr.resources().size();
            refCount += fr.refs().size();
        }
        List<Binder.RefUse> refs = new ArrayList<>(refCount);
        List<Resource> resources = new ArrayList<>(count);
        // each resource's position by id: the duplicate check, then the inventory's own index (ids are
        // lower case, so the same id in other cases is a duplicate here too); a second Policy is left
        // out of it, and kept in rejected so that a later duplicate names it
        Map<String, Integer> index = new HashMap<>(count * 2);
        Map<String, Resource> rejected = new HashMap<>();
        // ids of documents that have errors of their own: references to them are not reported again
        Map<String, Class<?>> invalid = new HashMap<>();
        Policy firstPolicy = null;
        // where each resource's fields were written, in the order of resources (the index's positions)
        List<FieldLocations> locations = new ArrayList<>(count);
        for (FileResult fr : results) {
            errors.addAll(fr.errors());
            refs.addAll(fr.refs());
            invalid.putAll(fr.invalid());
            for (int i = 0; i < fr.resources().size(); i++) {
                Resource r = fr.resources().get(i);
                Resource previous = rejected.get(r.id());
                if (previous == null) {
                    Integer at = index.putIfAbsent(r.id(), resources.size());
                    if (at != null) previous = resources.get(at);
                }
                if (previous != null) {
                    errors.add(InputError.at(r.location(), "duplicate id '" + r.id() + "' (already declared at "
                            + previous.location().file() + ":" + previous.location().line() + ")"));
                    continue;
                }
                if (r instanceof Policy p) {
                    if (firstPolicy != null) {
                        errors.add(InputError.at(r.location(), "a second Policy '" + r.id() + "': an inventory has at most one (the first is '"
                                + firstPolicy.id() + "' at " + firstPolicy.location().file() + ":" + firstPolicy.location().line() + ")"));
                        index.remove(r.id());
                        rejected.put(r.id(), r);
                        continue;
                    }
                    firstPolicy = p;
                }
                resources.add(r);
                locations.add(fr.locations().get(i));
            }
        }
        List<String> warnings = new ArrayList<>(declared.warnings());
        if (cache != null && cache.warning() != null) warnings.add(0, cache.warning());
        List<String> shown = files.stream().map(this::display).toList();
        SortedMap<String, String> digests = new TreeMap<>();
        for (int i = 0; i < shown.size(); i++) digests.put(shown.get(i), results.get(i).sha256());
        // every reference resolved once, by the index of ids: the reference check and the components
        // read the positions (a resource's references come one after another: its id looked up once)
        int[] from = new int[refs.size()], to = new int[refs.size()];
        String owner = null;
        int ownerAt = -1;
        for (int k = 0; k < refs.size(); k++) {
            Binder.RefUse u = refs.get(k);
            if (!u.owner().equals(owner)) {
                owner = u.owner();
                Integer at = index.get(owner);
                ownerAt = at == null ? -1 : at;
            }
            from[k] = ownerAt;
            Integer at = index.get(u.target());
            to[k] = at == null ? -1 : at;
        }
        References references = new References(from, to);
        // made before the checks, which look ids up in it (one index of the ids, not one per step)
        Inventory inv = new Inventory(shown, resources, defaultPolicy(), digest(digests), locations, warnings, digests, references, index);
        // a large inventory's dependency cycles on the other core while this one checks the references
        // (errors in the same order as one after the other); a small one's here, without a thread.
        // Even without a graph (DependencyOrder) the other core pays: the cached re-run of 100k took
        // 1.05x as long with both on this one
        java.util.function.Supplier<List<InputError>> checkingCycles = () -> {
            List<InputError> found = new ArrayList<>();
            checkCycles(resources, found);
            return found;
        };
        java.util.concurrent.CompletableFuture<List<InputError>> cycles = resources.size() > 5_000
                ? java.util.concurrent.CompletableFuture.supplyAsync(checkingCycles) : null;
        checkReferences(refs, to, inv, invalid, errors);
        errors.addAll(cycles == null ? checkingCycles.get() : dev.continuity.engine.Background.join(cycles));
        if (!errors.isEmpty()) throw new InputException(errors);
        if (cache != null && files.stream().noneMatch(InventoryLoader::isJson)) keepShape(shown, results);
        return inv;
    }

    /** The shape of an inventory read whole and valid, for the next check with the cache ({@link #kept}). */
    private void keepShape(List<String> shown, List<FileResult> results) {
        int n = results.size(), total = 0;
        int[] starts = new int[n + 1];
        for (int i = 0; i < n; i++) {
            starts[i] = total;
            total += results.get(i).resources().size();
        }
        starts[n] = total;
        byte[] kinds = new byte[total];
        String[] ids = new String[total];
        List<String> digests = new ArrayList<>(n);
        List<List<String>> existing = new ArrayList<>(n);
        String[] tokens = new String[total];
        int at = 0;
        for (FileResult r : results) {
            for (Resource res : r.resources()) {
                kinds[at] = (byte) Kinds.ALL.indexOf(res.getClass());
                tokens[at] = r.sha256();
                ids[at++] = res.id();
            }
            digests.add(r.sha256());
            existing.add(r.existingFiles());
        }
        cache.keepShape(new AnalysisCache.Head(shown, digests, existing, Arrays.asList(tokens)), new AnalysisCache.Body(starts, kinds, ids, null));
    }

    /**
     * The inventory from the cache's shape of the last valid check, when it still holds: the same
     * files, each unchanged since it was hashed or changed without changing its outline (the kind,
     * id and references of each resource, a Vendor's type), and without errors. Then the last
     * check's index of ids, its reference checks, its dependency cycles (none) and its components
     * hold too: only the changed files are read, and the records of the others when asked for. Null
     * when the shape does not hold; the files read are then in {@code read}, by position.
     */
    private Inventory kept(List<Path> files, FileResult[] read) {
        if (cache.warning() != null) return null;
        AnalysisCache.Head head = cache.head();
        int n = files.size();
        if (head == null || head.files().size() != n) return null;
        List<String> shown = new ArrayList<>(n);
        for (Path f : files) {
            if (isJson(f)) return null;
            shown.add(display(f));
        }
        if (!shown.equals(head.files())) return null;
        AnalysisCache.Seen[] stats = new AnalysisCache.Seen[n];
        boolean[] toRead = new boolean[n];
        List<Path> changed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stats[i] = AnalysisCache.stat(files.get(i));
            String sha = stats[i] == null ? null : cache.recorded(shown.get(i), stats[i]);
            toRead[i] = sha == null || !sha.equals(head.digests().get(i)) || !cache.holds(shown.get(i), sha);
            if (toRead[i]) changed.add(files.get(i));
        }
        Map<Path, Integer> at = new HashMap<>();
        for (int i = 0; i < n; i++) at.put(files.get(i), i);
        // the changed files parsed, and compared with what the cache held for them, on the other core,
        // while this one does what does not depend on them
        java.util.function.Function<List<Path>, List<Compared>> readAndCompare = paths -> {
            List<Compared> out = new ArrayList<>();
            for (FileResult r : readAll(paths, new Declared(), null)) {
                int i = at.get(paths.get(out.size()));
                out.add(Compared.of(r, shown.get(i), head.digests().get(i), cache));
            }
            return out;
        };
        java.util.concurrent.CompletableFuture<List<Compared>> parsing = changed.isEmpty()
                ? java.util.concurrent.CompletableFuture.completedFuture(List.of())
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> readAndCompare.apply(changed));
        AnalysisCache.Body body = cache.body();
        boolean holds = body != null && body.starts().length == n + 1;
        List<Path> gone = new ArrayList<>(); // unchanged files whose named files are gone: read again
        for (int i = 0; holds && i < n; i++) {
            if (!toRead[i] && !head.existing().get(i).stream().allMatch(f -> Files.exists(Path.of(f)))) {
                toRead[i] = true;
                gone.add(files.get(i));
            }
        }
        List<String> digests = new ArrayList<>(head.digests());
        FileResult[] now = new FileResult[n];
        String[] tokens = head.tokens().toArray(String[]::new);
        holds &= tokens.length == (body == null ? -1 : body.ids().length);
        Unread records = holds ? new Unread(shown, digests, now, body, tokens) : null;
        Map<String, Integer> index = holds ? Inventory.index(records) : null;
        if (holds) cache.prefetch();
        List<Compared> fresh = new ArrayList<>(parsing.join());
        fresh.addAll(readAndCompare.apply(gone));
        List<Path> readOrder = new ArrayList<>(changed);
        readOrder.addAll(gone);
        Compared[] compared = new Compared[n];
        for (int k = 0; k < readOrder.size(); k++) {
            int i = at.get(readOrder.get(k));
            compared[i] = fresh.get(k);
            read[i] = compared[i].now();
            holds = holds && keepsOutline(compared[i], i, body);
        }
        if (!holds) return null;
        // it holds: the unchanged files are taken from the cache unread
        List<List<String>> existing = new ArrayList<>(head.existing());
        for (int i = 0; i < n; i++) {
            if (read[i] != null) {
                now[i] = read[i];
                boolean[] same = compared[i].same();
                for (int k = 0; same != null && k < same.length; k++) if (!same[k]) tokens[body.starts()[i] + k] = read[i].sha256();
                digests.set(i, read[i].sha256());
                existing.set(i, read[i].existingFiles());
            } else {
                cache.unchanged(shown.get(i), stats[i]);
                if (!cache.keepUnread(shown.get(i), digests.get(i))) throw new IllegalStateException("cache entry gone: " + shown.get(i));
            }
        }
        cache.keepShape(new AnalysisCache.Head(shown, digests, existing, Arrays.asList(tokens)));
        SortedMap<String, String> byPath = new TreeMap<>();
        for (int i = 0; i < n; i++) byPath.put(shown.get(i), digests.get(i));
        List<String> warnings = new ArrayList<>(); // no Terraform JSON among the files, the cache read without a warning
        return new Inventory(shown, records, defaultPolicy(), digest(byPath), warnings, byPath, index);
    }

    /**
     * A file read again, and what the cache held for it when its bytes changed ({@code before}):
     * whether the two have the same outline ({@link #sameOutline}), and then which resources kept
     * their fields and field locations byte for byte ({@code same}, by position; null when the bytes
     * did not change or the outline did): those keep their Inventory.keyToken, so that their
     * components keep their keys; the others take the file's new digest.
     */
    record Compared(FileResult now, boolean outline, boolean[] same) {
        static Compared of(FileResult now, String display, String digestBefore, AnalysisCache cache) {
            if (!now.errors().isEmpty() || !now.invalid().isEmpty()) return new Compared(now, false, null);
            if (now.sha256().equals(digestBefore)) return new Compared(now, true, null);
            FileResult before = cache.entry(display, digestBefore, false);
            if (before == null || !sameOutline(before, now)) return new Compared(now, false, null);
            boolean[] same = new boolean[now.resources().size()];
            for (int k = 0; k < same.length; k++) {
                try {
                    same[k] = Arrays.equals(CacheCodec.Writer.alone(now.resources().get(k), now.locations().get(k)),
                            CacheCodec.Writer.alone(before.resources().get(k), before.locations().get(k)));
                } catch (IOException e) {
                    same[k] = false;
                }
            }
            return new Compared(now, true, same);
        }
    }

    /** True when a file read again has no errors and the outline the shape was made from. */
    private static boolean keepsOutline(Compared c, int file, AnalysisCache.Body body) {
        if (!c.outline()) return false;
        List<Resource> rs = c.now().resources();
        int start = body.starts()[file];
        if (start + rs.size() != body.starts()[file + 1]) return false;
        for (int k = 0; k < rs.size(); k++) {
            Resource r = rs.get(k);
            if (body.kinds()[start + k] != Kinds.ALL.indexOf(r.getClass()) || !r.id().equals(body.ids()[start + k])) return false;
        }
        return true;
    }

    /** Same resources by kind and id (a Vendor's type too: references check it), same references. */
    static boolean sameOutline(FileResult a, FileResult b) {
        if (a.resources().size() != b.resources().size() || a.refs().size() != b.refs().size()) return false;
        for (int i = 0; i < a.resources().size(); i++) {
            Resource x = a.resources().get(i), y = b.resources().get(i);
            if (x.getClass() != y.getClass() || !x.id().equals(y.id())) return false;
            if (x instanceof Vendor v && v.type() != ((Vendor) y).type()) return false;
        }
        for (int k = 0; k < a.refs().size(); k++) {
            Binder.RefUse x = a.refs().get(k), y = b.refs().get(k);
            if (!x.owner().equals(y.owner()) || !x.target().equals(y.target()) || !x.field().equals(y.field())
                    || !x.allowed().equals(y.allowed()) || !x.vendorType().equals(y.vendorType())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The resources of an inventory whose shape the cache kept: the changed files' as read, the
     * others' read from the cache when first asked for (the kinds the rules of the whole inventory
     * read from their own small entry), each file under its own lock, so that every record is one
     * object however many threads ask.
     */
    private final class Unread implements Inventory.Records {
        private final List<String> shown;
        private final List<String> digests;
        private final FileResult[] files; // read (changed), else null: from the cache
        private final AnalysisCache.Body body;
        private final int[] fileOf;
        private final Object[] locks;
        private final String[] tokens;

        Unread(List<String> shown, List<String> digests, FileResult[] files, AnalysisCache.Body body, String[] tokens) {
            this.tokens = tokens;
            this.shown = shown;
            this.digests = digests;
            this.files = files;
            this.body = body;
            int[] starts = body.starts();
            fileOf = new int[body.ids().length];
            locks = new Object[files.length];
            for (int f = 0; f < files.length; f++) {
                locks[f] = new Object();
                Arrays.fill(fileOf, starts[f], starts[f + 1], f);
            }
        }

        public int size() {
            return fileOf.length;
        }

        public Class<? extends Resource> kind(int position) {
            return Kinds.ALL.get(body.kinds()[position]);
        }

        public String id(int position) {
            return body.ids()[position];
        }

        public String file(int position) {
            return shown.get(fileOf[position]);
        }

        public int[][] components() {
            return body.components();
        }

        public String token(int position) {
            return tokens[position];
        }

        public Resource resource(int position) {
            return read(position, FileResult::resources, AnalysisCache.Wide::resources);
        }

        public FieldLocations locations(int position) {
            return read(position, FileResult::locations, AnalysisCache.Wide::locations);
        }

        /**
         * What is at a position: from the changed file as read, else from the file's wide entry (the
         * kinds it holds) or its whole entry, decoded under the file's lock on first use.
         */
        private <T> T read(int position, java.util.function.Function<FileResult, List<T>> whole,
                           java.util.function.Function<AnalysisCache.Wide, List<T>> wideOnes) {
            int f = fileOf[position], local = position - body.starts()[f];
            synchronized (locks[f]) {
                if (files[f] != null) return whole.apply(files[f]).get(local);
                if (!AnalysisCache.Wide.kind(kind(position))) return whole.apply(entry(f)).get(local);
                AnalysisCache.Wide w = wide(f);
                int j = Arrays.binarySearch(w.positions(), local);
                if (j < 0) throw new IllegalStateException("analysis cache: no record at " + local + " of " + shown.get(f));
                return wideOnes.apply(w).get(j);
            }
        }

        private AnalysisCache.Wide wide(int f) {
            AnalysisCache.Wide w = cache.wide(shown.get(f), digests.get(f));
            if (w == null) throw new IllegalStateException("analysis cache: cannot read " + shown.get(f));
            return w;
        }

        private FileResult entry(int f) {
            FileResult r = cache.entry(shown.get(f), digests.get(f), true);
            if (r == null || r.resources().size() != body.starts()[f + 1] - body.starts()[f]) {
                throw new IllegalStateException("analysis cache: cannot read " + shown.get(f));
            }
            return r;
        }
    }

    static boolean isJson(Path f) {
        return isJson(f.getFileName().toString());
    }

    /** True for a Terraform JSON file's name or path, which the loader imports instead of reading as YAML. */
    public static boolean isJson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** What Terraform JSON among the paths declares, imported in memory, and which of it hand-written documents completed. */
    private final class Declared {
        final Map<String, dev.continuity.engine.imports.ImportedDocument> byLowerId = new HashMap<>();
        final Set<String> completed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final List<InputError> errors = new ArrayList<>();
        final Map<String, String> sha256 = new HashMap<>();
        final List<String> notes = new ArrayList<>();

        /** The imported document a hand-written one of this kind and id completes, or null. */
        YMap complete(YMap hand, List<InputError> errs) {
            if (byLowerId.isEmpty()) return hand;
            YEntry kind = hand.get("kind");
            YEntry id = hand.get("id");
            if (kind == null || id == null || !(kind.value() instanceof YScalar k) || !(id.value() instanceof YScalar i)) return hand;
            var imported = byLowerId.get(i.text().toLowerCase(Locale.ROOT));
            if (imported == null || !imported.kind().equals(k.text())) return hand;
            completed.add(imported.id().toLowerCase(Locale.ROOT));
            return Completion.merge(hand, imported.document(), imported.address(), errs);
        }

        /** True when a file's resources include one that completes an imported document (then it is bound again, not cached). */
        boolean completes(FileResult r) {
            if (byLowerId.isEmpty()) return false;
            for (Resource res : r.resources()) {
                var d = byLowerId.get(res.id().toLowerCase(Locale.ROOT));
                if (d != null && d.kind().equals(res.kind())) return true;
            }
            return false;
        }

        /** The imported documents of one JSON file that no hand-written document completed, bound. */
        FileResult bind(Path file) {
            String display = display(file);
            List<InputError> errs = new ArrayList<>();
            List<Binder.RefUse> refs = new ArrayList<>();
            Map<String, Class<?>> invalid = new HashMap<>();
            List<Resource> resources = new ArrayList<>();
            List<FieldLocations> locations = new ArrayList<>();
            Binder binder = new Binder(errs, refs, file.toAbsolutePath().getParent());
            for (var d : byLowerId.values().stream().filter(d -> d.source().equals(display))
                    .sorted(Comparator.comparing(dev.continuity.engine.imports.ImportedDocument::id)).toList()) {
                if (completed.contains(d.id().toLowerCase(Locale.ROOT)) || d.completion()) continue;
                Resource r = bindDocument(d.document(), binder, errs, invalid);
                if (r != null) {
                    resources.add(r);
                    locations.add(binder.locations());
                }
            }
            return new FileResult(resources, errs, refs, invalid, sha256.getOrDefault(display, ""), locations);
        }

        List<String> warnings() {
            List<String> out = new ArrayList<>(notes);
            for (var d : byLowerId.values()) {
                if (d.completion() && !completed.contains(d.id().toLowerCase(Locale.ROOT))) {
                    out.add("import: " + dev.continuity.engine.text.Text.escape(d.document().location() + ": " + d.address() + ": an automated failover for "
                            + d.kind() + " " + d.id() + ", which the inventory does not declare: not applied (tag its health check "
                            + dev.continuity.engine.imports.TerraformImporter.SERVICE_TAG + " with the service's id)"));
                }
            }
            Collections.sort(out);
            return out;
        }
    }

    /**
     * Imports Terraform JSON files ({@code continuity import terraform}): every input error of every
     * file at once.
     */
    public dev.continuity.engine.imports.Imported importTerraform(List<Path> files) throws InputException {
        List<InputError> errors = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) errors.add(new InputError(display(f), 0, 0, Files.isDirectory(f)
                    ? "a directory: give the JSON file (terraform show -json > plan.json)" : "no such file"));
        }
        if (!errors.isEmpty()) throw new InputException(errors);
        var imported = terraform(files, new HashMap<>());
        if (!imported.errors().isEmpty()) throw new InputException(imported.errors());
        return imported;
    }

    /**
     * Imports Backstage catalog files ({@code continuity import backstage}; directories: every
     * *.yaml and *.yml below): every input error of every file at once.
     */
    public dev.continuity.engine.imports.Imported importBackstage(List<Path> paths, Set<String> lifecycles) throws InputException {
        List<InputError> errors = new ArrayList<>();
        List<Path> files = expand(paths, errors);
        var importer = new dev.continuity.engine.imports.BackstageImporter(lifecycles);
        for (Path f : files) {
            String display = display(f);
            byte[] bytes = bytes(f, display, errors);
            if (bytes == null) continue;
            List<YNode> docs = new ArrayList<>();
            importer.add(display, read(f, bytes, display, errors, docs::add) ? docs : List.of());
        }
        if (!errors.isEmpty()) throw new InputException(errors);
        return importer.result();
    }

    private dev.continuity.engine.imports.Imported terraform(List<Path> jsonFiles, Map<String, String> sha256s) {
        List<InputError> errors = new ArrayList<>();
        var importer = new dev.continuity.engine.imports.TerraformImporter();
        for (Path f : jsonFiles) {
            String display = display(f);
            var md = sha256Digest();
            try {
                long size = Files.size(f);
                if (size > MAX_FILE_BYTES) {
                    errors.add(new InputError(display, 0, 0, "file is " + size / (1024 * 1024) + " MB; the limit is "
                            + MAX_FILE_BYTES / (1024 * 1024) + " MB"));
                    continue;
                }
                List<InputError> found = new ArrayList<>();
                YNode root;
                try (var in = utf8(new java.security.DigestInputStream(Files.newInputStream(f), md))) {
                    root = new JsonReader(display).read(in, found);
                }
                sha256s.put(display, HexFormat.of().formatHex(md.digest()));
                if (!found.isEmpty()) {
                    errors.addAll(found);
                    continue;
                }
                importer.add(display, root);
            } catch (CharacterCodingException e) {
                errors.add(notUtf8(f, display));
            } catch (IOException e) {
                errors.add(new InputError(display, 0, 0, "cannot read: " + dev.continuity.engine.text.Text.escape(String.valueOf(e.getMessage()))));
            }
        }
        var imported = importer.result();
        errors.addAll(imported.errors());
        return new dev.continuity.engine.imports.Imported(imported.documents(), imported.warnings(), imported.unmapped(), errors);
    }

    private Declared importDeclared(List<Path> jsonFiles) {
        Declared declared = new Declared();
        if (jsonFiles.isEmpty()) return declared;
        var imported = terraform(jsonFiles, declared.sha256);
        declared.errors.addAll(imported.errors());
        for (var w : imported.warnings()) declared.notes.add("import: " + w);
        for (String line : imported.unmapped()) declared.notes.add("import: " + line);
        for (var d : imported.documents()) declared.byLowerId.putIfAbsent(d.id().toLowerCase(Locale.ROOT), d);
        return declared;
    }

    /** One file's bound documents and what the whole inventory must still check about them; what the analysis cache keeps. */
    record FileResult(List<Resource> resources, List<InputError> errors, List<Binder.RefUse> refs,
                      Map<String, Class<?>> invalid, String sha256, List<FieldLocations> locations,
                      List<String> existingFiles) {
        /** @param locations where each of the resources' fields were written, in the order of the resources */
        FileResult(List<Resource> resources, List<InputError> errors, List<Binder.RefUse> refs,
                   Map<String, Class<?>> invalid, String sha256, List<FieldLocations> locations) {
            this(resources, errors, refs, invalid, sha256, locations, List.of());
        }
    }

    /** The inventory's digest: SHA-256 of "sha256  path" lines, as sha256sum prints them, in sorted path order. */
    private static String digest(SortedMap<String, String> digests) {
        StringBuilder text = new StringBuilder();
        digests.forEach((path, sha) -> text.append(sha).append("  ").append(path).append('\n'));
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    private static java.security.MessageDigest sha256Digest() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a file's bytes, in hex. */
    public static String sha256(Path file) throws IOException {
        var md = sha256Digest();
        try (var in = new java.security.DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    FileResult readFile(Path file) {
        return readFile(file, new Declared(), cache == null ? null : AnalysisCache.stat(file));
    }

    /**
     * The files' results, in file order, read on every core: each file is a task of its own, taken
     * in turn from one queue by the calling thread and one per core of the common pool, so that no
     * core waits while another still has several files (a parallel stream hands each thread a run
     * of files at once). With a cache, the files it cannot answer for (changed since they were
     * hashed) are taken first: parsing one costs as much as taking dozens from the cache, and taken
     * last it kept one core busy while the other waited (a cached re-run of 100k with one file
     * changed: the main thread parked about 110 ms).
     */
    private List<FileResult> readAll(List<Path> files, Declared declared, FileResult[] read) {
        int n = files.size();
        AnalysisCache.Seen[] stats = new AnalysisCache.Seen[n];
        int[] order = new int[n]; // the files to take, in turn: those to read first (each result goes to its file's place)
        int first = 0, last = n;
        for (int i = 0; i < n; i++) {
            if (cache != null) stats[i] = AnalysisCache.stat(files.get(i));
            if (cache == null || stats[i] == null || cache.mustRead(display(files.get(i)), stats[i])) order[first++] = i;
            else order[--last] = i;
        }
        FileResult[] out = read != null ? read.clone() : new FileResult[n]; // (read: files read already, else null)
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable reader = () -> {
            for (int k; (k = next.getAndIncrement()) < n; ) {
                int i = order[k];
                if (out[i] == null) out[i] = readFile(files.get(i), declared, stats[i]);
            }
        };
        int helpers = Math.min(n - 1, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
        List<java.util.concurrent.ForkJoinTask<?>> running = new ArrayList<>(Math.max(0, helpers));
        for (int h = 0; h < helpers; h++) running.add(java.util.concurrent.ForkJoinPool.commonPool().submit(reader));
        reader.run();
        for (java.util.concurrent.ForkJoinTask<?> t : running) t.join();
        return Arrays.asList(out);
    }

    /** @param stat the file's {@link AnalysisCache#stat} when there is a cache, taken before its bytes are read */
    private FileResult readFile(Path file, Declared declared, AnalysisCache.Seen stat) {
        List<InputError> errors = new ArrayList<>();
        String display = display(file);
        String known = null;
        if (cache != null) {
            // a file that has not changed since it was hashed is not read (its recorded SHA-256 names its entry)
            known = stat == null ? null : cache.unchanged(display, stat);
            FileResult cached = known == null ? null : cache.get(display, known);
            if (cached != null && !declared.completes(cached)) return cached;
        }
        long readAt = System.currentTimeMillis();
        byte[] bytes = bytes(file, display, errors);
        if (bytes == null) return new FileResult(List.of(), errors, List.of(), Map.of(), "", List.of());
        String sha256 = sha256(bytes);
        if (cache != null) {
            cache.hashed(display, stat, sha256, readAt);
            FileResult cached = sha256.equals(known) ? null : cache.get(display, sha256); // not looked up twice
            if (cached != null && !declared.completes(cached)) return cached;
        }
        List<Binder.RefUse> refs = new ArrayList<>();
        Map<String, Class<?>> invalid = new HashMap<>();
        List<Resource> resources = new ArrayList<>();
        // what binding finds is kept apart until the whole file was read: a file the guard cut short reports only that
        List<InputError> bound = new ArrayList<>();
        Binder binder = new Binder(bound, refs, file.toAbsolutePath().getParent());
        List<FieldLocations> locations = new ArrayList<>();
        List<YNode> completed = new ArrayList<>(); // documents completing imported ones: such a file is not cached
        // each document is bound as soon as it is read: only one document's nodes are alive at a time,
        // not a whole file's, which the collector would otherwise copy
        boolean whole = read(file, bytes, display, errors, doc -> {
            if (doc instanceof YMap m) {
                YNode completedDoc = declared.complete(m, bound);
                if (completedDoc != doc) completed.add(completedDoc);
                doc = completedDoc;
            }
            Resource r = bindDocument(doc, binder, bound, invalid);
            if (r != null) {
                resources.add(r);
                locations.add(binder.locations());
            }
        });
        if (!whole) return new FileResult(List.of(), errors, List.of(), Map.of(), sha256, List.of(), List.of());
        errors.addAll(bound);
        FileResult result = new FileResult(resources, errors, refs, invalid, sha256, locations, List.copyOf(binder.existingFiles));
        // only what stands on its own is kept: a file with errors is read again, one completing an imported document too
        if (cache != null && errors.isEmpty() && completed.isEmpty()) cache.put(display, sha256, result);
        return result;
    }

    /** A file's bytes, or null with the error (too large, gone, unreadable). */
    private static byte[] bytes(Path file, String display, List<InputError> errors) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                errors.add(new InputError(display, 0, 0, "file is " + size / (1024 * 1024) + " MB; the limit is "
                        + MAX_FILE_BYTES / (1024 * 1024) + " MB"));
                return null;
            }
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            errors.add(new InputError(display, 0, 0, "the file disappeared while it was read"));
        } catch (IOException e) {
            errors.add(new InputError(display, 0, 0, "cannot read: " + dev.continuity.engine.text.Text.escape(String.valueOf(e.getMessage()))));
        }
        return null;
    }

    private Resource bindDocument(YNode doc, Binder binder, List<InputError> errors, Map<String, Class<?>> invalid) {
        if (!(doc instanceof YMap map)) {
            errors.add(InputError.at(doc.location(), "a document must be a mapping with 'kind' and 'id', found " + doc.describe()));
            return null;
        }
        String kind = scalarText(map, "kind", errors);
        String id = scalarText(map, "id", errors);
        Class<? extends Resource> type = null;
        if (kind != null) {
            type = Kinds.BY_NAME.get(kind);
            if (type == null) {
                errors.add(InputError.at(map.get("kind").value().location(), "kind", "unknown kind " + dev.continuity.engine.text.Text.quote(kind) + "; expected one of: "
                        + String.join(", ", Kinds.BY_NAME.keySet()) + Suggest.hint(kind, Kinds.BY_NAME.keySet())));
            }
        }
        boolean validId = id == null || validId(id);
        if (!validId) {
            errors.add(InputError.at(map.get("id").value().location(), "id", "invalid id " + dev.continuity.engine.text.Text.quote(id)
                    + ": use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 63 characters"));
        }
        if (type == null) return null;
        // bind even without a valid id, so that the document's other errors are reported too
        Resource r = (Resource) binder.bindResource((Class) type, map, id == null ? "" : id);
        if (r == null || id == null || !validId) {
            if (id != null) invalid.put(id, type);
            return null;
        }
        return r;
    }

    private static String scalarText(YMap map, String key, List<InputError> errors) {
        YEntry e = map.get(key);
        if (e == null || (e.value() instanceof YScalar s && s.isNull())) {
            errors.add(InputError.at(map.location(), key, "missing '" + key + "'"));
            return null;
        }
        if (!(e.value() instanceof YScalar s)) {
            errors.add(InputError.at(e.value().location(), key, "must be a single value, found " + e.value().describe()));
            return null;
        }
        return s.text(); // as written: id: 123 is the id "123"
    }

    /**
     * Reads a file's documents, giving each to {@code each} as it is read; false when the file
     * could not be read whole (the guard cut it short, or it could not be read): then its one error
     * replaces whatever the parser made of it, and what {@code each} was given must be dropped.
     */
    private boolean read(Path file, byte[] bytes, String display, List<InputError> errors, java.util.function.Consumer<YNode> each) {
        try {
            List<InputError> found = new ArrayList<>();
            // block YAML from the bytes; SnakeYAML, behind the guard, from where the text leaves it
            GuardedReader[] guarded = {null};
            new YamlReader(display, found).read(bytes, () -> guarded[0] = new GuardedReader(utf8(new java.io.ByteArrayInputStream(bytes))), each);
            GuardedReader guard = guarded[0];
            if (guard == null) {
                errors.addAll(found);
                return true;
            }
            guard.close();
            // the guard cut the input short: its finding replaces whatever the parser made of the cut
            if (guard.notUtf8) {
                errors.add(notUtf8(file, display));
                return false;
            }
            if (guard.longLine > 0) {
                errors.add(new InputError(display, guard.longLine, 1, "a line longer than " + GuardedReader.MAX_LINE
                        + " characters: a single value may hold at most " + Binder.MAX_SCALAR + " characters"));
                return false;
            }
            errors.addAll(found);
            return true;
        } catch (CharacterCodingException e) {
            errors.add(notUtf8(file, display));
        } catch (IOException e) {
            errors.add(new InputError(display, 0, 0, "cannot read: " + dev.continuity.engine.text.Text.escape(String.valueOf(e.getMessage()))));
        }
        return false;
    }

    /** A file's text, strictly UTF-8 (a bad byte throws), its bytes digested as they are read. */
    private static BufferedReader utf8(java.io.InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new java.io.InputStreamReader(in, decoder), 1 << 16);
    }

    /** Not UTF-8: located at the line and column (in bytes) of the first byte that is not. */
    private static InputError notUtf8(Path file, String display) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
            java.nio.charset.CoderResult r = decoder.decode(in, out, true);
            int bad = r.isError() ? in.position() : bytes.length;
            int line = 1, lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new InputError(display, line, bad - lineStart + 1, String.format(
                    "not UTF-8 text: byte 0x%02x at byte column %d cannot start or continue a UTF-8 character; save the file as UTF-8",
                    bad < bytes.length ? bytes[bad] & 0xff : 0, bad - lineStart + 1));
        } catch (IOException e) {
            return new InputError(display, 0, 0, "not UTF-8 text");
        }
    }

    private List<Path> expand(List<Path> paths, List<InputError> errors) {
        Map<Path, Path> out = new LinkedHashMap<>(); // absolute -> as given
        List<Path> roots = new ArrayList<>();
        for (Path p : paths) {
            try {
                roots.add(p.toRealPath());
            } catch (IOException | RuntimeException e) {
                // reported below
            }
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                errors.add(new InputError(display(p), 0, 0, "no such file or directory"));
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    List<Path> found = walk.filter(InventoryLoader::isYaml).filter(Files::isRegularFile)
                            .sorted(Comparator.comparing(f -> p.relativize(f).toString().replace('\\', '/')))
                            .toList();
                    if (found.isEmpty()) errors.add(new InputError(display(p), 0, 0, "no *.yaml or *.yml files in this directory"));
                    for (Path f : found) {
                        if (outside(f, roots)) {
                            errors.add(new InputError(display(f), 0, 0, "a symbolic link to a file outside the paths given;"
                                    + " it was not read (link to a file inside them, or give its directory too)"));
                            continue;
                        }
                        out.putIfAbsent(f.toAbsolutePath().normalize(), f);
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    errors.add(new InputError(display(p), 0, 0, "the directory changed while it was read ("
                            + dev.continuity.engine.text.Text.escape(String.valueOf(e.getMessage())) + "); run the check again"));
                }
            } else {
                out.putIfAbsent(p.toAbsolutePath().normalize(), p);
            }
        }
        return new ArrayList<>(out.values());
    }

    /** True when a file found below a directory is a link (or lies below one) whose target is outside every path given. */
    private static boolean outside(Path f, List<Path> roots) {
        try {
            Path real = f.toRealPath();
            return roots.stream().noneMatch(real::startsWith);
        } catch (IOException e) {
            return false; // gone: reading it says so
        }
    }

    static boolean isYaml(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /**
     * A path as shown to the user, always with '/': an absolute path as the user gave it (on the
     * command line), else relative to the working directory (with '..' when outside it).
     */
    public String display(Path p) {
        if (showAsGiven && p.isAbsolute()) return p.normalize().toString().replace('\\', '/');
        Path abs = p.toAbsolutePath().normalize();
        Path shown;
        try {
            shown = workDir.getRoot() != null && workDir.getRoot().equals(abs.getRoot()) ? workDir.relativize(abs) : abs;
        } catch (IllegalArgumentException e) {
            shown = abs;
        }
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /** @param to where each reference's target is among the inventory's resources (-1: none has its id) */
    private static void checkReferences(List<Binder.RefUse> refs, int[] to, Inventory inv, Map<String, Class<?>> invalid,
                                        List<InputError> errors) {
        for (int k = 0; k < refs.size(); k++) {
            Binder.RefUse use = refs.get(k);
            List<Class<? extends Resource>> allowed = use.allowed();
            int at = to[k];
            Resource target = at < 0 ? null : inv.resources().get(at);
            if (target != null && allowed.contains(target.getClass()) && (use.vendorType().isEmpty() || !(target instanceof Vendor))) continue;
            Class<?> invalidKind = target == null ? invalid.get(use.target()) : null;
            if (invalidKind != null && allowed.contains(invalidKind)) continue;
            String wanted = String.join(" or ", allowed.stream().map(Class::getSimpleName).toList());
            if (target == null) {
                List<String> candidates = new ArrayList<>(inv.resources().stream().filter(r -> allowed.contains(r.getClass())).map(Resource::id).toList());
                invalid.forEach((id, kind) -> {
                    if (allowed.contains(kind)) candidates.add(id);
                });
                errors.add(InputError.at(use.location(), use.field(), "unknown " + wanted + " " + dev.continuity.engine.text.Text.quote(use.target())
                        + Suggest.hint(use.target(), candidates)));
            } else if (!allowed.contains(target.getClass())) {
                errors.add(InputError.at(use.location(), use.field(), "'" + use.target() + "' is a " + target.kind() + "; expected a " + wanted));
            } else if (!use.vendorType().isEmpty() && target instanceof Vendor v
                    && !v.type().yaml().equals(use.vendorType())) {
                errors.add(InputError.at(use.location(), use.field(), "'" + use.target() + "' is a Vendor of type " + v.type().yaml()
                        + "; expected a Vendor of type " + use.vendorType()));
            }
        }
    }

    /** Reports each dependsOn cycle once, printed from its smallest id, at that service. */
    private static void checkCycles(List<Resource> resources, List<InputError> errors) {
        List<Service> all = new ArrayList<>();
        for (Resource r : resources) if (r instanceof Service s) all.add(s);
        // only what no dependency order places can be on a cycle: none in a valid inventory, where no graph is built
        List<Service> leftOver = dev.continuity.engine.graph.DependencyOrder.of(all).leftOver();
        if (leftOver.isEmpty()) return;
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        Map<String, Service> services = new HashMap<>();
        for (Service s : leftOver) {
            services.put(s.id(), s);
            g.addVertex(s.id());
        }
        for (Service s : services.values()) {
            for (String d : s.dependsOn()) {
                if (services.containsKey(d)) g.addEdge(s.id(), d);
            }
        }
        for (Set<String> scc : new KosarajuStrongConnectivityInspector<>(g).stronglyConnectedSets()) {
            String start = Collections.min(scc);
            if (scc.size() == 1 && !g.containsEdge(start, start)) continue;
            List<String> cycle = shortestCycle(g, scc, start);
            errors.add(InputError.at(services.get(start).location(), "dependsOn cycle: " + String.join(" -> ", cycle)));
        }
    }

    private static List<String> shortestCycle(Graph<String, DefaultEdge> g, Set<String> scc, String start) {
        if (g.containsEdge(start, start)) return List.of(start, start);
        var sub = new org.jgrapht.graph.AsSubgraph<>(g, scc);
        List<String> best = null;
        for (DefaultEdge e : sub.outgoingEdgesOf(start)) {
            String next = sub.getEdgeTarget(e);
            GraphPath<String, DefaultEdge> back = BFSShortestPath.findPathBetween(sub, next, start);
            if (back == null) continue;
            List<String> cycle = new ArrayList<>();
            cycle.add(start);
            cycle.addAll(back.getVertexList());
            if (best == null || cycle.size() < best.size()) best = cycle;
        }
        return best;
    }
}
