package dev.continuity.engine.load;

import dev.continuity.engine.model.*;

import java.io.DataInputStream;
import java.io.DataOutputStream;
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

    /** What a record class is made of, found once. */
    private record Shape(Constructor<?> constructor, RecordComponent[] components, Type[] types) {
        static final ClassValue<Shape> OF = new ClassValue<>() {
            @Override
            protected Shape computeValue(Class<?> c) {
                RecordComponent[] rc = c.getRecordComponents();
                Class<?>[] raw = new Class<?>[rc.length];
                Type[] types = new Type[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    raw[i] = rc[i].getType();
                    types[i] = rc[i].getGenericType();
                    rc[i].getAccessor().setAccessible(true);
                }
                try {
                    Constructor<?> k = c.getDeclaredConstructor(raw);
                    k.setAccessible(true);
                    return new Shape(k, rc, types);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();

        Writer(DataOutputStream out) {
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
            for (Resource res : r.resources()) {
                out.writeByte(Kinds.ALL.indexOf(res.getClass()));
                record(res);
                fieldLocations(r.locations().get(res.id()));
            }
            out.writeInt(r.refs().size());
            for (Binder.RefUse u : r.refs()) {
                string(u.target());
                out.writeByte(u.allowed().size());
                for (Class<? extends Resource> k : u.allowed()) out.writeByte(Kinds.ALL.indexOf(k));
                string(u.vendorType());
                location(u.location());
                string(u.field());
            }
            out.writeInt(r.existingFiles().size());
            for (String f : r.existingFiles()) string(f);
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

        private void record(Object r) throws IOException {
            Shape s = Shape.OF.get(r.getClass());
            try {
                for (int i = 0; i < s.components().length; i++) value(s.components()[i].getAccessor().invoke(r), s.types()[i]);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }

        private void value(Object v, Type type) throws IOException {
            Class<?> c = raw(type);
            if (c == boolean.class) out.writeBoolean((Boolean) v);
            else if (c == int.class) out.writeInt((Integer) v);
            else if (c == long.class) out.writeLong((Long) v);
            else if (c == double.class) out.writeDouble((Double) v);
            else if (c == String.class) string((String) v);
            else if (c == Location.class) location((Location) v);
            else {
                out.writeBoolean(v != null);
                if (v == null) return;
                if (c == Boolean.class) out.writeBoolean((Boolean) v);
                else if (c == Integer.class) out.writeInt((Integer) v);
                else if (c == Long.class) out.writeLong((Long) v);
                else if (c == Double.class) out.writeDouble((Double) v);
                else if (c == Dur.class) string(((Dur) v).text());
                else if (c == SemVer.class) string(((SemVer) v).text());
                else if (c == LocalDate.class) out.writeLong(((LocalDate) v).toEpochDay());
                else if (c.isEnum()) out.writeShort(((Enum<?>) v).ordinal());
                else if (c == List.class || c == Set.class) {
                    Collection<?> items = (Collection<?>) v;
                    out.writeInt(items.size());
                    for (Object item : items) value(item, arg(type, 0));
                } else if (c == Map.class) {
                    Map<?, ?> m = (Map<?, ?>) v;
                    out.writeInt(m.size());
                    for (var e : m.entrySet()) {
                        value(e.getKey(), arg(type, 0));
                        value(e.getValue(), arg(type, 1));
                    }
                } else if (c.isRecord()) record(v);
                else throw new IllegalStateException("the analysis cache cannot write a " + c.getName());
            }
        }
    }

    static final class Reader {
        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();
        private final Map<String, Dur> durs = new HashMap<>();
        private final Map<String, SemVer> versions = new HashMap<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        String string() throws IOException {
            int n = in.readInt();
            if (n == -1) return null;
            if (n >= 0) return strings.get(n);
            if (n != -2) throw new IOException("bad string reference");
            int len = in.readInt();
            if (len < 0 || len > 1 << 26) throw new IOException("bad string length");
            byte[] b = in.readNBytes(len);
            String s = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            strings.add(s);
            return s;
        }

        InventoryLoader.FileResult result() throws IOException {
            String sha = string();
            int n = count();
            List<Resource> resources = new ArrayList<>(n);
            Map<String, FieldLocations> locations = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                Class<?> kind = kind(in.readByte());
                Resource r = (Resource) record(kind);
                resources.add(r);
                FieldLocations l = fieldLocations();
                if (l != null) locations.put(r.id(), l);
            }
            int refCount = count();
            List<Binder.RefUse> refs = new ArrayList<>(refCount);
            for (int i = 0; i < refCount; i++) {
                String target = string();
                int k = in.readByte();
                List<Class<? extends Resource>> allowed = new ArrayList<>(k);
                for (int j = 0; j < k; j++) allowed.add(kind(in.readByte()));
                refs.add(new Binder.RefUse(target, List.copyOf(allowed), string(), location(), string()));
            }
            int f = count();
            List<String> files = new ArrayList<>(f);
            for (int i = 0; i < f; i++) files.add(string());
            return new InventoryLoader.FileResult(resources, new ArrayList<>(), refs, new HashMap<>(), sha, locations, List.copyOf(files));
        }

        private int count() throws IOException {
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

        private Object record(Class<?> c) throws IOException {
            Shape s = Shape.OF.get(c);
            Object[] args = new Object[s.types().length];
            for (int i = 0; i < args.length; i++) args[i] = value(s.types()[i]);
            try {
                return s.constructor().newInstance(args);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException | IllegalArgumentException e) {
                throw new IOException("cannot make a " + c.getSimpleName(), e);
            }
        }

        private Object value(Type type) throws IOException {
            Class<?> c = raw(type);
            if (c == boolean.class) return in.readBoolean();
            if (c == int.class) return in.readInt();
            if (c == long.class) return in.readLong();
            if (c == double.class) return in.readDouble();
            if (c == String.class) return string();
            if (c == Location.class) return location();
            if (!in.readBoolean()) return null;
            if (c == Boolean.class) return in.readBoolean();
            if (c == Integer.class) return in.readInt();
            if (c == Long.class) return in.readLong();
            if (c == Double.class) return in.readDouble();
            if (c == Dur.class) {
                String t = string();
                Dur d = durs.get(t);
                if (d == null) durs.put(t, d = Dur.parse(t));
                return d;
            }
            if (c == SemVer.class) {
                String t = string();
                SemVer v = versions.get(t);
                if (v == null) versions.put(t, v = SemVer.parse(t));
                return v;
            }
            if (c == LocalDate.class) return LocalDate.ofEpochDay(in.readLong());
            if (c.isEnum()) {
                Object[] constants = c.getEnumConstants();
                int o = in.readShort();
                if (o < 0 || o >= constants.length) throw new IOException("bad enum");
                return constants[o];
            }
            if (c == List.class || c == Set.class) {
                int n = count();
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) items.add(value(arg(type, 0)));
                return c == List.class ? Collections.unmodifiableList(items) : Collections.unmodifiableSet(new LinkedHashSet<>(items));
            }
            if (c == Map.class) {
                int n = count();
                Map<Object, Object> m = new LinkedHashMap<>(n * 2);
                for (int i = 0; i < n; i++) m.put(value(arg(type, 0)), value(arg(type, 1)));
                return Collections.unmodifiableMap(m);
            }
            if (c.isRecord() && c.getPackageName().equals(Resource.class.getPackageName())) return record(c);
            throw new IOException("the analysis cache cannot read a " + c.getName());
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
