package dev.rustengineer.upgrade;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.generate.BaseArchive;
import dev.rustengineer.generate.GeneratedProject;
import dev.rustengineer.generate.ProjectGenerator;
import dev.rustengineer.generate.TemplateManifest;
import dev.rustengineer.generate.TemplateSource;
import dev.rustengineer.knowledge.CrateCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An older generator state, made from the current one the way generators age: its README ended with a paragraph
 * since dropped, its library root started with a comment since removed, its .gitignore's first line and its CI
 * workflow's last line read differently, one crate was pinned at an older version, and it did not write
 * clippy.toml yet. A project written by it is what `upgrade` then carries to the current generator.
 */
public final class OlderGenerator {
    public static final String OLD_FOOTER = "Old generator footer: this paragraph was dropped since.";
    static final String OLD_LIB_HEADER = "// Written by an older rust-engineer.";
    static final String OLD_IGNORE = "/target-old";
    static final String OLD_CI = "# ci as an older rust-engineer wrote it";
    static final String OLD_VERSION = "0.0.1";
    /** The file the older generator did not write yet. */
    static final String NEW_FILE = "clippy.toml";

    private static final RustEngineer RE = RustEngineer.shared();

    private OlderGenerator() {}

    /** The templates as the older generator had them. */
    static TemplateSource templates() {
        TemplateSource now = TemplateSource.bundled();
        return resource -> {
            String t = now.read(resource);
            if (resource.endsWith("/README.md.mustache")) {
                return t + "\n" + OLD_FOOTER + "\n";
            }
            if (resource.endsWith("/src/lib.rs.mustache")) {
                return OLD_LIB_HEADER + "\n" + t;
            }
            if (resource.endsWith("/.gitignore.mustache")) {
                return t.replaceFirst("^/target", OLD_IGNORE);
            }
            if (resource.endsWith("/ci.yml.mustache")) {
                return t + OLD_CI + "\n";
            }
            return t;
        };
    }

    /**
     * The crate whose version the older catalogue pinned lower: the first the set always declares, a dependency
     * if it has one (a set of build and dev tools only, such as the C rewrite, gets its first build dependency).
     */
    static String olderCrate(Blueprint b) {
        TemplateManifest m = RE.templates().get(b.template());
        return m.crates().stream().filter(c -> c.when().isEmpty())
                .sorted(Comparator.comparing((TemplateManifest.CrateUse c) -> !c.table().equals("dependencies")))
                .findFirst().orElseThrow().name();
    }

    /** The blueprint as the older generator pinned it. */
    static Blueprint older(Blueprint b) {
        Map<String, CrateCatalogue.Crate> crates = new HashMap<>(b.crates());
        String name = olderCrate(b);
        crates.put(name, new CrateCatalogue.Crate(name, OLD_VERSION, "older"));
        return new Blueprint(b.name(), b.kind(), b.template(), b.web(), b.runtime(), b.db(), b.dbLayer(), b.features(), b.with(),
                b.resource(), b.msrv(), crates, b.decisions(), b.notes());
    }

    /** Writes the project as the older generator wrote it to {@code dir} (record and merge base included). */
    public static void write(Blueprint b, Path dir) throws IOException {
        GeneratedProject old = new ProjectGenerator(RE.templates(), templates()).generate(older(b));
        RE.writer().toDirectory(old, dir, false);
        // The older generator did not write NEW_FILE: not in the project, not in its merge base.
        Files.delete(dir.resolve(NEW_FILE));
        SortedMap<String, byte[]> base = new TreeMap<>(BaseArchive.read(dir));
        base.remove(NEW_FILE);
        Files.write(dir.resolve(BaseArchive.PATH), BaseArchive.write(base));
    }

    /** The project as the current generator writes it: what an untouched file must read after the upgrade. */
    public static GeneratedProject current(Blueprint b) {
        return RE.writer().formatted(RE.generate(b));
    }
}
