package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.Nodes;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * unwrap-in-production: `.unwrap()` and `.expect(msg)` (Option's and Result's, by their arity), in code and in
 * macro bodies except assertions and quote!-like macros (audit/knowledge.yaml `unscanned_macros`). Test code and
 * build scripts are left out by the scope policy (rules.yaml), not here.
 * <p>
 * Reported where a reviewer asks for an error instead of a panic ({@link PanicReach}): in a function that can
 * return one (its type names a `Result` or is an `Option`: the unwrap could be a `?`, clippy's `unwrap_in_result`),
 * and anywhere the unwrapped value comes from input (a parameter, an awaited I/O result, an env var, the file
 * system, the network). An unwrap in a function with no error channel (a `Deref`, `Drop`, `Display` or `poll`
 * impl, a constructor returning `Self`) on the function's own state asserts an invariant; so does one in a
 * `static`'s initialiser, which runs once at start-up. Never reported, because no input can make them panic
 * that has not already panicked or failed the first run:
 * <ul>
 *   <li>a method merely named `unwrap` on a proc-macro `Span` (it gives a proc_macro Span, not an Option's value);</li>
 *   <li>a lock's poison: `m.lock().unwrap()`, `.read()`/`.write()` likewise (the std documentation's idiom: the
 *       panic propagates one that already happened on another thread); a thread's or task's join
 *       (`handle.join().unwrap()`, `spawn_blocking(f).await.expect(..)`) likewise;</li>
 *   <li>a one-shot slot: `self.waker.take().unwrap()` states the state machine the code itself keeps;</li>
 *   <li>an `expect` whose message says why the value is there ("BUG: ...", "we know ...", "checked above",
 *       "exactly once"; audit/knowledge.yaml `invariant_words`);</li>
 *   <li>in a `#[track_caller]` fn, whose panic on a bad argument is its documented contract;</li>
 *   <li>a constant input: a method on a literal or constant (`"127.0.0.1:80".parse()`, `VERSION.parse()`), or a
 *       constructor or parser (`new*`, `parse*`, `from_*`, `try_from*`, `compile`) given only literals and constants
 *       (`Regex::new(r"^\w+$")`, `NonZeroU32::new(1)`): it fails on every run or never. `env::var("HOME")` or
 *       `File::open("x")` read the world and are reported.</li>
 * </ul>
 */
public record UnwrapInProductionRule() implements Rule {
    /** A lock's poison, a thread's panic, a one-shot slot: `m.lock().unwrap()`, `h.join().unwrap()`, `w.take().unwrap()`. */
    private static final Set<String> PROPAGATES = Set.of("lock", "read", "write", "join", "take");
    private static final Pattern RECEIVER_WORD = Pattern.compile("([A-Za-z_]\\w*)\\s*\\.\\s*$");
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
        PanicReach reach = null;
        for (CallSite call : c.file().calls()) {
            String method = call.method();
            if (!"unwrap".equals(method) && !"expect".equals(method)) {
                continue;
            }
            int args = call.argumentCount();
            if ((method.equals("unwrap") ? args == 0 : args == 1) && !onSpan(c, call) && !cannotFailOnInput(c, call)
                    && !(method.equals("expect") && statesInvariant(c, call.arguments().getFirst()))) {
                reach = reach == null ? new PanicReach(c) : reach;
                TSNode fn = reach.enclosingFn(call.node());
                if (!reach.tracksCaller(fn) && !reach.checkedBefore(fn, call.receiver())
                        && (reach.hasErrorChannel(fn) || reach.fromInput(call.receiver()))) {
                    report.at(call.name(), "`." + method + "()` outside tests: return an error instead of panicking");
                }
            }
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.UNWRAP)) {
            reach = reach == null ? new PanicReach(c) : reach;
            TSNode fn = reach.enclosingFn(s.at());
            if (fn != null && !reach.tracksCaller(fn) && (reach.hasErrorChannel(fn) || onParameter(c, reach, fn, s.at()))) {
                report.atByte(s.at(), "`." + s.detail() + "()` inside macro `" + s.macro() + "` outside tests");
            }
        }
    }

    /** In a macro body read as tokens: the word before `.unwrap` is a parameter of the fn (`println!("{}", arg.unwrap())`). */
    private static boolean onParameter(FileContext c, PanicReach reach, TSNode fn, int at) {
        String before = c.src().slice(fn.getStartByte(), at);
        Matcher m = RECEIVER_WORD.matcher(before);
        return m.find() && reach.isParameter(m.group(1), fn.getChildByFieldName("body"));
    }

    /** An `expect` message that says why the value is there: an invariant the code keeps, not input it trusts. */
    private static boolean statesInvariant(FileContext c, TSNode message) {
        if (!message.getType().equals("string_literal") && !message.getType().equals("raw_string_literal")) {
            return false;
        }
        return c.knowledge().statesInvariant(c.text(message));
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
        if (inner.method() != null && PROPAGATES.contains(inner.method()) && inner.argumentCount() == 0) {
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
