package dev.rustengineer.blueprint;

import java.util.List;

/**
 * What one template set generates, read from its manifest's {@code offers} block: the planner offers exactly these
 * combinations, because CI generates and proves each of them.
 *
 * @param set the template set's id (its folder under templates/)
 * @param web the web framework for {@link ProjectKind#SERVICE}; null for kinds without one
 * @param db the database engines it supports (empty when the kind has no database)
 * @param dbLayers the database layers it supports (empty when the kind has no database)
 * @param features what every project of the set has built in
 * @param optional features that `--with` or the brief may switch on (on the first engine and layer: see
 *     {@link #optionalProvenWith})
 */
public record Offer(String set, ProjectKind kind, String web, List<String> db, List<String> dbLayers, List<String> features,
        List<String> optional) {
    public Offer {
        db = List.copyOf(db);
        dbLayers = List.copyOf(dbLayers);
        features = List.copyOf(features);
        optional = List.copyOf(optional);
    }

    /**
     * Whether the optional features are offered with this engine and layer: CI proves them on the set's first
     * engine and first layer (Projects.variants() enumerates exactly that), so only there.
     */
    public boolean optionalProvenWith(String engine, String layer) {
        return !hasDatabase() || (db.getFirst().equals(engine) && dbLayers.getFirst().equals(layer));
    }

    public boolean hasDatabase() {
        return !db.isEmpty();
    }

    /** One line per offer for help texts: "service  axum      sqlite|postgres via sqlx   optional: websocket". */
    public static List<String> describe(List<Offer> offers) {
        return offers.stream().map(o -> String.format("%-8s %-10s %-30s%s", o.kind().id(),
                o.web() == null ? "" : o.web(),
                o.hasDatabase() ? String.join("|", o.db()) + " via " + String.join("|", o.dbLayers()) : "no database",
                o.optional().isEmpty() ? "" : "optional: " + String.join(", ", o.optional())).stripTrailing()).toList();
    }

    /** How the set is named to users: "axum HTTP service", "gRPC service", "command-line tool". */
    public String label() {
        return web != null ? web + " " + kind.label() : kind.label();
    }
}
