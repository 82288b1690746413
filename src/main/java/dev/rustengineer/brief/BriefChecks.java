package dev.rustengineer.brief;

import dev.rustengineer.UsageException;
import dev.rustengineer.knowledge.Contradiction;
import dev.rustengineer.knowledge.Facts;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Finds answers in a brief that cannot both hold (the knowledge's contradictions). */
public final class BriefChecks {
    private final List<Contradiction> contradictions;

    public BriefChecks(List<Contradiction> contradictions) {
        this.contradictions = contradictions;
    }

    /** The contradictions among the values that {@code sources} set (e.g. flag and file), as messages. */
    public List<String> find(Brief brief, List<String> sources) {
        Map<String, Object> stated = brief.values().entrySet().stream()
                .filter(e -> sources.contains(brief.evidence().get(e.getKey()) == null ? "" : brief.evidence().get(e.getKey()).source()))
                .collect(Collectors.toMap(e -> e.getKey().key(), Map.Entry::getValue));
        Facts facts = new Facts(stated);
        return contradictions.stream().filter(c -> c.when().test(facts)).map(Contradiction::message).toList();
    }

    /** Throws a usage error for the first contradiction among stated (flag or file) values. */
    public void requireConsistent(Brief brief) {
        List<String> found = find(brief, List.of("flag", "file"));
        if (!found.isEmpty()) {
            throw new UsageException("contradictory brief: " + found.getFirst());
        }
    }
}
