package dev.rustengineer.audit.syntax;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSException;
import org.treesitter.TSParser;
import org.treesitter.TSTree;

/**
 * Small questions about syntax nodes and paths that several analyses ask, and the node reads the audit makes most
 * often ({@link #present}, {@link #start}, {@link #end}, {@link #parent}, {@link #field}, {@link #type}).
 *
 * <p>Why those reads go around the binding's own methods: every {@code TSNode} method of the binding makes two JNI
 * calls (a null check, then the read), and each JNI call of its glue looks the node's six fields up by name, so a
 * profile of the audit (bench/audit-real.sh, BENCHMARKS.md) had a quarter of the worker threads' time in those
 * lookups, `ts_node_is_null` alone 10%. A node's id and start byte are plain fields of the Java object (tree-sitter's
 * {@code ts_node_is_null} and {@code ts_node_start_byte} only read them), so they are read from Java; the other reads
 * call the binding's native function once, without the extra null check.
 */
public final class Nodes {
    private static final Pattern GENERICS = Pattern.compile("<[^<>]*>");
    private Nodes() {}

    /** The binding's private fields and package-private natives that the fast reads use; checked when first used. */
    private static final class Native {
        static final VarHandle ID;
        static final VarHandle START;
        static final MethodHandle SET_TREE;
        static final MethodHandle END;
        static final MethodHandle PARENT;
        static final MethodHandle FIELD;
        static final MethodHandle SYMBOL;
        static final MethodHandle NAMED_COUNT;
        static final MethodHandle NAMED_CHILD;
        static final MethodHandle NEXT_NAMED;
        static final MethodHandle PREV_NAMED;
        /** Node type names by symbol, as ts_node_type gives them (a JNI call that makes a new String each time). */
        static final String[] TYPES;

