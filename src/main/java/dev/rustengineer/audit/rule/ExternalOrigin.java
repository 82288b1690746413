package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * Where an unwrapped value comes from: unwrap-in-production reports an unwrap only when the value can be an error or
 * None because of something outside the program at run time. That is an awaited call (a network, database or file
 * operation: async fns are I/O), or a call of one of the API families of audit/knowledge.yaml
 * ({@link UnwrapSources}); also through a local binding (`let n = s.parse(); .. n.unwrap()`) and through the
 * adapters that keep the failure (`.ok()`, `.map(..)`, `.clone()`). Any other origin, a field, a lookup, the
 * program's own state, is the program's invariant, and a reviewer does not want those reported.
 */
final class ExternalOrigin {
    /** Methods whose result fails exactly when their receiver does. */
    private static final Set<String> KEEPS_FAILURE = Set.of("clone", "as_ref", "as_deref", "as_mut", "cloned", "copied", "ok", "err",
            "map", "map_err", "context", "with_context", "as_str", "into");
    private static final int BINDING_DEPTH = 2;
    private static final Set<String> SPAWNS = Set.of("spawn", "spawn_blocking", "spawn_local");
    /** An awaited value named as a task's handle (`join_handle.await`, `self.server_task.await`) when its type is not known. */
    private static final Pattern JOIN_HANDLE_NAME = Pattern.compile("(?i)(handle|task|join)s?$");
    private static final Pattern PATH_FROM_TEXT = Pattern.compile("(?:(?:std::)?path::)?Path::new");
    private static final Pattern PATH_TYPE = Pattern.compile("\\b(?:Path|PathBuf)\\b");
    /** The statement an unwrap inside a macro body ends: the text after the last `;`, `{` or `}` before it. */
    private static final Pattern LAST_STATEMENT = Pattern.compile("[^;{}]*$");
    private static final Pattern CALLED = Pattern.compile("(?:(\\.)\\s*)?((?:[A-Za-z_]\\w*::)*[A-Za-z_]\\w*)\\s*(?:::<[^>]*>)?\\s*\\(");

    private ExternalOrigin() {}

    static boolean of(FileContext c, TSNode value) {
        return value != null && of(c, value, 0);
    }

    private static boolean of(FileContext c, TSNode value, int depth) {
        String type = Nodes.type(value);
        switch (type) {
            case "await_expression":
                return Nodes.namedChildCount(value) > 0 && awaitedIo(c, Nodes.namedChild(value, 0));
            case "parenthesized_expression", "reference_expression", "try_expression", "type_cast_expression":
                return Nodes.namedChildCount(value) > 0 && of(c, Nodes.namedChild(value, type.equals("reference_expression") ? Nodes.namedChildCount(value) - 1 : 0), depth);
            case "identifier": {
                TSNode bound = depth < BINDING_DEPTH ? c.types().boundValue(value) : null;
                return bound != null && of(c, bound, depth + 1);
            }
            case "field_expression":
                return depth == 0 && (unsetSetting(c, value) || fieldOfInput(c, value));
            default:
                break;
        }
        CallSite call = c.file().call(value);
        if (call == null) {
            return false;
        }
        UnwrapSources sources = UnwrapSources.bundled();
        if (call.method() == null) {
            return sources.function(call.callee().strip()) || call.arguments().stream().anyMatch(a -> pathParameter(c, a));
        }
        if (sources.method(call.method(), call.argumentCount())) {
            return !madeFromText(c, call);
        }
        return KEEPS_FAILURE.contains(call.method()) && call.receiver() != null && of(c, call.receiver(), depth);
    }

    /**
     * `let path = Path::new(path_str); path.to_str()`: a path the function made from text gives its text back (it is
     * a `&str` nearly always; a path read from the OS is not made this way).
     */
    private static boolean madeFromText(FileContext c, CallSite call) {
        TSNode receiver = call.receiver();
        if (!call.method().equals("to_str") || receiver == null || !Nodes.type(receiver).equals("identifier")) {
            return false;
        }
        TSNode bound = c.types().boundValue(receiver);
        CallSite made = bound == null ? null : c.file().call(bound);
        return made != null && made.method() == null && made.argumentCount() == 1 && PATH_FROM_TEXT.matcher(made.callee().strip()).matches();
    }

    /**
     * `self.options` in a builder: the type has a setter of the same name taking and returning `self`
     * (`fn options(mut self, o: Options) -> Self`), so the field is None when the caller did not call it.
     */
    private static boolean unsetSetting(FileContext c, TSNode field) {
        TSNode owner = Nodes.field(field, "value");
        if (owner == null || !Nodes.type(owner).equals("self")) {
            return false;
        }
        String name = c.text(Nodes.field(field, "field"));
        return Pattern.compile("\\bfn\\s+" + Pattern.quote(name) + "\\s*(?:<[^>]*>)?\\s*\\(\\s*(?:mut\\s+)?self\\s*,[^)]*\\)\\s*->\\s*Self\\b")
                .matcher(c.src().text()).find();
    }

