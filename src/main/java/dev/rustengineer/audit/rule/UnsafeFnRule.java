package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.Nodes;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/** unsafe-fn: `unsafe fn`, with a body or without (in a trait, in an extern block), and in macro bodies. */
public record UnsafeFnRule() implements Rule {
    private static final Pattern UNSAFE = Pattern.compile("\\bunsafe\\b");

    @Override
    public String id() {
        return "unsafe-fn";
    }

    @Override
    public void check(FileContext c, Report report) {
        for (String capture : new String[] {"fn", "fn_sig"}) {
            for (TSNode f : c.file().all(capture)) {
                if (UNSAFE.matcher(c.file().modifiers(f)).find()) {
                    report.at(f, "`unsafe fn " + Nodes.name(c.file(), f) + "`: callers must uphold its safety contract");
                }
            }
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.UNSAFE_FN)) {
            report.atByte(s.at(), "`unsafe fn` inside macro `" + s.macro() + "`: callers must uphold its safety contract");
        }
    }
}
