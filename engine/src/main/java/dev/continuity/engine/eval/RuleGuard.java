package dev.continuity.engine.eval;

import dev.continuity.engine.load.InputError;
import dev.continuity.engine.model.Location;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a rule session that holds a user's own rules, so that no custom rule can fake a verdict
 * (interfaces.md v2): a custom rule that ends the JVM, fires more often than the firing limit,
 * runs longer than the time limit or throws makes the check fail as an input error (exit 2),
 * naming the rule file and the rule.
 * <ul>
 * <li>Ending the JVM: a shutdown hook, active while the session runs, prints the error and halts
 * the JVM with exit code 2 ({@code Runtime.halt} itself cannot be intercepted).</li>
 * <li>Firing limit: counted per custom rule; the session is halted when a rule exceeds it.</li>
 * <li>Time limit: the session runs on a worker thread; a firing of a custom rule, or the engine
 * between two firings, that takes longer than the limit ends the check.</li>
 * <li>Exceptions: an exception from a custom rule's condition or consequence.</li>
 * </ul>
 */
final class RuleGuard {
    /** Limits on custom rules; documented defaults. */
    record Limits(long maxFirings, Duration timeLimit) {
        static final Limits DEFAULT = new Limits(1_000_000, Duration.ofSeconds(60));
    }

    private final RulePack pack;
    private final Limits limits;
    private final PrintStream stderr;
    private final Map<String, Long> firings = new HashMap<>();
    private volatile String current;           // the custom rule (pkg.name) whose consequence runs now
    private volatile long lastProgress;
    private volatile InputError violation;
    private volatile boolean running;

    RuleGuard(RulePack pack, Limits limits, PrintStream stderr) {
        this.pack = pack;
        this.limits = limits;
        this.stderr = stderr;
    }

    /** Fires the session's rules under guard; throws InputException naming the custom rule that misbehaved. */
    @SuppressWarnings({"removal", "deprecation"})
    void fire(KieSession session, Runnable fire) {
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                lastProgress = System.nanoTime();
                Rule r = event.getMatch().getRule();
                String key = RulePack.key(r);
                if (!pack.isCustom(key)) return;
                current = key;
                long n = firings.merge(key, 1L, Long::sum);
                if (n > limits.maxFirings() && violation == null) {
                    violation = error(key, "fired more than " + limits.maxFirings() + " times (the firing limit; raise it with"
                            + " --rule-fire-limit or <ruleFireLimit>, or make the rule stop: no-loop, a changed fact)");
                    session.halt();
                }
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                current = null;
                lastProgress = System.nanoTime();
            }
        });
        Thread hook = new Thread(() -> {
            if (!running) return;
            String key = current;
            InputError e = key != null ? error(key, "ended the JVM (System.exit) while it ran; a rule must only report findings")
                    : new InputError("<rules>", 0, 0, "a custom rule ended the JVM (System.exit) while the rules ran");
            stderr.println(e);
            stderr.println("1 input error; nothing was checked");
            stderr.flush();
            Runtime.getRuntime().halt(2);
        }, "continuity-rule-guard");
        Throwable[] thrown = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                fire.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "continuity-rules");
        worker.setDaemon(true);
        running = true;
        lastProgress = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            worker.start();
            long limit = limits.timeLimit().toNanos();
            while (true) {
                worker.join(100);
                if (!worker.isAlive()) break;
                if (System.nanoTime() - lastProgress > limit) {
                    String key = current;
                    violation = key != null ? error(key, "ran longer than " + seconds() + " in one firing (the time limit;"
                            + " raise it with --rule-time-limit or <ruleTimeLimit>)")
                            : new InputError("<rules>", 0, 0, "the rules made no progress for " + seconds()
                            + " (the time limit): a condition of a custom rule does not finish");
                    session.halt();
                    worker.join(1000);
                    if (worker.isAlive()) {
                        try {
                            worker.stop(); // Java 17-19; later JDKs refuse, and the daemon thread is abandoned
                        } catch (UnsupportedOperationException ignored) {
                            // nothing more can be done in-process
                        }
                    }
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rules ran", e);
        } finally {
            running = false;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already ending
            }
        }
        if (violation != null) throw new CustomRuleException(violation);
        if (thrown[0] != null) {
            String key = current != null ? current : pack.customRuleNamedIn(String.valueOf(thrown[0]));
            if (key != null) {
                Throwable root = thrown[0];
                while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                throw new CustomRuleException(error(key, "threw " + root.getClass().getSimpleName()
                        + (root.getMessage() == null ? "" : ": " + root.getMessage())));
            }
            if (thrown[0] instanceof RuntimeException re) throw re;
            if (thrown[0] instanceof Error err) throw err;
            throw new IllegalStateException(thrown[0]);
        }
    }

    private String seconds() {
        return limits.timeLimit().toSeconds() + " s";
    }

    private InputError error(String key, String message) {
        Location at = pack.customLocation(key);
        return new InputError(at.file(), at.line(), at.column(), "rule '" + pack.nameOf(key) + "' (" + pack.idOfKey(key) + ") " + message);
    }
}
