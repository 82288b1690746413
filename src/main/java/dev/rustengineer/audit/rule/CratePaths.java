package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.CodeKind;
import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * The paths of its own crate that a file's calls name, so that blocking helpers are followed across files: a call
 * of `crate::a::f`, of a path an import makes one (`state::f` after `use crate::room::state`), of `super::x::f`, or
 * of a top-level fn of the file itself (`self::f`, placed in its module once the crate is read). The file tells the
 * crate which of these its top-level non-async fns call (a helper that calls another file's helper is one too) and
 * what its `pub use` declarations re-export (`pub use frame::*` in `state/mod.rs`).
 */
final class CratePaths {
    private static final Pattern TURBOFISH = Pattern.compile("::<.*?>(?=::|$)");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern PATH = Pattern.compile("[A-Za-z_]\\w*(?:::[A-Za-z_]\\w*)*");

    /** The file's top-level non-async free fns. */
    private final Set<String> topFns;
    /** The modules the file declares at its top (`mod add;`): `add::add_task(..)` is `self::add::add_task`. */
    private final Set<String> childModules;

    private CratePaths(Set<String> topFns, Set<String> childModules) {
        this.topFns = topFns;
        this.childModules = childModules;
    }

    static CratePaths of(FileContext c) {
        RustFile f = c.file();
        Set<String> fns = new HashSet<>();
        for (TSNode fn : f.all("fn")) {
            if (f.topLevel(fn) && !f.modifiers(fn).contains("async")) {
                fns.add(f.fnName(fn));
            }
        }
        Set<String> mods = new HashSet<>();
        for (TSNode m : f.all("mod")) {
            TSNode name = Nodes.field(m, "name");
            if (name != null && f.topLevel(m)) {
                mods.add(c.text(name));
            }
        }
        return new CratePaths(fns, mods);
    }

    /** The crate path a plain (non-method) call names, or null: `crate::..`, `super::..` or `self::f`. */
    String of(FileContext c, CallSite call) {
        if (call.method() != null || call.callee() == null) {
            return null;
        }
        String written = TURBOFISH.matcher(SPACE.matcher(call.callee()).replaceAll("")).replaceAll("");
        if (!PATH.matcher(written).matches()) {
            return null;
        }
        if (written.startsWith("super::")) {
            return written; // relative to the file's module, which only the crate-wide step knows
        }
        String path = c.imports().resolve(written, call.start());
        if (path.startsWith("crate::")) {
            return path;
        }
        int cut = written.indexOf("::");
        if (cut > 0 && path.equals(written) && childModules.contains(written.substring(0, cut))) {
            return "self::" + written; // a fn of a module this file declares, written from its parent
        }
        return cut < 0 && path.equals(written) && topFns.contains(written) ? "self::" + written : null;
    }

    /** Records the crate paths each top-level non-async fn calls in its own body (not awaited), unless it blocks already. */
    void edges(FileContext c, BlockingHelpers helpers) {
        if (topFns.isEmpty()) {
            return;
        }
        RustFile f = c.file();
        for (CallSite call : f.calls()) {
            String path = of(c, call);
            if (path == null || Calls.awaited(c, call)) {
                continue;
            }
            TSNode owner = BlockingHelpers.owner(f, call.node());
            if (owner == null || !f.topLevel(owner) || c.testCode().kindAt(Nodes.start(owner)) == CodeKind.TEST) {
                continue;
            }
            String name = f.fnName(owner);
            if (topFns.contains(name) && !helpers.has(name) && !path.equals("self::" + name)) {
                c.crossFile().edge(name, path);
            }
        }
    }

    /** Records the file module's `pub use` re-exports. */
    void reExports(FileContext c) {
        RustFile f = c.file();
        for (TSNode u : f.all("use")) {
            String text = c.text(u);
            if (text.startsWith("pub") && f.topLevel(u)) {
                c.crossFile().reExport(text);
            }
        }
    }
}
