package dev.rustengineer.generate;

import dev.rustengineer.UsageException;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.blueprint.ProjectKind;
import dev.rustengineer.blueprint.ProjectName;
import dev.rustengineer.blueprint.ResourceName;
import dev.rustengineer.knowledge.CrateCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/**
 * Where a generated project came from, as `.rust-engineer/project.toml` records it: the generator's version, the
 * revisions of the catalogue and templates it was rendered from, and the blueprint (every choice generation is a
 * function of). `upgrade` reads it back to regenerate the same choices with a newer generator.
 *
 * @param generator the rust-engineer version that generated the project
 * @param catalogue "sha256:..." of the crate catalogue the generator used ({@link Revisions#catalogue})
 * @param templates "sha256:..." of the template set's files the project was rendered from
 * @param msrv the minimum Rust version recorded (for people; a regeneration takes the current catalogue's)
 * @param blueprint the recorded choices, pinned to the catalogue given when the record was read or written
 */
public record ProjectRecord(String generator, String catalogue, String templates, String msrv, Blueprint blueprint) {
    /** The folder of the record and the merge base, in every generated project. */
    public static final String DIR = ".rust-engineer";
    public static final String PATH = DIR + "/project.toml";
    /** The layout of project.toml; a record of a later format is refused by name. */
    public static final int FORMAT = 1;
    private static final String TEMPLATE = "/templates/record/project.toml.mustache";

    public static ProjectRecord of(Blueprint b, String catalogue, String templates) {
        return new ProjectRecord(GeneratorVersion.current(), catalogue, templates, b.msrv(), b);
    }

    /** The record's text: a Mustache template whose values are written as TOML literals (tomlj escapes them). */
    String render(TemplateEngine engine) {
        Blueprint b = blueprint;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("format", FORMAT);
        c.put("version", literal(generator));
        c.put("catalogue", literal(catalogue));
        c.put("templates", literal(templates));
        c.put("name", literal(b.name().name()));
        c.put("kind", literal(b.kind().id()));
        c.put("template", literal(b.template()));
        c.put("web", b.web() == null ? null : literal(b.web()));
        c.put("database", b.db() == null ? null : literal(b.db()));
        c.put("db_layer", b.dbLayer() == null ? null : literal(b.dbLayer()));
        c.put("features", b.features().stream().map(ProjectRecord::literal).collect(Collectors.joining(", ")));
        c.put("with", b.with().stream().map(ProjectRecord::literal).collect(Collectors.joining(", ")));
        c.put("msrv", literal(msrv));
        c.put("decisions", b.decisions().stream().map(ProjectRecord::literal).toList());
        c.put("resource_plural", literal(b.resource().plural()));
        c.put("resource_singular", literal(b.resource().singular()));
        c.put("resource_type", literal(b.resource().pascal()));
        return engine.render("record", TemplateSource.bundled().read(TEMPLATE), c);
    }

    private static String literal(String s) {
        return "\"" + Toml.tomlEscape(s) + "\"";
    }

