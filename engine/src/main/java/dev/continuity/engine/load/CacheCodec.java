package dev.continuity.engine.load;

import dev.continuity.engine.model.*;

import java.io.IOException;
import java.lang.reflect.*;
import java.time.LocalDate;
import java.util.*;

/**
 * The analysis cache's encoding of a file's bound documents: every record written component by
 * component as its declared type says (strings once each, then by number), and made again through
 * its canonical constructor. Only the model's types can be read back: there is no class name in
 * the stream to trust. Much faster than Java serialisation for a hundred thousand small records.
 */
final class CacheCodec {
    private CacheCodec() {
    }

    /** How one declared type is written and read, worked out once per type: no type test per value. */
    private interface Codec {
        void write(Writer w, Object v) throws IOException;

        Object read(Reader r) throws IOException;
    }

    private static final Map<Type, Codec> CODECS = new HashMap<>();

    /** The codec of a declared type (records of the model, their component types). */
    private static synchronized Codec codec(Type type) {
        Codec known = CODECS.get(type);
        if (known != null) return known;
        Codec made = make(type);
        CODECS.put(type, made);
        return made;
    }

    private static Codec make(Type type) {
        Class<?> c = raw(type);
        if (c == boolean.class) return of((w, v) -> w.out.writeBoolean((Boolean) v), r -> r.in.readBoolean());
        if (c == int.class) return of((w, v) -> w.out.writeInt((Integer) v), r -> r.in.readInt());
        if (c == long.class) return of((w, v) -> w.out.writeLong((Long) v), r -> r.in.readLong());
        if (c == double.class) return of((w, v) -> w.out.writeDouble((Double) v), r -> r.in.readDouble());
        if (c == String.class) return of((w, v) -> w.string((String) v), Reader::string);
        if (c == Location.class) return of((w, v) -> w.location((Location) v), Reader::location);
        return nullable(present(type, c));
    }