        static {
            try {
                MethodHandles.Lookup node = MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup());
                ID = node.findVarHandle(TSNode.class, "idPtr", long.class);
                START = node.findVarHandle(TSNode.class, "context0", int.class);
                SET_TREE = node.findVirtual(TSNode.class, "setTree", MethodType.methodType(void.class, TSTree.class));
                MethodHandles.Lookup parser = MethodHandles.privateLookupIn(TSParser.class, MethodHandles.lookup());
                END = parser.findStatic(TSParser.class, "ts_node_end_byte", MethodType.methodType(int.class, TSNode.class));
                PARENT = parser.findStatic(TSParser.class, "ts_node_parent", MethodType.methodType(TSNode.class, TSNode.class));
                FIELD = parser.findStatic(TSParser.class, "ts_node_child_by_field_name",
                        MethodType.methodType(TSNode.class, TSNode.class, String.class));
                SYMBOL = parser.findStatic(TSParser.class, "ts_node_symbol", MethodType.methodType(int.class, TSNode.class));
                NAMED_COUNT = parser.findStatic(TSParser.class, "ts_node_named_child_count",
                        MethodType.methodType(int.class, TSNode.class));
                NAMED_CHILD = parser.findStatic(TSParser.class, "ts_node_named_child",
                        MethodType.methodType(TSNode.class, TSNode.class, int.class));
                NEXT_NAMED = parser.findStatic(TSParser.class, "ts_node_next_named_sibling",
                        MethodType.methodType(TSNode.class, TSNode.class));
                PREV_NAMED = parser.findStatic(TSParser.class, "ts_node_prev_named_sibling",
                        MethodType.methodType(TSNode.class, TSNode.class));
                TSLanguage language = RustFile.language();
                TYPES = new String[language.symbolCount()];
                for (int i = 0; i < TYPES.length; i++) {
                    TYPES[i] = language.symbolName(i);
                }
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    public static boolean present(TSNode n) {
        return n != null && (long) Native.ID.get(n) != 0;
    }

    /** The node's id, tree-sitter's pointer to it: unique among the nodes of the trees alive at one time. */
    public static long id(TSNode n) {
        return (long) Native.ID.get(n);
    }

    /** The node's start byte, as {@link TSNode#getStartByte()}. */
    public static int start(TSNode n) {
        return (int) Native.START.get(notNull(n));
    }

    /** The node's end byte, as {@link TSNode#getEndByte()}. */
    public static int end(TSNode n) {
        try {
            return (int) Native.END.invokeExact(notNull(n));
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The node's type, as {@link TSNode#getType()}. */
    public static String type(TSNode n) {
        int symbol;
        try {
            symbol = (int) Native.SYMBOL.invokeExact(notNull(n));
        } catch (Throwable e) {
            throw rethrow(e);
        }
        return symbol >= 0 && symbol < Native.TYPES.length ? Native.TYPES[symbol] : n.getType();
    }

    /** The syntactic parent, as {@link TSNode#getParent()}: a null node at the root. */
    public static TSNode parent(TSNode n) {
        try {
            return withTree((TSNode) Native.PARENT.invokeExact(notNull(n)), n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The child in a field, or null when the node or the child is absent. */
    public static TSNode field(TSNode n, String name) {
        if (!present(n)) {
            return null;
        }
        TSNode f = childByField(n, name);
        return present(f) ? f : null;
    }

    /** The child in a field, as {@link TSNode#getChildByFieldName(String)}: a null node when there is none. */
    public static TSNode childByField(TSNode n, String name) {
        try {
            return withTree((TSNode) Native.FIELD.invokeExact(notNull(n), name), n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The number of named children, as {@link TSNode#getNamedChildCount()}. */
    public static int namedChildCount(TSNode n) {
        try {
            return (int) Native.NAMED_COUNT.invokeExact(notNull(n));
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The i-th named child, as {@link TSNode#getNamedChild(int)}: a null node past the last. */
    public static TSNode namedChild(TSNode n, int i) {
        try {
            return withTree((TSNode) Native.NAMED_CHILD.invokeExact(notNull(n), i), n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The next named sibling, as {@link TSNode#getNextNamedSibling()}: a null node after the last. */
    public static TSNode nextNamedSibling(TSNode n) {
        try {
            return withTree((TSNode) Native.NEXT_NAMED.invokeExact(notNull(n)), n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The previous named sibling, as {@link TSNode#getPrevNamedSibling()}: a null node before the first. */
    public static TSNode prevNamedSibling(TSNode n) {
        try {
            return withTree((TSNode) Native.PREV_NAMED.invokeExact(notNull(n)), n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** What the binding's methods throw for a null node (its natives would read through a null pointer). */
    private static TSNode notNull(TSNode n) {
        if ((long) Native.ID.get(n) == 0) {
            throw new TSException("Node is a null node");
        }
        return n;
    }

    /** A node found from another keeps its tree, as the binding's own methods do. */
    private static TSNode withTree(TSNode found, TSNode from) throws Throwable {
        Native.SET_TREE.invokeExact(found, from.getTree());
        return found;
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e);
    }

    public static String name(RustFile f, TSNode item) {
        TSNode n = field(item, "name");
        return n == null ? "?" : f.text(n);
    }

    /** The item's text up to its body (or all of it when it has none). */
    public static String signature(RustFile f, TSNode item) {
        TSNode body = field(item, "body");
        int end = body != null ? Nodes.start(body) : Nodes.end(item);
        return f.src().slice(Nodes.start(item), end);
    }

    /** The last segment of a path, generic arguments removed: `std::mem::transmute::<A, B>` gives `transmute`. */
    public static String lastSegment(String path) {
        String p = path.indexOf('<') < 0 ? path.strip() : GENERICS.matcher(GENERICS.matcher(path).replaceAll("")).replaceAll("").strip();
        if (p.endsWith("::")) {
            p = p.substring(0, p.length() - 2);
        }
        int i = p.lastIndexOf("::");
        return i < 0 ? p : p.substring(i + 2);
    }

    public static int utf8Length(String s, int charIndex) {
        return s.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    public static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("").replaceAll("\\s*\\{?\\s*$", "");
    }
}
