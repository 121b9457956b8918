package dev.continuity.engine.model;

import java.util.List;
import java.util.Map;

@Doc("A person who holds or backs up roles.")
public record Person(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("Trainings for roles") List<Training> trainings)
        implements Resource {
}
