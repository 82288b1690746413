package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * ffi-boundary: a foreign-function boundary. An `extern "ABI"` block (imports) or function (callable from C),
 * and an item exported under a fixed symbol name (`#[no_mangle]`, `#[unsafe(no_mangle)]`, `#[export_name]`),
 * which other languages link against, in code and in macro bodies. `extern "Rust"` is no foreign boundary.
 */
public record FfiBoundaryRule() implements Rule {
    private static final Pattern EXPORT = Pattern.compile("^#\\s*\\[\\s*(?:unsafe\\s*\\(\\s*)?(no_mangle|export_name)\\b");
    private static final Pattern RUST_ABI = Pattern.compile("extern\\s+\"Rust\"");
    private static final Set<String> SKIPPED = Set.of("attribute_item", "line_comment", "block_comment");

    @Override
    public String id() {
        return "ffi-boundary";
    }

    @Override
    public void check(FileContext c, Report report) {
        RustFile f = c.file();
        Set<Integer> reported = new HashSet<>();
        for (TSNode fn : f.all("fn")) {
            String mods = f.modifiers(fn);
            if (mods.contains("extern") && !RUST_ABI.matcher(mods).find() && reported.add(Nodes.start(fn))) {
                report.at(fn, "`extern` function `" + Nodes.name(f, fn) + "` callable across the FFI boundary");
            }
        }
        for (TSNode e : f.all("foreign_mod")) {
            if (!RUST_ABI.matcher(Nodes.signature(f, e)).find()) {
                report.at(e, "`extern` block: foreign functions declared here");
            }
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.EXTERN_BLOCK)) {
            report.atByte(s.at(), "`extern " + s.detail() + "` block inside macro `" + s.macro() + "`: foreign functions declared here");
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.EXTERN_FN)) {
            report.atByte(s.at(), "`extern " + s.detail() + "` function inside macro `" + s.macro() + "` callable across the FFI boundary");
        }
        for (TSNode a : f.all("attr")) {
            var m = EXPORT.matcher(f.text(a));
            if (!m.find()) {
                continue;
            }
            TSNode item = a.getNextNamedSibling();
            while (Nodes.present(item) && SKIPPED.contains(Nodes.type(item))) {
                item = item.getNextNamedSibling();
            }
            if (Nodes.present(item) && reported.add(Nodes.start(item))) {
                report.at(item, "`" + Nodes.name(f, item) + "` is exported under a fixed symbol (`#[" + m.group(1)
                        + "]`): callable across the FFI boundary");
            }
        }
    }
}
