package dev.continuity.engine.graph;

import dev.continuity.engine.model.Dur;

import java.time.LocalDate;

/**
 * Derived fact: the latest exercise that proves a service's failover (a failover, full-scale or
 * real-incident Exercise listing it; latest = greatest date, on equal dates the one declared last),
 * with the recovery time it recorded for the service (null when it recorded none). Absent when the
 * failover was never exercised.
 */
public record LatestFailoverProof(String service, String exercise, LocalDate date, Dur achievedRto) {
    /**
     * GEO-004: what the recent proofs of a service's failover fall short of, in words; null when
     * the failover is proven (a recent proof that records no recovery time slower than the rto).
     *
     * @param recent the service's latest proof when it lies within exerciseMaxAge (empty otherwise)
     */
    public static String shortfall(java.util.List<?> recent, Dur rto, Dur maxAge) {
        if (recent.isEmpty()) return notProven(maxAge);
        LatestFailoverProof p = (LatestFailoverProof) recent.get(0);
        return rto != null && p.achievedRto() != null && p.achievedRto().longerThan(rto) ? p.tooSlow(rto) : null;
    }

    /** GEO-004's words when no proof is recent enough. */
    public static String notProven(Dur maxAge) {
        return "has not been proven by a failover, full-scale or real-incident exercise within " + maxAge;
    }

    /** GEO-004's words for how a proof falls short: "exercise X on D achieved A, longer than its rto R". */
    public String tooSlow(Dur rto) {
        return "was proven too slow: exercise " + exercise + " on " + date + " achieved " + achievedRto + ", longer than its rto " + rto;
    }
}
