package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.MacroTokens;
import org.treesitter.TSNode;

/** unsafe-block: every `unsafe { }`, in code and in macro bodies. */
public record UnsafeBlockRule() implements Rule {
    @Override
    public String id() {
        return "unsafe-block";
    }

    @Override
    public void check(FileContext c, Report report) {
        for (TSNode b : c.file().all("unsafe_block")) {
            report.at(b, "unsafe block");
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.UNSAFE_BLOCK)) {
            report.atByte(s.at(), "unsafe block inside macro `" + s.macro() + "`");
        }
    }
}
