package dev.continuity.engine.model;

@Doc("Turns a built-in rule off or changes its severity, with a reason (rules.md, Rule settings).")
public record RuleSetting(
        @Doc("Rule id, e.g. NET-005") @Required String rule,
        @Doc("critical, high, medium, low, or disabled (the rule does not run)") @Required RuleLevel severity,
        @Doc("Why the organisation differs from the built-in severity") @Required String reason,
        Location location) {
}
