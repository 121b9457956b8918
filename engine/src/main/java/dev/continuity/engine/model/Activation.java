package dev.continuity.engine.model;

@Doc("When a plan is invoked and when it is stood down (inventory.md v2).")
public record Activation(
        @Doc("The conditions that invoke the plan") @Required String criteria,
        @Doc("The conditions that stand the plan down") @Required String deactivation) {
}
