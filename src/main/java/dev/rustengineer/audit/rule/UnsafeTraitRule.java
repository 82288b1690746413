package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.Nodes;
import org.treesitter.TSNode;

/** unsafe-trait: `unsafe trait` (and `unsafe auto trait`), in code and in macro bodies. */
public record UnsafeTraitRule() implements Rule {
    @Override
    public String id() {
        return "unsafe-trait";
    }

    @Override
    public void check(FileContext c, Report report) {
        for (TSNode t : c.file().all("trait")) {
            if (Nodes.signature(c.file(), t).matches("(?s)^\\s*(pub(\\([^)]*\\))?\\s+)?unsafe\\b.*")) {
                report.at(t, "`unsafe trait " + Nodes.name(c.file(), t) + "`");
            }
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.UNSAFE_TRAIT)) {
            report.atByte(s.at(), "`unsafe trait` inside macro `" + s.macro() + "`");
        }
    }
}
