package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.Nodes;
import org.treesitter.TSNode;

/** manual-future: a hand-written `impl Future for ..` (std's or futures' trait), in code, item macros and macro bodies. */
public record ManualFutureRule() implements Rule {
    @Override
    public String id() {
        return "manual-future";
    }

    @Override
    public void check(FileContext c, Report report) {
        for (TSNode i : c.file().all("impl")) {
            TSNode trait = Nodes.field(i, "trait");
            if (trait != null && Nodes.lastSegment(c.text(trait)).equals("Future")) {
                report.at(i, "hand-written `impl Future`");
            }
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.IMPL_FUTURE)) {
            report.atByte(s.at(), "hand-written `impl Future` inside macro `" + s.macro() + "`");
        }
    }
}
