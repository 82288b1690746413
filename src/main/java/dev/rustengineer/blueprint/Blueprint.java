package dev.rustengineer.blueprint;

import dev.rustengineer.knowledge.CrateCatalogue;
import java.util.List;
import java.util.Map;

/**
 * What to generate: the decisions turned into a project description. Generation is a pure function of this record
 * (the same blueprint gives byte-identical files).
 *
 * @param template the template set (axum-service)
 * @param db the database engine (sqlite or postgres)
 * @param decisions the decisions as lines for the generated README
 * @param notes what the planner changed or assumed, for the user
 */
public record Blueprint(
        ProjectName name,
        String template,
        String web,
        String runtime,
        String db,
        String dbLayer,
        List<String> features,
        ResourceName resource,
        String msrv,
        Map<String, CrateCatalogue.Crate> crates,
        List<String> decisions,
        List<String> notes) {

    public Blueprint {
        features = List.copyOf(features);
        crates = Map.copyOf(crates);
        decisions = List.copyOf(decisions);
        notes = List.copyOf(notes);
    }
}
