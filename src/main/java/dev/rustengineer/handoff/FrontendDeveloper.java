package dev.rustengineer.handoff;

import dev.rustengineer.generate.ProjectWriter;
import dev.rustengineer.process.ChildProcesses;
import dev.rustengineer.process.ProcessTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * frontend-developer: a wasm-bindgen crate as the package a web or Node.js project installs: the module built by
 * rust-engineer's own WebAssembly toolchain (scripts/wasm-toolchain.sh: Debian's rustc with -Zbuild-std,
 * wasm-bindgen-cli matching Cargo.lock, wasm-opt -Oz) for Node.js ({@code pkg/}) and for bundlers and browsers
 * ({@code web/}, an ES module with an {@code init()}), a package.json over both, examples of its use, and the
 * JS/TS contract read from the generated {@code .d.ts}. The checks rebuild the module in the package, compile the
 * examples against the declarations with tsc and run the Node.js example.
 */
public record FrontendDeveloper() implements Specialist {
    static final String SETUP = "scripts/setup.d/50-wasm.sh";
    private static final long BUILD_MINUTES = 30;

    @Override
    public String id() {
        return "frontend-developer";
    }

    @Override
    public List<String> lacking(HandoffContext c) {
        String manifest = c.project().file("Cargo.toml").orElse("");
        List<String> missing = new ArrayList<>();
        if (!c.project().dependsOn("wasm-bindgen")) {
            missing.add("not a wasm-bindgen crate (no `wasm-bindgen` dependency); add " + c.knowledge().howToAdd("wasm"));
        } else if (!manifest.contains("cdylib")) {
            missing.add("no `crate-type = [\"cdylib\"]` in [lib], so there is no .wasm to hand over; add " + c.knowledge().howToAdd("wasm"));
        }
        return missing;
    }

    /** The crate's library name as cargo names its .wasm: the package name with '-' as '_'. */
    static String crate(RustProject p) {
        return p.name().replace('-', '_');
    }

    @Override
    public HandoffPackage build(HandoffContext c) {
        RustProject p = c.project();
        String crate = crate(p);
        Path toolchain = Toolchains.script("wasm-toolchain.sh");
        var files = new TreeMap<String, String>();
        String buildSh = buildScript(p, toolchain);
        files.put("build.sh", buildSh);
        Prebuilt built = prebuild(buildSh, crate);
        String dts = built.files().get("pkg/" + crate + ".d.ts");
        files.putAll(built.files());
        boolean imageApi = dts != null && dts.contains("export class Image {") && dts.contains("convolve(kernel: KernelName): Image;");
        files.put("package.json", packageJson(p, crate));
        files.put("example/tsconfig.json", """
                {
                  "compilerOptions": {
                    "strict": true,
                    "noEmit": true,
                    "target": "es2022",
                    "module": "esnext",
                    "moduleResolution": "bundler",
                    "lib": ["es2022", "dom", "esnext.disposable"],
                    "types": []
                  },
                  "include": ["*.ts"]
                }
                """);
        files.put("example/browser.ts", imageApi ? browserImageExample(crate) : browserGenericExample(crate));
        files.put("example/node.ts", imageApi ? nodeImageTypes(crate) : nodeGenericTypes(crate));
        files.put("example/node.cjs", imageApi ? nodeImageExample(crate) : nodeGenericExample(crate));
        files.put("example/index.html", """
                <!doctype html>
                <!-- Serve this folder's parent (e.g. `npx serve ..`) and open example/: a browser loads web/ as an ES module. -->
                <html lang="en">
                <head><meta charset="utf-8"><title>%1$s example</title></head>
                <body>
                <canvas id="canvas" width="256" height="192"></canvas>
                <script type="module">
                  import init, * as %1$s from "../web/%1$s.js";
                  await init();
                  console.log("%1$s loaded:", Object.keys(%1$s));
                </script>
                </body>
                </html>
                """.formatted(crate));
        List<Check> checks = List.of(
                new Check("the module builds with rust-engineer's wasm toolchain (pkg/ for Node.js, web/ for bundlers)", "bash", "bash build.sh"),
                new Check("the examples type-check against the generated .d.ts", "tsc", "tsc --noEmit -p example"),
                new Check("the Node.js build runs the example's calls", "node", "node example/node.cjs"));
        var doc = new HandoffDoc(c)
                .setup("`" + toolchain.getParent().resolve("setup.d/50-wasm.sh") + "` installs the WebAssembly toolchain, "
                        + "`scripts/setup.d/40-handoff-tools.sh` tsc; build.sh fails naming the first when a part is missing")
                .built("`pkg/`: the module for Node.js (`wasm-bindgen --target nodejs`: `" + crate + ".js`, `" + crate + ".d.ts`, `" + crate
                        + "_bg.wasm`), `web/`: the same module for bundlers and browsers (`--target web`, an ES module whose default export "
                        + "`init()` loads the .wasm), both optimised with `wasm-opt -Oz`." + (built.sizes().isEmpty() ? "" : " Sizes here: `" + built.sizes() + "`."))
                .built("`package.json`: one npm package over both (`exports`: Node.js gets `pkg/`, everything else `web/`; `types` is the .d.ts).")
                .built("`example/`: `browser.ts` (a function a React component or any page calls: `await init()`, then the API on a canvas), "
                        + "`node.cjs` (the Node.js build called from a script), `node.ts` (the same calls, type-checked), `index.html`.")
                .built("`build.sh`: rebuilds `pkg/` and `web/` from the crate at `" + p.root() + "` with `" + toolchain
                        + " build`; the first check runs it, which puts the `.wasm` files here (the JS and `.d.ts` were read from the same build when "
                        + "this package was written; with `--no-check` run `bash build.sh` yourself).");
        if (built.failure() != null) {
            doc.built("**Not built when the package was written**: " + built.failure());
        }
        doc.contract(contract(p, crate, dts, built.files().get("web/" + crate + ".d.ts")));
        files.put("HANDOFF.md", doc.render(checks));
        return new HandoffPackage(id(), files, checks);
    }

