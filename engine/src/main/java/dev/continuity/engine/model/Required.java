package dev.continuity.engine.model;

import java.lang.annotation.*;

/** The field must be present (and, for strings, not blank). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Required {
}
