package dev.continuity.engine.graph;

/**
 * Derived fact (PLN-008): a business-continuity or disaster-recovery plan whose recoveryOrder brings
 * a service back before {@code dependency}, which the service needs and the order also lists; or,
 * with an empty {@code dependency}, a plan that covers two services one of which needs the other
 * and has no recoveryOrder.
 */
public record RecoveryOrderConflict(String plan, String dependency) {
}
