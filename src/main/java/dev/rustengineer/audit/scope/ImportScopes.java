package dev.rustengineer.audit.scope;

import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * `use` declarations resolved the way rustc scopes them, not merged over the file: a `use` in a block is seen in
 * that block only, a `use` in a module in that module only (an inline `mod tests` does not see its parent's
 * imports unless it says `use super::*`), and a `use` in a macro body parsed again belongs to the scope of the
 * macro. So `use std::thread::sleep` in one function leaves `sleep` in another function alone.
 */
public final class ImportScopes {
    private static final Set<String> CONTAINERS = Set.of("source_file", "declaration_list", "block");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern TURBOFISH = Pattern.compile("::<.*?>(?=::|$)");

    /** The imports of one block, module body or file: byte range [start, end). */
    private record Scope(int start, int end, Imports imports) {}

    /** A module: the file (item 0) or an inline `mod x { }`; its body range and where the `mod` item starts. */
    private record Module(int item, int start, int end) {}

    private final List<Scope> scopes;
    private final List<Module> modules;

    private ImportScopes(List<Scope> scopes, List<Module> modules) {
        this.scopes = scopes;
        this.modules = modules;
    }

    public static ImportScopes of(RustFile f) {
        Map<Long, Imports> byRange = new LinkedHashMap<>();
        for (TSNode u : f.all("use")) {
            TSNode c = container(f, u);
            int start = c == null ? 0 : Nodes.start(c);
            int end = c == null || Nodes.type(c).equals("source_file") ? Integer.MAX_VALUE : Nodes.end(c);
            byRange.computeIfAbsent(((long) start << 32) | (end & 0xffffffffL), k -> new Imports()).add(f.text(u));
        }
        List<Scope> scopes = new ArrayList<>();
        byRange.forEach((k, imports) -> scopes.add(new Scope((int) (k >>> 32), (int) (long) k, imports)));
        // Innermost first: a later, smaller scope wins over the one around it.
        scopes.sort((a, b) -> Long.compare((long) a.end - a.start, (long) b.end - b.start));
        List<Module> modules = new ArrayList<>();
        modules.add(new Module(0, 0, Integer.MAX_VALUE));
        for (TSNode m : f.all("mod")) {
            TSNode body = Nodes.field(m, "body");
            if (body != null) {
                modules.add(new Module(Nodes.start(m), Nodes.start(body), Nodes.end(body)));
            }
        }
        modules.sort((a, b) -> Long.compare((long) a.end - a.start, (long) b.end - b.start));
        return new ImportScopes(scopes, modules);
    }

    /** The block, module body or file a `use` belongs to (through a macro body to the macro's own scope). */
    private static TSNode container(RustFile f, TSNode use) {
        for (TSNode p = f.parent(use); p != null; p = f.parent(p)) {
            if (CONTAINERS.contains(Nodes.type(p))) {
                return p;
            }
        }
        return null;
    }

    private Module moduleAt(int at) {
        for (Module m : modules) {
            if (at >= m.start && at < m.end) {
                return m;
            }
        }
        return modules.getLast();
    }

    private Module moduleOf(Scope s) {
        return moduleAt(s.start);
    }

    private static boolean isRoot(Module m) {
        return m.end == Integer.MAX_VALUE;
    }

    /** The scopes of the module around `at` that contain `at`, innermost first. */
    private List<Scope> visible(int at, Module m) {
        List<Scope> out = new ArrayList<>();
        for (Scope s : scopes) {
            if (at >= s.start && at < s.end && moduleOf(s).equals(m)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The full path of a path as written at a byte offset (`fs::read` with `use std::fs;` gives `std::fs::read`),
     * generic arguments removed and `core::`/`alloc::` read as `std::`; the path as written when no import names it.
     */
    public String resolve(String written, int at) {
        String p = written;
        if (p.indexOf(' ') >= 0 || p.indexOf('\n') >= 0 || p.indexOf('\t') >= 0) {
            p = SPACE.matcher(p).replaceAll("");
        }
        if (p.indexOf('<') >= 0) {
            p = TURBOFISH.matcher(p).replaceAll("");
        }
        if (p.startsWith("::")) {
            p = p.substring(2);
        }
        return canonical(resolveIn(p, at, 0));
    }

    private String resolveIn(String p, int at, int depth) {
        if (depth > 8) {
            return p;
        }
        Module m = moduleAt(at);
        if (p.startsWith("self::")) {
            return resolveIn(p.substring(6), at, depth + 1);
        }
        if (p.startsWith("super::")) {
            return isRoot(m) ? p.substring(7) : resolveIn(p.substring(7), m.item, depth + 1);
        }
        int i = p.indexOf("::");
        String first = i < 0 ? p : p.substring(0, i);
        String rest = i < 0 ? "" : p.substring(i);
        for (Module mod = m; ; ) {
            boolean superGlob = false;
            for (Scope s : visible(at, mod)) {
                String mapped = s.imports.lookup(first);
                if (mapped != null) {
                    String full = mapped + rest;
                    return full.startsWith("self::") || full.startsWith("super::") ? resolveIn(full, s.start, depth + 1) : full;
                }
                superGlob |= s.imports.globs().contains("super");
            }
            if (!superGlob || isRoot(mod)) {
                return p;
            }
            at = mod.item;
            mod = moduleAt(at);
        }
    }

    /** Whether an import visible at `at` (a name's full path or a glob's module) matches. */
    public boolean anyImport(int at, Predicate<String> path) {
        for (Module mod = moduleAt(at); ; ) {
            boolean superGlob = false;
            for (Scope s : visible(at, mod)) {
                for (String full : s.imports.paths()) {
                    if (path.test(canonical(full))) {
                        return true;
                    }
                }
                for (String g : s.imports.globs()) {
                    if (path.test(canonical(g) + "::*")) {
                        return true;
                    }
                    superGlob |= g.equals("super");
                }
            }
            if (!superGlob || isRoot(mod)) {
                return false;
            }
            at = mod.item;
            mod = moduleAt(at);
        }
    }

    /** The paths a name may stand for through the glob imports visible at `at` (`use std::mem::*` and `transmute`). */
    public List<String> throughGlobs(String name, int at) {
        List<String> out = new ArrayList<>();
        for (Scope s : visible(at, moduleAt(at))) {
            for (String g : s.imports.globs()) {
                out.add(canonical(g) + "::" + name);
            }
        }
        return out;
    }

    static String canonical(String path) {
        if (path.startsWith("core::")) {
            return "std::" + path.substring(6);
        }
        if (path.startsWith("alloc::")) {
            return "std::" + path.substring(7);
        }
        return path;
    }
}
