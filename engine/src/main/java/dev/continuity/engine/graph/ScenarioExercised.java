package dev.continuity.engine.graph;

import dev.continuity.engine.model.Exercise;

import java.time.LocalDate;
import java.util.*;

/**
 * Derived fact: the dates of the exercises of {@code scenario}, in the order the exercises are
 * declared, one per scenario that an exercise names. EX-003 filters on it alone, instead of on
 * every Exercise: the session of the rules of the whole inventory (a cached check's) then takes a
 * few of these instead of every Exercise of the inventory.
 */
public record ScenarioExercised(String scenario, List<LocalDate> dates) {
    /** One per scenario the exercises name, in the order of their first exercise. */
    public static List<ScenarioExercised> of(List<Exercise> exercises) {
        Map<String, List<LocalDate>> dates = new LinkedHashMap<>();
        for (Exercise e : exercises) {
            if (e.scenario() != null) dates.computeIfAbsent(e.scenario(), k -> new ArrayList<>()).add(e.date());
        }
        List<ScenarioExercised> out = new ArrayList<>(dates.size());
        dates.forEach((s, d) -> out.add(new ScenarioExercised(s, Collections.unmodifiableList(d))));
        return out;
    }
}
