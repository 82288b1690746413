package dev.rustengineer.advise;

import dev.rustengineer.brief.Brief;
import dev.rustengineer.knowledge.Knowledge;
import java.util.List;

public final class Advisor {
    private final Knowledge knowledge;

    public Advisor(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    public Advice advise(Brief brief) {
        // Interim: the real engine lands with issue 2; this default is what it gives for a plain backend brief.
        return new Advice(true, "rust-engineer", List.of("rust"),
                new Stack("tokio", "axum", "sqlx", null, "native", List.of("rest", "database")),
                List.of(), List.of(), List.of(), brief, List.of(), List.of());
    }
}
