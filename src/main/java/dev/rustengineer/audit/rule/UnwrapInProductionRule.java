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
 *   <li>a value there by construction ({@link #holdsByConstruction}): the first item of a `split`, a `write!` into
 *       a `String`, serde_json serializing a value, a joined thread, and a value an enclosing `if` just checked
 *       with `is_some()`/`is_ok()`.</li>
 * </ul>
 */
public record UnwrapInProductionRule() implements Rule {
    private static final Set<String> LOCKS = Set.of("lock", "read", "write");
    private static final Set<String> LITERALS = Set.of("string_literal", "raw_string_literal", "integer_literal", "float_literal",
            "char_literal", "boolean_literal", "negative_literal");
    private static final Set<String> CONSTANT_MACROS = Set.of("include_str", "include_bytes", "concat", "env", "stringify");
    private static final Pattern PURE = Pattern.compile("new|new_\\w+|\\w+_opt|parse\\w*|from_\\w+|try_from\\w*|compile|Some|Ok");
    /**
     * serde_json's and bincode's functions that serialize a value into memory (they fail only on a failing `Serialize`,
     * non-string map keys or a sequence of unknown length, not on input).
     */
    private static final String SERIALIZERS = "(?:serde_json::to_(?:string|string_pretty|vec|vec_pretty|value)|bincode::serialize|bincode::serialized_size)";
    private static final int LOOK_BEHIND = 160;
    private static final Pattern SERIALIZED_BEFORE = Pattern.compile(SERIALIZERS + "\\s*\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)\\s*\\.\\s*$");
    private static final Set<String> SAME_VALUE = Set.of("clone", "as_ref", "as_deref", "as_mut", "cloned", "copied");
    private static final Pattern TIME_OF_DAY = Pattern.compile("and_hms\\w*_opt|from_hms\\w*_opt");
    /** An awaited value named as a task's handle (`join_handle.await`, `self.server_task.await`) when its type is not known. */
    private static final Pattern JOIN_HANDLE_NAME = Pattern.compile("(?i)(handle|task|join)s?$");
    private static final Set<String> SPAWNS = Set.of("spawn", "spawn_blocking", "spawn_local");
    private static final Set<String> SPLITS = Set.of("split", "splitn", "rsplit", "rsplitn");
    private static final Pattern SERIALIZE = Pattern.compile("(?:::)?" + SERIALIZERS);
    /** The first argument of `write!(..)`: the target, by name (`out`, `&mut out`, `self.buf` is not read). */
    private static final Pattern WRITE_TARGET = Pattern.compile("^\\s*[(\\[{]\\s*(?:&\\s*mut\\s+)?(\\w+)\\s*,");
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
            if ((method.equals("unwrap") ? args == 0 : args == 1) && !onSpan(c, call) && !cannotFailOnInput(c, call)
                    && !holdsByConstruction(c, call) && !UnwrapInvariants.holds(c, call) && !UnwrapIdioms.holds(c, call)) {
                report.at(call.name(), "`." + method + "()` outside tests: return an error instead of panicking");
            }
        }
        for (MacroTokens.Site s : c.macroTokens().sites(MacroTokens.Kind.UNWRAP)) {
            // Inside a macro body the tree is tokens: only a serialization written just before is read, and a
            // lazy_static! body (a static's initialiser) or a macro_rules! named for tests is left out.
            if (UnwrapInvariants.notProductionMacro(c, s.macro()) || SERIALIZED_BEFORE.matcher(c.src().slice(Math.max(0, s.at() - LOOK_BEHIND), s.at())).find()
                    || UnwrapIdioms.holdsInMacro(c, s)) {
                continue;
            }
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
        if (!Nodes.type(receiver).equals("identifier") && !Nodes.type(receiver).equals("field_expression")
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

    /**
     * Unwraps whose value is there by how it was made, whatever the input: the first item of a `split`
     * (`s.split(':').next().unwrap()`: even "" has one), a `write!` into a `String` (fmt::Write on a String cannot
     * fail), serde_json serializing a value (`serde_json::to_string(&x)`: fails only for maps with non-string keys
     * or a failing `Serialize`, not on input), a joined thread or awaited `JoinHandle` (re-raises a panic that
     * already happened), and the value an enclosing `if x.is_some()` / `is_ok()` has just checked.
     */
    private static boolean holdsByConstruction(FileContext c, CallSite call) {
        TSNode receiver = call.receiver();
        CallSite inner = c.file().call(receiver);
        if (inner != null && inner.method() != null) {
            if (inner.method().equals("next") && inner.argumentCount() == 0) {
                return firstOfSplit(c, inner.receiver());
            }
            if (TIME_OF_DAY.matcher(inner.method()).matches() && inner.argumentCount() > 0
                    && inner.arguments().stream().allMatch(a -> constant(c, a))) {
                return true; // chrono's `date.and_hms_opt(0, 0, 0)`: midnight exists on every date
            }
            if (inner.method().equals("join") && inner.argumentCount() == 0) {
                return true;
            }
        }
        if (inner != null && inner.method() == null && SERIALIZE.matcher(inner.callee().strip()).matches()) {
            return true;
        }
        if (Nodes.type(receiver).equals("macro_invocation")) {
            return writeToString(c, receiver);
        }
        if (Nodes.type(receiver).equals("await_expression") && Nodes.namedChildCount(receiver) > 0) {
            TSNode awaited = Nodes.namedChild(receiver, 0);
            CallSite spawned = c.file().call(awaited);
            if (spawned != null && spawned.method() == null && SPAWNS.contains(Nodes.lastSegment(spawned.callee().strip()))) {
                return true; // `spawn_blocking(..).await`: a JoinError only re-raises the task's panic
            }
            String type = c.types().typeOf(awaited);
            return type != null ? type.endsWith("JoinHandle")
                    : (Nodes.type(awaited).equals("identifier") || Nodes.type(awaited).equals("field_expression"))
                            && JOIN_HANDLE_NAME.matcher(c.text(awaited)).find();
        }
        return checkedJustAbove(c, call, peel(c, receiver));
    }

    /** `write!(out, ..)` / `writeln!` into `out` bound to a `String` in the enclosing fn (or a `&mut String` parameter). */
    private static boolean writeToString(FileContext c, TSNode macro) {
        Matcher target = writeTarget(c, macro);
        if (target == null || !target.find()) {
            return false;
        }
        TSNode fn = c.enclosing(macro, "function_item");
        if (fn == null) {
            return false;
        }
        Pattern stringBinding = Pattern.compile("\\b" + Pattern.quote(target.group(1))
                + "\\s*(?::\\s*(?:&\\s*mut\\s+)?String\\b|(?::\\s*String\\s*)?=\\s*(?:String::(?:new|with_capacity|from)\\b|format!))");
        return stringBinding.matcher(c.text(fn)).find();
    }

    /** For a `write!` or `writeln!` macro, a matcher whose group 1 is the written-to variable; else null. */
    static Matcher writeTarget(FileContext c, TSNode macro) {
        String name = Nodes.lastSegment(c.text(Nodes.childByField(macro, "macro")));
        if (!name.equals("write") && !name.equals("writeln")) {
            return null;
        }
        String text = c.text(macro);
        return WRITE_TARGET.matcher(text.substring(text.indexOf('!') + 1));
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
        return peel(c, receiver, SAME_VALUE);
    }

    /** The receiver under calls of {@code sameValue} without arguments (`x.clone().as_ref()` is `x`). */
    static TSNode peel(FileContext c, TSNode receiver, Set<String> sameValue) {
        for (CallSite step = c.file().call(receiver); step != null && step.method() != null && sameValue.contains(step.method())
                && step.argumentCount() == 0; step = c.file().call(receiver)) {
            receiver = step.receiver();
        }
        return receiver;
    }

    /**
     * `s.split(':')` itself, or a variable the enclosing fn bound to one (`let mut it = s.splitn(2, ' ');`) whose
     * `next()` this is the first of: the second item of a split may be missing.
     */
    private static boolean firstOfSplit(FileContext c, TSNode iterator) {
        CallSite split = c.file().call(iterator);
        if (split != null) {
            return split.method() != null && SPLITS.contains(split.method());
        }
        TSNode bound = Nodes.type(iterator).equals("identifier") ? c.types().boundValue(iterator) : null;
        CallSite boundSplit = bound == null ? null : c.file().call(bound);
        if (boundSplit == null || boundSplit.method() == null || !SPLITS.contains(boundSplit.method())) {
            return false;
        }
        String between = c.src().slice(Nodes.end(bound), Nodes.start(iterator));
        return !Pattern.compile("\\b" + Pattern.quote(c.text(iterator)) + "\\s*\\.\\s*next\\s*\\(").matcher(between).find();
    }

    static boolean constant(FileContext c, TSNode n) {
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