    /**
     * An optional field of the caller's value or of a record read from outside: `user.local_user.email` where `user`
     * is a parameter of a `pub` fn, or `admin.local_user.email` in `for admin in &admins` over an awaited query's
     * rows; unless the function checked that field before (`data.email.is_none()`, `if let Some(e) = &data.email`).
     */
    private static boolean fieldOfInput(FileContext c, TSNode field) {
        TSNode root = field;
        while (Nodes.type(root).equals("field_expression")) {
            root = Nodes.field(root, "value");
            if (root == null) {
                return false;
            }
        }
        if (!Nodes.type(root).equals("identifier")) {
            return false;
        }
        TSNode fn = c.enclosing(field, "function_item");
        if (fn == null) {
            return false;
        }
        String name = c.text(root);
        String last = c.text(Nodes.field(field, "field"));
        String before = c.src().slice(Nodes.start(fn), Nodes.start(field));
        if (Pattern.compile("\\.\\s*" + Pattern.quote(last) + "\\s*\\.\\s*is_(?:none|some)\\s*\\(|Some\\s*\\([^)]*\\)\\s*=\\s*&?\\s*[\\w.]*\\." + Pattern.quote(last) + "\\b")
                .matcher(before).find()) {
            return false;
        }
        return publicParameter(c, fn, name) != null || loopOverExternal(c, field, name);
    }

    /** The type of the parameter `name` of `fn` when the fn is `pub`, else null. */
    private static TSNode publicParameter(FileContext c, TSNode fn, String name) {
        boolean pub = false;
        for (int i = 0; i < Nodes.namedChildCount(fn); i++) {
            TSNode child = Nodes.namedChild(fn, i);
            pub |= Nodes.type(child).equals("visibility_modifier") && c.text(child).strip().equals("pub");
        }
        TSNode params = Nodes.field(fn, "parameters");
        if (!pub || params == null) {
            return null;
        }
        return parameterType(c, params, name);
    }

    private static TSNode parameterType(FileContext c, TSNode params, String name) {
        for (int i = 0; i < Nodes.namedChildCount(params); i++) {
            TSNode p = Nodes.namedChild(params, i);
            TSNode pattern = Nodes.type(p).equals("parameter") ? Nodes.field(p, "pattern") : null;
            if (pattern != null && c.text(pattern).replaceFirst("^mut\\s+", "").strip().equals(name)) {
                return Nodes.field(p, "type");
            }
        }
        return null;
    }

    /** `for admin in &admins { .. admin.x .. }` where `admins` is external (an awaited query's rows). */
    private static boolean loopOverExternal(FileContext c, TSNode n, String name) {
        for (TSNode p = c.parent(n); p != null; p = c.parent(p)) {
            String t = Nodes.type(p);
            if (t.equals("function_item") || t.equals("closure_expression")) {
                return false;
            }
            TSNode pattern = t.equals("for_expression") ? Nodes.field(p, "pattern") : null;
            if (pattern != null && c.text(pattern).strip().equals(name)) {
                TSNode collection = Nodes.field(p, "value");
                return collection != null && of(c, collection, 0);
            }
        }
        return false;
    }

    /** `chksum(file.as_ref())` with `file: impl AsRef<Path>`: a function given a file-system path reads the file system. */
    private static boolean pathParameter(FileContext c, TSNode argument) {
        TSNode a = argument;
        while (true) {
            String t = Nodes.type(a);
            CallSite step = c.file().call(a);
            if ((t.equals("reference_expression") || t.equals("parenthesized_expression")) && Nodes.namedChildCount(a) > 0) {
                a = Nodes.namedChild(a, Nodes.namedChildCount(a) - 1);
            } else if (step != null && step.method() != null && KEEPS_FAILURE.contains(step.method()) && step.receiver() != null) {
                a = step.receiver();
            } else {
                break;
            }
        }
        TSNode fn = Nodes.type(a).equals("identifier") ? c.enclosing(argument, "function_item") : null;
        TSNode params = fn == null ? null : Nodes.field(fn, "parameters");
        TSNode type = params == null ? null : parameterType(c, params, c.text(a));
        return type != null && PATH_TYPE.matcher(c.text(type)).find();
    }

    /**
     * An awaited future's error comes from the I/O it did, unless the future runs a closure it was given or is a
     * task's handle (`spawn_blocking(|| ..).await`, `pool.run(move || ..).await`, `join_handle.await`): then an
     * error only re-raises the closure's panic.
     */
    private static boolean awaitedIo(FileContext c, TSNode awaited) {
        CallSite call = c.file().call(awaited);
        if (call != null && (call.method() == null && SPAWNS.contains(Nodes.lastSegment(call.callee().strip()))
                || call.arguments().stream().anyMatch(a -> Nodes.type(a).equals("closure_expression")))) {
            return false;
        }
        // A task's JoinHandle (`handle.await`, `self.server_task.await`): a JoinError re-raises the task's panic.
        String type = c.types().typeOf(awaited);
        return type != null ? !type.endsWith("JoinHandle")
                : call != null || !(Nodes.type(awaited).equals("identifier") || Nodes.type(awaited).equals("field_expression"))
                        || !JOIN_HANDLE_NAME.matcher(c.text(awaited)).find();
    }

    /** Inside a macro body, where the tree is tokens: the statement's text before the unwrap names an awaited or external call. */
    static boolean ofText(String before) {
        Matcher statement = LAST_STATEMENT.matcher(before);
        String text = statement.find() ? statement.group() : before;
        if (text.replaceAll("[\\s.]+$", "").endsWith(".await")) {
            return true;
        }
        UnwrapSources sources = UnwrapSources.bundled();
        Matcher m = CALLED.matcher(text);
        while (m.find()) {
            if (m.group(1) != null ? sources.methods().containsKey(m.group(2)) : sources.function(m.group(2))) {
                return true;
            }
        }
        return false;
    }
}
