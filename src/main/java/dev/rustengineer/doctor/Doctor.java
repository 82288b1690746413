package dev.rustengineer.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Checks the tools rust-engineer drives (cargo, rustc, clippy, rustfmt, toolchains, protoc, ...) and says what is missing. */
public final class Doctor {

    /**
     * @param name the tool
     * @param found whether it ran
     * @param version what it said of its version, or why it did not run
     * @param neededFor what rust-engineer uses it for
     * @param install how to get it when missing
     */
    public record Check(String name, boolean found, String version, String neededFor, String install) {}

    public record Report(List<Check> checks) {
        public List<Check> missing() {
            return checks.stream().filter(c -> !c.found()).toList();
        }

        /** What the CLI prints and the MCP tool returns: the missing tools first, each with how to get it. */
        public String text() {
            List<String> lines = new ArrayList<>();
            lines.add(missing().isEmpty() ? "All tools found."
                    : missing().size() + " missing: " + String.join(", ", missing().stream().map(Check::name).toList()));
            missing().forEach(c -> lines.add("MISSING " + c.name() + " (for " + c.neededFor() + "): " + c.install()));
            checks.stream().filter(Check::found).forEach(c -> lines.add("ok " + c.name() + ": " + c.version()));
            return String.join("\n", lines);
        }
    }

    public Report run() {
        List<Check> checks = new ArrayList<>();
        checks.add(check("cargo", List.of("cargo", "--version"), "new --verify, verify", "install Rust with rustup (https://rustup.rs)"));
        checks.add(check("rustc", List.of("rustc", "--version"), "every build", "install Rust with rustup"));
        checks.add(check("clippy", List.of("cargo", "clippy", "--version"), "verify (clippy -D warnings)", "rustup component add clippy"));
        checks.add(check("rustfmt", List.of("cargo", "fmt", "--version"), "verify (fmt --check)", "rustup component add rustfmt"));
        checks.add(check("toolchains", List.of("rustup", "toolchain", "list"), "edition 2024 needs Rust 1.85 or newer", "install rustup"));
        checks.add(check("wasm32 target", List.of("rustup", "target", "list", "--installed"), "WebAssembly projects", "rustup target add wasm32-unknown-unknown"));
        checks.add(check("protoc", List.of("protoc", "--version"), "gRPC projects (tonic-prost-build)", "apt-get install protobuf-compiler"));
        checks.add(check("psql", List.of("psql", "--version"), "PostgreSQL projects' tests", "apt-get install postgresql"));
        checks.add(check("gcc", List.of("gcc", "--version"), "FFI projects (cc, bindgen)", "apt-get install build-essential"));
        return new Report(checks);
    }

    private static Check check(String name, List<String> command, String neededFor, String install) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Check(name, false, "timed out after 15 s", neededFor, install);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                return new Check(name, false, firstLine(out), neededFor, install);
            }
            if (name.equals("wasm32 target") && !out.contains("wasm32")) {
                return new Check(name, false, "not installed (installed: " + out.replace('\n', ' ') + ")", neededFor, install);
            }
            return new Check(name, true, name.equals("toolchains") || name.equals("wasm32 target") ? out.replace('\n', ' ') : firstLine(out),
                    neededFor, install);
        } catch (IOException e) {
            return new Check(name, false, "not found on PATH", neededFor, install);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check(name, false, "interrupted", neededFor, install);
        }
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("").strip();
    }
}
