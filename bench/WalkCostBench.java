// What a walk of the tree from Java through tree-sitter's C functions (FFM downcalls: cursor first child, next
// sibling, parent, current node, symbol and field id on every node) costs beside the parse and the audit's query,
// one thread, by that thread's CPU time; the measurement behind audit/syntax/TreeWalk (BENCHMARKS.md, part 5):
//   java --enable-native-access=ALL-UNNAMED -cp target/rust-engineer.jar bench/WalkCostBench.java DIR QUERY.scm
// QUERY.scm: the audit's query (the text of RustFile.QUERY). The library is found through /proc/self/maps (Linux),
// where the binding's loader put it. -Drounds=N (default 3). Each round parses every .rs file under DIR (following
// links), runs the query reading every capture, walks every tree, then frees the trees.
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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.treesitter.TSLanguage;
import org.treesitter.TSParser;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterRust;

public class WalkCostBench {
    static ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    static double cpu() { return mx.getCurrentThreadCpuTime() / 1e9; }
    static final StructLayout NODE = MemoryLayout.structLayout(MemoryLayout.sequenceLayout(4, ValueLayout.JAVA_INT), ValueLayout.ADDRESS, ValueLayout.ADDRESS);
    static final StructLayout CURSOR = MemoryLayout.structLayout(ValueLayout.ADDRESS, ValueLayout.ADDRESS, MemoryLayout.sequenceLayout(3, ValueLayout.JAVA_INT), MemoryLayout.paddingLayout(4));
    static MethodHandle ROOT, CNEW, FIRST, NEXT, PARENT, CUR, SYM, CDEL, FIELDID;
    public static void main(String[] a) throws Throwable {
        Path root = Path.of(a[0]);
        List<Path> files;
        try (Stream<Path> w = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) { files = w.filter(p -> p.toString().endsWith(".rs")).sorted().toList(); }
        List<String> texts = new ArrayList<>();
        for (Path p : files) texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        TSLanguage lang = new TreeSitterRust();
        TSParser parser = new TSParser(); parser.setLanguage(lang);
        String lib = Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains("-gnu-tree-sitter.so")).findFirst().get();
        lib = lib.substring(lib.indexOf('/'));
        System.out.println("lib " + lib);
        SymbolLookup look = SymbolLookup.libraryLookup(Path.of(lib), Arena.global());
        Linker L = Linker.nativeLinker();
        ROOT = L.downcallHandle(look.find("ts_tree_root_node").get(), FunctionDescriptor.of(NODE, ValueLayout.ADDRESS));
        CNEW = L.downcallHandle(look.find("ts_tree_cursor_new").get(), FunctionDescriptor.of(CURSOR, NODE));
        CDEL = L.downcallHandle(look.find("ts_tree_cursor_delete").get(), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        Linker.Option crit = Linker.Option.critical(false);
        FIRST = L.downcallHandle(look.find("ts_tree_cursor_goto_first_child").get(), FunctionDescriptor.of(ValueLayout.JAVA_BOOLEAN, ValueLayout.ADDRESS), crit);
        NEXT = L.downcallHandle(look.find("ts_tree_cursor_goto_next_sibling").get(), FunctionDescriptor.of(ValueLayout.JAVA_BOOLEAN, ValueLayout.ADDRESS), crit);
        PARENT = L.downcallHandle(look.find("ts_tree_cursor_goto_parent").get(), FunctionDescriptor.of(ValueLayout.JAVA_BOOLEAN, ValueLayout.ADDRESS), crit);
        CUR = L.downcallHandle(look.find("ts_tree_cursor_current_node").get(), FunctionDescriptor.of(NODE, ValueLayout.ADDRESS), crit);
        SYM = L.downcallHandle(look.find("ts_node_symbol").get(), FunctionDescriptor.of(ValueLayout.JAVA_SHORT, NODE), crit);
        FIELDID = L.downcallHandle(look.find("ts_tree_cursor_current_field_id").get(), FunctionDescriptor.of(ValueLayout.JAVA_SHORT, ValueLayout.ADDRESS), crit);
        var ptrH = MethodHandles.privateLookupIn(TSTree.class, MethodHandles.lookup()).findVarHandle(TSTree.class, "ptr", long.class);
        TSQuery q = new TSQuery(lang, Files.readString(Path.of(a[1])));
        int rounds = Integer.getInteger("rounds", 3);
        for (int r = 0; r < rounds; r++) {
            double c0 = cpu();
            List<TSTree> trees = new ArrayList<>();
            for (String t : texts) trees.add(parser.parseString(null, t));
            double parse = cpu() - c0;
            double q0 = cpu();
            long matches = 0;
            for (TSTree t : trees) {
                try (TSQueryCursor c = new TSQueryCursor()) {
                    c.exec(q, t.getRootNode());
                    TSQueryMatch m = new TSQueryMatch();
                    while (c.nextMatch(m)) { matches++; for (TSQueryCapture cap : m.getCaptures()) { cap.getIndex(); cap.getNode(); } }
                }
            }
            double query = cpu() - q0;
            double w0 = cpu();
            long nodes = 0, symsum = 0;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment cur = arena.allocate(CURSOR);
                MemorySegment node = arena.allocate(NODE);
                SegmentAllocator into = (x, y) -> node;
                SegmentAllocator intoCur = (x, y) -> cur;
                for (TSTree t : trees) {
                    MemorySegment tree = MemorySegment.ofAddress((long) ptrH.get(t));
                    MemorySegment rootN = (MemorySegment) ROOT.invokeExact(into, tree);
                    MemorySegment c = (MemorySegment) CNEW.invokeExact(intoCur, rootN);
                    // preorder walk
                    while (true) {
                        MemorySegment n = (MemorySegment) CUR.invokeExact(into, cur);
                        short s = (short) SYM.invokeExact(n);
                        short f = (short) FIELDID.invokeExact(cur);
                        symsum += s + f; nodes++;
                        if ((boolean) FIRST.invokeExact(cur)) continue;
                        boolean moved = false;
                        while (!(moved = (boolean) NEXT.invokeExact(cur))) {
                            if (!(boolean) PARENT.invokeExact(cur)) break;
                        }
                        if (!moved) break;
                    }
                    CDEL.invokeExact(cur);
                }
            }
            double walk = cpu() - w0;
            trees.forEach(TSTree::close);
            System.out.printf("round %d parse %.2f query %.2f (%d matches) walk %.2f (%d nodes)%n", r, parse, query, matches, walk, nodes);
        }
    }
}
