package dev.continuity.engine.model;

import java.util.List;
import java.util.Map;

@Doc("A person who holds or backs up roles.")
public record Person(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("Trainings for roles") List<Training> trainings)
        implements Resource {

    /** Date of the latest training for the role, or null. */
    public java.time.LocalDate lastTrainedFor(String role) {
        Training t = Dated.latest(trainings, x -> x.role().equals(role));
        return t == null ? null : t.date();
    }
}
