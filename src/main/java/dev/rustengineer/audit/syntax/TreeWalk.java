package dev.rustengineer.audit.syntax;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSSymbolType;
import org.treesitter.TSTree;

/**
 * Collects what {@link RustFile}'s query captures by walking the tree from Java, through tree-sitter's own C
 * functions called with the Foreign Function and Memory API (a tree cursor: first child, next sibling, parent; the
 * current node and its symbol), and matching the query's patterns on the way down with a stack of ancestors.
 *
 * <p>Why not the query: tree-sitter's query cursor walks every node and steps every pattern's state machine on each,
 * in the bundled libraries' unoptimised build (BENCHMARKS.md); it cost 0.86 of a parse on the audit's query, such a
 * walk 0.32 (bench/WalkCostBench.java). The binding's JNI calls could not do this walk (about 10 µs per node: its
 * glue looks every field up by name per call); a downcall here is a few nanoseconds. The walk also skips macro
 * token trees, where no pattern can match (a fifth of the nodes of tokio and syn), unless they hold a parse error.
 *
 * <p>Patterns (the query's text in {@link RustFile} says the same and is used when this walk is unavailable; a test
 * holds the two to the same captures): single node kinds; a function item and its name when that is an
 * identifier; a function's modifiers; a call and its method name or callee path (through a turbofish); a `let` and
 * its named pattern; a loop's named body; ERROR nodes.
 */
final class TreeWalk {
    /** What a walk reports; the query path reports the same calls. */
    interface Sink {
        void node(String capture, TSNode n);

        void call(TSNode call, TSNode method, TSNode callee);

        void modifiers(TSNode fn, TSNode mods);

        void fn(TSNode fn, TSNode name);

        void let(TSNode let, TSNode pattern);

        /** A macro invocation's path (`macro:` field) and its token tree, which its rules read for every macro. */
        void macroParts(TSNode macro, TSNode path, TSNode body);
    }

    private TreeWalk() {}

    // Node kinds by symbol (0 for the kinds no pattern names).
    private static final byte OTHER = 0;
    private static final byte SINGLE = 1;
    private static final byte FUNCTION_ITEM = 2;
    private static final byte FUNCTION_SIGNATURE = 3;
    private static final byte CALL = 4;
    private static final byte GENERIC_FUNCTION = 5;
    private static final byte FIELD_EXPRESSION = 6;
    private static final byte IDENTIFIER = 7;
    private static final byte SCOPED_IDENTIFIER = 8;
    private static final byte FIELD_IDENTIFIER = 9;
    private static final byte MODIFIERS = 10;
    private static final byte LET = 11;
    private static final byte LOOP = 12;
    private static final byte TOKEN_TREE = 13;
    private static final byte MACRO = 14;
    private static final int ERROR_SYMBOL = 0xffff;
    private static final int MAX_DEPTH = 1 << 16;

    /** The C API and the binding's fields this walk needs; absent (the query is used) when any cannot be found. */
    private static final class Native {
        static final StructLayout NODE = MemoryLayout.structLayout(MemoryLayout.sequenceLayout(4, ValueLayout.JAVA_INT),
                ValueLayout.ADDRESS, ValueLayout.ADDRESS);
        static final StructLayout CURSOR = MemoryLayout.structLayout(ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                MemoryLayout.sequenceLayout(3, ValueLayout.JAVA_INT), MemoryLayout.paddingLayout(4));
        static final MethodHandle ROOT;
        static final MethodHandle CURSOR_NEW;
        static final MethodHandle CURSOR_DELETE;
        static final MethodHandle FIRST_CHILD;
        static final MethodHandle NEXT_SIBLING;
        static final MethodHandle PARENT;
        static final MethodHandle CURRENT;
        static final MethodHandle FIELD_ID;
        static final MethodHandle SYMBOL;
        static final MethodHandle IS_NAMED;
        static final MethodHandle HAS_ERROR;
        static final VarHandle TREE_PTR;
        static final VarHandle[] CONTEXT = new VarHandle[4];
        static final VarHandle ID;
        static final VarHandle NODE_TREE_PTR;
        static final MethodHandle SET_TREE;
        static final byte[] KINDS;

        static final String[] SINGLE_NAMES;
        static final short NAME;
        static final short FUNCTION;
        static final short FIELD;
        static final short PATTERN;
        static final short BODY;
        static final short MACRO_PATH;

