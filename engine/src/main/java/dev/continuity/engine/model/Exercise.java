package dev.continuity.engine.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Doc("A tabletop, functional, full-scale, restore or failover exercise, or a real incident.")
public record Exercise(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("Date of the exercise") @Required LocalDate date,
        @Doc("Kind of exercise") @Required ExerciseType type,
        @Doc("Plans exercised") @Ref(Plan.class) List<String> plans,
        @Doc("Services exercised") @Ref(Service.class) List<String> services,
        @Doc("Scenario: isp-loss, site-loss, ransomware, ddos, supplier-loss, or any other") @Name String scenario,
        @Doc("Recovery times achieved") List<ExerciseResult> results,
        @Doc("Findings") List<ExerciseFinding> findings)
        implements Resource, Dated {

    /** The recovery time the exercise records for the service (the last one given), or null. */
    public Dur achievedRtoFor(String service) {
        Dur out = null;
        for (ExerciseResult r : results) if (r.service().equals(service)) out = r.achievedRto();
        return out;
    }
}
