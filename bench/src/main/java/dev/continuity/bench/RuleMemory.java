package dev.continuity.bench;

import dev.continuity.engine.eval.Evaluator;
import dev.continuity.engine.eval.RulePack;
import dev.continuity.engine.load.InventoryLoader;
import dev.continuity.engine.model.Inventory;
import org.drools.core.common.BaseNode;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.reteoo.AccumulateNode;
import org.drools.core.reteoo.BetaMemory;
import org.drools.core.reteoo.BetaNode;
import org.drools.core.reteoo.ReteDumper;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each rule holds in Drools' memories after a check: the tuples in the left and right
 * memories of every join, not, exists and accumulate node, shared nodes split evenly among their
 * rules. A rule that none of an inventory's facts can satisfy holds nothing (Drools never evaluates
 * it); the others show where the rules stage's time goes (docs/performance.md, "Rules that stay
 * unlinked"). The rules are evaluated but none fires.
 * {@code java -cp bench/target/benchmarks.jar dev.continuity.bench.RuleMemory DIR}
 */
public final class RuleMemory {
    private RuleMemory() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Inventory inv = new InventoryLoader(dir).load(List.of(dir));
        KieSession session = RulePack.builtIn().kieBase().newKieSession();
        try {
            for (Object fact : Evaluator.facts(inv, LocalDate.of(2026, 11, 22))) session.insert(fact);
            session.fireAllRules(match -> false);
            Map<String, Double> byRule = new TreeMap<>();
            double total = 0;
            for (BaseNode node : ReteDumper.collectRete(session)) {
                if (!(node instanceof BetaNode beta)) continue;
                Object memory = ((ReteEvaluator) session).getNodeMemories().peekNodeMemory(beta.getMemoryId());
                BetaMemory bm = memory instanceof BetaMemory b ? b
                        : memory instanceof AccumulateNode.AccumulateMemory a ? a.getBetaMemory() : null;
                if (bm == null) continue;
                int tuples = bm.getLeftTupleMemory().size() + bm.getRightTupleMemory().size();
                Rule[] rules = beta.getAssociatedRules();
                for (Rule r : rules) byRule.merge(r.getName(), (double) tuples / rules.length, Double::sum);
                total += tuples;
            }
            System.out.printf("%d resources: %,.0f tuples in the rules' memories%n", inv.size(), total);
            byRule.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> System.out.printf("%,10.0f  %s%n", e.getValue(), e.getKey()));
        } finally {
            session.dispose();
        }
    }
}
