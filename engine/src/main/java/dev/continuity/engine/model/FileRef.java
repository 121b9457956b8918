package dev.continuity.engine.model;

import java.lang.annotation.*;

/** The field names a file, relative to the YAML file that declares it; the file must exist. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface FileRef {
}