    /** A value that is never null on this side of the presence flag. */
    private static Codec present(Type type, Class<?> c) {
        if (c == Boolean.class) return of((w, v) -> w.out.writeBoolean((Boolean) v), r -> r.in.readBoolean());
        if (c == Integer.class) return of((w, v) -> w.out.writeInt((Integer) v), r -> r.in.readInt());
        if (c == Long.class) return of((w, v) -> w.out.writeLong((Long) v), r -> r.in.readLong());
        if (c == Double.class) return of((w, v) -> w.out.writeDouble((Double) v), r -> r.in.readDouble());
        if (c == Dur.class) return of((w, v) -> w.string(((Dur) v).text()), Reader::dur);
        if (c == SemVer.class) return of((w, v) -> w.string(((SemVer) v).text()), Reader::semVer);
        if (c == LocalDate.class) return of((w, v) -> w.out.writeLong(((LocalDate) v).toEpochDay()), r -> LocalDate.ofEpochDay(r.in.readLong()));
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return of((w, v) -> w.out.writeShort(((Enum<?>) v).ordinal()), r -> {
                int o = r.in.readShort();
                if (o < 0 || o >= constants.length) throw new IOException("bad enum");
                return constants[o];
            });
        }
        if (c == List.class || c == Set.class) {
            Type itemType = arg(type, 0);
            boolean list = c == List.class;
            return new Codec() {
                private volatile Codec item; // looked up on first use: a record's codec may still be in the making

                private Codec item() {
                    Codec c = item;
                    if (c == null) item = c = codec(itemType);
                    return c;
                }

                public void write(Writer w, Object v) throws IOException {
                    Codec it = item();
                    Collection<?> items = (Collection<?>) v;
                    w.out.writeInt(items.size());
                    for (Object x : items) it.write(w, x);
                }

                public Object read(Reader r) throws IOException {
                    Codec it = item();
                    int n = r.count();
                    List<Object> items = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) items.add(it.read(r));
                    return list ? Collections.unmodifiableList(items) : Collections.unmodifiableSet(new LinkedHashSet<>(items));
                }
            };
        }
        if (c == Map.class) {
            Type keyType = arg(type, 0), valueType = arg(type, 1);
            return new Codec() {
                private volatile Codec[] kx; // key and value codecs, looked up on first use (checks of a -T build share them)

                private Codec[] kx() {
                    Codec[] p = kx;
                    if (p == null) kx = p = new Codec[]{codec(keyType), codec(valueType)};
                    return p;
                }

                public void write(Writer w, Object v) throws IOException {
                    Codec[] p = kx();
                    Codec k = p[0], x = p[1];
                    Map<?, ?> m = (Map<?, ?>) v;
                    w.out.writeInt(m.size());
                    for (var e : m.entrySet()) {
                        k.write(w, e.getKey());
                        x.write(w, e.getValue());
                    }
                }

                public Object read(Reader r) throws IOException {
                    Codec[] p = kx();
                    Codec k = p[0], x = p[1];
                    int n = r.count();
                    if (n == 0) return Map.of(); // (most labels: no map made for nothing)
                    Map<Object, Object> m = new LinkedHashMap<>(n * 2);
                    for (int i = 0; i < n; i++) m.put(k.read(r), x.read(r));
                    return Collections.unmodifiableMap(m);
                }
            };
        }
        if (c.isRecord() && c.getPackageName().equals(Resource.class.getPackageName())) return record(c);
        throw new IllegalStateException("the analysis cache cannot hold a " + c.getName());
    }

    /** A record: each component by its own codec, made again through the canonical constructor. */
    private static Codec record(Class<?> c) {
        RecordComponent[] rc = c.getRecordComponents();
        int n = rc.length;
        // each component read from its field, the state the canonical constructor made (an accessor
        // that computed its value would be handed back to the constructor otherwise); no method handle
        // per component, whose adaptation to Object, and customisation when called often, made the JVM
        // spin classes whenever a check opened or saved a cache (about 40 in a cached re-run of 100k)
        java.lang.reflect.Field[] getters = new java.lang.reflect.Field[n];
        Type[] types = new Type[n];
        Class<?>[] raw = new Class<?>[n];
        try {
            for (int i = 0; i < n; i++) {
                types[i] = rc[i].getGenericType();
                raw[i] = rc[i].getType();
                getters[i] = c.getDeclaredField(rc[i].getName());
                getters[i].setAccessible(true);
            }
            // the canonical constructor by reflection, as the binder makes records: a spreading method
            // handle's chain of lambda forms, called once per record, made the cached re-run of 100k
            // resources 1.05x slower with C1 only
            java.lang.reflect.Constructor<?> make = c.getDeclaredConstructor(raw);
            make.setAccessible(true);
            return new Codec() {
                private volatile Codec[] parts;

                private Codec[] parts() {
                    Codec[] p = parts;
                    if (p == null) {
                        p = new Codec[n];
                        for (int i = 0; i < n; i++) p[i] = codec(types[i]);
                        parts = p;
                    }
                    return p;
                }

                public void write(Writer w, Object v) throws IOException {
                    Codec[] p = parts();
                    try {
                        for (int i = 0; i < n; i++) p[i].write(w, getters[i].get(v));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }

                public Object read(Reader r) throws IOException {
                    Codec[] p = parts();
                    Object[] args = new Object[n];
                    for (int i = 0; i < n; i++) args[i] = p[i].read(r);
                    try {
                        return make.newInstance(args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw new IOException("cannot make a " + c.getSimpleName(), e.getCause());
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new IOException("cannot make a " + c.getSimpleName(), e);
                    }
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface WriteFn {
        void write(Writer w, Object v) throws IOException;
    }

    private interface ReadFn {
        Object read(Reader r) throws IOException;
    }

    private static Codec of(WriteFn write, ReadFn read) {
        return new Codec() {
            public void write(Writer w, Object v) throws IOException {
                write.write(w, v);
            }

            public Object read(Reader r) throws IOException {
                return read.read(r);
            }
        };
    }

    /** A presence flag, then the value. */
    private static Codec nullable(Codec inner) {
        return new Codec() {
            public void write(Writer w, Object v) throws IOException {
                w.out.writeBoolean(v != null);
                if (v != null) inner.write(w, v);
            }

            public Object read(Reader r) throws IOException {
                return r.in.readBoolean() ? inner.read(r) : null;
            }
        };
    }

    /** Bytes to write, in a growing array: no lock or stream call per value. */
    static final class Out {
        private java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 << 12);

        private void room(int n) {
            if (b.remaining() >= n) return;
            java.nio.ByteBuffer bigger = java.nio.ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + n));
            b.flip();
            bigger.put(b);
            b = bigger;
        }

        void writeBoolean(boolean v) { room(1); b.put((byte) (v ? 1 : 0)); }
        void writeByte(int v) { room(1); b.put((byte) v); }
        void writeShort(int v) { room(2); b.putShort((short) v); }
        /**
         * An int in 1 to 5 bytes (zigzag, then 7 bits a byte, low bits first): string numbers,
         * counts, lines and columns are small, and at 100k resources the cache was 38 MB with each in
         * 4 bytes, most of them field locations, which a cached check reads, checks and writes again whole.
         */
        void writeInt(int v) {
            room(5);
            int z = (v << 1) ^ (v >> 31);
            while ((z & ~0x7F) != 0) {
                b.put((byte) ((z & 0x7F) | 0x80));
                z >>>= 7;
            }
            b.put((byte) z);
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        void writeDouble(double v) { writeLong(Double.doubleToRawLongBits(v)); }
        void write(byte[] v) { room(v.length); b.put(v); }
        void write(byte[] v, int offset, int length) { room(length); b.put(v, offset, length); }

        /** The bytes written so far. */
        byte[] bytes() {
            return java.util.Arrays.copyOf(b.array(), b.position());
        }

        /** Forgets the bytes written (the buffer stays). */
        void clear() {
            b.clear();
        }
    }

    /**
     * Bytes to read, from an array: ints as {@link Out#writeInt} writes them, longs as two, each
     * checked against the end, so that running past it is an IOException (a cut cache). On the array itself, not through a {@code ByteBuffer}: a cached check
     * decodes 100,000 resources once, under C1, where each buffer read is a chain of calls.
     */
    static final class In {
        private final byte[] a;
        private int p;
        private final int end;

        In(byte[] bytes, int length) {
            this(bytes, 0, length);
        }

        /** The {@code length} bytes from {@code offset}. */
        In(byte[] bytes, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
            a = bytes;
            p = offset;
            end = offset + length;
        }

        int position() {
            return p;
        }

        void skip(int n) throws IOException {
            need(n);
            p += n;
        }

        private void need(int n) throws IOException {
            if (n < 0 || end - p < n) throw new IOException("cut short");
        }

        boolean readBoolean() throws IOException { need(1); return a[p++] != 0; }
        byte readByte() throws IOException { need(1); return a[p++]; }

        short readShort() throws IOException {
            need(2);
            short v = (short) ((a[p] & 0xff) << 8 | (a[p + 1] & 0xff));
            p += 2;
            return v;
        }

        /** An int as {@link Out#writeInt} writes it; more than 5 bytes, or a cut one, is an IOException. */
        int readInt() throws IOException {
            int z = 0;
            for (int shift = 0; ; shift += 7) {
                if (p >= end || shift > 28) throw new IOException(p >= end ? "cut short" : "bad number");
                int x = a[p++];
                z |= (x & 0x7F) << shift;
                if ((x & 0x80) == 0) break;
            }
            return (z >>> 1) ^ -(z & 1);
        }

        long readLong() throws IOException {
            long hi = readInt() & 0xffffffffL;
            return hi << 32 | (readInt() & 0xffffffffL);
        }

        double readDouble() throws IOException { return Double.longBitsToDouble(readLong()); }

        /** The next {@code n} bytes as UTF-8 text, decoded in place (no copy of the bytes first). */
        String readUtf8(int n) throws IOException {
            need(n);
            String s = new String(a, p, n, java.nio.charset.StandardCharsets.UTF_8);
            p += n;
            return s;
        }

        boolean atEnd() {
            return p == end;
        }
    }

    static final class Writer {
        private final Out out;
        private final Map<String, Integer> strings = new HashMap<>();

        Writer(Out out) {
            this.out = out;
        }

        void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            Integer known = strings.get(s);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            strings.put(s, strings.size());
            out.writeInt(-2);
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        void result(InventoryLoader.FileResult r) throws IOException {
            string(r.sha256());
            out.writeInt(r.resources().size());
            for (int i = 0; i < r.resources().size(); i++) located(r.resources().get(i), r.locations().get(i));
            out.writeInt(r.refs().size());
            for (Binder.RefUse u : r.refs()) {
                string(u.target());
                out.writeByte(u.allowed().size());
                for (Class<? extends Resource> k : u.allowed()) out.writeByte(Kinds.ALL.indexOf(k));
                string(u.vendorType());
                location(u.location());
                string(u.field());
                string(u.owner());
            }
            out.writeInt(r.existingFiles().size());
            for (String f : r.existingFiles()) string(f);
        }

        void part(AnalysisCache.Part p) throws IOException {
            out.writeInt(p.findings().size());
            for (AnalysisCache.PartFinding f : p.findings()) {
                string(f.rule());
                string(f.subject());
                string(f.kind());
                string(f.detail());
                string(f.message());
                location(f.location());
            }
            out.writeInt(p.recoveries().size());
            for (AnalysisCache.PartRecovery r : p.recoveries()) {
                string(r.service());
                string(r.time() == null ? null : r.time().text());
                string(r.limiting());
                out.writeShort(r.criticality() == null ? -1 : r.criticality().ordinal());
                string(r.mtd() == null ? null : r.mtd().text());
            }
        }

        /** A resource (its kind, then its components) and where its fields were written. */
        private void located(Resource r, FieldLocations l) throws IOException {
            out.writeByte(Kinds.ALL.indexOf(r.getClass()));
            record(r);
            fieldLocations(l);
        }

        /** A resource and where its fields were written, in bytes of their own (no string shared with anything else). */
        static byte[] alone(Resource r, FieldLocations l) throws IOException {
            Out out = new Out();
            new Writer(out).located(r, l);
            return out.bytes();
        }

        void wide(AnalysisCache.Wide w) throws IOException {
            out.writeInt(w.positions().length);
            for (int i = 0; i < w.positions().length; i++) {
                out.writeInt(w.positions()[i]);
                located(w.resources().get(i), w.locations().get(i));
            }
        }

        void head(AnalysisCache.Head h) throws IOException {
            out.writeInt(h.files().size());
            for (int i = 0; i < h.files().size(); i++) {
                string(h.files().get(i));
                string(h.digests().get(i));
                List<String> existing = h.existing().get(i);
                out.writeInt(existing.size());
                for (String f : existing) string(f);
            }
            out.writeInt(h.tokens().size());
            for (String t : h.tokens()) string(t);
        }

        void body(AnalysisCache.Body b) throws IOException {
            out.writeInt(b.starts().length);
            for (int x : b.starts()) out.writeInt(x);
            out.writeInt(b.kinds().length);
            out.write(b.kinds());
            for (String id : b.ids()) string(id);
            out.writeInt(b.components().length);
            for (int[] c : b.components()) {
                out.writeInt(c.length);
                for (int x : c) out.writeInt(x);
            }
        }

        private void fieldLocations(FieldLocations l) throws IOException {
            if (l == null) {
                out.writeInt(-1);
                return;
            }
            out.writeInt(l.paths().length);
            string(l.file());
            out.writeBoolean(l.files() != null);
            for (int i = 0; i < l.paths().length; i++) {
                string(l.paths()[i]);
                out.writeInt(l.lines()[i]);
                out.writeInt(l.columns()[i]);
                if (l.files() != null) string(l.files()[i]);
            }
        }

        private void location(Location l) throws IOException {
            out.writeBoolean(l != null);
            if (l == null) return;
            string(l.file());
            out.writeInt(l.line());
            out.writeInt(l.column());
        }

        private void record(Resource r) throws IOException {
            codec(r.getClass()).write(this, r);
        }
    }

    static final class Reader {
        private final In in;
        private final List<String> strings = new ArrayList<>();
        private final Map<String, Dur> durs = new HashMap<>();
        private final Map<String, SemVer> versions = new HashMap<>();

        Reader(In in) {
            this.in = in;
        }

        String string() throws IOException {
            int n = in.readInt();
            if (n == -1) return null;
            if (n >= 0) return strings.get(n);
            if (n != -2) throw new IOException("bad string reference");
            int len = in.readInt();
            if (len < 0 || len > 1 << 26) throw new IOException("bad string length");
            String s = in.readUtf8(len);
            strings.add(s);
            return s;
        }

        InventoryLoader.FileResult result() throws IOException {
            String sha = string();
            int n = count();
            List<Resource> resources = new ArrayList<>(n);
            List<FieldLocations> locations = new ArrayList<>(n);
            for (int i = 0; i < n; i++) located(resources, locations);
            int refCount = count();
            List<Binder.RefUse> refs = new ArrayList<>(refCount);
            for (int i = 0; i < refCount; i++) {
                String target = string();
                int k = in.readByte();
                List<Class<? extends Resource>> allowed = new ArrayList<>(k);
                for (int j = 0; j < k; j++) allowed.add(kind(in.readByte()));
                refs.add(new Binder.RefUse(target, List.copyOf(allowed), string(), location(), string(), string()));
            }
            int f = count();
            List<String> files = new ArrayList<>(f);
            for (int i = 0; i < f; i++) files.add(string());
            return new InventoryLoader.FileResult(resources, new ArrayList<>(), refs, new HashMap<>(), sha, locations, List.copyOf(files));
        }

        AnalysisCache.Part part() throws IOException {
            int n = count();
            List<AnalysisCache.PartFinding> findings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                findings.add(new AnalysisCache.PartFinding(string(), string(), string(), string(), string(), location()));
            }
            int m = count();
            List<AnalysisCache.PartRecovery> recoveries = new ArrayList<>(m);
            Criticality[] levels = Criticality.values();
            for (int i = 0; i < m; i++) {
                String service = string(), time = string(), limiting = string();
                int level = in.readShort();
                if (level < -1 || level >= levels.length) throw new IOException("bad criticality");
                String mtd = string();
                recoveries.add(new AnalysisCache.PartRecovery(service, time == null ? null : dur(time), limiting,
                        level < 0 ? null : levels[level], mtd == null ? null : dur(mtd)));
            }
            return new AnalysisCache.Part(findings, recoveries);
        }

        AnalysisCache.Wide wide() throws IOException {
            int n = count();
            int[] positions = new int[n];
            List<Resource> resources = new ArrayList<>(n);
            List<FieldLocations> locations = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                positions[i] = in.readInt();
                located(resources, locations);
            }
            return new AnalysisCache.Wide(positions, resources, locations);
        }

        AnalysisCache.Head head() throws IOException {
            int n = count();
            List<String> files = new ArrayList<>(n), digests = new ArrayList<>(n);
            List<List<String>> existing = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                files.add(string());
                digests.add(string());
                int e = count();
                List<String> named = new ArrayList<>(e);
                for (int j = 0; j < e; j++) named.add(string());
                existing.add(List.copyOf(named));
            }
            int t = count();
            String[] tokens = new String[t];
            for (int i = 0; i < t; i++) tokens[i] = string();
            return new AnalysisCache.Head(List.copyOf(files), List.copyOf(digests), List.copyOf(existing), Arrays.asList(tokens));
        }

        AnalysisCache.Body body() throws IOException {
            int[] starts = new int[count()];
            for (int i = 0; i < starts.length; i++) starts[i] = in.readInt();
            int n = count();
            for (int i = 0; i < starts.length; i++) {
                if (starts[i] < (i == 0 ? 0 : starts[i - 1]) || starts[i] > n) throw new IOException("bad start");
            }
            if (starts.length == 0 || starts[0] != 0 || starts[starts.length - 1] != n) throw new IOException("bad starts");
            byte[] kinds = new byte[n];
            for (int i = 0; i < n; i++) {
                kinds[i] = in.readByte();
                kind(kinds[i]); // a kind this build knows
            }
            String[] ids = new String[n];
            for (int i = 0; i < n; i++) ids[i] = string();
            int[][] components = new int[count()][];
            for (int c = 0; c < components.length; c++) {
                int[] members = new int[count()];
                for (int j = 0; j < members.length; j++) {
                    members[j] = in.readInt();
                    if (members[j] < 0 || members[j] >= n) throw new IOException("bad position");
                }
                components[c] = members;
            }
            return new AnalysisCache.Body(starts, kinds, ids, components);
        }

        /** A resource as {@link Writer#located} writes it, to {@code resources}, and where its fields were written, to {@code locations}. */
        private void located(List<Resource> resources, List<FieldLocations> locations) throws IOException {
            resources.add((Resource) codec(kind(in.readByte())).read(this));
            locations.add(fieldLocations());
        }

        /** A count of entries to follow; a negative or absurd one is a corrupt cache. */
        int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > 50_000_000) throw new IOException("bad count");
            return n;
        }

        private static Class<? extends Resource> kind(int i) throws IOException {
            if (i < 0 || i >= Kinds.ALL.size()) throw new IOException("bad kind");
            return Kinds.ALL.get(i);
        }

        private FieldLocations fieldLocations() throws IOException {
            int n = in.readInt();
            if (n == -1) return null;
            if (n < 0 || n > 10_000_000) throw new IOException("bad count");
            String file = string();
            boolean mixed = in.readBoolean();
            String[] paths = new String[n], files = mixed ? new String[n] : null;
            int[] lines = new int[n], columns = new int[n];
            for (int i = 0; i < n; i++) {
                paths[i] = string();
                lines[i] = in.readInt();
                columns[i] = in.readInt();
                if (mixed) files[i] = string();
            }
            return FieldLocations.of(file, files, paths, lines, columns);
        }

        private Location location() throws IOException {
            if (!in.readBoolean()) return null;
            return new Location(string(), in.readInt(), in.readInt());
        }

        private Dur dur() throws IOException {
            return dur(string());
        }

        /** Each distinct text parsed once per cache read. */
        private Dur dur(String t) {
            Dur d = durs.get(t);
            if (d == null) durs.put(t, d = Dur.parse(t));
            return d;
        }

        private SemVer semVer() throws IOException {
            String t = string();
            SemVer v = versions.get(t);
            if (v == null) versions.put(t, v = SemVer.parse(t));
            return v;
        }
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        throw new IllegalStateException("unsupported type " + t);
    }

    private static Type arg(Type t, int i) {
        return ((ParameterizedType) t).getActualTypeArguments()[i];
    }
}
