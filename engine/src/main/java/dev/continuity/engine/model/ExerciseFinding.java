package dev.continuity.engine.model;

import java.time.LocalDate;

@Doc("Something an exercise found that must be fixed.")
public record ExerciseFinding(
        @Doc("Identifier of the finding") @Required String id,
        @Doc("Severity") Severity severity,
        @Doc("Whether it is still open") @Default("open") FindingStatus status,
        @Doc("Date by which it must be closed") LocalDate due) {
}
