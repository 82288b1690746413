package dev.rustengineer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The audit on real crates from the registry, vendored by cargo: it must not crash, must read every file,
 * and must find the unsafe code these crates are known to hold. (bench/audit-real.sh does the whole service tree.)
 */
class RealCratesIT {
    @Test
    void auditsVendoredCratesWithoutCrashing() throws Exception {
        Path dir = Path.of("target/real-crates");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("Cargo.toml"), """
                [package]
                name = "real-crates"
                version = "0.1.0"
                edition = "2024"

                [dependencies]
                libc = "0.2"
                futures-util = "0.3"
                memchr = "2"
                """);
        Files.writeString(dir.resolve("src/lib.rs"), "");
        if (!Files.isDirectory(dir.resolve("vendor"))) {
            Process p = new ProcessBuilder("cargo", "vendor", "--quiet", "vendor").directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        }
        AuditReport r = new Auditor().auditWithDependencies(dir);
        assertThat(r.crates()).extracting(AuditReport.CrateSummary::name).contains("libc", "futures-util", "memchr");
        assertThat(r.files()).isGreaterThan(300);
        double parseErrorRate = (double) r.parseErrorFiles() / r.files();
        System.out.printf("real crates: %d files, %d lines, parse errors in %d files (%.2f%%), %.1f s%n",
                r.files(), r.lines(), r.parseErrorFiles(), parseErrorRate * 100, r.seconds());
        assertThat(parseErrorRate).isLessThan(0.02);
        var memchr = r.crates().stream().filter(c -> c.name().equals("memchr")).findFirst().orElseThrow();
        assertThat(memchr.byRule().getOrDefault("unsafe-block", 0)).isGreaterThan(20);
        var futures = r.crates().stream().filter(c -> c.name().equals("futures-util")).findFirst().orElseThrow();
        assertThat(futures.byRule().getOrDefault("manual-future", 0)).isGreaterThan(50);
    }
}
