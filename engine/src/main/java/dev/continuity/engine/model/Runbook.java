package dev.continuity.engine.model;

import java.time.LocalDate;

@Doc("Step-by-step recovery instructions for a service.")
public record Runbook(
        @Doc("Service the runbook recovers") @Required @Ref(Service.class) String service,
        @Doc("Document or URL of the runbook") @Required String document,
        @Doc("Date of the last update") LocalDate updated) implements Dated {
    @Override
    public LocalDate date() {
        return updated;
    }
}
