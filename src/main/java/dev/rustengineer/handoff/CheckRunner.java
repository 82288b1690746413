package dev.rustengineer.handoff;

import dev.rustengineer.process.ChildProcesses;
import dev.rustengineer.process.ProcessTree;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a package's checks with the receiving specialists' tools where this machine has them: on PATH, in Go's
 * bin folder, or where scripts/setup.d/40-handoff-tools.sh puts TypeScript. A missing tool skips its check and
 * says how to get it; nothing is installed from here.
 */
public final class CheckRunner {
    private static final long TIMEOUT_SECONDS = 300;
    private static final int OUTPUT_LINES = 15;

    private final List<Path> extraDirs;

    public CheckRunner() {
        String home = System.getProperty("user.home");
        String gopath = System.getenv("GOPATH");
        this.extraDirs = List.of(Path.of(gopath != null ? gopath : home + "/go", "bin"),
                Path.of(home, ".cache/rust-engineer/node/node_modules/.bin"), Path.of("/usr/local/go/bin"));
    }

    /** PATH with the tool folders after it, pip's scripts folder (kubernetes-validate) last. */
    String path() {
        List<String> parts = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)));
        extraDirs.forEach(d -> parts.add(d.toString()));
        String pip = pipScripts();
        if (pip != null) {
            parts.add(pip);
        }
        return String.join(File.pathSeparator, parts);
    }

    private static volatile String pipScripts;

    /** Where `python3 -m pip install` puts commands, asked of python3 once; null without python3. */
    private static String pipScripts() {
        String dir = pipScripts;
        if (dir == null) {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import sysconfig; print(sysconfig.get_path('scripts'))")
                        .redirectErrorStream(true).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                dir = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
            } catch (IOException e) {
                dir = "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                dir = "";
            }
            pipScripts = dir;
        }
        return dir.isEmpty() ? null : dir;
    }

    public boolean has(String tool) {
        for (String dir : path().split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    public List<CheckResult> run(Path dir, List<Check> checks) {
        List<CheckResult> results = new ArrayList<>();
        for (Check c : checks) {
            results.add(run(dir, c));
        }
        return results;
    }

    public CheckResult run(Path dir, Check c) {
        if (c.skipReason() != null) {
            return new CheckResult(c, CheckResult.Status.SKIPPED, c.skipReason(), 0);
        }
        if (!has(c.tool())) {
            return new CheckResult(c, CheckResult.Status.SKIPPED,
                    c.tool() + " is not installed (scripts/setup.d/40-handoff-tools.sh installs it)", 0);
        }
        long t0 = System.nanoTime();
        try {
            var pb = new ProcessBuilder("bash", "-o", "pipefail", "-c", c.script()).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("PATH", path());
            pb.environment().putAll(c.env());
            Process p = ChildProcesses.start(pb);
            p.getOutputStream().close();
            var out = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.append("(output lost: ").append(e.getMessage()).append(')');
                }
            });
            boolean done;
            try {
                done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                // A cancelled handoff (MCP cancellation, stdin closed) must not leave a cargo build or a tsc running.
                stop(p);
                throw e;
            }
            if (!done) {
                stop(p);
            }
            reader.join(5000);
            double secs = (System.nanoTime() - t0) / 1e9;
            String text;
            synchronized (out) {
                text = tail(out.toString());
            }
            if (!done) {
                return new CheckResult(c, CheckResult.Status.FAILED, "did not finish in " + TIMEOUT_SECONDS + " s\n" + text, secs);
            }
            return new CheckResult(c, p.exitValue() == 0 ? CheckResult.Status.PASSED : CheckResult.Status.FAILED, text, secs);
        } catch (IOException e) {
            return new CheckResult(c, CheckResult.Status.FAILED, "could not run bash: " + e.getMessage(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult(c, CheckResult.Status.FAILED, "interrupted", 0);
        }
    }

    private static void stop(Process p) {
        ProcessTree.stop(p.toHandle());
    }

    private static String tail(String s) {
        List<String> lines = s.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size()));
    }
}
