package dev.rustengineer.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.UsageException;
import dev.rustengineer.audit.cache.AuditCache;
import dev.rustengineer.audit.cache.CacheLocation;
import dev.rustengineer.audit.cache.CodeVersion;
import dev.rustengineer.audit.notes.SourceNotes;
import dev.rustengineer.audit.scope.CodeKind;
import dev.rustengineer.audit.scope.ModuleDecl;
import dev.rustengineer.audit.scope.TestModuleFiles;
import dev.rustengineer.process.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Audits every Rust file under a root, in parallel across the machine's cores, then applies the workspace rules.
 * A file that cannot be read or parsed is reported and the audit goes on; nothing stops it early.
 */
public final class Auditor {
    /** More binaries than this that start network servers is the spec's ">10 microservices". */
    static final int MAX_SERVERS = 10;
    /** More `#[wasm_bindgen]` exports than this in one crate is interop "at scale". */
    static final int MAX_WASM_EXPORTS = 50;

    private final AuditRules rules;
    private final FileAuditor fileAuditor;

    public Auditor() {
        this(AuditRules.bundled());
    }

    public Auditor(AuditRules rules) {
        this.rules = rules;
        this.fileAuditor = new FileAuditor(rules);
    }

    public AuditRules rules() {
        return rules;
    }

    public AuditReport audit(Path root) {
        return run(root, false, false).report();
    }

    /** The project, plus every dependency cargo knows of (from `cargo metadata --offline`), one row per crate. */
    public AuditReport auditWithDependencies(Path root) {
        return run(root, true, false).report();
    }

    /**
     * The audit of a tree with what the gate needs of each of the project's own files (their {@link SourceNotes}).
     *
     * @param deps also audit every dependency, one row per crate
     * @param cache remember per-file results under the tree's target/ (or $RUST_ENGINEER_CACHE) and reuse them
     */
    public AuditRun run(Path root, boolean deps, boolean cache) {
        Path r = root.toAbsolutePath().normalize();
        if (!Files.exists(r)) {
            throw new UsageException(root + " does not exist");
        }
        long start = System.nanoTime();
        // The cache holds the findings of the rules that ran: a run with rules switched off keeps a cache of its own.
        AuditCache<SourceFileAudit.Cached> store = cache
                ? AuditCache.open(CacheLocation.forRoot(r, System.getenv(), rules.switchedOff()), CODE_VERSION, SourceFileAudit.Cached.class)
                : null;
        SourceFileAudit files = new SourceFileAudit(rules, fileAuditor, store);
        Scan scan = scan(files, r, r);
        List<Finding> findings = new ArrayList<>(scan.findings);
        workspaceRules(scan, findings);
        findings.sort(null);
        List<AuditReport.CrateSummary> crates = new ArrayList<>();
        long lines = scan.lines;
        int fileCount = scan.files;
        int parseErrors = scan.parseErrorFiles;
        if (deps) {
            for (Dependency d : dependencies(r)) {
                Scan s = scan(files, r, d.dir());
                Map<String, Integer> byRule = new TreeMap<>();
                s.findings.forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
                crates.add(new AuditReport.CrateSummary(d.name(), d.version(), s.files, s.lines, s.parseErrorFiles, byRule));
                fileCount += s.files;
                lines += s.lines;
                parseErrors += s.parseErrorFiles;
            }
        }
        if (store != null) {
            store.save();
        }
        AuditReport report = new AuditReport(r.toString(), fileCount, lines, parseErrors, findings, crates, (System.nanoTime() - start) / 1e9);
        return new AuditRun(report, scan.notes, store == null ? 0 : store.hits());
    }

    /** The version of the rules' code and catalogue that cached results must match; one per process. */
    private static final CodeVersion CODE_VERSION = CodeVersion.of(Auditor.class, "dev/rustengineer/audit/",
            List.of("/audit/rules.yaml", "/audit/knowledge.yaml"));

    record Dependency(String name, String version, Path dir) {}

