package dev.continuity.engine.model;

@Doc("Recovery time a service achieved in an exercise.")
public record ExerciseResult(
        @Doc("Service") @Required @Ref(Service.class) String service,
        @Doc("Recovery time achieved") @Required Dur achievedRto) {
}
