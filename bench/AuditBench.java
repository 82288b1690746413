// The audit inside one JVM, run by bench/audit-real.sh:
//   java --enable-native-access=ALL-UNNAMED -cp target/rust-engineer.jar bench/AuditBench.java DIR [ROUNDS [FINDINGS]]
// Round 1 is "cold" (native library loading, class loading and JIT warm-up included, JVM start not), later rounds
// are "warm": the same audit again in the same JVM. No cache: every round parses and checks every file, so the
// warm figure is the audit's own cost, to set beside tree-sitter's raw parse (TreeSitterParseBench) of the same files.
// FINDINGS, when given, is a file that gets the last round's findings, sorted, one per line: two jars' lists compared
// with cmp show that a speed change left every finding as it was.
import dev.rustengineer.audit.AuditRun;
import dev.rustengineer.audit.Auditor;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public class AuditBench {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Auditor auditor = new Auditor();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AuditRun run = null;
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            run = auditor.run(root, false, false);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "audit round %d (%s): %.2f s, %.1f s CPU, %.0f lines/s, %d files, %d lines, %d findings%n",
                    round, round == 1 ? "cold" : "warm", s, cpu, run.report().lines() / s, run.report().files(), run.report().lines(),
                    run.report().findings().size());
        }
        if (args.length > 2 && run != null) {
            List<String> lines = new ArrayList<>();
            run.report().findings().forEach(f -> lines.add(f.toString()));
            lines.sort(null);
            Files.write(Path.of(args[2]), lines);
        }
    }
}
