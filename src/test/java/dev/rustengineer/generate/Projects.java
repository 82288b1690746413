package dev.rustengineer.generate;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.blueprint.NewOptions;
import dev.rustengineer.blueprint.Offer;
import dev.rustengineer.blueprint.Plan;
import dev.rustengineer.blueprint.ProjectKind;
import dev.rustengineer.brief.Brief;
import java.util.ArrayList;
import java.util.List;

/** Blueprints the tests generate, made the way `new` makes them, and every combination the template sets offer. */
public final class Projects {
    private Projects() {}

    static Blueprint blueprint(String name, String briefText, String db, String resource) {
        return plan(briefText, new NewOptions(name, null, null, db, null, List.of(), resource, false));
    }

    public static Blueprint plan(String briefText, NewOptions options) {
        RustEngineer re = RustEngineer.shared();
        Brief brief = re.readText(briefText);
        Plan plan = re.plan(brief, options);
        return ((Plan.Generate) plan).blueprint();
    }

    static GeneratedProject formatted(Blueprint b) {
        RustEngineer re = RustEngineer.shared();
        return re.writer().formatted(re.generate(b));
    }

    /**
     * One offered combination: a set with one database engine and layer (or none) and optional features. The
     * SQLite variants are named orders (resource from the brief), the PostgreSQL ones inventory-svc with the
     * resource categories, so both naming paths are covered.
     */
    public record Variant(Offer offer, String db, String dbLayer, List<String> with) {
        public String id() {
            StringBuilder sb = new StringBuilder(offer.set());
            if (db != null) {
                sb.append('-').append(db).append('-').append(dbLayer);
            }
            with.forEach(w -> sb.append('+').append(w));
            return sb.toString();
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

        /** The `new` arguments after the name that generate this variant. */
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
            return a;
        }

        public Blueprint blueprint() {
            return plan(brief(), new NewOptions(name(), offer.kind().id(), offer.web(), db, dbLayer, with,
                    offer.kind().hasResource() ? resource() : null, false));
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /**
     * Every combination the template sets offer: each engine x layer, plus each optional feature switched on
     * alone (on the first engine and layer).
     */
    public static List<Variant> variants() {
        List<Variant> all = new ArrayList<>();
        for (Offer o : RustEngineer.shared().offers()) {
            if (!o.hasDatabase()) {
                all.add(new Variant(o, null, null, List.of()));
            }
            for (String db : o.db()) {
                for (String layer : o.dbLayers()) {
                    all.add(new Variant(o, db, layer, List.of()));
                }
            }
            for (String feature : o.optional()) {
                all.add(new Variant(o, o.db().isEmpty() ? null : o.db().getFirst(),
                        o.dbLayers().isEmpty() ? null : o.dbLayers().getFirst(), List.of(feature)));
            }
        }
        return all;
    }

    /**
     * The variants of the given kind that an integration test runs; `-Dit.sets=a,b` keeps only those sets (for
     * working on one set), `-Dit.variants=id,...` only those variant ids.
     */
    public static List<Variant> variantsToRun(ProjectKind kind) {
        List<String> sets = listProperty("it.sets");
        List<String> ids = listProperty("it.variants");
        return variants().stream().filter(v -> v.offer().kind() == kind)
                .filter(v -> sets.isEmpty() || sets.contains(v.offer().set()))
                .filter(v -> ids.isEmpty() || ids.contains(v.id())).toList();
    }

    private static List<String> listProperty(String name) {
        String v = System.getProperty(name, "").strip();
        return v.isEmpty() ? List.of() : List.of(v.split("\\s*,\\s*"));
    }
}
