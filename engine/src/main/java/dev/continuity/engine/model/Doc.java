package dev.continuity.engine.model;

import java.lang.annotation.*;

/** A one-line description of a field or kind, shown in the JSON Schema (editor hover text). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Doc {
    String value();
}