    static List<Dependency> dependencies(Path root) {
        Path vendor = root.resolve("vendor");
        List<Dependency> out = new ArrayList<>();
        if (Files.isDirectory(vendor)) {
            try (Stream<Path> dirs = Files.list(vendor)) {
                dirs.filter(d -> Files.isRegularFile(d.resolve("Cargo.toml"))).sorted().forEach(d -> {
                    String n = d.getFileName().toString();
                    int dash = n.lastIndexOf('-');
                    boolean versioned = dash > 0 && Character.isDigit(n.charAt(dash + 1));
                    out.add(new Dependency(versioned ? n.substring(0, dash) : n, versioned ? n.substring(dash + 1) : "", d));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }
        if (!Files.isRegularFile(root.resolve("Cargo.toml"))) {
            throw new UsageException("--deps needs a cargo project (Cargo.toml) or a vendor/ directory at " + root);
        }
        try {
            Process p = ChildProcesses.start(new ProcessBuilder("cargo", "metadata", "--format-version", "1", "--offline").directory(root.toFile()));
            p.getOutputStream().close();
            byte[] json = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new UsageException("cargo metadata failed (run `cargo fetch` first): " + err.strip().lines().reduce((a, b) -> b).orElse(""));
            }
            JsonNode meta = new ObjectMapper().readTree(json);
            Set<String> members = new HashSet<>();
            meta.path("workspace_members").forEach(m -> members.add(m.asText()));
            for (JsonNode pkg : meta.path("packages")) {
                if (members.contains(pkg.path("id").asText())) {
                    continue;
                }
                out.add(new Dependency(pkg.path("name").asText(), pkg.path("version").asText(),
                        Path.of(pkg.path("manifest_path").asText()).getParent()));
            }
            out.sort(Comparator.comparing(Dependency::name).thenComparing(Dependency::version));
            return out;
        } catch (IOException e) {
            throw new UsageException("cargo not found on PATH: install Rust to audit dependencies");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted");
        }
    }

    private static final class Scan {
        final List<Finding> findings = new ArrayList<>();
        int files;
        long lines;
        int parseErrorFiles;
        final Map<String, Integer> servers = new TreeMap<>();
        final Map<String, Integer> wasmByCrate = new TreeMap<>();
        final Map<String, SourceNotes> notes = new TreeMap<>();
    }

    private Scan scan(SourceFileAudit audit, Path root, Path base) {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            // Build output, VCS data and vendored dependencies (audited with --deps, one row per crate) are not
            // the project's own code.
            walk.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p))
                    .filter(p -> {
                        String rel = "/" + base.relativize(p).toString().replace('\\', '/');
                        return !rel.contains("/target/") && !rel.contains("/.git/") && !rel.startsWith("/vendor/");
                    })
                    .sorted().forEach(sources::add);
        } catch (IOException e) {
            throw new UncheckedIOException("walking " + base, e);
        }
        Scan scan = new Scan();
        int threads = Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            List<SourceFileAudit.Outcome> results = pool.submit(() -> sources.parallelStream()
                    .map(p -> audit.audit(root, base, p)).toList()).get();
            Set<String> testModules = testModuleFiles(results);
            scan.findings.addAll(CrateBlockingHelpers.findings(rules, results, rel -> crateOf(base, rel), testModules));
            scan.findings.addAll(CrateQueryHelpers.findings(rules, results, rel -> crateOf(base, rel), testModules));
            for (SourceFileAudit.Outcome o : results) {
                String rel = o.rel();
                FileAuditor.Result res = o.result();
                scan.files++;
                scan.lines += res.lines();
                scan.findings.addAll(testModules.contains(rel) ? ScopePolicy.asTestCode(rules, res.findings()) : res.findings());
                if (o.notes().hasContent()) {
                    scan.notes.put(rel, o.notes());
                }
                if (res.parseError()) {
                    scan.parseErrorFiles++;
                }
                if (res.startsServer()) {
                    scan.servers.put(rel, 1);
                }
                if (res.wasmBindgenItems() > 0) {
                    scan.wasmByCrate.merge(crateOf(base, rel), res.wasmBindgenItems(), Integer::sum);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        return scan;
    }

    /** Files that are test code because a test module declares them (`#[cfg(test)] mod tests;`), known only after every file was read. */
    private static Set<String> testModuleFiles(List<SourceFileAudit.Outcome> results) {
        Map<String, List<ModuleDecl>> modules = new HashMap<>();
        Set<String> testFiles = new HashSet<>();
        for (SourceFileAudit.Outcome o : results) {
            modules.put(o.rel(), o.result().modules());
            if (o.result().kind() == CodeKind.TEST) {
                testFiles.add(o.rel());
            }
        }
        return TestModuleFiles.of(modules, testFiles);
    }

    private void workspaceRules(Scan scan, List<Finding> findings) {
        if (scan.servers.size() > MAX_SERVERS) {
            findings.add(rules.finding("microservice-architecture", scan.servers.keySet().iterator().next(), 1, 1,
                    scan.servers.size() + " binaries start network servers (more than " + MAX_SERVERS + "): "
                            + String.join(", ", scan.servers.keySet().stream().limit(12).toList())));
        }
        scan.wasmByCrate.forEach((crate, count) -> {
            if (count > MAX_WASM_EXPORTS) {
                findings.add(rules.finding("wasm-js-interop-at-scale", crate.isEmpty() ? "Cargo.toml" : crate + "/Cargo.toml", 1, 1,
                        "the crate exports " + count + " `#[wasm_bindgen]` items to JavaScript (more than " + MAX_WASM_EXPORTS + ")"));
            }
        });
    }

    /** The crate directory a file belongs to: the nearest ancestor with a Cargo.toml, relative to the root. */
    private static String crateOf(Path root, String rel) {
        Path p = root.resolve(rel).getParent();
        while (p != null && p.startsWith(root)) {
            if (Files.isRegularFile(p.resolve("Cargo.toml"))) {
                return root.relativize(p).toString().replace('\\', '/');
            }
            p = p.getParent();
        }
        return "";
    }
}
