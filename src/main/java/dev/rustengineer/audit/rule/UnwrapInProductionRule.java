package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.Nodes;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * unwrap-in-production: `.unwrap()` and `.expect(msg)` (Option's and Result's, by their arity), in code and in
 * macro bodies except assertions and quote!-like macros (audit/knowledge.yaml `unscanned_macros`). Test code and
 * build scripts are left out by the scope policy (rules.yaml), not here. Not reported, because no input can make
 * them panic that has not already panicked or failed the first run:
 * <ul>
 *   <li>a method merely named `unwrap` on a proc-macro `Span` (it gives a proc_macro Span, not an Option's value);</li>
 *   <li>a lock's poison: `m.lock().unwrap()`, `.read()`/`.write()` likewise (the std documentation's idiom: the
 *       panic propagates one that already happened on another thread);</li>
 *   <li>a constant input: a method on a literal or constant (`"127.0.0.1:80".parse()`, `VERSION.parse()`), or a
 *       constructor or parser (`new*`, `parse*`, `from_*`, `try_from*`, `compile`) given only literals and constants
 *       (`Regex::new(r"^\w+$")`, `NonZeroU32::new(1)`): it fails on every run or never. `env::var("HOME")` or
 *       `File::open("x")` read the world and are reported.</li>
 * </ul>
 */
public record UnwrapInProductionRule() implements Rule {
    private static final Set<String> LOCKS = Set.of("lock", "read", "write");
    private static final Set<String> LITERALS = Set.of("string_literal", "raw_string_literal", "integer_literal", "float_literal",
            "char_literal", "boolean_literal", "negative_literal");
    private static final Set<String> CONSTANT_MACROS = Set.of("include_str", "include_bytes", "concat", "env", "stringify");
    private static final Pattern PURE = Pattern.compile("new|new_\\w+|parse\\w*|from_\\w+|try_from\\w*|compile|Some|Ok");
    private static final Pattern CONSTANT_NAME = Pattern.compile("(?:[A-Za-z_][\\w]*::)*[A-Z][A-Z0-9_]+");

    @Override
    public String id() {
        return "unwrap-in-production";
    }

    @Override
    public void check(FileContext c, Report report) {
        for (CallSite call : c.file().calls()) {
            String method = call.method();
            if (!"unwrap".equals(method) && !"expect".equals(method)) {
                continue;
            }
            int args = call.argumentCount();
            if ((method.equals("unwrap") ? args == 0 : args == 1) && !onSpan(c, call) && !cannotFailOnInput(c, call)) {
                report.at(call.name(), "`." + method + "()` outside tests: return an error instead of panicking");
            }
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.UNWRAP)) {
            report.atByte(s.at(), "`." + s.detail() + "()` inside macro `" + s.macro() + "` outside tests");
        }
    }

    /** `span.unwrap()` / `x.span().unwrap()`: proc_macro2's Span::unwrap gives a proc_macro Span, it cannot panic on None. */
    private static boolean onSpan(FileContext c, CallSite call) {
        TSNode receiver = call.receiver();
        if ("span".equals(Calls.method(c, receiver))) {
            return true;
        }
        // Only receivers named like a span are typed: asking every unwrap's receiver for its type costs more than it finds.
        if (!receiver.getType().equals("identifier") && !receiver.getType().equals("field_expression")
                || !c.text(receiver).toLowerCase(Locale.ROOT).contains("span")) {
            return false;
        }
        String type = c.types().typeOf(receiver);
        return type != null && type.endsWith("Span");
    }

    /** A lock's poison, or a call on constant input. */
    private static boolean cannotFailOnInput(FileContext c, CallSite call) {
        CallSite inner = c.file().call(call.receiver());
        if (inner == null) {
            return false;
        }
        if (inner.method() != null && LOCKS.contains(inner.method()) && inner.argumentCount() == 0) {
            return true;
        }
        int args = inner.argumentCount();
        if (inner.method() != null) {
            return PURE.matcher(inner.method()).matches() && constant(c, inner.receiver())
                    && inner.arguments().stream().allMatch(a -> constant(c, a));
        }
        // A constructor or parser of constants is pure; `env::var("HOME")` or `File::open("x")` read the world.
        return args > 0 && PURE.matcher(Nodes.lastSegment(inner.callee())).matches() && inner.arguments().stream().allMatch(a -> constant(c, a));
    }

    private static boolean constant(FileContext c, TSNode n) {
        String type = n.getType();
        if (LITERALS.contains(type)) {
            return true;
        }
        if (type.equals("reference_expression") || type.equals("parenthesized_expression")) {
            return n.getNamedChildCount() > 0 && constant(c, n.getNamedChild(n.getNamedChildCount() - 1));
        }
        if (type.equals("macro_invocation")) {
            return CONSTANT_MACROS.contains(Nodes.lastSegment(c.text(n.getChildByFieldName("macro"))));
        }
        return (type.equals("identifier") || type.equals("scoped_identifier")) && CONSTANT_NAME.matcher(c.text(n)).matches();
    }
}
