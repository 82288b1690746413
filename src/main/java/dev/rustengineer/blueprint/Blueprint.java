package dev.rustengineer.blueprint;

import dev.rustengineer.knowledge.CrateCatalogue;
import java.util.List;
import java.util.Map;

/**
 * What to generate: the decisions turned into a project description. Generation is a pure function of this record
 * (the same blueprint gives byte-identical files).
 *
 * @param template the template set (e.g. axum-service)
 * @param web the web framework; null for kinds without one
 * @param db the database engine (sqlite or postgres); null when the project has none
 * @param dbLayer the database layer (sqlx or diesel); null when the project has no database
 * @param features every feature the project has (the set's built-in ones plus the optional ones switched on)
 * @param with the optional features switched on (by --with or the brief), in {@code features} too
 * @param decisions the decisions as lines for the generated README
 * @param notes what the planner changed or assumed, for the user
 */
public record Blueprint(
        ProjectName name,
        ProjectKind kind,
        String template,
        String web,
        String runtime,
        String db,
        String dbLayer,
        List<String> features,
        List<String> with,
        ResourceName resource,
        String msrv,
        Map<String, CrateCatalogue.Crate> crates,
        List<String> decisions,
        List<String> notes) {

    public Blueprint {
        features = List.copyOf(features);
        with = List.copyOf(with);
        crates = Map.copyOf(crates);
        decisions = List.copyOf(decisions);
        notes = List.copyOf(notes);
    }

    /** The same blueprint with the decisions its README lists (they name the blueprint's own summary). */
    public Blueprint withDecisions(List<String> lines) {
        return new Blueprint(name, kind, template, web, runtime, db, dbLayer, features, with, resource, msrv, crates, lines, notes);
    }

    /** The same blueprint with other notes (a blueprint read back from a project's record has none). */
    public Blueprint withNotes(List<String> lines) {
        return new Blueprint(name, kind, template, web, runtime, db, dbLayer, features, with, resource, msrv, crates, decisions, lines);
    }

    public boolean has(String feature) {
        return features.contains(feature);
    }

    /** One line for people: "axum HTTP service, sqlite via sqlx, resource orders, with websocket". */
    public String summary() {
        StringBuilder sb = new StringBuilder(web != null ? web + " " + kind.label() : kind.label());
        if (db != null) {
            sb.append(", ").append(db).append(" via ").append(dbLayer);
        }
        if (kind.hasResource()) {
            sb.append(", resource ").append(resource.plural());
        }
        if (!with.isEmpty()) {
            sb.append(", with ").append(String.join(", ", with));
        }
        return sb.toString();
    }
}
