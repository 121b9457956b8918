package dev.continuity.engine.model;

import java.util.List;
import java.util.Map;

@Doc("Organisation-wide thresholds the rules use; at most one per inventory, every field has a default.")
public record Policy(String id, String name, String description, Map<String, String> labels, Location location,
        @Doc("Name of the organisation, shown in reports") String organization,
        @Doc("Internet links each connected hosting site of a critical service needs") @Default("2") Integer minInternetLinks,
        @Doc("Default interval between plan reviews") @Default("P1Y") Dur planReviewInterval,
        @Doc("Maximum age of the latest exercise of a plan") @Default("P1Y") Dur exerciseMaxAge,
        @Doc("Maximum age of a backup's training for a role") @Default("P1Y") Dur trainingMaxAge,
        @Doc("Maximum age of a key data store's latest restore test") @Default("P1Y") Dur restoreTestMaxAge,
        @Doc("Maximum age of a vendor's last assessment") @Default("P1Y") Dur vendorReviewMaxAge,
        @Doc("Time allowed to apply an exercise's lessons to its plans") @Default("P90D") Dur lessonsWindow,
        @Doc("Maximum age of the latest exercise of each required scenario") @Default("P2Y") Dur scenarioMaxAge,
        @Doc("Scenarios that must be exercised") @Default("[isp-loss, site-loss, ransomware, ddos, supplier-loss]") @Name List<String> requiredScenarios,
        @Doc("Stakeholder groups every communication plan must name") @Name List<String> stakeholderGroups,
        @Doc("Time to fail over per mode; a mode given replaces its default only")
        @Default("{active-active: PT0S, hot: PT15M, warm: PT4H, cold: P3D}") Map<FailoverMode, Dur> failoverTimes,
        @Doc("Built-in rules turned off or given another severity, each with a reason; one entry per rule") List<RuleSetting> ruleSettings,
        @Doc("Shortest retention a key data store's backups need (DAT-008)") @Default("P30D") Dur minBackupRetention,
        @Doc("Time allowed to exercise a plan again after a major change (EX-004)") @Default("P90D") Dur retestWindow)
        implements Resource {

    /** The failover time of a mode (GEO-003); null for restore, which has none. */
    public Dur failoverTime(FailoverMode mode) {
        return failoverTimes.get(mode);
    }
}
