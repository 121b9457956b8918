package dev.continuity.engine.model;

import java.lang.annotation.*;

/**
 * The field holds names that are not ids (a region, a hazard zone, an upstream, a scenario, a
 * stakeholder group). Names compare ignoring case (rules.md, Terms): the loader stores them in
 * lower case ({@code Locale.ROOT}), so every comparison, detail, failure domain and fingerprint is
 * the same whatever case the inventory used.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Name {
}
