package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.Nodes;
import org.treesitter.TSNode;

/** unsafe-impl: `unsafe impl` (Send, Sync, an unsafe trait), in code and in macro bodies. */
public record UnsafeImplRule() implements Rule {
    @Override
    public String id() {
        return "unsafe-impl";
    }

    @Override
    public void check(FileContext c, Report report) {
        for (TSNode i : c.file().all("impl")) {
            String head = Nodes.signature(c.file(), i);
            if (head.matches("(?s)^\\s*unsafe\\b.*")) {
                report.at(i, "`" + Nodes.firstLine(head) + "`: the implementer vouches for soundness");
            }
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.UNSAFE_IMPL)) {
            report.atByte(s.at(), "`unsafe impl` inside macro `" + s.macro() + "`: the implementer vouches for soundness");
        }
    }
}