    /**
     * build.sh: fails with the install command when the toolchain is missing (rather than installing it, which
     * wasm-toolchain.sh build would), then builds the Node.js package with the script and the web target from the
     * same release module.
     */
    static String buildScript(RustProject p, Path toolchain) {
        String setup = toolchain.getParent().resolve("setup.d/50-wasm.sh").toString();
        return """
                #!/usr/bin/env bash
                # Builds pkg/ (Node.js) and web/ (bundlers, browsers) from the crate with rust-engineer's WebAssembly toolchain.
                # The paths are where the package was made; on another machine set PROJECT_DIR (the crate) and
                # WASM_TOOLCHAIN (rust-engineer's scripts/wasm-toolchain.sh), or build with wasm-pack as the crate's
                # README says (rustup target add wasm32-unknown-unknown; wasm-pack build --target web).
                set -euo pipefail
                cd "$(dirname "$0")"
                project='%1$s'
                project="${PROJECT_DIR:-$project}"
                toolchain='%2$s'
                toolchain="${WASM_TOOLCHAIN:-$toolchain}"
                crate='%3$s'
                missing() { echo "the WebAssembly toolchain is missing: $1; install it with: bash %4$s" >&2; exit 1; }
                [ -f "$toolchain" ] || missing "no $toolchain"
                [ -f "$project/Cargo.lock" ] || (cd "$project" && cargo generate-lockfile -q)
                version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$project/Cargo.lock")
                [ -n "$version" ] || missing "no wasm-bindgen in $project/Cargo.lock"
                env_lines=$(bash "$toolchain" env "$version")
                eval "$(grep '^export ' <<<"$env_lines")"
                bindgen=$(sed -n 's/^# bindgen: \\([^ ]*\\) .*/\\1/p' <<<"$env_lines")
                wasm_opt=$(sed -n 's/^# opt: *\\([^ ]*\\) .*/\\1/p' <<<"$env_lines")
                "$RUSTC" --print target-list 2>/dev/null | grep -qx wasm32-unknown-unknown || missing "$RUSTC (rustc-web) without wasm32-unknown-unknown"
                [ -d /usr/lib/rustlib/src/rust/library/std ] || missing "no standard library source for -Zbuild-std (rust-web-src)"
                command -v rust-lld >/dev/null || missing "no rust-lld (rust-web-llvm, lld-22)"
                [ -x "$bindgen" ] || missing "no wasm-bindgen-cli $version ($bindgen)"
                [ -x "$wasm_opt" ] || missing "no wasm-opt >= 132 ($wasm_opt)"
                bash "$toolchain" build "$project" "$PWD/pkg"
                rm -rf web
                "$bindgen" --target web --out-dir web "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/$crate.wasm"
                "$wasm_opt" -Oz --strip-debug --strip-producers "web/${crate}_bg.wasm" -o "web/${crate}_bg.wasm"
                echo "web-size wasm-opt=$(stat -c %%s "web/${crate}_bg.wasm")"
                """.formatted(p.root(), toolchain, crate(p), setup);
    }

