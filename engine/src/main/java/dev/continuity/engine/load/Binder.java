package dev.continuity.engine.load;

import com.fasterxml.jackson.core.JsonToken;
import dev.continuity.engine.load.YNode.*;
import dev.continuity.engine.model.*;
import dev.continuity.engine.text.Text;

import java.lang.reflect.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.*;
import java.util.regex.Pattern;

/**
 * Binds located YAML nodes to the immutable model records. The records are the schema: each
 * component is a field, its Java type says how to read it and its annotations say whether it is
 * required, what its default is and what it may refer to. Every problem is recorded; nothing stops
 * at the first one.
 */
final class Binder {
    /** Fields every resource has; bound by the loader, not per kind. */
    static final Set<String> COMMON = Set.of("id", "name", "description", "labels", "location");

    /**
     * A reference to check once every resource is known: its target id, the kinds allowed, where;
     * {@code owner} the id of the document that writes it.
     */
    record RefUse(String target, List<Class<? extends Resource>> allowed, String vendorType, Location location, String field, String owner) {
    }

    private final List<InputError> errors;
    private final List<RefUse> refs;
    private final Path baseDir;
    /**
     * The path of the field being bound at each depth ("failover", "failover.mode",
     * "backups[1]"), and the innermost field name there (not a list index): a binder reads one
     * file, on one thread.
     */
    private final List<String> paths = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    /** Each path's children by segment, made once per binder: the same String for every resource of a file. */
    private final Map<String, Map<String, String>> children = new HashMap<>();
    /** Free-text fields: the only strings that may hold tab and newline (inventory.md v2). */
    static final Set<String> FREE_TEXT = Set.of("description", "reason", "summary", "criteria", "deactivation");
    /** The longest single scalar accepted (inventory.md v2). */
    static final int MAX_SCALAR = 64 * 1024;
    /** The id of the document being bound: the owner of the references it writes. */
    private String owner;

    /** The files that fields naming a file (a plan's document) named, which existed: a cached result holds while they still do. */
    final List<String> existingFiles = new ArrayList<>();

    /** The field locations of the resource being bound. */
    private FieldLocations.Builder located = new FieldLocations.Builder();

    /** The field locations of the resource bound last. */
    FieldLocations locations() {
        return located.build();
    }

    /** Steps into a field (".mode", or "labels" at the top), a list item ("[1]") or a map key (".key"). */
    private void enter(String segment) {
        String parent = paths.isEmpty() ? "" : paths.get(paths.size() - 1);
        String path = children.computeIfAbsent(parent, k -> new HashMap<>()).computeIfAbsent(segment,
                k -> (parent.isEmpty() && k.startsWith(".") ? k.substring(1) : parent + k).intern());
        paths.add(path);
        names.add(segment.startsWith("[") ? (names.isEmpty() ? "" : names.get(names.size() - 1))
                : segment.startsWith(".") ? segment.substring(1) : segment);
    }

    private void leave() {
        paths.remove(paths.size() - 1);
        names.remove(names.size() - 1);
    }

    /** The path of the field being bound: {@code backups[1].frequency}. */
    String fieldPath() {
        return paths.isEmpty() ? "" : paths.get(paths.size() - 1);
    }

    private String fieldPath(String child) {
        return paths.isEmpty() ? child : fieldPath() + "." + child;
    }

    /** The name of the innermost field being bound (not a list index or map key). */
    private String fieldName() {
        return names.isEmpty() ? "" : names.get(names.size() - 1);
    }

    Binder(List<InputError> errors, List<RefUse> refs, Path baseDir) {
        this.errors = errors;
        this.refs = refs;
        this.baseDir = baseDir;
    }

    /** A record component and what its annotations say, read once per class; {@code segment} its path segment, ".name", made once. */
    record Field(RecordComponent component, String name, Class<?> type, Type genericType, boolean required, RefKinds ref,
                 boolean fileRef, boolean hasDefault, Object absent, String segment) {
        static Field of(RecordComponent c) {
            return new Field(c, c.getName(), c.getType(), c.getGenericType(), c.isAnnotationPresent(Required.class),
                    RefKinds.of(c.getAnnotation(Ref.class)), c.isAnnotationPresent(FileRef.class), c.isAnnotationPresent(Default.class),
                    absentValue(c), "." + c.getName());
        }
    }

    /** What a {@link Ref} annotation says, read once per field (an annotation's members are copied on every call). */
    record RefKinds(List<Class<? extends Resource>> allowed, String vendorType) {
        static RefKinds of(Ref ref) {
            return ref == null ? null : new RefKinds(List.of(ref.value()), ref.vendorType());
        }
    }

