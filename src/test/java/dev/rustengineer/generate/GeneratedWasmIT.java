package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.blueprint.ProjectKind;
import dev.rustengineer.generate.ItSupport.Run;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The WebAssembly library end to end, for every wasm template set offered: `./rust-engineer new NAME --kind wasm
 * --verify` through the real launcher (fmt, clippy -D warnings, build, test on the host's stable toolchain), then
 * the packages with this machine's toolchain (scripts/wasm-toolchain.sh packages: wasm-pack with Debian's rustc
 * 1.96 and -Zbuild-std, the wasm-bindgen CLI matching Cargo.lock and wasm-opt 132): nodejs, web and bundler with
 * SIMD, nodejs and web without, each with its package.json. Then the project's own tests on them:
 * the Node.js tests (every operation against the JavaScript reference, the scalar build against the SIMD one),
 * tsc on the TypeScript usage file (ImageData.data included) and a misuse that must not compile, the Node.js
 * benchmark given a relative WASM_PKG, and the browser tests in headless Chromium: the web package served by the
 * project's serve.mjs (application/wasm checked here too), driven by Selenium for the SIMD build and by the
 * project's run.mjs for the scalar one. `-Dit.sets=wasm-library` runs only that set.
 */
class GeneratedWasmIT {
    private static final Pattern SIZES = Pattern.compile("wasm-size (\\S+) cargo=(\\d+) wasm-pack=(\\d+) gzip=(\\d+)");
    private static final Pattern NODE_PASS = Pattern.compile("(?m)^# pass (\\d+)$");
    private static final List<String> PACKAGES = List.of("pkg-node", "pkg-web", "pkg-bundler", "pkg-node-scalar", "pkg-web-scalar");
    private static final List<String> OPERATIONS = List.of("box-blur", "gaussian-blur", "sharpen", "edge", "emboss", "custom kernels",
            "grayscale", "histogram");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Projects.Variant> variants() {
        return Projects.variantsToRun(ProjectKind.WASM).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void generateVerifyBuildThePackagesAndTestThemInNodeAndChromium(Projects.Variant variant, @TempDir Path dir) throws Exception {
        String name = variant.name();
        ItSupport.Generated generated = ItSupport.newAndVerify(name, variant.newArguments(), dir, null, 22);
        Path project = generated.project();
        String crate = name.replace('-', '_');

        long start = System.nanoTime();
        Run build = run(project, 40, Map.of(), "bash", Path.of("scripts/wasm-toolchain.sh").toAbsolutePath().toString(), "packages",
                project.toString());
        assertThat(build.code()).as(build.out()).isZero();
        System.out.printf("wasm packages: %.1f s%n", (System.nanoTime() - start) / 1e9);
        List<String> built = new ArrayList<>();
        for (Matcher sizes = SIZES.matcher(build.out()); sizes.find(); built.add(sizes.group(1))) {
            System.out.println(sizes.group());
            long packed = Long.parseLong(sizes.group(3));
            assertThat(packed).as("wasm-bindgen and wasm-opt shrink the module").isLessThan(Long.parseLong(sizes.group(2))).isPositive();
            assertThat(packed).as("an image-kernel module stays small").isLessThan(100_000);
        }
        assertThat(built).containsExactly("nodejs", "web", "bundler", "nodejs-scalar", "web-scalar");
        for (String pkg : PACKAGES) {
            assertPackageJson(project.resolve(pkg), name, crate, !pkg.startsWith("pkg-node"));
        }
        String dts = Files.readString(project.resolve("pkg-web/" + crate + ".d.ts"));
        assertThat(dts).contains("export class Image {", "free(): void;", "convolve(kernel: KernelName): Image;",
                "constructor(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray);",
                "export default function __wbg_init");

        Run node = run(project, 10, Map.of(), "node", "--test", "tests/node/");
        System.out.println(node.out());
        assertThat(node.code()).as(node.out()).isZero();
        Matcher pass = NODE_PASS.matcher(node.out());
        assertThat(pass.find()).as(node.out()).isTrue();
        assertThat(Integer.parseInt(pass.group(1))).as("Node.js tests passed").isGreaterThanOrEqualTo(30);
        assertThat(node.out()).contains("# fail 0", "# skipped 0");

        // The README's benchmark command with a relative WASM_PKG (it once failed: require() took it for a package name).
        Run bench = run(project, 5, Map.of("WASM_PKG", "pkg-node"), "node", "bench/node_bench.mjs", "64", "48", "1");
        assertThat(bench.code()).as(bench.out()).isZero();
        assertThat(bench.out().lines().filter(l -> l.contains("\"checksum\":"))).hasSize(6);

        Run tsc = run(project, 5, Map.of(), "npx", "-y", "-p", "typescript@5", "tsc", "-p", "tests/node");
        assertThat(tsc.code()).as("tsc against the generated .d.ts:%n%s", tsc.out()).isZero();
        // A TypeScript misuse must fail to compile: the declarations are precise, not `any`.
        Path usage = project.resolve("tests/node/usage.ts");
        Files.writeString(usage, Files.readString(usage).replace("// @ts-expect-error: not a KernelName\n", ""));
        Run misuse = run(project, 5, Map.of(), "npx", "-y", "-p", "typescript@5", "tsc", "-p", "tests/node");
        assertThat(misuse.code()).as(misuse.out()).isNotZero();
        assertThat(misuse.out()).contains("not assignable to parameter of type 'KernelName'");

        try (ServedProject served = ServedProject.start(project)) {
            HttpResponse<Void> wasm = ItSupport.HTTP.send(HttpRequest.newBuilder(URI.create(served.url() + "pkg-web/" + crate + "_bg.wasm"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(wasm.headers().firstValue("content-type")).hasValue("application/wasm");
            start = System.nanoTime();
            JsonNode report = HeadlessChromium.report(served.url() + "tests/browser/", dir.resolve("chromium-profile"), Duration.ofMinutes(5));
            System.out.printf("browser tests (SIMD): %.1f s%n%s%n", (System.nanoTime() - start) / 1e9, report.toPrettyString());
            assertBrowserReport(report, true);
        }
        Run scalar = run(project, 10, Map.of("CHROME", "/usr/bin/chromium"), "node", "tests/browser/run.mjs", "tests/browser/index.html",
                "pkg=pkg-web-scalar");
        System.out.println(scalar.out());
        assertThat(scalar.code()).as(scalar.out()).isZero();
        assertBrowserReport(JSON.readTree(scalar.out().substring(scalar.out().indexOf("{\n"))), false);
    }

    /** The package.json wasm-pack would write: name, main, types, the module type, and files that exist. */
    private static void assertPackageJson(Path pkg, String name, String crate, boolean esModule) throws Exception {
        JsonNode json = JSON.readTree(pkg.resolve("package.json").toFile());
        assertThat(json.path("name").asText()).isEqualTo(name);
        assertThat(json.path("version").asText()).isEqualTo("0.1.0");
        assertThat(json.path("main").asText()).isEqualTo(crate + ".js");
        assertThat(json.path("types").asText()).isEqualTo(crate + ".d.ts");
        assertThat(json.path("type").asText(null)).as("%s type", pkg).isEqualTo(esModule ? "module" : null);
        assertThat(json.path("files")).isNotEmpty().allSatisfy(f -> assertThat(pkg.resolve(f.asText())).as("%s lists it", pkg).exists());
    }

    /** The page ran every operation and every check, all passed, on the build asked for. */
    private static void assertBrowserReport(JsonNode report, boolean simd) {
        assertThat(report.path("status").asText()).as(report.toPrettyString()).isEqualTo("passed");
        assertThat(report.path("failed").asInt(-1)).isZero();
        assertThat(report.path("simd").asBoolean(!simd)).as("the build's simd()").isEqualTo(simd);
        assertThat(report.path("userAgent").asText()).contains("HeadlessChrome/");
        if (report.has("results")) {
            List<String> names = new ArrayList<>();
            report.path("results").forEach(r -> names.add(r.path("name").asText()));
            assertThat(names).hasSizeGreaterThanOrEqualTo(28);
            for (String operation : OPERATIONS) {
                assertThat(names).as("a check of %s", operation).anyMatch(n -> n.contains(operation));
            }
            assertThat(names).anyMatch(n -> n.contains("free()")).anyMatch(n -> n.contains("`using`"))
                    .anyMatch(n -> n.contains("putImageData")).anyMatch(n -> n.contains("memory"));
        } else {
            assertThat(report.path("passed").asInt()).isGreaterThanOrEqualTo(28);
        }
    }

    private static Run run(Path cwd, int minutes, Map<String, String> env, String... command) throws Exception {
        return ItSupport.run(cwd, env, Duration.ofMinutes(minutes), command);
    }
}
