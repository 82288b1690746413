package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.treesitter.TSNode;

/**
 * Unwraps that state the program's own invariant rather than trust input (unwrap-in-production does not report
 * them). Each is a reading of the code around the unwrap, not of a crate: the failure, if it came, would be a bug
 * of the program, not a value from outside it.
 * <ul>
 *   <li>a slot taken once: `x.take().unwrap()` (or a `take_*()`: `fut.take_output()`) moves out the value the type itself put in an `Option` (a handle kept
 *       for `Drop`, an `FnOnce` called once, a state machine's waker);</li>
 *   <li>the panicking twin of the function's own fallible variant (`fn new() { Self::try_new().expect(..) }`), a
 *       channel's `send(x)` not awaited (it fails only when the program's own receiver is gone), `last_mut()` of a
 *       vector the function pushed to;</li>
 *   <li>a lookup of the key the same function just inserted or checked: `m.insert(k, v); m.get_mut(&k).unwrap()`,
 *       `if m.contains_key(&k) { m.get_mut(&k).unwrap() }`;</li>
 *   <li>a value an earlier statement has already checked and left on: `if let Err(e) = x { return Err(e); }` or
 *       `if x.is_none() { break; }` before `x.unwrap()`; `NonZeroU32::new(n)` under `if n > 0`;</li>
 *   <li>code without an error channel: a static's initialiser (`Lazy::new(|| ..)`, `LazyLock`, `OnceLock::get_or_init`,
 *       `lazy_static!`, a `static`/`const` item) and `Deref`/`DerefMut`/`Index` impls, whose signatures cannot carry
 *       an error (the unwrap there states that the value is always present);</li>
 *   <li>an `expect` whose message states the invariant (`"BUG: .."`, `"always .."`, `"checked above"`), or a `//`
 *       comment in or just above the statement that does (`// Safe to unwrap: we stored it as RFC3339`);</li>
 *   <li>a template rendered from a value built on the spot (`Page { .. }.render()`: askama checks the template when
 *       it compiles), the time since the Unix epoch of `SystemTime::now()`, an OS signal handler registered for a
 *       fixed signal kind (tokio's `signal(SignalKind::terminate())`), a conversion between primitive integer types
 *       (`u32::try_from(elapsed_secs)`) and the next node of a pest parse tree (`pair.into_inner().next()`: the
 *       grammar fixes its shape).</li>
 * </ul>
 */
final class UnwrapInvariants {
    private static final Set<String> LOOKUPS = Set.of("get", "get_mut");
    private static final Set<String> NO_CHANNEL_FNS = Set.of("deref", "deref_mut", "index", "index_mut", "fmt");
    /** `Lazy::new`, `once_cell::sync::Lazy::<T>::new`: the type is the segment before `new`, generics left out. */
    private static final Pattern NEW_OF_TYPE = Pattern.compile("(?:\\w+::)*(\\w+)(?:::<.*>)?::new");
    /** Words with which an `expect` message states why the value is there. */
    private static final Pattern CERTAIN = Pattern.compile("(?i)\\b(?:bug|always|never|cannot|can't|can not|invariant|unreachable|infallible"
            + "|impossible|guaranteed|we know|checked|verified|validated|once|just (?:set|inserted|pushed|created)|above|panicked|non-?empty)\\b");
    /** What a comment by an unwrap says when it records why the unwrap holds (the message words, and "safe to unwrap"). */
    private static final Pattern SAFE_COMMENT = Pattern.compile("(?i)\\bsafe to (?:call )?(?:unwrap|expect)\\b");
    /** A `//` comment (not `///` docs, not the `//` of a URL in a string). */
    private static final Pattern LINE_COMMENT = Pattern.compile("(?<![:/])//(?![/!])([^\\n]*)");
    private static final String INTEGER = "(?:u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)";
    /** `u32::try_from(n)`, or the same call written with its trait: `<u64 as TryFrom<usize>>::try_from(n)`. */
    private static final Pattern INTEGER_CONVERSION = Pattern.compile("(?:std::convert::)?" + INTEGER + "::try_from"
            + "|<\\s*" + INTEGER + "\\s+as\\s+(?:(?:std|core)::convert::)?TryFrom\\s*<\\s*" + INTEGER + "\\s*>\\s*>\\s*::\\s*try_from");
    /** A function under a `signal` module: `signal::unix::signal`, `tokio::signal::windows::ctrl_c`. */
    private static final Pattern UNDER_SIGNAL = Pattern.compile("(?:\\w+::)*signal::(?:\\w+::)*(\\w+)");
    private static final Pattern EXIT = Pattern.compile("\\b(?:return|break|continue|panic!|unreachable!)");
    private static final Pattern NON_ZERO = Pattern.compile("(?:\\w+::)*NonZero\\w*::new");

