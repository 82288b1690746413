package dev.rustengineer.handoff;

import dev.rustengineer.advise.Advice;
import dev.rustengineer.audit.AuditReport;
import dev.rustengineer.brief.Field;
import dev.rustengineer.knowledge.IntegrationPattern;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything a specialist's package is made from: the project as read, the advice on its brief, the spec's
 * integration pattern for this specialist, handoff knowledge, and the audit of its source (run once, on demand).
 *
 * @param brief the text advise read (the --brief given, else the README's description)
 * @param generatedDecisions the decision lines a generated README lists (empty for other projects)
 * @param cargoTargetDir where cargo builds when a package needs the built service (null: cargo's own choice)
 * @param databaseUrl a PostgreSQL server to run EXPLAIN ANALYZE on, in a scratch database (null: none given)
 */
public record HandoffContext(RustProject project, String brief, Advice advice, IntegrationPattern pattern,
        HandoffKnowledge knowledge, List<String> generatedDecisions, Supplier<AuditReport> audit, java.nio.file.Path cargoTargetDir,
        String databaseUrl) {

    /** The environment variables the service reads. */
    public List<EnvVar> env() {
        return EnvVar.of(project);
    }

    /** The p99 budget in milliseconds: the brief's, else the knowledge's default. */
    public int latencyBudgetMs() {
        return advice.brief().integer(Field.LATENCY_MS).orElse(knowledge.latencyP99Ms());
    }

    public boolean latencyFromBrief() {
        return advice.brief().has(Field.LATENCY_MS);
    }
}
