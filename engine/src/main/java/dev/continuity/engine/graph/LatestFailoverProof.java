package dev.continuity.engine.graph;

import dev.continuity.engine.model.Criticality;
import dev.continuity.engine.model.Dur;

import java.time.LocalDate;

/**
 * Derived fact, one per service: the latest exercise that proves its failover (a failover,
 * full-scale or real-incident Exercise listing it; latest = greatest date, on equal dates the one
 * declared last), with the recovery time it recorded for the service ({@code achievedRto}, null when
 * it recorded none); {@code exercise} and {@code date} are null when the failover was never
 * exercised. It carries what GEO-004 compares: the service's {@code criticality}, number of
 * {@code hostingSites} and {@code rto}.
 */
public record LatestFailoverProof(String service, Criticality criticality, int hostingSites, Dur rto, String exercise,
                                  LocalDate date, Dur achievedRto) {
    /**
     * GEO-004: what this proof falls short of, in words; null when the failover is proven (a recent
     * proof that records no recovery time slower than the rto).
     *
     * @param recent whether the proof lies within exerciseMaxAge (false when there is none)
     */
    public String shortfall(boolean recent, Dur maxAge) {
        if (!recent) return "has not been proven by a failover, full-scale or real-incident exercise within " + maxAge;
        return rto != null && achievedRto != null && achievedRto.longerThan(rto)
                ? "was proven too slow: exercise " + exercise + " on " + date + " achieved " + achievedRto + ", longer than its rto " + rto
                : null;
    }
}