    /**
     * Reads a record; anything missing or malformed is a {@link UsageException} naming {@code source} and the line.
     *
     * @param catalogue the crates the read blueprint is pinned to (the current generator's)
     */
    public static ProjectRecord parse(String text, String source, CrateCatalogue catalogue) {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            var e = toml.errors().getFirst();
            throw new UsageException(source + " is corrupted" + at(e.position()) + ": " + e.getMessage()
                    + "; restore it from version control (git checkout -- " + PATH + ")");
        }
        Reader r = new Reader(toml, source);
        long format = r.integer(List.of("format"));
        String generator = r.string(List.of("generator", "version"));
        if (!GeneratorVersion.isVersion(generator)) {
            throw r.error(List.of("generator", "version"), "'" + generator + "' is not a version");
        }
        // Before anything else is checked: a newer generator may record what this one does not know yet.
        if (format > FORMAT || GeneratorVersion.compare(generator, GeneratorVersion.current()) > 0) {
            throw new UsageException(source + " was written by rust-engineer " + generator + " (record format " + format
                    + "), which is newer than this rust-engineer " + GeneratorVersion.current() + " (format " + FORMAT
                    + "); upgrade rust-engineer itself first");
        }
        String catalogueRevision = r.string(List.of("generator", "catalogue"));
        String templates = r.string(List.of("generator", "templates"));
        List<String> bp = List.of("blueprint");
        ProjectName name = r.checked(key(bp, "name"), () -> new ProjectName(r.string(key(bp, "name"))));
        String kindId = r.string(key(bp, "kind"));
        ProjectKind kind = ProjectKind.byId(kindId).orElseThrow(() -> r.error(key(bp, "kind"), "unknown kind '" + kindId
                + "' (one of " + ProjectKind.ids() + ")"));
        String template = r.string(key(bp, "template"));
        String web = r.optString(key(bp, "web"));
        String db = r.optString(key(bp, "database"));
        String layer = r.optString(key(bp, "db-layer"));
        if ((db == null) != (layer == null)) {
            throw r.error(bp, "'database' and 'db-layer' are both set or both absent");
        }
        List<String> features = r.strings(key(bp, "features"));
        List<String> with = r.strings(key(bp, "with"));
        String msrv = r.string(key(bp, "msrv"));
        List<String> decisions = r.strings(key(bp, "decisions"));
        List<String> res = key(bp, "resource");
        String plural = r.string(key(res, "plural"));
        String singular = r.string(key(res, "singular"));
        String type = r.string(key(res, "type"));
        ResourceName resource = r.checked(res, () -> ResourceName.recorded(plural, singular));
        if (!resource.pascal().equals(type)) {
            throw r.error(key(res, "type"), "'" + type + "' is not the type name of '" + singular + "' (" + resource.pascal() + ")");
        }
        Blueprint b = new Blueprint(name, kind, template, web, kind.runtime(), db, layer, features, with, resource,
                catalogue.msrv(), catalogue.crates(), decisions, List.of());
        return new ProjectRecord(generator, catalogueRevision, templates, msrv, b);
    }

    private static List<String> key(List<String> table, String key) {
        List<String> k = new ArrayList<>(table);
        k.add(key);
        return List.copyOf(k);
    }

    private static String at(TomlPosition p) {
        return p == null ? "" : " at line " + p.line();
    }

    /** Typed access to the parsed record; every failure names the file, the key and its line. */
    private record Reader(TomlParseResult toml, String source) {
        String string(List<String> key) {
            Object v = present(key);
            if (!(v instanceof String s)) {
                throw error(key, "'" + Toml.joinKeyPath(key) + "' must be a string");
            }
            return s;
        }

        String optString(List<String> key) {
            return toml.contains(key) ? string(key) : null;
        }

        long integer(List<String> key) {
            Object v = present(key);
            if (!(v instanceof Long l)) {
                throw error(key, "'" + Toml.joinKeyPath(key) + "' must be an integer");
            }
            return l;
        }

        List<String> strings(List<String> key) {
            Object v = present(key);
            if (!(v instanceof TomlArray a) || a.toList().stream().anyMatch(e -> !(e instanceof String))) {
                throw error(key, "'" + Toml.joinKeyPath(key) + "' must be a list of strings");
            }
            return a.toList().stream().map(String.class::cast).toList();
        }

        /** The value's own check (a project name's cargo rules), its message prefixed with where the value is. */
        <T> T checked(List<String> key, Supplier<T> check) {
            try {
                return check.get();
            } catch (UsageException e) {
                throw error(key, e.getMessage());
            }
        }

        private Object present(List<String> key) {
            if (!toml.contains(key)) {
                TomlPosition table = key.size() > 1 ? toml.inputPositionOf(key.subList(0, key.size() - 1)) : null;
                throw new UsageException(source + " is corrupted" + at(table) + ": '" + Toml.joinKeyPath(key)
                        + "' is missing; restore the file from version control (git checkout -- " + PATH + ")");
            }
            return toml.get(key);
        }

        UsageException error(List<String> key, String message) {
            TomlPosition p = toml.contains(key) ? toml.inputPositionOf(key) : null;
            return new UsageException(source + " is corrupted" + at(p) + ": " + message);
        }
    }
}
