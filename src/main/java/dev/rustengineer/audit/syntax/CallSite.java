package dev.rustengineer.audit.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * One call expression, read once for every rule: `recv.method(args)` or `path(args)` (also with turbofish).
 * Names are sliced from the file's text by position, so rules filter calls without asking the native tree
 * again; the receiver and the arguments are looked up only for the calls a rule looks at closer.
 */
public final class CallSite {
    private static final Set<String> NOT_ARGUMENTS = Set.of("line_comment", "block_comment", "attribute_item");

    private final TSNode node;
    private final int start;
    private final int end;
    private final String method;
    private final String callee;
    private final TSNode name;
    private TSNode function;
    private TSNode args;

    CallSite(TSNode node, int start, int end, String method, String callee, TSNode name) {
        this.node = node;
        this.start = start;
        this.end = end;
        this.method = method;
        this.callee = callee;
        this.name = name;
    }

    public TSNode node() {
        return node;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** The method's name for a method call, else null. */
    public String method() {
        return method;
    }

    /** The called path as written for a path call (`std::fs::read`, `drop`), else null. */
    public String callee() {
        return callee;
    }

    /** Where a finding about the call points: the method's name, or the callee. */
    public TSNode name() {
        return name;
    }

    /** The receiver of a method call, else null. */
    public TSNode receiver() {
        if (method == null) {
            return null;
        }
        if (function == null) {
            function = Nodes.childByField(node, "function");
            if (Nodes.type(function).equals("generic_function")) {
                function = Nodes.childByField(function, "function");
            }
        }
        return Nodes.childByField(function, "value");
    }

    public TSNode args() {
        if (args == null) {
            args = Nodes.childByField(node, "arguments");
        }
        return args;
    }

    /** The arguments, comments left out. */
    public List<TSNode> arguments() {
        List<TSNode> out = new ArrayList<>();
        TSNode a = args();
        int n = a.getNamedChildCount();
        for (int i = 0; i < n; i++) {
            TSNode arg = a.getNamedChild(i);
            if (!NOT_ARGUMENTS.contains(Nodes.type(arg))) {
                out.add(arg);
            }
        }
        return out;
    }

    /** How many arguments: cheaper than {@link #arguments()} when that is all a rule needs. */
    public int argumentCount() {
        return args().getNamedChildCount() == 0 ? 0 : arguments().size();
    }
}
