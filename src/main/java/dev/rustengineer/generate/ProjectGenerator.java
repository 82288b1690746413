package dev.rustengineer.generate;

import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.knowledge.CrateCatalogue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Renders a blueprint's template set: each contributor whose condition holds renders its files, and the project's
 * record (.rust-engineer/project.toml) says what it was rendered from. The output is a pure function of the
 * blueprint and the generator's state (templates, catalogue, version).
 */
public final class ProjectGenerator {
    private final TemplateEngine engine = new TemplateEngine();
    private final TemplateSets sets;
    private final TemplateSource source;
    private final Function<String, Optional<String>> locks;

    public ProjectGenerator(TemplateSets sets) {
        this(sets, TemplateSource.bundled());
    }

    /** @param source where template texts are read (tests give an older generator state here) */
    public ProjectGenerator(TemplateSets sets, TemplateSource source) {
        this(sets, source, CargoLock::recorded);
    }

    /**
     * @param locks the recorded Cargo.lock of a combination by its key (`catalogue refresh` reads the checkout's
     *     and the ones it has just recorded, where generation otherwise reads the bundled ones)
     */
    public ProjectGenerator(TemplateSets sets, TemplateSource source, Function<String, Optional<String>> locks) {
        this.sets = sets;
        this.source = source;
        this.locks = locks;
    }

    public GeneratedProject generate(Blueprint b) {
        TemplateManifest manifest = sets.get(b.template());
        Map<String, Object> context = context(b, manifest);
        // What the templates revision covers: the manifest, every template rendered, the recorded Cargo.lock.
        Revisions.Digest inputs = new Revisions.Digest();
        String manifestResource = "/templates/" + b.template() + "/manifest.yaml";
        inputs.add(manifestResource, source.read(manifestResource));
        TreeMap<String, String> files = new TreeMap<>();
        for (TemplateManifest.Contributor c : manifest.contributors()) {
            if (!holds(c.when(), context)) {
                continue;
            }
            for (TemplateManifest.FileEntry f : c.files()) {
                String path = engine.render(b.template() + " path", f.path(), context);
                PathGuard.checkRelative(path);
                if (path.equals(ProjectRecord.DIR) || path.startsWith(ProjectRecord.DIR + "/")) {
                    throw new IllegalStateException(b.template() + " writes " + path + "; " + ProjectRecord.DIR
                            + "/ holds the project's record, which the generator writes itself");
                }
                String template = source.read(f.resource(b.template()));
                inputs.add(f.resource(b.template()), template);
                String text = engine.render(f.template(), template, context);
                if (files.put(path, text) != null) {
                    throw new IllegalStateException("two contributors write " + path);
                }
            }
        }
        CargoLock.forBlueprint(b, locks).ifPresent(lock -> {
            inputs.add("Cargo.lock", lock);
            if (files.put("Cargo.lock", lock) != null) {
                throw new IllegalStateException(b.template() + " writes a Cargo.lock of its own; the recorded one belongs there");
            }
        });
        String catalogue = Revisions.catalogue(b.msrv(), pinned(b, manifest, (VersionsRead) context.get("versions")));
        files.put(ProjectRecord.PATH, ProjectRecord.of(b, catalogue, inputs.value()).render(engine));
        return new GeneratedProject(b.name().name(), files);
    }

    /** Every condition of a `when` holds (an empty one always does). */
    private static boolean holds(List<String> when, Map<String, Object> context) {
        return when.stream().allMatch(w -> Boolean.TRUE.equals(context.get(w)));
    }

    /**
     * The catalogue's pins a project depends on: the crates its set's manifest lists (whatever their conditions)
     * and those whose version a template read (`{{versions.windows}}` for a target table the crate list cannot
     * write). The record's catalogue revision covers these only, so that it (and a set's golden files) changes when
     * one of them moves, not with every crate of the catalogue.
     */
    private static Map<String, CrateCatalogue.Crate> pinned(Blueprint b, TemplateManifest manifest, VersionsRead read) {
        Map<String, CrateCatalogue.Crate> pinned = new TreeMap<>();
        manifest.crates().forEach(use -> pinned.put(use.name(), b.crates().get(use.name())));
        read.names().forEach(name -> pinned.put(name, b.crates().get(name)));
        return pinned;
    }

    /** The catalogue's versions as the templates see them, noting which ones they look up. */
    private static final class VersionsRead extends TreeMap<String, Object> {
        private final Set<String> read = new TreeSet<>();

        @Override
        public Object get(Object key) {
            if (key instanceof String name && containsKey(name)) {
                read.add(name);
            }
            return super.get(key);
        }

        Set<String> names() {
            return read;
        }
    }

    /** The values templates may use; an undefined one is an error at render time. */
    Map<String, Object> context(Blueprint b, TemplateManifest manifest) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("project_name", b.name().name());
        c.put("crate_name", b.name().crateName());
        c.put("k8s_name", b.name().k8sName());
        // The prefix of the project's environment variables (ORDERS_SYNC for orders-sync), e.g. ORDERS_SYNC_CONFIG.
        c.put("env_prefix", b.name().crateName().toUpperCase(Locale.ROOT));
        // The crate name in Pascal case (OrdersSync for orders-sync): the C ABI's type prefix, a Java class name.
        c.put("crate_pascal", b.name().pascal());
        c.put("kind", b.kind().id());
        c.put("resource", b.resource().plural());
        c.put("resource_singular", b.resource().singular());
        c.put("Resource", b.resource().pascal());
        c.put("Resources", b.resource().pascalPlural());
        for (String condition : TemplateManifest.CONDITIONS) {
            c.put(condition, condition.equals(b.db()) || condition.equals(b.dbLayer()) || b.has(condition));
        }
        if (b.db() != null) {
            String crate = b.name().crateName();
            boolean sqlite = b.db().equals("sqlite");
            c.put("db_feature", b.db());
            c.put("db_layer", b.dbLayer());
            c.put("db_label", sqlite ? "SQLite (embedded)" : "PostgreSQL");
            c.put("default_database_url", sqlite ? "sqlite://" + crate + ".db?mode=rwc" : "postgres://postgres@localhost:5432/" + crate);
            c.put("default_database_doc", sqlite
                    ? "default an SQLite file in the working directory"
                    : "default a local PostgreSQL database named after the service");
            c.put("container_database_url", sqlite
                    ? "sqlite:///app/data/" + crate + ".db?mode=rwc"
                    : "postgres://postgres@postgres:5432/" + crate);
        }
        c.put("msrv", b.msrv());
        VersionsRead versions = new VersionsRead();
        b.crates().forEach((name, crate) -> versions.put(name, crate.version()));
        c.put("versions", versions);
        c.put("decisions", b.decisions());
        for (String table : List.of("dependencies", "dev-dependencies", "build-dependencies")) {
            c.put(table.replace('-', '_'), CargoDependencies.table(table, manifest.crates(), b.crates(),
                    u -> holds(u.when(), c), f -> engine.render(manifest.id() + " crate feature", f, c)));
        }
        manifest.values().forEach((name, value) -> {
            if (c.putIfAbsent(name, value) != null) {
                throw new IllegalStateException(manifest.id() + "/manifest.yaml: the value '" + name
                        + "' would hide the blueprint's own");
            }
        });
        return c;
    }
}
