package dev.continuity.engine.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.continuity.engine.model.*;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of one inventory document, generated from the same records the
 * loader binds, so the two cannot disagree. Editors use it for completion and hover text; the
 * loader remains the judge (it also checks references, cycles and documents).
 */
public final class InventorySchema {
    /** An https id: every validator accepts it (ajv refuses a URN without a namespace id); it need not resolve. */
    public static final String ID = "https://continuity.dev/schemas/inventory-v2.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InventorySchema() {
    }

    public static ObjectNode generate() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID);
        root.put("title", "Continuity inventory document (format v2)");
        root.put("description", "One resource of a Continuity inventory: a mapping with kind and id.");
        root.put("type", "object");
        root.putArray("required").add("kind").add("id");
        ObjectNode kindProp = root.putObject("properties").putObject("kind");
        kindProp.put("description", "The kind of resource");
        // one const per kind, each with its description (shown by editors on completion)
        ArrayNode kinds = kindProp.putArray("oneOf");
        for (Class<? extends Resource> k : Kinds.ALL) {
            ObjectNode one = kinds.addObject().put("const", k.getSimpleName());
            Doc doc = k.getAnnotation(Doc.class);
            if (doc != null) one.put("description", doc.value());
        }
        ArrayNode all = root.putArray("allOf");
        ObjectNode defs = root.putObject("$defs");
        for (Class<? extends Resource> k : Kinds.ALL) {
            ObjectNode rule = all.addObject();
            rule.putObject("if").putObject("properties").putObject("kind").put("const", k.getSimpleName());
            rule.putObject("then").put("$ref", "#/$defs/" + k.getSimpleName());
            defs.set(k.getSimpleName(), object(k, true));
        }
        return root;
    }

    private static ObjectNode object(Class<?> type, boolean resource) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "object");
        Doc doc = type.getAnnotation(Doc.class);
        if (doc != null) o.put("description", doc.value());
        ObjectNode props = o.putObject("properties");
        ArrayNode required = o.putArray("required");
        if (resource) {
            props.putObject("kind").put("const", type.getSimpleName());
            props.putObject("id").put("type", "string").put("pattern", "^" + InventoryLoader.ID.pattern() + "$")
                    .put("description", "Unique id, referred to by other resources");
            props.putObject("name").put("type", "string").put("description", "Display name");
            props.putObject("description").put("type", "string").put("description", "Free text");
            props.putObject("labels").put("type", "object").put("description", "String labels")
                    .putObject("additionalProperties").putArray("type").add("string").add("number").add("boolean");
            required.add("kind").add("id");
        }
        for (Binder.Field f : Binder.fields(type)) {
            RecordComponent c = f.component();
            ObjectNode p = valueSchema(f.genericType());
            Doc d = c.getAnnotation(Doc.class);
            Ref ref = c.getAnnotation(Ref.class);
            StringBuilder desc = new StringBuilder(d == null ? "" : d.value());
            if (ref != null) {
                desc.append(desc.length() > 0 ? ". " : "").append("Id of a ")
                        .append(String.join(" or ", java.util.Arrays.stream(ref.value()).map(Class::getSimpleName).toList()));
                if (!ref.vendorType().isEmpty()) desc.append(" of type ").append(ref.vendorType());
            }
            if (desc.length() > 0) p.put("description", desc.toString());
            Default def = c.getAnnotation(Default.class);
            if (def != null) p.set("default", JSON.valueToTree(defaultJson(f.absent())));
            props.set(c.getName(), p);
            if (c.isAnnotationPresent(Required.class)) required.add(c.getName());
        }
        o.put("additionalProperties", false);
        o.putObject("patternProperties").putObject("^x-");
        return o;
    }

    private static Object defaultJson(Object v) {
        if (v instanceof YamlEnum e) return e.yaml();
        if (v instanceof Dur || v instanceof SemVer) return v.toString();
        if (v instanceof List<?> l) return l.stream().map(InventorySchema::defaultJson).toList();
        if (v instanceof java.util.Map<?, ?> m) {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(defaultJson(k)), defaultJson(x)));
            return out;
        }
        return v;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ObjectNode valueSchema(Type type) {
        Class<?> raw = Binder.rawClass(type);
        ObjectNode s = JSON.createObjectNode();
        ValueType vt = ValueType.of(raw);
        if (vt != null && vt != ValueType.ENUM) return vt.schema();
        if (raw.isEnum()) {
            s.setAll(ValueType.ENUM.schema());
            ArrayNode e = s.putArray("enum");
            Binder.enumNames((Class<? extends Enum>) raw).keySet().forEach(e::add);
        } else if (raw == List.class) {
            s.put("type", "array");
            s.set("items", valueSchema(((ParameterizedType) type).getActualTypeArguments()[0]));
        } else if (raw == java.util.Map.class) {
            Type[] kv = ((ParameterizedType) type).getActualTypeArguments();
            s.put("type", "object");
            if (Binder.rawClass(kv[0]).isEnum()) s.set("propertyNames", valueSchema(kv[0]));
            s.set("additionalProperties", valueSchema(kv[1]));
        } else if (raw.isRecord()) {
            return object(raw, false);
        } else {
            throw new IllegalStateException("no schema for " + type);
        }
        return s;
    }
}
