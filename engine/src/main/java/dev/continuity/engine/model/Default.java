package dev.continuity.engine.model;

import java.lang.annotation.*;

/** The value used when the field is absent, written as it would be in YAML. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Default {
    String value();
}