        static {
            try {
                TSLanguage language = RustFile.language();
                // The binding loads tree-sitter with System.load, from this class loader, when its parser class is
                // initialised: then the library's functions are found by this loader's lookup.
                MethodHandles.lookup().ensureInitialized(TSParser.class);
                SymbolLookup lookup = SymbolLookup.loaderLookup();
                Linker linker = Linker.nativeLinker();
                // Calls that only read the tree and return at once: no need to leave the Java thread state.
                Linker.Option quick = Linker.Option.critical(false);
                ROOT = linker.downcallHandle(find(lookup, "ts_tree_root_node"), FunctionDescriptor.of(NODE, ValueLayout.ADDRESS));
                CURSOR_NEW = linker.downcallHandle(find(lookup, "ts_tree_cursor_new"), FunctionDescriptor.of(CURSOR, NODE));
                CURSOR_DELETE = linker.downcallHandle(find(lookup, "ts_tree_cursor_delete"), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
                FIRST_CHILD = linker.downcallHandle(find(lookup, "ts_tree_cursor_goto_first_child"),
                        FunctionDescriptor.of(ValueLayout.JAVA_BOOLEAN, ValueLayout.ADDRESS), quick);
                NEXT_SIBLING = linker.downcallHandle(find(lookup, "ts_tree_cursor_goto_next_sibling"),
                        FunctionDescriptor.of(ValueLayout.JAVA_BOOLEAN, ValueLayout.ADDRESS), quick);
                PARENT = linker.downcallHandle(find(lookup, "ts_tree_cursor_goto_parent"),
                        FunctionDescriptor.of(ValueLayout.JAVA_BOOLEAN, ValueLayout.ADDRESS), quick);
                CURRENT = linker.downcallHandle(find(lookup, "ts_tree_cursor_current_node"), FunctionDescriptor.of(NODE, ValueLayout.ADDRESS),
                        quick);
                FIELD_ID = linker.downcallHandle(find(lookup, "ts_tree_cursor_current_field_id"),
                        FunctionDescriptor.of(ValueLayout.JAVA_SHORT, ValueLayout.ADDRESS), quick);
                SYMBOL = linker.downcallHandle(find(lookup, "ts_node_symbol"), FunctionDescriptor.of(ValueLayout.JAVA_SHORT, NODE), quick);
                IS_NAMED = linker.downcallHandle(find(lookup, "ts_node_is_named"), FunctionDescriptor.of(ValueLayout.JAVA_BOOLEAN, NODE), quick);
                HAS_ERROR = linker.downcallHandle(find(lookup, "ts_node_has_error"), FunctionDescriptor.of(ValueLayout.JAVA_BOOLEAN, NODE), quick);
                TREE_PTR = MethodHandles.privateLookupIn(TSTree.class, MethodHandles.lookup()).findVarHandle(TSTree.class, "ptr", long.class);
                MethodHandles.Lookup node = MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup());
                for (int i = 0; i < 4; i++) {
                    CONTEXT[i] = node.findVarHandle(TSNode.class, "context" + i, int.class);
                }
                ID = node.findVarHandle(TSNode.class, "idPtr", long.class);
                NODE_TREE_PTR = node.findVarHandle(TSNode.class, "treePtr", long.class);
                SET_TREE = node.findVirtual(TSNode.class, "setTree", MethodType.methodType(void.class, TSTree.class));
                int count = language.symbolCount();
                KINDS = new byte[ERROR_SYMBOL + 1];
                SINGLE_NAMES = new String[ERROR_SYMBOL + 1];
                for (int s = 0; s < count; s++) {
                    if (language.symbolType(s) != TSSymbolType.TSSymbolTypeRegular) {
                        continue; // the query's (kind) names named nodes only
                    }
                    String name = language.symbolName(s);
                    String single = RustFile.SINGLE_CAPTURES.get(name);
                    if (single != null && !name.equals("macro_invocation")) {
                        KINDS[s] = SINGLE;
                        SINGLE_NAMES[s] = single;
                        continue;
                    }
                    KINDS[s] = switch (name) {
                        case "function_item" -> FUNCTION_ITEM;
                        case "function_signature_item" -> FUNCTION_SIGNATURE;
                        case "call_expression" -> CALL;
                        case "generic_function" -> GENERIC_FUNCTION;
                        case "field_expression" -> FIELD_EXPRESSION;
                        case "identifier" -> IDENTIFIER;
                        case "scoped_identifier" -> SCOPED_IDENTIFIER;
                        case "field_identifier" -> FIELD_IDENTIFIER;
                        case "function_modifiers" -> MODIFIERS;
                        case "let_declaration" -> LET;
                        case "for_expression", "while_expression", "loop_expression" -> LOOP;
                        case "token_tree" -> TOKEN_TREE;
                        case "macro_invocation" -> MACRO;
                        default -> OTHER;
                    };
                }
                NAME = field(language, "name");
                FUNCTION = field(language, "function");
                FIELD = field(language, "field");
                PATTERN = field(language, "pattern");
                BODY = field(language, "body");
                MACRO_PATH = field(language, "macro");
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private static MemorySegment find(SymbolLookup lookup, String name) {
            return lookup.find(name).orElseThrow(() -> new IllegalStateException("tree-sitter's " + name + " is not loaded"));
        }

        private static short field(TSLanguage language, String name) {
            int id = language.fieldIdForName(name);
            if (id <= 0) {
                throw new IllegalStateException("the Rust grammar has no field " + name);
            }
            return (short) id;
        }
    }

    private static final boolean AVAILABLE = load();

    private static boolean load() {
        try {
            return Native.KINDS != null;
        } catch (LinkageError | RuntimeException e) {
            return false; // a platform or binding without what the walk needs: RustFile runs its query instead
        }
    }

    /** Whether the walk can run here; when not, RustFile runs its query. */
    static boolean available() {
        return AVAILABLE;
    }

    /** Walks the whole tree, reporting to the sink what the query would capture. */
    static void walk(TSTree tree, Sink sink) {
        try (Arena arena = Arena.ofConfined()) {
            new Walker(tree, sink, arena).run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** One walk's state: the cursor, and per depth the node, its kind and the field it is in. */
    private static final class Walker {
        private final TSTree tree;
        private final long treePtr;
        private final Sink sink;
        private final MemorySegment cursor;
        private final MemorySegment current;
        private final SegmentAllocator intoCurrent;
        private byte[] kinds = new byte[64];
        private short[] fields = new short[64];
        /** Per depth, the node as tree-sitter's TSNode struct: four context ints and the id (the tree is the walk's). */
        private int[] contexts = new int[64 * 4];
        private long[] ids = new long[64];

        Walker(TSTree tree, Sink sink, Arena arena) {
            this.tree = tree;
            this.treePtr = (long) Native.TREE_PTR.get(tree);
            this.sink = sink;
            this.cursor = arena.allocate(Native.CURSOR);
            this.current = arena.allocate(Native.NODE);
            this.intoCurrent = (size, align) -> current;
        }

        /** The macro invocation last entered, and its path once walked (a token tree, its last child, completes it). */
        private TSNode macro;
        private TSNode macroPath;

        void run() throws Throwable {
            MemorySegment root = (MemorySegment) Native.ROOT.invokeExact(intoCurrent, MemorySegment.ofAddress(treePtr));
            SegmentAllocator intoCursor = (size, align) -> cursor;
            MemorySegment made = (MemorySegment) Native.CURSOR_NEW.invokeExact(intoCursor, root);
            assert made.address() == cursor.address();
            try {
                int depth = 0;
                while (true) {
                    boolean descend = visit(depth);
                    if (descend && (boolean) Native.FIRST_CHILD.invokeExact(cursor)) {
                        depth++;
                        continue;
                    }
                    boolean moved;
                    while (!(moved = (boolean) Native.NEXT_SIBLING.invokeExact(cursor))) {
                        if (!(boolean) Native.PARENT.invokeExact(cursor)) {
                            break;
                        }
                        depth--;
                    }
                    if (!moved) {
                        return;
                    }
                }
            } finally {
                Native.CURSOR_DELETE.invokeExact(cursor);
            }
        }

        /** Reads the cursor's node at this depth and matches the patterns that end at it; false to skip its children. */
        private boolean visit(int d) throws Throwable {
            if (d >= kinds.length) {
                if (d >= MAX_DEPTH) {
                    throw new IllegalStateException("syntax tree deeper than " + MAX_DEPTH);
                }
                grow();
            }
            MemorySegment n = (MemorySegment) Native.CURRENT.invokeExact(intoCurrent, cursor);
            int symbol = ((short) Native.SYMBOL.invokeExact(n)) & 0xffff;
            byte kind = Native.KINDS[symbol];
            kinds[d] = kind;
            contexts[4 * d] = n.get(ValueLayout.JAVA_INT, 0);
            contexts[4 * d + 1] = n.get(ValueLayout.JAVA_INT, 4);
            contexts[4 * d + 2] = n.get(ValueLayout.JAVA_INT, 8);
            contexts[4 * d + 3] = n.get(ValueLayout.JAVA_INT, 12);
            ids[d] = n.get(ValueLayout.JAVA_LONG, 16);
            byte parent = d > 0 ? kinds[d - 1] : OTHER;
            // The field a node is in matters only under the parents whose patterns name one.
            short field = parent == FUNCTION_ITEM || parent == CALL || parent == GENERIC_FUNCTION || parent == FIELD_EXPRESSION
                    || parent == LET || parent == LOOP || parent == MACRO ? (short) Native.FIELD_ID.invokeExact(cursor) : 0;
            fields[d] = field;
            if (parent == MACRO && field == Native.MACRO_PATH) {
                macroPath = node(d);
            }
            if (symbol == ERROR_SYMBOL) {
                sink.node("error", node(d));
            }
            switch (kind) {
                case SINGLE -> sink.node(Native.SINGLE_NAMES[symbol], node(d));
                case FUNCTION_SIGNATURE -> sink.node("fn_sig", node(d));
                case MACRO -> {
                    macro = node(d);
                    macroPath = null;
                    sink.node("macro", macro);
                }
                case IDENTIFIER, SCOPED_IDENTIFIER -> {
                    if (field == Native.FUNCTION) {
                        int call = callAbove(d);
                        if (call >= 0) {
                            sink.call(node(call), null, node(d));
                        }
                    } else if (kind == IDENTIFIER && field == Native.NAME && parent == FUNCTION_ITEM) {
                        sink.fn(node(d - 1), node(d));
                    }
                }
                case FIELD_IDENTIFIER -> {
                    if (field == Native.FIELD && parent == FIELD_EXPRESSION && fields[d - 1] == Native.FUNCTION) {
                        int call = callAbove(d - 1);
                        if (call >= 0) {
                            sink.call(node(call), node(d), null);
                        }
                    }
                }
                case MODIFIERS -> {
                    if (parent == FUNCTION_ITEM || parent == FUNCTION_SIGNATURE) {
                        sink.modifiers(node(d - 1), node(d));
                    }
                }
                case TOKEN_TREE -> {
                    if (parent == MACRO && macroPath != null) {
                        sink.macroParts(macro, macroPath, node(d));
                    }
                    // No pattern matches a token inside a macro's token tree; a parse error inside one is still found.
                    if (!(boolean) Native.HAS_ERROR.invokeExact(n)) {
                        checkFields(d, parent, field, n);
                        return false;
                    }
                }
                default -> { }
            }
            checkFields(d, parent, field, n);
            return true;
        }

        /** `let pattern: (_)` and a loop's `body: (_)`: the named node in that field. */
        private void checkFields(int d, byte parent, short field, MemorySegment n) throws Throwable {
            if (field == Native.PATTERN && parent == LET && (boolean) Native.IS_NAMED.invokeExact(n)) {
                sink.let(node(d - 1), node(d));
            } else if (field == Native.BODY && parent == LOOP && (boolean) Native.IS_NAMED.invokeExact(n)) {
                sink.node("loop_body", node(d));
            }
        }

        /**
         * The depth of the call whose `function:` is the node at depth d (which is in that field), directly or
         * through a turbofish (`generic_function function:`), or -1.
         */
        private int callAbove(int d) {
            if (d >= 1 && kinds[d - 1] == CALL) {
                return d - 1;
            }
            if (d >= 2 && kinds[d - 1] == GENERIC_FUNCTION && fields[d - 1] == Native.FUNCTION && kinds[d - 2] == CALL) {
                return d - 2;
            }
            return -1;
        }

        /** The binding's node object for the node at depth d, as its JNI glue makes one. */
        private TSNode node(int d) throws Throwable {
            TSNode n = new TSNode();
            Native.CONTEXT[0].set(n, contexts[4 * d]);
            Native.CONTEXT[1].set(n, contexts[4 * d + 1]);
            Native.CONTEXT[2].set(n, contexts[4 * d + 2]);
            Native.CONTEXT[3].set(n, contexts[4 * d + 3]);
            Native.ID.set(n, ids[d]);
            Native.NODE_TREE_PTR.set(n, treePtr);
            Native.SET_TREE.invokeExact(n, tree);
            return n;
        }

        private void grow() {
            int size = kinds.length * 2;
            kinds = Arrays.copyOf(kinds, size);
            fields = Arrays.copyOf(fields, size);
            contexts = Arrays.copyOf(contexts, size * 4);
            ids = Arrays.copyOf(ids, size);
        }
    }
}
