package dev.rustengineer.blueprint;

import dev.rustengineer.UsageException;
import dev.rustengineer.advise.Advice;
import dev.rustengineer.advise.Decision;
import dev.rustengineer.brief.Field;
import dev.rustengineer.knowledge.CrateCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns an advice and the user's flags into a blueprint, offering only what CI generates and proves: the Axum
 * service with SQLx on SQLite or PostgreSQL. Anything else is refused with what to do instead.
 */
public final class BlueprintPlanner {
    /** The features every generated service has (REST resource, database, Prometheus metrics, OpenAPI). */
    public static final Set<String> SERVICE_FEATURES = Set.of("rest", "database", "metrics", "openapi");
    public static final List<String> OFFERED_WEB = List.of("axum");
    public static final List<String> OFFERED_DB = List.of("sqlite", "postgres");
    public static final List<String> OFFERED_DB_LAYER = List.of("sqlx");

    private final CrateCatalogue crates;

    public BlueprintPlanner(CrateCatalogue crates) {
        this.crates = crates;
    }

    public Plan plan(Advice advice, NewOptions options) {
        ProjectName name = new ProjectName(options.name());
        if (!advice.invoke() && !options.forceRust()) {
            return new Plan.RoutedAway(advice);
        }
        List<String> notes = new ArrayList<>();
        if (!advice.invoke()) {
            notes.add("The advice routes this task to " + advice.route() + "; generating the Rust service because --force-rust was given.");
        }
        String kind = advice.brief().string(Field.KIND).orElse("backend");
        if (advice.stack().target() != null && advice.stack().target().equals("wasm")) {
            throw new UsageException("the brief is for WebAssembly in the browser; `new` generates HTTP services so far (Axum on SQLx)");
        }
        if (advice.stack().ffi() != null) {
            throw new UsageException("the brief is an FFI task (" + advice.stack().ffi() + "); `new` generates HTTP services so far (Axum on SQLx)");
        }
        if (!kind.equals("backend") && !kind.equals("web")) {
            throw new UsageException("the brief describes a " + kind + " project; `new` generates HTTP services so far (Axum on SQLx); "
                    + "add --kind backend to the brief if a service is what you want");
        }

        String web = choose("web framework", options.web(), advice.stack().web(), "axum", OFFERED_WEB, "--web", notes);
        String db = choose("database", options.db(), advice.brief().string(Field.DATABASE).orElse(null), "sqlite", OFFERED_DB, "--db", notes);
        String layer = choose("database layer", options.dbLayer(), advice.stack().db(), "sqlx", OFFERED_DB_LAYER, "--db-layer", notes);

        TreeSet<String> features = new TreeSet<>(SERVICE_FEATURES);
        for (String f : options.with()) {
            String w = f.strip().toLowerCase(Locale.ROOT);
            if (!SERVICE_FEATURES.contains(w)) {
                throw new UsageException("--with " + w + " is not offered yet: only what CI generates and proves is offered ("
                        + String.join(", ", new TreeSet<>(SERVICE_FEATURES)) + ", all built into the service)");
            }
        }
        for (String f : advice.stack().features()) {
            if (!SERVICE_FEATURES.contains(f)) {
                notes.add("The brief asks for " + f + ", which `new` does not generate yet; the service is generated without it.");
            }
        }
        if (advice.stack().runtime() != null && !advice.stack().runtime().equals("tokio")) {
            notes.add("Axum runs on Tokio; the advice's runtime " + advice.stack().runtime() + " does not apply to this service.");
        }
        ResourceName resource = options.resource() != null
                ? ResourceName.of(options.resource())
                : ResourceName.fromBrief(advice.brief().text()).orElseGet(() -> {
                    notes.add("The brief names no resource; the service manages 'items' (use --resource to name it).");
                    return ResourceName.defaultName();
                });
        return new Plan.Generate(advice, new Blueprint(name, "axum-service", web, "tokio", db, layer, List.copyOf(features),
                resource, crates.msrv(), crates.crates(), decisionLines(advice, web, db, layer), notes));
    }

    /** The flag if given (checked against what is offered), else the advice's value, else the default. */
    private static String choose(String what, String flag, String advised, String fallback, List<String> offered,
            String flagName, List<String> notes) {
        if (flag != null) {
            String f = flag.strip().toLowerCase(Locale.ROOT);
            if (!offered.contains(f)) {
                throw new UsageException(flagName + " " + flag + " is not offered: only what CI generates and proves is ("
                        + String.join(", ", offered) + ")");
            }
            if (advised != null && !advised.equals(f)) {
                notes.add("The advice picks " + advised + " as " + what + "; " + flagName + " " + f + " overrides it.");
            }
            return f;
        }
        if (advised == null) {
            return fallback;
        }
        if (!offered.contains(advised)) {
            throw new UsageException("the advice picks " + advised + " as " + what + ", which `new` does not generate yet; pass "
                    + flagName + " " + String.join("|", offered) + " to generate what is offered");
        }
        return advised;
    }

    private static List<String> decisionLines(Advice advice, String web, String db, String layer) {
        List<String> lines = new ArrayList<>();
        for (Decision d : advice.decisions()) {
            if (!d.framework().equals("invoke")) {
                lines.add(d.framework() + ": " + d.outcome() + " (" + d.rationale() + ")");
            }
        }
        lines.add("generated: web " + web + ", runtime tokio, database " + db + " through " + layer);
        return lines;
    }
}
