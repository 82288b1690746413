package dev.rustengineer.audit.scope;

import java.util.ArrayList;
import java.util.List;

/**
 * A `mod name;` declaration: its file is found next to the declaring file. {@code test} when the declaration is
 * test code (`#[cfg(test)] mod tests;`), which makes the whole module file test code.
 *
 * @param inline the names of the inline modules (`mod a { mod b; }`) the declaration sits in, outermost first
 * @param pathAttribute the value of a `#[path = ".."]` attribute, or null
 */
public record ModuleDecl(String name, List<String> inline, String pathAttribute, boolean test) {

    /** Where the module's file can be, relative to the audited root, for a declaration in the file at relPath. */
    public List<String> candidates(String relPath) {
        int slash = relPath.lastIndexOf('/');
        String dir = slash < 0 ? "" : relPath.substring(0, slash + 1);
        String file = relPath.substring(slash + 1);
        // lib.rs, main.rs, mod.rs (and a crate root elsewhere, which this cannot know) own their directory;
        // any other foo.rs declares its modules in foo/.
        String own = file.equals("lib.rs") || file.equals("main.rs") || file.equals("mod.rs") || file.equals("build.rs")
                ? dir
                : dir + file.substring(0, file.length() - ".rs".length()) + "/";
        String nested = String.join("/", inline);
        String base = own + (nested.isEmpty() ? "" : nested + "/");
        List<String> out = new ArrayList<>();
        if (pathAttribute != null) {
            out.add(normalize((inline.isEmpty() ? dir : base) + pathAttribute));
        } else {
            out.add(base + name + ".rs");
            out.add(base + name + "/mod.rs");
        }
        return out;
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.equals("..") && !parts.isEmpty()) {
                parts.removeLast();
            } else if (!p.equals(".") && !p.isEmpty()) {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }
}
