package dev.continuity.engine.model;

import java.lang.annotation.*;

/** The field (a string or a list of strings) holds ids of resources of these kinds. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Ref {
    Class<? extends Resource>[] value();

    /** For references to a Vendor: the vendor type it must have, e.g. "isp"; empty for any. */
    String vendorType() default "";
}
