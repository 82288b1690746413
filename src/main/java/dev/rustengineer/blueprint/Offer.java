package dev.rustengineer.blueprint;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 * @param caveat what this machine's CI does not prove of the set's projects (a Windows-only code path, say),
 *     told as a note whenever the set is generated; null when CI proves all of it
 */
public record Offer(String set, ProjectKind kind, String web, List<String> db, List<String> dbLayers, List<String> features,
        List<String> optional, String caveat) {
    public Offer {
        db = List.copyOf(db);
        dbLayers = List.copyOf(dbLayers);
        features = List.copyOf(features);
        optional = List.copyOf(optional);
    }

    /** An offer CI proves completely. */
    public Offer(String set, ProjectKind kind, String web, List<String> db, List<String> dbLayers, List<String> features,
            List<String> optional) {
        this(set, kind, web, db, dbLayers, features, optional, null);
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

    /** The distinct values of one choice over the offers, in their order (what a flag, form or schema offers). */
    public static List<String> values(Collection<Offer> offers, Function<Offer, List<String>> of) {
        return offers.stream().flatMap(o -> of.apply(o).stream()).distinct().toList();
    }

    /**
     * The generator's choices as every front door names them (project_kind, web, db, db_layer, with), each with
     * the values some offer has: one source for the web form, the API document and the MCP schema.
     */
    public static Map<String, List<String>> choices(List<Offer> offers) {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("project_kind", values(offers, o -> List.of(o.kind().id())));
        c.put("web", values(offers, o -> o.web() == null ? List.of() : List.of(o.web())));
        c.put("db", values(offers, Offer::db));
        c.put("db_layer", values(offers, Offer::dbLayers));
        c.put("with", values(offers, Offer::optional));
        return c;
    }

    /** One line per offer for help texts: "service  axum      sqlite|postgres via sqlx   optional: websocket". */
    public static List<String> describe(List<Offer> offers) {
        return offers.stream().map(o -> String.format("%-13s %-10s %-30s %s", o.kind().id(),
                o.web() == null ? "" : o.web(),
                o.hasDatabase() ? String.join("|", o.db()) + " via " + String.join("|", o.dbLayers()) : "no database",
                o.optional().isEmpty() ? "" : "optional: " + String.join(", ", o.optional())).stripTrailing()).toList();
    }

    /** How the set is named to users: "axum HTTP service", "gRPC service", "command-line tool". */
    public String label() {
        return web != null ? web + " " + kind.label() : kind.label();
    }
}
