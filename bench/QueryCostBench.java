// What tree-sitter's query costs beside its parse, one thread, measured by that thread's CPU time (so other processes
// on the machine and the JVM's compiler threads do not count), run by hand when the audit's query changes:
//   java --enable-native-access=ALL-UNNAMED -cp target/rust-engineer.jar bench/QueryCostBench.java DIR Q1.scm [Q2.scm ...]
// Each round parses every .rs file under DIR, then runs each query over every tree, reading every capture as
// RustFile does, then frees the trees. A query of one pattern, `(ERROR) @error`, gives the cost of the query
// cursor's walk over every node, which no choice of patterns removes (BENCHMARKS.md, "audit on real code").
// -Drounds=N (default 4).
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.treesitter.TSLanguage;
import org.treesitter.TSParser;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterRust;

public class QueryCostBench {
    static ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    static double cpu() { return mx.getCurrentThreadCpuTime() / 1e9; }
    public static void main(String[] a) throws Exception {
        Path root = Path.of(a[0]);
        List<Path> files;
        try (Stream<Path> w = Files.walk(root)) { files = w.filter(p -> p.toString().endsWith(".rs")).sorted().toList(); }
        List<String> texts = new ArrayList<>();
        for (Path p : files) texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        TSLanguage lang = new TreeSitterRust();
        TSParser parser = new TSParser(); parser.setLanguage(lang);
        Map<String, TSQuery> qs = new LinkedHashMap<>();
        for (int i = 1; i < a.length; i++) {
            Path q = Path.of(a[i]);
            qs.put(q.getFileName().toString(), new TSQuery(lang, Files.readString(q)));
        }
        int rounds = Integer.getInteger("rounds", 4);
        for (int r = 0; r < rounds; r++) {
            double c0 = cpu();
            List<TSTree> trees = new ArrayList<>();
            for (String t : texts) trees.add(parser.parseString(null, t));
            double parse = cpu() - c0;
            StringBuilder sb = new StringBuilder(String.format("round %d parse %.2f", r, parse));
            for (var e : qs.entrySet()) {
                double q0 = cpu();
                long matches = 0, caps = 0;
                for (TSTree t : trees) {
                    try (TSQueryCursor c = new TSQueryCursor()) {
                        c.exec(e.getValue(), t.getRootNode());
                        TSQueryMatch m = new TSQueryMatch();
                        while (c.nextMatch(m)) {
                            matches++;
                            for (TSQueryCapture cap : m.getCaptures()) { caps += cap.getIndex(); cap.getNode(); }
                        }
                    }
                }
                sb.append(String.format("  %s %.2f (%d matches)", e.getKey(), cpu() - q0, matches));
            }
            double d0 = cpu();
            trees.forEach(TSTree::close);
            sb.append(String.format("  delete %.2f", cpu() - d0));
            System.out.println(sb);
        }
    }
}
