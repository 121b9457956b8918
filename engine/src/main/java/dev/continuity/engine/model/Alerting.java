package dev.continuity.engine.model;

@Doc("How an outage of the service is noticed.")
public record Alerting(
        @Doc("Alerts are raised automatically") boolean automated,
        @Doc("Role alerts are routed to") @Ref(Role.class) String route) {
}
