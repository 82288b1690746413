package dev.rustengineer.generate;

import dev.rustengineer.blueprint.NewOptions;
import dev.rustengineer.blueprint.Offer;
import java.util.ArrayList;
import java.util.List;

/**
 * One combination the template sets offer and CI proves: a set with one database engine and layer (or none) and
 * optional features, made from a brief the way `new` makes it. The golden files, the recorded Cargo.lock files,
 * the integration tests and `catalogue refresh` all name and generate combinations through here, so that what
 * the refresh writes is exactly what the tests compare. The SQLite combinations are named orders (resource from
 * the brief), the PostgreSQL ones inventory-svc with the resource categories, so both naming paths are covered.
 */
public record Combination(Offer offer, String db, String dbLayer, List<String> with) {
    public Combination {
        with = List.copyOf(with);
    }

    /** Every combination offered: each engine x layer, plus each optional feature alone on the first engine and layer. */
    public static List<Combination> all(List<Offer> offers) {
        List<Combination> all = new ArrayList<>();
        for (Offer o : offers) {
            if (!o.hasDatabase()) {
                all.add(new Combination(o, null, null, List.of()));
            }
            for (String db : o.db()) {
                for (String layer : o.dbLayers()) {
                    all.add(new Combination(o, db, layer, List.of()));
                }
            }
            for (String feature : o.optional()) {
                all.add(new Combination(o, o.db().isEmpty() ? null : o.db().getFirst(),
                        o.dbLayers().isEmpty() ? null : o.dbLayers().getFirst(), List.of(feature)));
            }
        }
        return List.copyOf(all);
    }

    /** SET[-DB-LAYER][+FEATURE]: the name of its golden file and recorded lock. */
    public String id() {
        String engine = db == null ? "" : "-" + db + "-" + dbLayer;
        return offer.set() + engine + String.join("", with.stream().map(w -> "+" + w).toList());
    }

    public String name() {
        return "postgres".equals(db) ? "inventory-svc" : "orders";
    }

    /** The resource the generated project manages. */
    public String resource() {
        return "postgres".equals(db) ? "categories" : "orders";
    }

    public String brief() {
        return switch (offer.kind()) {
            case SERVICE -> "REST API for " + resource() + ", p99 under 5 ms";
            case GRPC -> "A gRPC service for " + resource() + " in Rust";
            case CLI -> "A cross-platform command-line tool";
            case FFI_WRAPPER -> "A safe Rust wrapper around the legacy C library zlib";
            case FFI_EXPORT -> "A Rust library called from C, Python and Java";
            case FFI_BENCHMARK -> "Port a performance-critical C checksum to Rust, benchmark first";
            case FFI_REWRITE -> "Rewrite a simple C algorithm in Rust";
            case FFI_WINDOWS -> "Call OS-specific Windows APIs from Rust";
            case WASM -> "A WebAssembly module for the browser and Node.js";
        };
    }

    /** The `new` options that, with {@link #brief()}, generate this combination under {@code projectName}. */
    public NewOptions options(String projectName) {
        return new NewOptions(projectName, offer.kind().id(), offer.web(), db, dbLayer, with,
                offer.kind().hasResource() ? resource() : null, false);
    }

    /** The `new` arguments after the name that generate this combination. */
    public List<String> newArguments() {
        List<String> a = new ArrayList<>(List.of("--brief", brief(), "--kind", offer.kind().id()));
        if (offer.web() != null) {
            a.addAll(List.of("--web", offer.web()));
        }
        if (db != null) {
            a.addAll(List.of("--db", db, "--db-layer", dbLayer));
        }
        if (!with.isEmpty()) {
            a.addAll(List.of("--with", String.join(",", with)));
        }
        return List.copyOf(a);
    }

    @Override
    public String toString() {
        return id();
    }
}
