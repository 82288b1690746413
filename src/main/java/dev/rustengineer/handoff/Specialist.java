package dev.rustengineer.handoff;

import java.util.List;
import java.util.Optional;

/**
 * A receiving specialist of the spec's integration patterns: what its package needs from the project and how
 * it is made. One small record per specialist.
 */
public sealed interface Specialist permits BackendDeveloper, DatabaseOptimizer, DevopsEngineer, KubernetesSpecialist, GolangPro,
        FrontendDeveloper, CppPro {

    /** The id the spec's integration patterns use (knowledge/integrations.yaml). */
    String id();

    /** What the project lacks for this package, one line each naming how to add it; empty when it can be made. */
    List<String> lacking(HandoffContext context);

    /** The package; called only when {@link #lacking} is empty. */
    HandoffPackage build(HandoffContext context);

    static List<Specialist> all() {
        return List.of(new BackendDeveloper(), new DatabaseOptimizer(), new DevopsEngineer(), new KubernetesSpecialist(), new GolangPro(),
                new FrontendDeveloper(), new CppPro());
    }

    static Optional<Specialist> byId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
