package dev.continuity.engine.eval;

import dev.continuity.engine.model.Location;
import dev.continuity.engine.model.Waiver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * A rule's verdict on one subject: (rule, subject, detail) identifies it; location, message and
 * status describe it. The fingerprint depends on rule, subject and detail only.
 */
public record Finding(RuleInfo rule, String subject, String kind, String detail, String message, Location location,
                      Status status, Waiver waiver) {

    /** Severity (most severe first), rule, subject, detail. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.rule().severity())
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::subject)
            .thenComparing(Finding::detail);

    /** "subject [detail]" (the detail only when there is one): how every report names what a finding is about. */
    public static String label(String subject, String detail) {
        return subject + (detail == null || detail.isEmpty() ? "" : " [" + detail + "]");
    }

    public String label() {
        return label(subject, detail);
    }

    /** Where the finding points, {@code file:line:column} ({@link Location#toString}), or "(inventory)" when nowhere. */
    public String where() {
        return location == null ? "(inventory)" : location.toString();
    }

    public String fingerprint() {
        return fingerprint(rule.id(), subject, detail);
    }

    public static String fingerprint(String rule, String subject, String detail) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = sha.digest((rule + '\u0000' + subject + '\u0000' + detail).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Finding withRule(RuleInfo r) {
        return new Finding(r, subject, kind, detail, message, location, status, waiver);
    }

    public Finding withStatus(Status s, Waiver w) {
        return new Finding(rule, subject, kind, detail, message, location, s, w);
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