    /** List items' path segments, "[0]" to "[63]", made once. */
    private static final String[] ITEMS = java.util.stream.IntStream.range(0, 64).mapToObj(i -> "[" + i + "]").toArray(String[]::new);

    private static String item(int i) {
        return i < ITEMS.length ? ITEMS[i] : "[" + i + "]";
    }

    /**
     * A record type: its fields in declaration order, its canonical constructor, and whether it has
     * a {@code Location location} component (where it was declared).
     */
    record Shape(Field[] fields, Constructor<?> constructor, Set<String> names, boolean located) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] cs = type.getRecordComponents();
            Field[] fields = Arrays.stream(cs).map(Field::of).toArray(Field[]::new);
            try {
                Constructor<?> ctor = type.getDeclaredConstructor(Arrays.stream(cs).map(RecordComponent::getType).toArray(Class[]::new));
                ctor.setAccessible(true); // a public constructor all the same: this only spares every call the caller check
                Set<String> names = new LinkedHashSet<>();
                for (Field f : fields) names.add(f.name());
                return new Shape(fields, ctor, Collections.unmodifiableSet(names), Arrays.stream(fields).anyMatch(Binder::isLocation));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    static Shape shape(Class<?> type) {
        return SHAPES.get(type);
    }

    /** The fields a kind or nested value accepts, in declaration order (common fields excluded). */
    static List<Field> fields(Class<?> type) {
        return Arrays.stream(shape(type).fields()).filter(f -> !isResource(type) || !COMMON.contains(f.name()))
                .filter(f -> !isLocation(f)).toList();
    }

    /** A nested value's {@code Location location} component is where it was declared, never read from YAML. */
    private static boolean isLocation(Field f) {
        return f.name().equals("location") && f.type() == Location.class;
    }

    static boolean isResource(Class<?> type) {
        return Resource.class.isAssignableFrom(type);
    }

    /** Binds a resource document whose kind and id were already read. Returns null if it has errors. */
    <R extends Record> R bindResource(Class<R> type, YMap map, String id) {
        located = new FieldLocations.Builder();
        owner = id;
        Map<String, Object> common = new HashMap<>();
        common.put("id", id);
        common.put("name", optionalString("name", map.get("name")));
        common.put("description", optionalString("description", map.get("description")));
        Object labels = Map.of();
        if (map.get("labels") != null) {
            enter("labels");
            labels = convert(map.get("labels").value(), LABELS_TYPE, null, null);
            leave();
        }
        common.put("labels", labels == null ? Map.of() : labels);
        common.put("location", map.location());
        return bindRecord(type, map, common, COMMON_AND_KIND);
    }

    private String optionalString(String name, YEntry e) {
        if (e == null) return null;
        enter(name);
        try {
            return (String) convert(e.value(), String.class, null, null);
        } finally {
            leave();
        }
    }

    private static final Set<String> COMMON_AND_KIND = Set.of("id", "name", "description", "labels", "location", "kind");
    private static final Type LABELS_TYPE = labelsType();

    private static Type labelsType() {
        try {
            return Resource.class.getMethod("labels").getGenericReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private <R> R bindRecord(Class<R> type, YMap map, Map<String, Object> preset, Set<String> alsoAllowed) {
        int before = errors.size();
        Shape shape = shape(type);
        Field[] fields = shape.fields();
        Object[] args = new Object[fields.length];
        int matched = 0; // keys of the mapping that are fields
        for (int i = 0; i < fields.length; i++) {
            Field c = fields[i];
            String name = c.name();
            if (preset.containsKey(name)) {
                args[i] = preset.get(name);
                continue;
            }
            YEntry e = map.get(name);
            if (e != null) matched++;
            boolean absent = e == null || (e.value() instanceof YScalar s && s.isNull());
            if (absent) {
                if (c.required()) {
                    errors.add(InputError.at(e == null ? map.location() : e.keyLocation(), fieldPath(name),
                            "missing required field '" + name + "' in " + type.getSimpleName()));
                } else {
                    args[i] = c.absent();
                }
                continue;
            }
            enter(c.segment());
            located.add(fieldPath(), e.keyLocation());
            Object v;
            try {
                v = convert(e.value(), c.genericType(), c.ref(), c.component());
                if (v instanceof String s && s.isBlank() && c.required()) {
                    errors.add(InputError.at(e.value().location(), fieldPath(), "must not be blank"));
                }
                if (v != null && c.fileRef() && baseDir != null) {
                    Path p;
                    try {
                        p = baseDir.resolve((String) v).normalize();
                    } catch (java.nio.file.InvalidPathException bad) {
                        p = null;
                    }
                    boolean exists = p != null && Files.exists(p);
                    if (exists) existingFiles.add(p.toString());
                    if (!exists) {
                        errors.add(InputError.at(e.value().location(), fieldPath(), Text.quote((String) v)
                                + " does not exist" + (p == null ? "" : " (looked for " + Text.escape(p.toString().replace('\\', '/')) + ")")));
                    }
                }
            } finally {
                leave();
            }
            if (v != null && c.type() == Map.class && c.hasDefault()) {
                Map<Object, Object> merged = new LinkedHashMap<>((Map<Object, Object>) c.absent());
                merged.putAll((Map<Object, Object>) v);
                v = Collections.unmodifiableMap(merged);
            }
            args[i] = v;
        }
        // every key a field or allowed besides: no key to look at again (most documents)
        int allowed = matched;
        for (String k : alsoAllowed) {
            if (allowed < map.entries().size() && map.get(k) != null && !(shape.names().contains(k) && !preset.containsKey(k))) allowed++;
        }
        for (YEntry e : allowed == map.entries().size() ? List.<YEntry>of() : map.entries().values()) {
            String k = e.key();
            if ((shape.names().contains(k) && !preset.containsKey(k)) || alsoAllowed.contains(k) || k.startsWith("x-")) continue;
            List<String> known = shape.names().stream().filter(n -> !preset.containsKey(n)).toList();
            errors.add(InputError.at(e.keyLocation(), fieldPath(k), "unknown field " + Text.quote(k) + " in " + type.getSimpleName()
                    + Suggest.hint(k, known) + "; expected one of: " + String.join(", ", known)));
        }
        if (errors.size() > before) return null;
        try {
            R r = (R) shape.constructor().newInstance(args);
            if (r instanceof Validated v) {
                for (String problem : v.problems()) errors.add(InputError.at(map.location(), fieldPath(), problem));
            }
            return r;
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), ex);
        }
    }

    /** The value of an absent field: its @Default, else false, an empty list or map, or null (computed once per field). */
    private static Object absentValue(RecordComponent c) {
        Default d = c.getAnnotation(Default.class);
        if (d != null) {
            List<InputError> errors = new ArrayList<>();
            Object v = new Binder(errors, new ArrayList<>(), null).convert(YamlReader.parseSnippet(d.value()), c.getGenericType(), null, c);
            // a default that does not parse is our bug: fail when the shape is first built, never bind null silently
            if (!errors.isEmpty() || v == null) {
                throw new IllegalStateException("the @Default of " + c.getDeclaringRecord().getSimpleName() + "." + c.getName()
                        + " does not parse: " + errors);
            }
            return v;
        }
        Class<?> t = c.getType();
        if (t == boolean.class) return false;
        if (t == List.class) return List.of();
        if (t == Map.class) return Map.of();
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Object convert(YNode node, Type type, RefKinds ref, RecordComponent field) {
        Class<?> raw = rawClass(type);
        if (raw == List.class) {
            Type item = typeArguments(type)[0];
            if (node instanceof YScalar s && s.isNull()) return List.of();
            if (!(node instanceof YSeq seq)) {
                return fail(node, "expected a list, found " + node.describe());
            }
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (YNode n : seq.items()) {
                enter(item(i++));
                located.add(fieldPath(), n.location());
                try {
                    Object v = convert(n, item, ref, field);
                    if (v != null) out.add(v);
                } finally {
                    leave();
                }
            }
            return Collections.unmodifiableList(out);
        }
        if (raw == Map.class) {
            Type[] kv = typeArguments(type);
            if (node instanceof YScalar s && s.isNull()) return Map.of();
            if (!(node instanceof YMap map)) {
                return fail(node, "expected a mapping, found " + node.describe());
            }
            Map<Object, Object> out = rawClass(kv[0]).isEnum() ? new EnumMap(rawClass(kv[0])) : new LinkedHashMap<>();
            for (YEntry e : map.entries().values()) {
                enter("." + e.key());
                try {
                    Object k = convert(new YScalar(e.keyLocation(), e.key(), JsonToken.VALUE_STRING), kv[0], null, field);
                    Object v = convert(e.value(), kv[1], null, field);
                    if (k != null && v != null) out.put(k, v);
                } finally {
                    leave();
                }
            }
            return Collections.unmodifiableMap(out);
        }
        if (BOUND_AS_RECORD.get(raw)) {
            if (!(node instanceof YMap map)) {
                return fail(node, "expected a mapping with " + String.join(", ", fields(raw).stream().map(Field::name).toList())
                        + ", found " + node.describe());
            }
            return bindRecord(raw, map, shape(raw).located() ? Map.of("location", map.location()) : Map.of(), Set.of());
        }
        if (!(node instanceof YScalar s)) {
            return fail(node, "expected " + expected(raw) + ", found " + node.describe());
        }
        if (s.isNull()) return null;
        String text = s.text();
        if (text.length() > MAX_SCALAR) {
            return fail(s, "a value of " + text.length() + " characters; the limit is " + MAX_SCALAR);
        }
        int bad = Text.forbidden(text, raw == String.class && FREE_TEXT.contains(fieldName()));
        if (bad >= 0) {
            return fail(s, "contains the control or bidirectional character " + Text.name(bad) + ", which could forge output"
                    + (FREE_TEXT.contains(fieldName()) ? "" : "; only " + String.join(", ", new TreeSet<>(FREE_TEXT))
                    + " may hold tab and newline"));
        }
        if (raw == String.class) {
            if (ref != null) refs.add(new RefUse(text, ref.allowed(), ref.vendorType(), s.location(), fieldPath(), owner));
            return field != null && isName(field) ? text.toLowerCase(Locale.ROOT) : text;
        }
        if (raw.isEnum()) {
            return enumValue((Class<? extends Enum>) raw, s, field);
        }
        ValueType vt = ValueType.of(raw);
        if (vt == null) throw new IllegalStateException("no binding for " + type);
        try {
            return vt.parse(text, s.token());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return fail(s, e.getMessage());
        }
    }

    private static final Map<RecordComponent, Boolean> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    /** rules.md: names that are not ids compare ignoring case; they are kept in lower case. */
    private static boolean isName(RecordComponent c) {
        return NAMES.computeIfAbsent(c, k -> k.isAnnotationPresent(Name.class));
    }


    @SuppressWarnings("rawtypes")
    private Object enumValue(Class<? extends Enum> type, YScalar s, RecordComponent field) {
        Map<String, Enum> names = enumNames(type);
        Enum e = names.get(s.text());
        if (e != null) return e;
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(c -> YamlEnum.yamlName(c.name())).toList();
        String what = field == null ? "value" : field.getName();
        return fail(s, Text.quote(s.text()) + " is not a valid " + what + "; expected one of: " + String.join(", ", allowed)
                + Suggest.hint(s.text(), names.keySet()));
    }

    @SuppressWarnings("rawtypes")
    private static final ClassValue<Map<String, Enum>> ENUM_NAMES = new ClassValue<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected Map<String, Enum> computeValue(Class<?> type) {
            return Collections.unmodifiableMap(readEnumNames((Class<? extends Enum>) type));
        }
    };

    /** YAML spellings of an enum's constants, aliases included. */
    @SuppressWarnings("rawtypes")
    static Map<String, Enum> enumNames(Class<? extends Enum> type) {
        return ENUM_NAMES.get(type);
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Enum> readEnumNames(Class<? extends Enum> type) {
        Map<String, Enum> out = new LinkedHashMap<>();
        for (Enum c : type.getEnumConstants()) {
            out.put(YamlEnum.yamlName(c.name()), c);
            try {
                Alias a = type.getField(c.name()).getAnnotation(Alias.class);
                if (a != null) for (String alias : a.value()) out.put(alias, c);
            } catch (NoSuchFieldException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return out;
    }

    private static String expected(Class<?> raw) {
        ValueType vt = ValueType.of(raw);
        return vt == null ? "a single value" : vt.expected();
    }

    private Object fail(YNode at, String message) {
        errors.add(InputError.at(at.location(), fieldPath(), message));
        return null;
    }

    /** Records bound from a mapping (Dur and SemVer are written as one value). */
    private static final ClassValue<Boolean> BOUND_AS_RECORD = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isRecord() && type != Dur.class && type != SemVer.class;
        }
    };

    /** A List's or Map's type arguments (the JDK copies them on every call). */
    private static final Map<Type, Type[]> TYPE_ARGUMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Type[] typeArguments(Type type) {
        return TYPE_ARGUMENTS.computeIfAbsent(type, t -> ((ParameterizedType) t).getActualTypeArguments());
    }

    static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        throw new IllegalStateException("unsupported type " + t);
    }
}