    record Prebuilt(TreeMap<String, String> files, String sizes, String failure) {}

    /** Runs build.sh in a scratch folder to read the generated JS and .d.ts into the package (the .wasm comes from the check). */
    private static Prebuilt prebuild(String buildSh, String crate) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("handoff-wasm-");
            Files.writeString(scratch.resolve("build.sh"), buildSh);
            var pb = new ProcessBuilder("bash", "build.sh").directory(scratch.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process proc = ChildProcesses.start(pb);
            var out = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    out.append(new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.append(e.getMessage());
                }
            });
            boolean done;
            try {
                done = proc.waitFor(BUILD_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                // A cancelled handoff must not leave cargo building for wasm behind it.
                ProcessTree.stop(proc.toHandle());
                throw e;
            }
            if (!done) {
                ProcessTree.stop(proc.toHandle());
            }
            reader.join(5000);
            String text;
            synchronized (out) {
                text = out.toString().strip();
            }
            var files = new TreeMap<String, String>();
            if (!done || proc.exitValue() != 0) {
                List<String> lines = text.lines().toList();
                String last = lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
                return new Prebuilt(files, "", (done ? "" : "timed out after " + BUILD_MINUTES + " min; ") + "`" + last.strip() + "`");
            }
            for (String folder : List.of("pkg", "web")) {
                for (String f : List.of(crate + ".js", crate + ".d.ts", crate + "_bg.wasm.d.ts")) {
                    Path file = scratch.resolve(folder).resolve(f);
                    if (Files.isRegularFile(file)) {
                        files.put(folder + "/" + f, Files.readString(file));
                    }
                }
            }
            StringBuilder sizes = new StringBuilder();
            text.lines().filter(l -> l.startsWith("wasm-size ") || l.startsWith("web-size ")).forEach(l -> sizes.append(sizes.isEmpty() ? "" : "; ").append(l));
            return new Prebuilt(files, sizes.toString(), null);
        } catch (IOException e) {
            return new Prebuilt(new TreeMap<>(), "", "could not run build.sh: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Prebuilt(new TreeMap<>(), "", "interrupted");
        } finally {
            if (scratch != null) {
                delete(scratch);
            }
        }
    }

    private static void delete(Path dir) {
        try {
            ProjectWriter.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageJson(RustProject p, String crate) {
        String version = p.file("Cargo.toml").flatMap(t -> Pattern.compile("(?m)^version\\s*=\\s*\"([^\"]+)\"").matcher(t).results()
                .map(m -> m.group(1)).findFirst()).orElse("0.1.0");
        String description = p.file("Cargo.toml").flatMap(t -> Pattern.compile("(?m)^description\\s*=\\s*\"([^\"]+)\"").matcher(t).results()
                .map(m -> m.group(1)).findFirst()).orElse(p.name() + ", compiled to WebAssembly");
        return """
                {
                  "name": "%1$s",
                  "version": "%2$s",
                  "description": "%3$s",
                  "files": ["pkg", "web"],
                  "main": "pkg/%4$s.js",
                  "module": "web/%4$s.js",
                  "types": "pkg/%4$s.d.ts",
                  "exports": {
                    ".": {
                      "node": { "types": "./pkg/%4$s.d.ts", "default": "./pkg/%4$s.js" },
                      "default": { "types": "./web/%4$s.d.ts", "default": "./web/%4$s.js" }
                    }
                  },
                  "sideEffects": ["./web/%4$s.js"]
                }
                """.formatted(p.name(), version, description.replace("\"", "\\\""), crate);
    }

    private static String browserImageExample(String crate) {
        return """
                // For a bundler (Vite, webpack 5) or a React component: load the module once, then run a kernel on a canvas.
                // Every Image lives in WebAssembly memory: free() each one (the JS garbage collector does not see it).
                import init, { Image, kernelNames, type KernelName } from "../web/%1$s.js";

                let ready: Promise<unknown> | undefined;

                /** Loads the .wasm once (init fetches web/%1$s_bg.wasm next to the module). */
                export function load(): Promise<unknown> {
                  ready ??= init();
                  return ready;
                }

                /** Convolves the canvas's pixels with a built-in kernel, in place. Throws the library's Error for a bad size. */
                export async function applyKernel(canvas: HTMLCanvasElement, kernel: KernelName = "gaussian-blur"): Promise<void> {
                  await load();
                  const ctx = canvas.getContext("2d");
                  if (!ctx) throw new Error("no 2d context");
                  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
                  const image = new Image(canvas.width, canvas.height, new Uint8Array(data.data.buffer));
                  try {
                    const out = image.convolve(kernel);
                    try {
                      data.data.set(out.pixels());
                      ctx.putImageData(data, 0, 0);
                    } finally {
                      out.free();
                    }
                  } finally {
                    image.free();
                  }
                }

                /** The kernels a select box offers. */
                export async function kernels(): Promise<KernelName[]> {
                  await load();
                  return kernelNames();
                }
                """.formatted(crate);
    }

    private static String nodeImageTypes(String crate) {
        return """
                // The calls of node.cjs, type-checked against pkg/%1$s.d.ts (the Node.js build's declarations).
                import { Image, kernelNames, type KernelName } from "../pkg/%1$s.js";

                const image: Image = Image.testPattern(64, 48);
                const blurred: Image = image.convolve("gaussian-blur");
                const names: KernelName[] = kernelNames();
                const bins: Uint32Array = blurred.histogram();
                const bytes: Uint8Array = blurred.pixels();
                // @ts-expect-error: not a KernelName
                image.convolve("blurry");
                console.log(blurred.width, blurred.height, names.length, bins.length, bytes.length);
                blurred.free();
                image.free();
                """.formatted(crate);
    }

    private static String nodeImageExample(String crate) {
        return """
                // Calls the Node.js build (pkg/): run with `node example/node.cjs`; prints one JSON line, exits 1 on a wrong answer.
                const { Image, kernelNames } = require("../pkg/%1$s.js");

                const image = Image.testPattern(64, 48);
                const blurred = image.convolve("gaussian-blur");
                let error = null;
                try {
                  image.convolve("blurry");
                } catch (e) {
                  error = e instanceof Error ? e.message : String(e);
                }
                const result = {
                  width: blurred.width,
                  height: blurred.height,
                  bytes: blurred.pixels().length,
                  bins: blurred.histogram().length,
                  kernels: kernelNames(),
                  error,
                };
                blurred.free();
                image.free();
                console.log(JSON.stringify(result));
                if (result.width !== 64 || result.bytes !== 64 * 48 * 4 || result.bins !== 256 || error === null) process.exit(1);
                """.formatted(crate);
    }

    private static String browserGenericExample(String crate) {
        return """
                // For a bundler (Vite, webpack 5) or a React component: load the module once, then call its exports.
                import init, * as %1$s from "../web/%1$s.js";

                let ready: Promise<unknown> | undefined;

                export async function load(): Promise<typeof %1$s> {
                  ready ??= init();
                  await ready;
                  return %1$s;
                }
                """.formatted(crate);
    }

    private static String nodeGenericTypes(String crate) {
        return """
                // The Node.js build's declarations, type-checked.
                import * as %1$s from "../pkg/%1$s.js";

                const exported: string[] = Object.keys(%1$s);
                console.log(exported);
                """.formatted(crate);
    }

    private static String nodeGenericExample(String crate) {
        return """
                // Loads the Node.js build (pkg/) and lists what it exports: run with `node example/node.cjs`.
                const lib = require("../pkg/%1$s.js");
                const exported = Object.keys(lib);
                console.log(JSON.stringify({ exported }));
                if (exported.length === 0) process.exit(1);
                """.formatted(crate);
    }

    private static final Pattern CLASS = Pattern.compile("(?m)^export class (\\w+) \\{\\n(.*?)^\\}", Pattern.DOTALL);
    private static final Pattern FUNCTION = Pattern.compile("(?m)^export function (\\w+)\\((.*)\\): (.+);$");
    private static final Pattern TYPE = Pattern.compile("(?m)^export type (\\w+) = (.+);$");
    private static final Pattern ERROR_MESSAGE = Pattern.compile("#\\[error\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The JS/TS contract, read from the Node.js build's .d.ts (and the web one's init), plus the errors the Rust source throws. */
    static String contract(RustProject p, String crate, String dts, String webDts) {
        var md = new StringBuilder();
        if (dts == null) {
            md.append("The declarations are written by wasm-bindgen when the module is built: run `bash build.sh` and read `pkg/")
                    .append(crate).append(".d.ts`.\n\n");
        } else {
            md.append("From `pkg/").append(crate).append(".d.ts`, which wasm-bindgen wrote from the `#[wasm_bindgen]` items (the same in `web/`):\n\n");
            Matcher types = TYPE.matcher(dts);
            while (types.find()) {
                md.append("- type `").append(types.group(1)).append("` = `").append(types.group(2).replace("|", "\\|")).append("`\n");
            }
            Matcher fns = FUNCTION.matcher(dts);
            while (fns.find()) {
                md.append("- function `").append(fns.group(1)).append('(').append(fns.group(2)).append("): ").append(fns.group(3)).append("`\n");
            }
            List<String> classes = new ArrayList<>();
            Matcher cls = CLASS.matcher(dts);
            while (cls.find()) {
                String name = cls.group(1);
                classes.add(name);
                md.append("\nclass `").append(name).append("`:\n\n| member | |\n|---|---|\n");
                String doc = "";
                for (String line : cls.group(2).lines().map(String::strip).toList()) {
                    if (line.startsWith("/**") || line.startsWith("*")) {
                        String t = line.replaceAll("^/?\\*+/?\\s?", "").replaceAll("\\*/$", "").strip();
                        if (!t.isEmpty()) {
                            doc = doc.isEmpty() ? t : doc + " " + t;
                        }
                        continue;
                    }
                    if (line.isEmpty()) {
                        continue;
                    }
                    String member = line.endsWith(";") ? line.substring(0, line.length() - 1) : line;
                    String note = doc;
                    if (member.startsWith("free(")) {
                        note = "releases the object's WebAssembly memory; call it exactly once, then drop the object";
                    } else if (member.startsWith("[Symbol.dispose]")) {
                        note = "the same as free(), for `using`";
                    } else if (member.matches(".*\\): " + name + "$") || member.matches("static .*\\): " + name + "$")) {
                        note = (note.isEmpty() ? "" : note + " ") + "(returns a new `" + name + "` to free)";
                    }
                    md.append("| `").append(member.replace("|", "\\|")).append("` | ").append(note.replace("|", "\\|")).append(" |\n");
                    doc = "";
                }
            }
            md.append("\n**Memory ownership.** ");
            if (classes.isEmpty()) {
                md.append("No class crosses the boundary: arguments and results are copied, nothing is to be freed.\n");
            } else {
                md.append("Each `").append(String.join("`, `", classes)).append("` object is a handle to memory inside the WebAssembly instance, which ")
                        .append("the JavaScript garbage collector does not see: call `free()` (or `using x = ...`) when done, on every object a method returns too. ")
                        .append("Typed-array arguments (`Uint8Array`, `Float32Array`) are copied in for the call; typed arrays returned are copies the caller owns.\n");
            }
            if (webDts != null && webDts.contains("export default function __wbg_init")) {
                md.append("\n**Loading.** `web/` needs `await init()` (its default export; it fetches `").append(crate)
                        .append("_bg.wasm` beside the module, or takes a URL, Response or bytes) before any other call; `initSync({ module })` takes compiled bytes. ")
                        .append("`pkg/` loads the .wasm synchronously on `require`.\n");
            }
        }
        List<String> errors = new ArrayList<>();
        List<String> throwing = new ArrayList<>();
        for (var e : p.sources().entrySet()) {
            if (e.getKey().startsWith("tests/")) {
                continue;
            }
            Matcher m = ERROR_MESSAGE.matcher(e.getValue());
            while (m.find()) {
                errors.add(m.group(1).replace("\\\"", "\""));
            }
            Matcher t = Pattern.compile("pub fn (\\w+)\\s*\\([^)]*\\)\\s*->\\s*Result<[^{]*JsError>").matcher(e.getValue().replaceAll("\\s+", " "));
            while (t.find()) {
                throwing.add(t.group(1));
            }
        }
        md.append("\n**Errors.** ");
        if (throwing.isEmpty()) {
            md.append("No exported function returns a `Result<_, JsError>`: nothing throws by design.\n");
        } else {
            md.append("The Rust functions returning `Result<_, JsError>` (").append(String.join(", ", throwing.stream().map(s -> "`" + s + "`").distinct().toList()))
                    .append(") throw a JS `Error` whose `message` is the Rust error's text; the declarations do not show it, so wrap those calls in `try`.");
            if (!errors.isEmpty()) {
                md.append(" The messages (`#[error]` in the source):\n\n");
                errors.forEach(e -> md.append("- `").append(e).append("`\n"));
            } else {
                md.append('\n');
            }
        }
        md.append("\nA panic in Rust aborts the instance (`RuntimeError: unreachable`): after one, load the module again.\n");
        return md.toString();
    }
}
