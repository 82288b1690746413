package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.MacroTokens;
import java.util.List;
import org.treesitter.TSNode;

/** undocumented-unsafe: an unsafe block with no SAFETY comment saying why it is sound ({@link SafetyComments}). */
public record UndocumentedUnsafeRule() implements Rule {
    @Override
    public String id() {
        return "undocumented-unsafe";
    }

    @Override
    public void check(FileContext c, Report report) {
        List<MacroTokens.Site> sites = c.macroTokens().sites(MacroTokens.Kind.UNSAFE_BLOCK);
        if (c.file().all("unsafe_block").isEmpty() && sites.isEmpty()) {
            return;
        }
        SafetyComments comments = new SafetyComments(c);
        for (TSNode b : c.file().all("unsafe_block")) {
            if (!comments.documented(b)) {
                report.at(b, "unsafe block without a `// SAFETY:` comment saying why it is sound");
            }
        }
        for (MacroTokens.Site s : sites) {
            if (!comments.documented(c.src().row(s.at()))) {
                report.atByte(s.at(), "unsafe block inside macro `" + s.macro() + "` without a `// SAFETY:` comment");
            }
        }
    }
}
