package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/** Questions several rules ask about a call. */
final class Calls {
    private static final Set<String> LOOPS = Set.of("for_expression", "while_expression", "loop_expression");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]+");

    private Calls() {}

    /** The method's name when the node is a method call `x.m(..)`, else null. */
    static String method(FileContext c, TSNode node) {
        CallSite call = c.file().call(node);
        return call == null ? null : call.method();
    }

    /** The call's own value is awaited (`sleep(d).await`, `cmd.output().await?`): it returns a future, it does not block. */
    static boolean awaited(CallSite call) {
        TSNode p = call.node().getParent();
        while (Nodes.present(p) && p.getType().equals("parenthesized_expression")) {
            p = p.getParent();
        }
        return Nodes.present(p) && p.getType().equals("await_expression");
    }

    /** The innermost receiver of a method chain: `a.b().c()` gives `a`, `f(x).g()` gives `f(x)`. */
    static TSNode chainRoot(FileContext c, TSNode expr) {
        TSNode n = expr;
        for (int guard = 0; guard < 64; guard++) {
            TSNode inner = switch (n.getType()) {
                case "call_expression" -> {
                    CallSite call = c.file().call(n);
                    yield call == null ? null : call.receiver();
                }
                case "field_expression" -> Nodes.field(n, "value");
                case "try_expression", "await_expression", "parenthesized_expression" -> n.getNamedChildCount() > 0 ? n.getNamedChild(0) : null;
                default -> null;
            };
            if (inner == null) {
                return n;
            }
            n = inner;
        }
        return n;
    }

    /**
     * Whether the node runs once per iteration of a loop in its own function: inside a loop's body, with no fn
     * item, async block (a task spawned or joined per item runs concurrently) or non-inline closure in between.
     * A `for` over an array literal or a constant (`for ddl in DDL`) is a fixed list of statements, not one per row.
     */
    static boolean inLoop(FileContext c, TSNode n) {
        RustFile f = c.file();
        if (!f.inSomeLoopBody(n.getStartByte())) {
            return false;
        }
        TSNode child = n;
        for (TSNode p = f.parent(n); p != null; child = p, p = f.parent(p)) {
            String type = p.getType();
            if (LOOPS.contains(type)) {
                TSNode body = Nodes.field(p, "body");
                if (body != null && child.getStartByte() >= body.getStartByte() && child.getEndByte() <= body.getEndByte()) {
                    return !overLiteralList(c, p);
                }
            }
            switch (type) {
                case "function_item", "async_block", "const_item", "static_item", "impl_item", "trait_item", "mod_item":
                    return false;
                case "closure_expression":
                    if (!c.async().isInlineClosure(p)) {
                        return false;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    private static boolean overLiteralList(FileContext c, TSNode loop) {
        if (!loop.getType().equals("for_expression")) {
            return false;
        }
        TSNode value = Nodes.field(loop, "value");
        while (value != null && (value.getType().equals("reference_expression") || value.getType().equals("call_expression"))) {
            if (value.getType().equals("reference_expression")) {
                value = Nodes.field(value, "value");
            } else {
                CallSite call = c.file().call(value);
                value = call == null ? null : call.receiver();
            }
        }
        return value != null && (value.getType().equals("array_expression")
                || value.getType().equals("identifier") && CONSTANT.matcher(c.text(value)).matches());
    }
}
