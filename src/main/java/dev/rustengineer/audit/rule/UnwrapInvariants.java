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
 * Unwraps of a value from outside the program (see {@link ExternalOrigin}) that still state the program's own
 * invariant (unwrap-in-production does not report them). Each is a reading of the code around the unwrap, not of a
 * crate.
 * <ul>
 *   <li>the panicking twin of the function's own fallible variant (`fn connect() { Self::try_connect().await.expect(..) }`):
 *       the caller chooses which one to call;</li>
 *   <li>a value an earlier statement has already checked and left on: `if let Err(e) = x { return Err(e); }` or
 *       `if x.is_none() { break; }` before `x.unwrap()`;</li>
 *   <li>code without an error channel: a static's initialiser (`Lazy::new(|| ..)`, `LazyLock`, `OnceLock::get_or_init`,
 *       `lazy_static!`, a `static`/`const` item) and `Deref`/`DerefMut`/`Index` impls, whose signatures cannot carry
 *       an error;</li>
 *   <li>an `expect` whose message states the invariant (`"BUG: .."`, `"always .."`, `"checked above"`);</li>
 *   <li>code named for tests (a `test_*.rs` file, a `*_for_tests` fn, an `if cfg!(debug_assertions)` block).</li>
 * </ul>
 */
final class UnwrapInvariants {
    private static final Set<String> NO_CHANNEL_FNS = Set.of("deref", "deref_mut", "index", "index_mut");
    /** `Lazy::new`, `once_cell::sync::Lazy::<T>::new`: the type is the segment before `new`, generics left out. */
    private static final Pattern NEW_OF_TYPE = Pattern.compile("(?:\\w+::)*(\\w+)(?:::<.*>)?::new");
    /** Words with which an `expect` message states why the value is there. */
    private static final Pattern CERTAIN = Pattern.compile("(?i)\\b(?:bug|always|never|cannot|can't|can not|invariant|unreachable|infallible"
            + "|impossible|guaranteed|we know|checked|verified|validated|exactly once|just (?:set|inserted|pushed|created))\\b");
    private static final Pattern EXIT = Pattern.compile("\\b(?:return|break|continue|panic!|unreachable!)");

    private static final Pattern TEST_FILE = Pattern.compile("(?:test_\\w*|doctest\\w*)\\.rs");
    private static final Pattern TEST_FN = Pattern.compile("_for_test(?:s|ing)?$|mock");
    private static final Pattern TEST_NAME = Pattern.compile("(?:^|_)tests?(?:_|$)");

    private UnwrapInvariants() {}

    static boolean holds(FileContext c, CallSite call) {
        return statedInMessage(c, call) || noErrorChannel(c, call.node()) || fromReceiver(c, call) || checkedEarlier(c, call)
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

    private static boolean statedInMessage(FileContext c, CallSite call) {
        if (!"expect".equals(call.method()) || call.argumentCount() != 1) {
            return false;
        }
        TSNode message = call.arguments().getFirst();
        String type = Nodes.type(message);
        return (type.equals("string_literal") || type.equals("raw_string_literal")) && CERTAIN.matcher(c.text(message)).find();
    }

    /** A static's initialiser or a `Deref`/`Index` impl: nowhere to return an error to. */
    private static boolean noErrorChannel(FileContext c, TSNode n) {
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

    private static boolean implementsNoChannelTrait(FileContext c, TSNode fn) {
        TSNode list = c.parent(fn);
        TSNode impl = list == null ? null : c.parent(list);
        TSNode trait = impl == null || !Nodes.type(impl).equals("impl_item") ? null : Nodes.field(impl, "trait");
        return trait != null && c.knowledge().noErrorChannelTraits().contains(Nodes.lastSegment(c.text(trait).replaceAll("<.*", "").strip()));
    }

    /** The call that gave the unwrapped value: the panicking twin of the function's own fallible variant. */
    private static boolean fromReceiver(FileContext c, CallSite call) {
        CallSite inner = c.file().call(call.receiver());
        if (inner == null && Nodes.type(call.receiver()).equals("await_expression") && Nodes.namedChildCount(call.receiver()) > 0) {
            inner = c.file().call(Nodes.namedChild(call.receiver(), 0));
        }
        return inner != null && fallibleTwin(c, call.node(), inner.method() != null ? inner.method() : Nodes.lastSegment(inner.callee().strip()));
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

    /**
     * `if let Err(e) = x { return Err(e); }` or `if x.is_none() { break; }` as an earlier statement of a block that
     * holds the unwrap of `x`; or `NonZeroU32::new(n).unwrap()` inside `if n > 0`.
     */
    private static boolean checkedEarlier(FileContext c, CallSite call) {
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
}
