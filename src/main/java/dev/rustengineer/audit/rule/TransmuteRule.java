package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.Nodes;
import java.util.Set;

/**
 * transmute: a call of `std::mem::transmute` or `transmute_copy` (through `use`, `core::`, a glob import), in code
 * and in macro bodies. A function of that name from another crate (`zerocopy::transmute`) is not std's.
 */
public record TransmuteRule() implements Rule {
    private static final Set<String> NAMES = Set.of("transmute", "transmute_copy");
    private static final Set<String> STD = Set.of("std::mem::transmute", "std::mem::transmute_copy", "std::intrinsics::transmute",
            "mem::transmute", "mem::transmute_copy", "transmute", "transmute_copy");

    @Override
    public String id() {
        return "transmute";
    }

    @Override
    public void check(FileContext c, Report report) {
        for (CallSite call : c.file().calls()) {
            String callee = call.callee();
            if (callee == null || !NAMES.contains(Nodes.lastSegment(callee))) {
                continue;
            }
            String path = c.imports().resolve(callee, call.start());
            if (STD.contains(path) || c.imports().throughGlobs(path, call.start()).stream().anyMatch(STD::contains)) {
                report.at(call.node(), "`" + callee.strip() + "`: reinterprets the bits of a value");
            }
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.TRANSMUTE)) {
            report.atByte(s.at(), "`" + s.detail() + "` inside macro `" + s.macro() + "`: reinterprets the bits of a value");
        }
    }
}
