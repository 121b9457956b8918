package dev.continuity.engine.graph;

/**
 * Derived fact (PLN-006): a plan's offline copy does not survive an outage: there is none
 * ({@code NONE}), or it is kept at a hosting site of a service the plan covers ({@code AT_HOSTING_SITE}, at {@code site}).
 */
public record OfflineCopyProblem(String plan, State state, String site) {
    public enum State { NONE, AT_HOSTING_SITE }
}
