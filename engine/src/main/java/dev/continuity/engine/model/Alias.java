package dev.continuity.engine.model;

import java.lang.annotation.*;

/** Other YAML spellings accepted for an enum constant. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Alias {
    String[] value();
}
