// tree-sitter's raw parse of a tree of Rust files, the floor the audit is compared with (bench/audit-real.sh):
//   java --enable-native-access=ALL-UNNAMED -cp target/rust-engineer.jar bench/TreeSitterParseBench.java DIR [ROUNDS]
// It selects the files the audit selects (*.rs, not under target/ or .git/), reads them all first, then only parses
// them through the project's tree-sitter binding (the same parser, grammar and parseString call as FileAuditor), on
// as many threads as the audit uses. Nothing is queried or walked; each tree is closed (freed) at once. Prints one
// line per round: the first includes loading the native library and JIT warm-up ("cold"), later ones are "warm".
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterRust;

public class TreeSitterParseBench {
    private static final ThreadLocal<TSParser> PARSER = ThreadLocal.withInitial(() -> {
        TSParser p = new TSParser();
        p.setLanguage(new TreeSitterRust());
        return p;
    });

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p)).filter(p -> {
                String rel = "/" + root.relativize(p).toString().replace('\\', '/');
                return !rel.contains("/target/") && !rel.contains("/.git/");
            }).sorted().toList();
        }
        long r0 = System.nanoTime();
        List<String> texts = files.parallelStream().map(p -> {
            try {
                return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            } catch (Exception e) {
                return "";
            }
        }).toList();
        double readS = (System.nanoTime() - r0) / 1e9;
        long lines = texts.stream().mapToLong(t -> t.lines().count()).sum();
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "files %d, lines %d, read %.2f s, threads %d%n", files.size(), lines, readS, threads);
        ForkJoinPool pool = new ForkJoinPool(threads);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            long errors = pool.submit(() -> texts.parallelStream().filter(t -> {
                try (TSTree tree = PARSER.get().parseString(null, t)) {
                    return tree.getRootNode().hasError();
                }
            }).count()).get();
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "parse round %d (%s): %.2f s, %.1f s CPU, %.0f lines/s, %d files with errors%n", round,
                    round == 1 ? "cold" : "warm", s, cpu, lines / s, errors);
        }
        pool.shutdown();
    }
}
