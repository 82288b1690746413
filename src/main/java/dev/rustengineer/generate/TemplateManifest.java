package dev.rustengineer.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.blueprint.Offer;
import dev.rustengineer.blueprint.ProjectKind;
import dev.rustengineer.knowledge.CrateCatalogue;
import dev.rustengineer.knowledge.YamlDoc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A template set's manifest: what it offers, the crates its Cargo.toml declares, and its files grouped by the
 * contributor that owns them, each with its condition. Validated when loaded; errors name the file and line.
 */
public record TemplateManifest(String id, Offer offer, Map<String, String> values, List<CrateUse> crates,
        List<Contributor> contributors) {
    /** Where templates shared by several sets live: a file entry's `template: shared/...` names one of them. */
    public static final String SHARED = "shared/";

    /** The booleans of the blueprint context a `when` may name (engines, layers, optional features). */
    public static final Set<String> CONDITIONS = Set.of("sqlite", "postgres", "sqlx", "diesel", "websocket", "cxx");

    /**
     * @param when booleans of the blueprint context that must all hold for the contributor to write its files
     *     (`when: diesel`, or `when: [sqlite, sqlx]` for SQLx on SQLite); empty for always
     */
    public record Contributor(String id, List<String> when, List<FileEntry> files) {}

    public record FileEntry(String template, String path) {
        /** The class-path resource of the template: the set's own folder, or templates/shared/ for a shared one. */
        public String resource(String set) {
            return template.startsWith(SHARED) ? "/templates/" + template : "/templates/" + set + "/" + template;
        }
    }

    /**
     * One dependency of the generated Cargo.toml; its version comes from knowledge/crates.yaml.
     *
     * @param table dependencies, dev-dependencies or build-dependencies
     * @param features cargo features; each is rendered like a template, so "{{db_feature}}" picks the SQLx driver
     * @param when conditions as for contributors, all of which must hold; empty for always
     * @param comment a line written above the dependency, saying why it is declared that way
     */
    public record CrateUse(String name, String table, List<String> features, boolean defaultFeatures, boolean optional,
            List<String> when, String comment) {}

    public static TemplateManifest load(String templateSet, CrateCatalogue catalogue) {
        String file = "templates/" + templateSet + "/manifest.yaml";
        try (InputStream in = TemplateManifest.class.getResourceAsStream("/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no template set '" + templateSet + "' (missing " + file + ")");
            }
            YamlDoc doc = YamlDoc.read(file, in);
            JsonNode root = doc.root();
            String id = doc.text(root, "id");
            if (!id.equals(templateSet)) {
                throw doc.error(root, "id", "the set's id '" + id + "' differs from its folder '" + templateSet + "'");
            }
            return new TemplateManifest(id, offer(doc, id), values(doc), crates(doc, catalogue), contributors(doc, templateSet));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Offer offer(YamlDoc doc, String id) {
        JsonNode o = doc.root().get("offers");
        if (o == null || !o.isObject()) {
            throw doc.error(doc.root(), "missing 'offers': what the set generates (kind, web, db, db_layer, features)");
        }
        String k = doc.text(o, "kind");
        ProjectKind kind = ProjectKind.byId(k).orElseThrow(() -> doc.error(o, "kind", "unknown kind '" + k + "' (one of "
                + ProjectKind.ids() + ")"));
        String web = doc.optText(o, "web");
        if ((kind == ProjectKind.SERVICE) != (web != null)) {
            throw doc.error(o, "kind", kind == ProjectKind.SERVICE ? "a service names its 'web' framework" : "only a service has 'web'");
        }
        List<String> db = doc.texts(o, "db");
        List<String> layers = doc.texts(o, "db_layer");
        if (db.isEmpty() != layers.isEmpty()) {
            throw doc.error(o, "db", "'db' and 'db_layer' are both empty (no database) or both set");
        }
        for (String c : concat(db, layers)) {
            if (!CONDITIONS.contains(c)) {
                throw doc.error(o, "db", "unknown database engine or layer '" + c + "'");
            }
        }
        List<String> optional = doc.texts(o, "optional");
        for (String c : optional) {
            if (!CONDITIONS.contains(c)) {
                throw doc.error(o, "optional", "unknown optional feature '" + c + "' (known conditions: " + CONDITIONS + ")");
            }
        }
        return new Offer(id, kind, web, db, layers, doc.texts(o, "features"), optional, doc.optText(o, "caveat"));
    }

    private static List<CrateUse> crates(YamlDoc doc, CrateCatalogue catalogue) {
        List<CrateUse> uses = new ArrayList<>();
        for (JsonNode c : doc.list(doc.root(), "crates")) {
            String name = doc.text(c, "name");
            if (!catalogue.crates().containsKey(name)) {
                throw doc.error(c, "name", "crate '" + name + "' is not in knowledge/crates.yaml (add it there with its version)");
            }
            String table = c.has("table") ? doc.text(c, "table") : "dependencies";
            if (!List.of("dependencies", "dev-dependencies", "build-dependencies").contains(table)) {
                throw doc.error(c, "table", "table is dependencies, dev-dependencies or build-dependencies, not '" + table + "'");
            }
            List<String> when = condition(doc, c);
            if (uses.stream().anyMatch(u -> u.name().equals(name) && u.table().equals(table) && u.when().equals(when))) {
                throw doc.error(c, "name", "crate '" + name + "' is declared twice in " + table);
            }
            // A later entry of a crate the table always declares only adds features under its condition (axum's
            // `ws` when websocket is on); how the dependency is declared stays with the first entry. Entries that
            // are all conditional are alternatives (diesel per engine), each declaring the crate its own way.
            boolean adds = uses.stream().anyMatch(u -> u.name().equals(name) && u.table().equals(table) && u.when().isEmpty());
            if (adds && when.isEmpty()) {
                throw doc.error(c, "name", "crate '" + name + "' is already in " + table + "; a second entry adds features under a 'when'");
            }
            if (adds && (c.has("default_features") || c.has("optional"))) {
                throw doc.error(c, "name", "crate '" + name + "' is already in " + table
                        + "; a second entry only adds features, its first entry says default_features and optional");
            }
            uses.add(new CrateUse(name, table, doc.texts(c, "features"), bool(doc, c, "default_features", true),
                    bool(doc, c, "optional", false), when, doc.optText(c, "comment")));
        }
        return List.copyOf(uses);
    }

    /**
     * `values:`, named strings the set's templates use beside the blueprint's (a service's default port), so that
     * a template shared by several sets can still say what differs between them.
     */
    private static Map<String, String> values(YamlDoc doc) {
        JsonNode v = doc.root().get("values");
        if (v == null) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw doc.error(doc.root(), "values", "'values' maps names to strings");
        }
        Map<String, String> values = new TreeMap<>();
        v.properties().forEach(e -> {
            if (!e.getValue().isValueNode()) {
                throw doc.error(v, e.getKey(), "the value '" + e.getKey() + "' must be a string or a number");
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        return Map.copyOf(values);
    }

    private static List<Contributor> contributors(YamlDoc doc, String set) {
        List<Contributor> contributors = new ArrayList<>();
        for (JsonNode c : doc.list(doc.root(), "contributors")) {
            List<FileEntry> files = new ArrayList<>();
            for (JsonNode f : doc.list(c, "files")) {
                String template = doc.text(f, "template");
                FileEntry entry = new FileEntry(template, doc.text(f, "path"));
                if (TemplateManifest.class.getResource(entry.resource(set)) == null) {
                    throw doc.error(f, "template", "no template file '" + template + "' in the set"
                            + (template.startsWith(SHARED) ? " (looked in templates/" + template + ")" : ""));
                }
                files.add(entry);
            }
            contributors.add(new Contributor(doc.text(c, "id"), condition(doc, c), List.copyOf(files)));
        }
        return List.copyOf(contributors);
    }

    /** `when: NAME` or `when: [NAME, ...]` (all must hold), sorted so that equal conditions compare equal. */
    private static List<String> condition(YamlDoc doc, JsonNode node) {
        JsonNode v = node.get("when");
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> when = v.isArray() ? doc.texts(node, "when") : List.of(v.asText());
        if (when.isEmpty()) {
            throw doc.error(node, "when", "an empty 'when' list: leave 'when' out for always");
        }
        for (String w : when) {
            if (!CONDITIONS.contains(w)) {
                throw doc.error(node, "when", "unknown condition '" + w + "' (one of " + new TreeSet<>(CONDITIONS) + ")");
            }
        }
        return when.stream().distinct().sorted().toList();
    }

    private static boolean bool(YamlDoc doc, JsonNode node, String key, boolean dflt) {
        String v = doc.optText(node, key);
        if (v == null) {
            return dflt;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw doc.error(node, key, key + " is true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }
}
