package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.Nodes;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * Idioms a Rust reviewer recognises as unable to fail on input (unwrap-in-production leaves them out; the eleventh
 * round, docs/audit.md). Each reading drops a finding on a recognisable shape of code, never keeps one because of a
 * name list, so a crate the readings were not built from loses no real finding to them:
 * <ul>
 *   <li>`x.first()`/`last()` of a collection the code has just checked is not empty (`if x.len() > 2 && ..`,
 *       `if x.is_empty() { return .. }` before it, the `else` of `if x.len() < n { break }`), and `t.get(0)` of the
 *       items of a loop over `xs.iter().filter(|x| x.len() > 1)`;</li>
 *   <li>`x.fetch_update(.., |v| Some(..))` whose closure never gives `None`;</li>
 *   <li>an `Option` the type keeps for itself ({@link #ownOption});</li>
 *   <li>in macro arguments, read as tokens, the readings of code ({@link #holdsInMacro});</li>
 *   <li>a thread started with `std::thread::Builder` (`thread::spawn` panics on the same OS failure);</li>
 *   <li>`write!` into the `String` accumulator of a `fold(String::new(), |mut acc, ..| ..)`;</li>
 *   <li>an awaited call handed one plain closure (`pool.run(move || hash(p)).await`): work on a thread pool, whose
 *       error only re-raises the closure's panic, like `spawn_blocking`;</li>
 *   <li>an HTTP response builder given only constant settings before its body
 *       (`Response::builder().status(200).header("A", "b").body(b)`): the builder fails only on a bad status or
 *       header;</li>
 *   <li>`req.app_data::<Data<State>>()`: actix's application state, registered when the app is built; without it
 *       every request fails the same way, a wiring bug the first request shows;</li>
 *   <li>`self.items.get_mut(id)`: a lookup in the value's own collection by a computed key is an index into the
 *       program's own bookkeeping (`self.items[id]` would panic alike and is not reported).</li>
 * </ul>
 */
final class UnwrapIdioms {
    private static final Set<String> ENDS = Set.of("first", "last", "first_mut", "last_mut");
    private static final Set<String> LOOKUPS = Set.of("get", "get_mut");
    private static final Pattern EXIT = Pattern.compile("\\b(?:return|break|continue|panic!|unreachable!)");
    private static final Pattern THREAD_BUILDER = Pattern.compile("^(?:std::)?thread::Builder::new\\(\\)");
    private static final Pattern NEW_STRING = Pattern.compile("^String::(?:new|with_capacity|from)\\b");
    private static final Pattern CLOSURE_PARAMETER = Pattern.compile("^\\|\\s*(?:mut\\s+)?(\\w+)");
    private static final int LOOK_BEHIND = 160;
    private static final Pattern SELF_FIELD = Pattern.compile("self\\.(\\w+)");
    private static final Set<String> SAME_VALUE = Set.of("clone", "as_ref", "as_mut", "as_deref", "as_deref_mut");
    private static final Pattern TAKEN_BEFORE = Pattern.compile("\\.\\s*take(?:_\\w+)?\\s*\\(\\s*\\)\\s*\\.\\s*$");
    /** The value an unwrap in macro tokens is of: a path, through `clone()`/`as_ref()`. */
    private static final Pattern VALUE_BEFORE = Pattern.compile("(?<![\\w.$])((?:[A-Za-z_]\\w*\\s*\\.\\s*)*[A-Za-z_]\\w*)"
            + "(?:\\s*\\.\\s*(?:clone|as_ref|as_deref)\\s*\\(\\s*\\))*\\s*\\.\\s*$");
    /** `.filter(|x| x.len() > 1)`: groups closure parameter, the value measured, the comparison, the bound. */
    private static final Pattern LENGTH_FILTER = Pattern.compile("\\.\\s*filter\\s*\\(\\s*\\|\\s*&*(\\w+)\\s*\\|\\s*\\**(\\w+)\\s*\\.\\s*len\\s*\\(\\s*\\)\\s*(>=?)\\s*(\\d+)\\s*\\)");
    private static final Pattern ALWAYS_SOME_BREAKERS = Pattern.compile("\\bNone\\b|\\breturn\\b|\\?");
    private static final Pattern LAST_SOME = Pattern.compile("(?:^|[;{]\\s*)Some\\s*\\([^;]*\\)\\s*\\}?$", Pattern.DOTALL);
    private static final Pattern NO_PARAMETERS = Pattern.compile("^(?:move\\s*)?\\|\\s*\\|");

    private UnwrapIdioms() {}

    static boolean holds(FileContext c, CallSite call) {
        return reading(c, call) != null;
    }

    /** The idiom the unwrap is an instance of (its name as docs/audit.md gives it), or null. */
    static String reading(FileContext c, CallSite call) {
        TSNode receiver = call.receiver();
        CallSite inner = c.file().call(receiver);
        if (ownOption(c, peel(c, receiver))) {
            return "own-option";
        }
        if (Nodes.type(receiver).equals("macro_invocation")) {
            return writeToFoldedString(c, receiver) ? "fold-string" : null;
        }
        if (Nodes.type(receiver).equals("await_expression") && Nodes.namedChildCount(receiver) > 0) {
            return offloadedClosure(c, c.file().call(Nodes.namedChild(receiver, 0))) ? "offloaded-closure" : null;
        }
        if (inner == null || inner.method() == null) {
            return null;
        }
        String method = inner.method();
        int args = inner.argumentCount();
        if (ENDS.contains(method) && args == 0 || method.equals("get") && args == 1 && literalIndex(c, inner.arguments().getFirst()) >= 0) {
            int index = args == 0 ? 0 : literalIndex(c, inner.arguments().getFirst());
            return checkedNotEmpty(c, call.node(), inner.receiver()) || filteredByLength(c, call.node(), inner.receiver(), index)
                    ? "checked-not-empty" : null;
        }
        if (method.equals("app_data") && args == 0) {
            return "app-state";
        }
        if (method.equals("fetch_update") && args == 3) {
            return alwaysSome(c, inner.arguments().getLast()) ? "fetch-update-some" : null;
        }
        if (method.equals("spawn") && args == 1) {
            return THREAD_BUILDER.matcher(c.text(inner.receiver()).replaceAll("\\s+", "")).find() ? "thread-builder" : null;
        }
        if (method.equals("body") && args == 1) {
            return constantResponse(c, inner.receiver()) ? "constant-response" : null;
        }
        return LOOKUPS.contains(method) && args == 1 && ownLookup(c, inner) ? "own-lookup" : null;
    }

    /**
     * An unwrap inside a macro's arguments (read as tokens): `format!("{}", x.clone().unwrap())` under an enclosing
     * `if x.is_some()`, `$(futures.$f.take_output().unwrap())` (a slot taken once), or `write!(f, .., x.unwrap())` in a
     * `Debug` impl (no error channel) are the readings of code outside macros applied to the text before the unwrap.
     */
    static boolean holdsInMacro(FileContext c, MacroTokens.Site site) {
        String before = c.src().slice(Math.max(0, site.at() - LOOK_BEHIND), site.at());
        if (TAKEN_BEFORE.matcher(before).find()) {
            return true;
        }
        TSNode host = null;
        for (TSNode m : c.file().all("macro")) {
            if (Nodes.start(m) <= site.at() && site.at() < Nodes.end(m) && (host == null || Nodes.start(m) >= Nodes.start(host))) {
                host = m;
            }
        }
        if (host != null && UnwrapInvariants.noErrorChannel(c, host)) {
            return true;
        }
        Matcher value = VALUE_BEFORE.matcher(before);
        if (!value.find()) {
            return false;
        }
        String path = UnwrapInvariants.pathPattern(value.group(1));
        Pattern check = Pattern.compile("(?<![\\w.])" + path + "\\s*\\.\\s*is_(?:some|ok)\\s*\\(\\s*\\)");
        TSNode child = host;
        for (TSNode p = host == null ? null : c.parent(host); p != null; child = p, p = c.parent(p)) {
            String t = Nodes.type(p);
            if (t.equals("function_item") || t.equals("closure_expression")) {
                return false;
            }
            TSNode condition = t.equals("if_expression") ? Nodes.field(p, "condition") : null;
            if (condition != null && inside(child, Nodes.field(p, "consequence")) && !c.text(condition).contains("||")
                    && check.matcher(c.text(condition)).find()) {
                return true;
            }
        }
        return false;
    }

    /** `0` in `t.get(0)`, or -1 when the index is not an integer literal. */
    private static int literalIndex(FileContext c, TSNode n) {
        if (!Nodes.type(n).equals("integer_literal")) {
            return -1;
        }
        try {
            return Integer.parseInt(c.text(n).replaceAll("_|usize$", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** `for t in tags.iter().filter(|x| x.len() > 1) { t.get(0).unwrap() }`: the loop only sees long enough items. */
    private static boolean filteredByLength(FileContext c, TSNode unwrap, TSNode item, int index) {
        if (!Nodes.type(item).equals("identifier")) {
            return false;
        }
        for (TSNode p = c.parent(unwrap); p != null; p = c.parent(p)) {
            String t = Nodes.type(p);
            if (t.equals("function_item") || t.equals("closure_expression")) {
                return false;
            }
            TSNode pattern = t.equals("for_expression") ? Nodes.field(p, "pattern") : null;
            TSNode value = pattern == null ? null : Nodes.field(p, "value");
            if (value != null && c.text(pattern).strip().equals(c.text(item))) {
                Matcher m = LENGTH_FILTER.matcher(c.text(value));
                while (m.find()) {
                    if (m.group(1).equals(m.group(2)) && index < Integer.parseInt(m.group(4)) + (m.group(3).equals(">") ? 1 : 0)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** `x.fetch_update(a, b, |v| Some(..))`: a closure without `None`, `return` or `?` always gives Some. */
    private static boolean alwaysSome(FileContext c, TSNode closure) {
        if (!Nodes.type(closure).equals("closure_expression")) {
            return false;
        }
        TSNode body = Nodes.field(closure, "body");
        String text = body == null ? "" : c.text(body).strip();
        return !ALWAYS_SOME_BREAKERS.matcher(text).find() && LAST_SOME.matcher(text).find();
    }

    /** The collection's emptiness was checked on the way to the unwrap: an enclosing `if`, a `&&`, or an earlier exit. */
    private static boolean checkedNotEmpty(FileContext c, TSNode unwrap, TSNode collection) {
        String type = Nodes.type(collection);
        if (!type.equals("identifier") && !type.equals("field_expression")) {
            return false;
        }
        String value = UnwrapInvariants.pathPattern(c.text(collection));
        Pattern nonEmpty = Pattern.compile("(?<![\\w.])" + value + "\\s*\\.\\s*len\\s*\\(\\s*\\)\\s*(?:>=?|!=)\\s*\\d+"
                + "|!\\s*" + value + "\\s*\\.\\s*is_empty\\s*\\(\\s*\\)");
        Pattern empty = Pattern.compile("(?<![\\w.!])" + value + "\\s*\\.\\s*(?:is_empty\\s*\\(\\s*\\)|len\\s*\\(\\s*\\)\\s*(?:<=?|==)\\s*\\d+)");
        TSNode child = unwrap;
        for (TSNode p = c.parent(child); p != null; child = p, p = c.parent(p)) {
            switch (Nodes.type(p)) {
                case "function_item", "closure_expression":
                    return false;
                case "binary_expression": {
                    TSNode left = Nodes.field(p, "left");
                    if (left != null && Nodes.start(child) > Nodes.end(left)
                            && c.text(p).substring(Nodes.end(left) - Nodes.start(p)).strip().startsWith("&&")
                            && nonEmpty.matcher(c.text(left)).find()) {
                        return true;
                    }
                    break;
                }
                case "if_expression": {
                    TSNode condition = Nodes.field(p, "condition");
                    if (condition == null || c.text(condition).contains("||")) {
                        break;
                    }
                    if (inside(child, Nodes.field(p, "consequence")) && nonEmpty.matcher(c.text(condition)).find()
                            || inside(child, Nodes.field(p, "alternative")) && empty.matcher(c.text(condition)).find()) {
                        return true;
                    }
                    break;
                }
                case "block":
                    if (earlierExit(c, p, child, empty)) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** `if x.is_empty() { return ..; }` as a statement of the block before the one that holds the unwrap. */
    private static boolean earlierExit(FileContext c, TSNode block, TSNode holder, Pattern empty) {
        for (int i = 0; i < Nodes.namedChildCount(block); i++) {
            TSNode s = Nodes.namedChild(block, i);
            if (Nodes.start(s) >= Nodes.start(holder)) {
                return false;
            }
            String text = c.text(s);
            int open = text.indexOf('{');
            if (text.startsWith("if") && open > 0 && !text.substring(0, open).contains("||") && empty.matcher(text.substring(0, open)).find()
                    && EXIT.matcher(text.substring(open)).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(TSNode n, TSNode outer) {
        return outer != null && Nodes.start(n) >= Nodes.start(outer) && Nodes.end(n) <= Nodes.end(outer);
    }

    /** `fold(String::new(), |mut acc, b| { write!(&mut acc, ..).unwrap(); acc })`: fmt::Write on a String cannot fail. */
    private static boolean writeToFoldedString(FileContext c, TSNode macro) {
        Matcher target = UnwrapInProductionRule.writeTarget(c, macro);
        if (target == null) {
            return false;
        }
        TSNode closure = c.enclosing(macro, "closure_expression");
        TSNode args = closure == null ? null : c.parent(closure);
        CallSite fold = args == null || !Nodes.type(args).equals("arguments") ? null : c.file().call(c.parent(args));
        if (!target.find() || fold == null || !"fold".equals(fold.method()) || fold.argumentCount() != 2) {
            return false;
        }
        Matcher accumulator = CLOSURE_PARAMETER.matcher(c.text(closure).strip().replaceFirst("^move\\s+", ""));
        return NEW_STRING.matcher(c.text(fold.arguments().getFirst()).strip()).find() && accumulator.find()
                && accumulator.group(1).equals(target.group(1));
    }

    /** `x.run(move || work()).await`: one plain (not async) closure without parameters handed to a pool and awaited. */
    private static boolean offloadedClosure(FileContext c, CallSite handed) {
        if (handed == null || handed.argumentCount() != 1) {
            return false;
        }
        TSNode closure = handed.arguments().getFirst();
        if (!Nodes.type(closure).equals("closure_expression")) {
            return false;
        }
        String text = c.text(closure);
        TSNode body = Nodes.field(closure, "body");
        // No parameters: a closure given a context (`poll_fn(|cx| svc.poll_ready(cx))`) is polled here, and its
        // error is the service's, not a re-raised panic.
        return NO_PARAMETERS.matcher(text).find() && body != null && !Nodes.type(body).equals("async_block") && !text.contains(".await")
                && !text.contains("async ") && !text.contains("async{");
    }

    /** `Response::builder().status(200).header("A", "b")`: every setting before the body a constant. */
    private static boolean constantResponse(FileContext c, TSNode chain) {
        for (CallSite step = c.file().call(chain); step != null; chain = step.receiver(), step = c.file().call(chain)) {
            if (!step.arguments().stream().allMatch(a -> UnwrapInProductionRule.constant(c, a))) {
                return false;
            }
            if (step.method() == null) {
                return step.argumentCount() == 0 && Nodes.lastSegment(step.callee().strip()).equals("builder");
            }
        }
        return false;
    }

    /**
     * `self.conn.as_ref().unwrap()` where `conn: Option<..>` is a private field of a struct in this file that no method
     * sets from a caller's value (no `conn(self, ..)`/`set_conn`/`with_conn` setter, no fn taking `conn: Option<..>`):
     * the type fills and empties it itself (Some until Drop, a state machine's slot), so a None is the type's own bug.
     */
    private static boolean ownOption(FileContext c, TSNode value) {
        Matcher field = SELF_FIELD.matcher(c.text(value).replaceAll("\\s+", ""));
        if (!Nodes.type(value).equals("field_expression") || !field.matches()) {
            return false;
        }
        String name = Pattern.quote(field.group(1));
        String text = c.src().text();
        Matcher declared = Pattern.compile("(?m)(?:^|[{,])\\s*(pub\\b[^:,{]*?\\s)?" + name + "\\s*:\\s*Option\\s*<").matcher(text);
        boolean privateField = false;
        while (declared.find()) {
            if (declared.group(1) != null) {
                return false;
            }
            privateField = true;
        }
        return privateField
                && !Pattern.compile("\\bfn\\s+(?:set_|with_)?" + name + "\\s*(?:<[^>]*>)?\\s*\\(\\s*(?:mut\\s+)?(?:&\\s*(?:'\\w+\\s+)?(?:mut\\s+)?)?self\\s*,").matcher(text).find()
                && !Pattern.compile("\\bfn\\s+\\w+[^{;]*[(,]\\s*(?:mut\\s+)?" + name + "\\s*:\\s*Option\\s*<").matcher(text).find();
    }

    /** `x.clone()`, `x.as_ref()`: the value itself. */
    private static TSNode peel(FileContext c, TSNode receiver) {
        return UnwrapInProductionRule.peel(c, receiver, SAME_VALUE);
    }

    /** `self.items.get_mut(id)`: a field of `self` looked up by a computed key (a literal key reads like a setting). */
    private static boolean ownLookup(FileContext c, CallSite lookup) {
        String map = c.text(lookup.receiver()).replaceAll("\\s+", "");
        TSNode key = lookup.arguments().getFirst();
        while (Nodes.type(key).equals("reference_expression") && Nodes.namedChildCount(key) > 0) {
            key = Nodes.namedChild(key, Nodes.namedChildCount(key) - 1);
        }
        return map.matches("self\\.\\w+") && !UnwrapInProductionRule.constant(c, key);
    }
}
