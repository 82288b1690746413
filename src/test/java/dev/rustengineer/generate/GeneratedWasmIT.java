package dev.rustengineer.generate;

import dev.rustengineer.generate.ItSupport.Run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.blueprint.ProjectKind;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * the WebAssembly half with this machine's toolchain (scripts/wasm-toolchain.sh: Debian's rustc 1.96 with
 * -Zbuild-std, wasm-bindgen-cli matching Cargo.lock, wasm-opt -Oz): the release module built for Node.js, its
 * size before and after wasm-opt, the generated Node.js tests run with `node --test` against it, and the
 * TypeScript usage file compiled against the generated .d.ts with tsc. `-Dit.sets=wasm-library` runs only that
 * set.
 */
class GeneratedWasmIT {
    private static final Pattern SIZES = Pattern.compile("wasm-size cargo=(\\d+) wasm-bindgen=(\\d+) wasm-opt=(\\d+) gzip=(\\d+)");
    private static final Pattern NODE_PASS = Pattern.compile("(?m)^# pass (\\d+)$");

    static Stream<Projects.Variant> variants() {
        return Projects.variantsToRun(ProjectKind.WASM).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void generateVerifyBuildWasmAndCallItFromNode(Projects.Variant variant, @TempDir Path dir) throws Exception {
        String name = variant.name();
        ItSupport.Generated generated = ItSupport.newAndVerify(name, variant.newArguments(), dir, null, 14);
        Path project = generated.project();
        String crate = name.replace('-', '_');

        long start = System.nanoTime();
        Run build = run(project, 40, "bash", Path.of("scripts/wasm-toolchain.sh").toAbsolutePath().toString(), "build",
                project.toString());
        assertThat(build.code()).as(build.out()).isZero();
        System.out.printf("wasm build: %.1f s%n", (System.nanoTime() - start) / 1e9);
        Matcher sizes = SIZES.matcher(build.out());
        assertThat(sizes.find()).as(build.out()).isTrue();
        long cargo = Long.parseLong(sizes.group(1));
        long bindgen = Long.parseLong(sizes.group(2));
        long opt = Long.parseLong(sizes.group(3));
        System.out.println(sizes.group());
        assertThat(opt).as("wasm-opt -Oz shrinks the module").isLessThan(bindgen).isPositive();
        assertThat(bindgen).isLessThanOrEqualTo(cargo);
        assertThat(opt).as("a size-tuned image-kernel module stays small").isLessThan(100_000);

        Path pkg = project.resolve("pkg");
        String dts = Files.readString(pkg.resolve(crate + ".d.ts"));
        assertThat(dts).contains("export class Image {", "free(): void;", "convolve(kernel: KernelName): Image;",
                "export type KernelName = \"box-blur\"", "export function kernelNames(): KernelName[];");
        assertThat(pkg.resolve(crate + ".js")).exists();

        Run node = run(project, 5, "node", "--test", "tests/node/");
        System.out.println(node.out());
        assertThat(node.code()).as(node.out()).isZero();
        Matcher pass = NODE_PASS.matcher(node.out());
        assertThat(pass.find()).as(node.out()).isTrue();
        assertThat(Integer.parseInt(pass.group(1))).as("Node.js tests passed").isGreaterThanOrEqualTo(8);
        assertThat(node.out()).contains("# fail 0");

        Run tsc = run(project, 5, "npx", "-y", "-p", "typescript@5", "tsc", "-p", "tests/node");
        assertThat(tsc.code()).as("tsc against the generated .d.ts:%n%s", tsc.out()).isZero();

        // A TypeScript misuse must fail to compile: the declarations are precise, not `any`.
        Files.writeString(project.resolve("tests/node/usage.ts"), Files.readString(project.resolve("tests/node/usage.ts"))
                .replace("// @ts-expect-error: not a KernelName\n", ""));
        Run misuse = run(project, 5, "npx", "-y", "-p", "typescript@5", "tsc", "-p", "tests/node");
        assertThat(misuse.code()).as(misuse.out()).isNotZero();
        assertThat(misuse.out()).contains("not assignable to parameter of type 'KernelName'");
    }

    private static Run run(Path cwd, int minutes, String... command) throws Exception {
        return ItSupport.run(cwd, Map.of(), java.time.Duration.ofMinutes(minutes), command);
    }
}