    private static final Pattern TEST_FILE = Pattern.compile("(?:test_\\w*|doctest\\w*)\\.rs");
    private static final Pattern TEST_FN = Pattern.compile("_for_test(?:s|ing)?$|mock");
    private static final Pattern TEST_NAME = Pattern.compile("(?:^|_)tests?(?:_|$)");

    private UnwrapInvariants() {}

    static boolean holds(FileContext c, CallSite call) {
        return statedInMessage(c, call) || statedInComment(c, call.node()) || noErrorChannel(c, call.node()) || fromReceiver(c, call) || checkedEarlier(c, call)
                || namedForTests(c, call.node());
    }

    /**
     * Code whose name says it serves tests though no `cfg(test)` marks it: a file named `test_*.rs` or `doctest*.rs`
     * (a crate's `TestServer`, a doc tests' setup `include!`d by them), a function named `*_for_test(s)` or `*mock*`;
     * and a check that runs in debug builds only (`if cfg!(debug_assertions) { .. }`), an assertion by another name.
     */
    private static boolean namedForTests(FileContext c, TSNode n) {
        String path = c.file().path();
        String stem = path.substring(path.lastIndexOf('/') + 1);
        if (TEST_FILE.matcher(stem).matches()) {
            return true;
        }
        for (TSNode p = c.parent(n); p != null; p = c.parent(p)) {
            String t = Nodes.type(p);
            if (t.equals("function_item") && TEST_FN.matcher(c.file().fnName(p)).find()) {
                return true;
            }
            TSNode condition = t.equals("if_expression") ? Nodes.field(p, "condition") : null;
            if (condition != null && c.text(condition).replaceAll("\\s+", "").equals("cfg!(debug_assertions)")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A macro body read as tokens whose unwraps are not production code's: `lazy_static! { static ref RE: Regex =
     * Regex::new(..).unwrap(); }` is a static's initialiser; a `macro_rules! sql_storage_tests` (named for tests)
     * writes test functions. The label is MacroTokens' (`lazy_static!`, `macro_rules! name`).
     */
    static boolean notProductionMacro(FileContext c, String label) {
        return label.endsWith("!") && c.knowledge().lazyInitialiserMacros().contains(label.substring(0, label.length() - 1)) || label.startsWith("macro_rules! ") && TEST_NAME.matcher(label.substring("macro_rules! ".length())).find();
    }

    /**
     * `// Safe to unwrap: we stored it as RFC3339` or `// We already made sure answer was not null above`: a `//`
     * comment inside the statement that holds the unwrap, or on the lines just before it, says why it holds.
     */
    private static boolean statedInComment(FileContext c, TSNode n) {
        TSNode statement = n;
        for (TSNode p = c.parent(n); p != null && !Nodes.type(p).equals("block"); p = c.parent(p)) {
            if (Nodes.type(p).equals("function_item") || Nodes.type(p).equals("closure_expression")) {
                return false;
            }
            statement = p;
        }
        TSNode block = c.parent(statement);
        if (block == null || !Nodes.type(block).equals("block")) {
            return false;
        }
        StringBuilder comments = new StringBuilder();
        Matcher inside = LINE_COMMENT.matcher(c.text(statement));
        while (inside.find()) {
            comments.append(inside.group(1)).append('\n');
        }
        int at = -1;
        for (int i = 0; i < Nodes.namedChildCount(block); i++) {
            if (Nodes.start(Nodes.namedChild(block, i)) == Nodes.start(statement)) {
                at = i;
            }
        }
        for (int i = at - 1; i >= 0 && Nodes.type(Nodes.namedChild(block, i)).equals("line_comment"); i--) {
            if (i > 0 && c.src().row(Nodes.end(Nodes.namedChild(block, i - 1))) == c.src().row(Nodes.start(Nodes.namedChild(block, i)))) {
                break; // the trailing comment of the statement before, not one about this statement
            }
            Matcher above = LINE_COMMENT.matcher(c.text(Nodes.namedChild(block, i)));
            if (above.find()) {
                comments.append(above.group(1)).append('\n');
            }
        }
        return CERTAIN.matcher(comments).find() || SAFE_COMMENT.matcher(comments).find();
    }

    private static boolean statedInMessage(FileContext c, CallSite call) {
        if (!"expect".equals(call.method()) || call.argumentCount() != 1) {
            return false;
        }
        TSNode message = call.arguments().getFirst();
        String type = Nodes.type(message);
        return (type.equals("string_literal") || type.equals("raw_string_literal")) && CERTAIN.matcher(c.text(message)).find();
    }

    /** A static's initialiser or a `Deref`/`Index` impl: nowhere to return an error to. */
    static boolean noErrorChannel(FileContext c, TSNode n) {
        for (TSNode p = c.parent(n); p != null; p = c.parent(p)) {
            switch (Nodes.type(p)) {
                case "static_item", "const_item":
                    return true;
                case "closure_expression": {
                    TSNode args = c.parent(p);
                    CallSite owner = args == null || !Nodes.type(args).equals("arguments") ? null : c.file().call(c.parent(args));
                    TSNode body = Nodes.field(p, "body");
                    boolean async = c.text(p).startsWith("async") || body != null && Nodes.type(body).equals("async_block");
                    // An async initialiser (tokio's `OnceCell::get_or_init(|| async { .. })`) runs its I/O on a request.
                    if (!async && owner != null && (owner.method() != null ? c.knowledge().lazyInitialiserMethods().contains(owner.method())
                            : lazyNew(c, owner.callee().strip()))) {
                        return true;
                    }
                    break;
                }
                case "function_item":
                    return NO_CHANNEL_FNS.contains(c.file().fnName(p)) && implementsNoChannelTrait(c, p);
                default:
                    break;
            }
        }
        return false;
    }

    private static boolean lazyNew(FileContext c, String callee) {
        Matcher m = NEW_OF_TYPE.matcher(callee);
        return m.matches() && c.knowledge().lazyInitialiserTypes().contains(m.group(1));
    }

    private static boolean signalRegistration(FileContext c, String callee) {
        Matcher m = UNDER_SIGNAL.matcher(callee);
        return m.matches() && c.knowledge().signalRegistrations().contains(m.group(1));
    }

    private static boolean implementsNoChannelTrait(FileContext c, TSNode fn) {
        TSNode list = c.parent(fn);
        TSNode impl = list == null ? null : c.parent(list);
        TSNode trait = impl == null || !Nodes.type(impl).equals("impl_item") ? null : Nodes.field(impl, "trait");
        return trait != null && c.knowledge().noErrorChannelTraits().contains(Nodes.lastSegment(c.text(trait).replaceAll("<.*", "").strip()));
    }

    /** Readings of the call that gave the unwrapped value. */
    private static boolean fromReceiver(FileContext c, CallSite call) {
        CallSite inner = c.file().call(call.receiver());
        if (inner == null) {
            return false;
        }
        String method = inner.method();
        if (fallibleTwin(c, call.node(), method != null ? method : Nodes.lastSegment(inner.callee().strip()))) {
            return true;
        }
        if (method == null) {
            String callee = inner.callee().strip();
            return INTEGER_CONVERSION.matcher(callee).matches() || signalRegistration(c, callee);
        }
        int args = inner.argumentCount();
        if (method.startsWith("take_") && args == 0) {
            return true; // `fut.take_output()`: a slot taken once, like take()
        }
        return switch (method) {
            case "take" -> args == 0;
            case "send" -> args == 1 && !Calls.awaited(c, inner);
            case "last", "last_mut", "first", "first_mut" -> args == 0 && pushedBefore(c, inner);
            case "render", "render_once" -> args == 0 && Nodes.type(inner.receiver()).equals("struct_expression");
            case "duration_since" -> args == 1 && c.text(inner.arguments().getFirst()).strip().endsWith("UNIX_EPOCH");
            case "next" -> args == 0 && parseTree(c, inner.receiver());
            default -> LOOKUPS.contains(method) && args == 1 && keyJustPut(c, inner);
        };
    }

    /**
     * `fn new() -> Self { Self::try_new().expect(..) }`, `fn pool(&self) { self.try_pool().expect(..) }`: the
     * panicking twin of the function's own fallible variant; the caller chooses which one to call.
     */
    private static boolean fallibleTwin(FileContext c, TSNode n, String called) {
        if (!called.startsWith("try_")) {
            return false;
        }
        TSNode fn = c.enclosing(n, "function_item");
        return fn != null && called.equals("try_" + c.file().fnName(fn));
    }

    /** `v.push(x)` earlier in the same function than `v.last_mut().unwrap()`: the vector is not empty. */
    private static boolean pushedBefore(FileContext c, CallSite access) {
        TSNode fn = c.enclosing(access.node(), "function_item");
        if (fn == null) {
            return false;
        }
        Pattern push = Pattern.compile("(?<![\\w.])" + pathPattern(c.text(access.receiver())) + "\\s*\\.\\s*push\\s*\\(");
        return push.matcher(c.src().slice(Nodes.start(fn), access.start())).find();
    }

    /** `pair.into_inner()` itself, or a variable the function bound to it: pest's children of a grammar rule. */
    private static boolean parseTree(FileContext c, TSNode iterator) {
        TSNode value = Nodes.type(iterator).equals("identifier") ? c.types().boundValue(iterator) : iterator;
        CallSite source = value == null ? null : c.file().call(value);
        return source != null && "into_inner".equals(source.method()) && source.argumentCount() == 0;
    }

    /** `m.get_mut(&k)` after `m.insert(k, ..)` / `m.contains_key(&k)` / `m.entry(k)` earlier in the same function. */
    private static boolean keyJustPut(FileContext c, CallSite lookup) {
        TSNode fn = c.enclosing(lookup.node(), "function_item");
        if (fn == null) {
            return false;
        }
        String map = Pattern.quote(c.text(lookup.receiver()).strip());
        String key = Pattern.quote(bareKey(c.text(lookup.arguments().getFirst())));
        Pattern put = Pattern.compile("(?<![\\w.])" + map + "\\s*\\.\\s*(?:insert|contains_key|entry)\\s*\\(\\s*&?\\s*" + key + "\\s*(?:\\.\\s*clone\\s*\\(\\s*\\))?\\s*[,)]");
        return put.matcher(c.src().slice(Nodes.start(fn), lookup.start())).find();
    }

    private static String bareKey(String key) {
        String k = key.strip();
        if (k.startsWith("&")) {
            k = k.substring(1).strip();
        }
        return k.endsWith(".clone()") ? k.substring(0, k.length() - ".clone()".length()).strip() : k;
    }

    /**
     * `if let Err(e) = x { return Err(e); }` or `if x.is_none() { break; }` as an earlier statement of a block that
     * holds the unwrap of `x`; or `NonZeroU32::new(n).unwrap()` inside `if n > 0`.
     */
    private static boolean checkedEarlier(FileContext c, CallSite call) {
        CallSite inner = c.file().call(call.receiver());
        if (inner != null && inner.method() == null && NON_ZERO.matcher(inner.callee().strip()).matches() && inner.argumentCount() == 1) {
            return insideIfPositive(c, call.node(), c.text(inner.arguments().getFirst()).strip());
        }
        TSNode receiver = call.receiver();
        String type = Nodes.type(receiver);
        if (!type.equals("identifier") && !type.equals("field_expression")) {
            return false;
        }
        String value = pathPattern(c.text(receiver));
        Pattern failed = Pattern.compile("^\\s*if\\s+(?:let\\s+(?:Err\\s*\\(.*\\)|None)\\s*=\\s*&?\\s*" + value + "\\s*\\{"
                + "|(?<![\\w.])" + value + "\\s*\\.\\s*is_(?:err|none)\\s*\\(\\s*\\)\\s*\\{)", Pattern.DOTALL);
        TSNode child = call.node();
        for (TSNode p = c.parent(child); p != null; child = p, p = c.parent(p)) {
            String t = Nodes.type(p);
            if (t.equals("function_item") || t.equals("closure_expression")) {
                return false;
            }
            if (!t.equals("block")) {
                continue;
            }
            for (int i = 0; i < Nodes.namedChildCount(p); i++) {
                TSNode s = Nodes.namedChild(p, i);
                if (Nodes.start(s) >= Nodes.start(child)) {
                    break;
                }
                String text = c.text(s);
                int open = text.indexOf('{');
                if (open > 0 && failed.matcher(text.substring(0, open + 1)).find() && EXIT.matcher(text.substring(open)).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A regex for a value's path (`file_info\n    .parts`), whatever the whitespace around its dots. */
    static String pathPattern(String text) {
        return Arrays.stream(text.replaceAll("\\s+", "").split("\\.")).map(Pattern::quote).collect(Collectors.joining("\\s*\\.\\s*"));
    }

    private static boolean insideIfPositive(FileContext c, TSNode n, String value) {
        Pattern positive = Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "\\s*(?:>\\s*0|!=\\s*0|>=\\s*1)\\b");
        for (TSNode p = c.parent(n); p != null; p = c.parent(p)) {
            String t = Nodes.type(p);
            if (t.equals("function_item") || t.equals("closure_expression")) {
                return false;
            }
            TSNode condition = t.equals("if_expression") ? Nodes.field(p, "condition") : null;
            TSNode then = condition == null ? null : Nodes.field(p, "consequence");
            if (then != null && Nodes.start(n) >= Nodes.start(then) && Nodes.end(n) <= Nodes.end(then) && positive.matcher(c.text(condition)).find()
                    && !c.text(condition).contains("||")) {
                return true;
            }
        }
        return false;
    }
}
