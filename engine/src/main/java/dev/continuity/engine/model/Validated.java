package dev.continuity.engine.model;

import java.util.List;

/** A value with constraints between its fields; the loader reports each problem at the value's location. */
public interface Validated {
    List<String> problems();
}
