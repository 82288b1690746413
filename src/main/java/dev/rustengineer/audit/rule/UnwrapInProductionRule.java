package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.Nodes;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * unwrap-in-production: `.unwrap()` and `.expect(msg)` (Option's and Result's, by their arity), in code and in
 * macro bodies except assertions and quote!-like macros (audit/knowledge.yaml `unscanned_macros`), reported only
 * where the unwrapped value can be an error or None because of something outside the program at run time
 * ({@link ExternalOrigin}: input, files, the network, the environment, external text, a database); an unwrap of the
 * program's own state (a field, a lookup, a lock, a slot it filled) states an invariant and is not reported. Test
 * code and build scripts are left out by the scope policy (rules.yaml), not here. Of the external values, not
 * reported either:
 * <ul>
 *   <li>a constant input: a method on a literal or constant (`"127.0.0.1:80".parse()`, `VERSION.parse()`), or a
 *       constructor or parser (`new*`, `parse*`, `from_*`, `try_from*`, `compile`) given only literals and constants
 *       (`CString::new("x")`, `Url::parse("http://localhost")`): it fails on every run or never. `env::var("HOME")`
 *       or `File::open("x")` read the world and are reported;</li>
 *   <li>a value an enclosing `if` just checked with `is_some()`/`is_ok()`, and the readings of
 *       {@link UnwrapInvariants} (checked earlier, no error channel, the invariant stated in the message, code named
 *       for tests).</li>
 * </ul>
 */
public record UnwrapInProductionRule() implements Rule {
    private static final Set<String> LITERALS = Set.of("string_literal", "raw_string_literal", "integer_literal", "float_literal",
            "char_literal", "boolean_literal", "negative_literal");
    private static final Set<String> CONSTANT_MACROS = Set.of("include_str", "include_bytes", "concat", "env", "stringify");
    private static final Pattern PURE = Pattern.compile("new|new_\\w+|\\w+_opt|parse\\w*|from_\\w+|try_from\\w*|compile|Some|Ok");
    private static final int LOOK_BEHIND = 160;
    private static final Set<String> SAME_VALUE = Set.of("clone", "as_ref", "as_deref", "as_mut", "cloned", "copied");
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
            if ((method.equals("unwrap") ? args == 0 : args == 1) && ExternalOrigin.of(c, call.receiver()) && !constantInput(c, call)
                    && !checkedJustAbove(c, call, peel(c, call.receiver())) && !UnwrapInvariants.holds(c, call)) {
                report.at(call.name(), "`." + method + "()` of a value from outside the program: return an error instead of panicking");
            }
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.UNWRAP)) {
            // Inside a macro body the tree is tokens: the statement's text before the unwrap is read for an external
            // call, and a lazy_static! body (a static's initialiser) or a macro_rules! named for tests is left out.
            if (UnwrapInvariants.notProductionMacro(c, s.macro()) || !ExternalOrigin.ofText(c.src().slice(Math.max(0, s.at() - LOOK_BEHIND), s.at()))) {
                continue;
            }
            report.atByte(s.at(), "`." + s.detail() + "()` inside macro `" + s.macro() + "` of a value from outside the program");
        }
    }

    /** A call on constant input: the same result on every run. */
    private static boolean constantInput(FileContext c, CallSite call) {
        CallSite inner = c.file().call(call.receiver());
        if (inner == null) {
            return false;
        }
        if (inner.method() != null) {
            return PURE.matcher(inner.method()).matches() && constant(c, inner.receiver())
                    && inner.arguments().stream().allMatch(a -> constant(c, a));
        }
        // A constructor or parser of constants is pure; `env::var("HOME")` or `File::open("x")` read the world.
        return inner.argumentCount() > 0 && PURE.matcher(Nodes.lastSegment(inner.callee())).matches()
                && inner.arguments().stream().allMatch(a -> constant(c, a));
    }

    /** `if x.is_some() { .. x.unwrap() .. }`: the unwrap sits in the then-block of an `if` that checked the same value. */
    private static boolean checkedJustAbove(FileContext c, CallSite call, TSNode receiver) {
        String type = Nodes.type(receiver);
        if (!type.equals("identifier") && !type.equals("field_expression")) {
            return false;
        }
        String value = UnwrapInvariants.pathPattern(c.text(receiver));
        Pattern check = Pattern.compile("(?<![\\w.])" + value + "\\s*\\.\\s*is_(?:some|ok)\\s*\\(\\s*\\)");
        TSNode child = call.node();
        for (TSNode p = c.parent(child); p != null; child = p, p = c.parent(p)) {
            switch (Nodes.type(p)) {
                case "function_item", "closure_expression":
                    return false;
                case "binary_expression":
                    // `x.is_some() && x.unwrap()`: the right operand runs only when the left one held.
                    TSNode left = Nodes.field(p, "left");
                    if (left != null && Nodes.start(child) > Nodes.end(left) && c.text(p).substring(Nodes.end(left) - Nodes.start(p)).strip().startsWith("&&")
                            && check.matcher(c.text(left)).find()) {
                        return true;
                    }
                    break;
                case "if_expression":
                    TSNode condition = Nodes.field(p, "condition");
                    TSNode then = Nodes.field(p, "consequence");
                    if (condition != null && then != null && Nodes.start(child) >= Nodes.start(then)
                            && Nodes.end(child) <= Nodes.end(then) && check.matcher(c.text(condition)).find()
                            && !c.text(condition).contains("||")) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** `x.clone()`, `x.as_ref()`: the value the check was about. */
    private static TSNode peel(FileContext c, TSNode receiver) {
        for (CallSite step = c.file().call(receiver); step != null && step.method() != null && SAME_VALUE.contains(step.method())
                && step.argumentCount() == 0; step = c.file().call(receiver)) {
            receiver = step.receiver();
        }
        return receiver;
    }

    private static boolean constant(FileContext c, TSNode n) {
        String type = Nodes.type(n);
        if (LITERALS.contains(type)) {
            return true;
        }
        if (type.equals("reference_expression") || type.equals("parenthesized_expression")) {
            return Nodes.namedChildCount(n) > 0 && constant(c, Nodes.namedChild(n, Nodes.namedChildCount(n) - 1));
        }
        if (type.equals("macro_invocation")) {
            return CONSTANT_MACROS.contains(Nodes.lastSegment(c.text(Nodes.childByField(n, "macro"))));
        }
        if (type.equals("index_expression")) {
            // `NAMES[0]`: an item of a constant table at a literal index
            return Nodes.namedChildCount(n) == 2 && constant(c, Nodes.namedChild(n, 0)) && LITERALS.contains(Nodes.type(Nodes.namedChild(n, 1)));
        }
        if (type.equals("identifier") && !CONSTANT_NAME.matcher(c.text(n)).matches()) {
            // `let value = "nosniff"; value.parse()`: a local bound to a literal
            TSNode bound = c.types().boundValue(n);
            return bound != null && LITERALS.contains(Nodes.type(bound));
        }
        return (type.equals("identifier") || type.equals("scoped_identifier")) && CONSTANT_NAME.matcher(c.text(n)).matches();
    }
}
