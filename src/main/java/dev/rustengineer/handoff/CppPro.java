package dev.rustengineer.handoff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cpp-pro: the project's C/C++ boundary and its ABI contract. A crate exporting a C ABI gives its cbindgen header,
 * a C program that links every exported function from the release cdylib, and ABI.md (ownership, threading,
 * errors, panics, strings) read from the header and the {@code #[unsafe(no_mangle)]} items; a -sys crate gives
 * its bindgen configuration (build.rs, the wrapper header, the allowlist, the pkg-config library) and the
 * bindings' function list; a cxx bridge gives the bridge and its C++ sources, compiled with g++.
 */
public record CppPro() implements Specialist {

    @Override
    public String id() {
        return "cpp-pro";
    }

    /** What the project has at the C boundary. */
    record Surface(List<String> headers, List<Export> exports, List<String> bindgenBuildScripts, List<String> cxxBridges) {
        boolean empty() {
            return exports.isEmpty() && bindgenBuildScripts.isEmpty() && cxxBridges.isEmpty();
        }
    }

    /** A {@code #[unsafe(no_mangle)] extern "C" fn}. */
    record Export(String name, boolean unsafeFn, String file, int line) {}

    private static final Pattern NO_MANGLE = Pattern.compile(
            "#\\[(?:unsafe\\()?no_mangle\\)?\\]\\s*(?:#\\[[^\\]]*\\]\\s*)*pub\\s+(unsafe\\s+)?extern\\s+\"C\"\\s+fn\\s+(\\w+)");

    static Surface surface(RustProject p) {
        List<Export> exports = new ArrayList<>();
        List<String> bindgen = new ArrayList<>();
        List<String> cxx = new ArrayList<>();
        for (var e : p.sources().entrySet()) {
            String src = e.getValue();
            Matcher m = NO_MANGLE.matcher(src);
            while (m.find()) {
                exports.add(new Export(m.group(2), m.group(1) != null, e.getKey(), lineOf(src, m.start(2))));
            }
            if (e.getKey().endsWith("build.rs") && src.contains("bindgen::Builder")) {
                bindgen.add(e.getKey());
            }
            if (!e.getKey().endsWith("build.rs") && !e.getKey().startsWith("tests/") && !e.getKey().contains("/tests/")
                    && Pattern.compile("(?m)^\\s*#\\[cxx::bridge").matcher(src).find()) {
                cxx.add(e.getKey());
            }
        }
        List<String> headers = exports.isEmpty() ? List.of() : p.filesUnder("include", ".h");
        return new Surface(headers, exports, bindgen, cxx);
    }

    static int lineOf(String s, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    @Override
    public List<String> lacking(HandoffContext c) {
        Surface s = surface(c.project());
        if (s.empty()) {
            return List.of("no FFI surface (no `#[unsafe(no_mangle)] extern \"C\"` function, no bindgen build.rs, no `#[cxx::bridge]`); add "
                    + c.knowledge().howToAdd("ffi"));
        }
        if (!s.exports().isEmpty() && s.headers().isEmpty()) {
            return List.of("the C ABI has no header under include/; add " + c.knowledge().howToAdd("ffi"));
        }
        return List.of();
    }

    @Override
    public HandoffPackage build(HandoffContext c) {
        RustProject p = c.project();
        Surface s = surface(p);
        Path target = c.cargoTargetDir() != null ? c.cargoTargetDir().toAbsolutePath() : p.root().resolve("target");
        var files = new TreeMap<String, String>();
        List<Check> checks = new ArrayList<>();
        var doc = new HandoffDoc(c).setup("`scripts/setup.d/40-ffi.sh` in rust-engineer installs gcc, g++, pkg-config, libclang and zlib's headers");
        var abi = new StringBuilder("# The ABI contract of " + p.name() + "\n\nRead from the project's source by `rust-engineer handoff "
                + p.name() + " --to cpp-pro`: the header, the exported functions and the build scripts, not written by hand.\n\n");
        String manifest = "--manifest-path '" + p.root().resolve("Cargo.toml") + "' --target-dir '" + target + "'";
        if (!s.exports().isEmpty()) {
            exportPackage(p, s, target, manifest, files, checks, doc, abi);
        }
        for (String buildRs : s.bindgenBuildScripts()) {
            bindgenPackage(p, buildRs, target, manifest, files, checks, doc, abi);
        }
        for (String bridge : s.cxxBridges()) {
            cxxPackage(p, bridge, target, manifest, files, checks, doc, abi);
        }
        files.put("ABI.md", abi.toString());
        doc.built("`ABI.md`: the ABI contract (ownership, threading, errors, panics, strings), derived from the source.");
        doc.contract("`ABI.md` is the contract, summarised here:\n\n" + abi.substring(abi.indexOf("\n## ") + 1).replace("\n## ", "\n### ")
                .replaceFirst("^## ", "### "));
        files.put("HANDOFF.md", doc.render(checks));
        return new HandoffPackage(id(), files, checks);
    }

    /** A C prototype of the header, with the comment above it. */
    record Prototype(String returns, String name, String params, String comment) {
        List<String> paramList() {
            if (params.isBlank() || params.strip().equals("void")) {
                return List.of();
            }
            return List.of(params.split(",\\s*"));
        }
    }

    private static final Pattern PROTO = Pattern.compile("^([A-Za-z_][\\w\\s\\*]*?)\\s*\\b(\\w+)\\(([^()]*)\\);$");

    static List<Prototype> prototypes(String header) {
        List<Prototype> out = new ArrayList<>();
        StringBuilder comment = new StringBuilder();
        StringBuilder pending = null;
        boolean block = false;
        for (String raw : header.lines().toList()) {
            String line = raw.strip();
            if (block) {
                comment.append(line.replaceAll("\\*/$", "").replaceAll("^\\*\\s?", "")).append(' ');
                block = !line.contains("*/");
                continue;
            }
            if (pending == null && line.startsWith("/*")) {
                comment.append(line.replaceAll("^/\\*+\\s?", "").replaceAll("\\*/$", "")).append(' ');
                block = !line.contains("*/");
                continue;
            }
            if (pending == null && line.startsWith("//")) {
                comment.append(line.replaceAll("^//+\\s?", "")).append('\n');
                continue;
            }
            if (pending == null && (line.isEmpty() || line.startsWith("#") || line.startsWith("typedef") || line.startsWith("}")
                    || line.startsWith("extern \"C\"") || !line.contains("("))) {
                if (!line.isEmpty()) {
                    comment.setLength(0);
                }
                continue;
            }
            pending = pending == null ? new StringBuilder(line) : pending.append(' ').append(line);
            if (line.endsWith(";")) {
                Matcher m = PROTO.matcher(pending.toString().replaceAll("\\s+", " "));
                if (m.matches()) {
                    out.add(new Prototype(m.group(1).strip(), m.group(2), m.group(3).strip(), comment.toString().strip()));
                }
                pending = null;
                comment.setLength(0);
            }
        }
        return out;
    }

    record Status(String name, String value, String comment) {}

    private static final Pattern ENUM = Pattern.compile("typedef enum (\\w+) \\{(.*?)\\} (\\w+);", Pattern.DOTALL);

    /** The first status enum of the header: its name and members with their comments. */
    static Optional<Map.Entry<String, List<Status>>> statusEnum(String header) {
        Matcher m = ENUM.matcher(header);
        while (m.find()) {
            List<Status> members = new ArrayList<>();
            String comment = "";
            for (String line : m.group(2).lines().map(String::strip).toList()) {
                if (line.startsWith("//")) {
                    comment = (comment.isEmpty() ? "" : comment + " ") + line.replaceAll("^//+\\s?", "");
                } else if (line.matches("\\w+\\s*=\\s*-?\\w+,?")) {
                    String[] kv = line.replace(",", "").split("\\s*=\\s*");
                    members.add(new Status(kv[0], kv[1], comment));
                    comment = "";
                }
            }
            if (!members.isEmpty()) {
                return Optional.of(Map.entry(m.group(3), members));
            }
        }
        return Optional.empty();
    }

    private static String pointee(String type) {
        return type.replace("const ", "").replace("struct ", "").replace("*", "").strip();
    }

    /** What each function does with memory: from its signature, with the releasing function named. */
    static String ownership(Prototype f, List<Prototype> all) {
        List<String> notes = new ArrayList<>();
        String ret = f.returns();
        if (ret.endsWith("*") && !pointee(ret).equals("char") && !pointee(ret).equals("void")) {
            String handle = pointee(ret);
            String release = all.stream().filter(g -> g.name().matches(".*_(free|destroy|release|delete)$"))
                    .filter(g -> g.paramList().size() == 1 && pointee(g.paramList().get(0).replaceAll("\\w+$", "")).equals(handle))
                    .map(Prototype::name).findFirst().orElse(null);
            notes.add("allocates a `" + handle + "`, owned by the caller" + (release != null ? "; release it with `" + release + "`" : ""));
        } else if (ret.endsWith("*") && pointee(ret).equals("char")) {
            notes.add("returns a string the library owns" + (f.comment().contains("never to be freed") ? " (static, never freed)" : "; do not free it"));
        }
        if (f.name().matches(".*_(free|destroy|release|delete)$")) {
            notes.add("takes the handle back: it is invalid afterwards (NULL is " + (f.comment().contains("NULL is accepted") ? "accepted)" : "not documented as accepted)"));
        }
        List<String> ps = f.paramList();
        for (int i = 0; i < ps.size(); i++) {
            String param = ps.get(i);
            String type = param.replaceAll("\\w+$", "").strip();
            String name = param.replaceAll("^.*?(\\w+)$", "$1");
            boolean lenNext = i + 1 < ps.size() && ps.get(i + 1).startsWith("size_t");
            if (type.equals("const char *") && lenNext) {
                notes.add("`" + name + "`: input text as (pointer, length), not NUL-terminated, borrowed for the call");
            } else if (type.equals("char *") && lenNext) {
                notes.add("`" + name + "`: a caller-allocated buffer of `" + ps.get(i + 1).replaceAll("^.*?(\\w+)$", "$1") + "` bytes, written NUL-terminated");
            } else if (type.equals("size_t *")) {
                notes.add("`" + name + "`: out-parameter (may be NULL where the comment says so)");
            } else if (type.startsWith("const ") && type.endsWith("*") && lenNext) {
                notes.add("`" + name + "`: an array borrowed for the call");
            } else if (type.startsWith("const ") && type.endsWith("*") && !f.name().matches(".*_(free|destroy|release|delete)$")) {
                notes.add("`" + name + "`: borrowed, read only");
            } else if (type.endsWith("*") && i > 0 && !type.contains("char")) {
                notes.add("`" + name + "`: written by the call (caller's memory)");
            } else if (type.endsWith("*") && i == 0 && ps.size() > 0 && !f.name().matches(".*_(free|destroy|release|delete)$")) {
                notes.add("`" + name + "`: borrowed mutably for the call");
            }
        }
        return notes.isEmpty() ? "no pointers" : String.join("; ", notes);
    }

    private void exportPackage(RustProject p, Surface s, Path target, String manifest, Map<String, String> files, List<Check> checks,
            HandoffDoc doc, StringBuilder abi) {
        String crate = p.name().replace('-', '_');
        List<Prototype> fns = new ArrayList<>();
        Optional<Map.Entry<String, List<Status>>> status = Optional.empty();
        String mainHeader = s.headers().get(0);
        for (String h : s.headers()) {
            String text = p.file(h).orElse("");
            files.put(h, text);
            fns.addAll(prototypes(text));
            if (status.isEmpty()) {
                status = statusEnum(text);
            }
        }
        for (String h : s.headers()) {
            if (h.endsWith("/" + p.name() + ".h") || h.endsWith("/" + crate + ".h")) {
                mainHeader = h;
            }
        }
        String headerName = Path.of(mainHeader).getFileName().toString();
        files.put("abi-check/main.c", cProgram(headerName, fns));
        doc.built("`" + String.join("`, `", s.headers()) + "`: the C header" + (p.dependsOn("cbindgen") ? " cbindgen generates from the source" : "")
                + ", as the project keeps it.");
        doc.built("`abi-check/main.c`: a C11 program that takes the address of every function of the header (the link fails if the library lacks one)"
                + " and calls the version and the create/free pair; the check builds it against the release cdylib and runs it.");
        String cdylibDir = target.resolve("release").toString();
        checks.add(new Check("the release cdylib builds", "cargo", "cargo build --release --lib " + manifest));
        checks.add(new Check("a C11 program includes the header, links every function from the cdylib and runs (gcc -Wall -Werror)", "gcc",
                "gcc -Wall -Werror -std=c11 -I " + Path.of(mainHeader).getParent() + " abi-check/main.c -o abi-check/main -L '" + cdylibDir + "' -l"
                        + crate + " -Wl,-rpath,'" + cdylibDir + "' && ./abi-check/main"));
        checks.add(new Check("the header compiles as C++17", "g++", "g++ -std=c++17 -Wall -Werror -fsyntax-only -x c++ " + mainHeader));

        abi.append("## Functions\n\n").append(fns.size()).append(" functions in `").append(String.join("`, `", s.headers())).append("`, ")
                .append(s.exports().size()).append(" `#[unsafe(no_mangle)] extern \"C\"` functions in the source");
        var inSource = new LinkedHashMap<String, Export>();
        s.exports().forEach(e -> inSource.put(e.name(), e));
        List<String> notInHeader = inSource.keySet().stream().filter(n -> fns.stream().noneMatch(f -> f.name().equals(n))).toList();
        List<String> notInSource = fns.stream().map(Prototype::name).filter(n -> !inSource.containsKey(n)).toList();
        abi.append(notInHeader.isEmpty() && notInSource.isEmpty() ? ": the same set.\n\n"
                : ". Exported but not declared: " + (notInHeader.isEmpty() ? "none" : String.join(", ", notInHeader)) + "; declared but not exported: "
                        + (notInSource.isEmpty() ? "none" : String.join(", ", notInSource)) + ".\n\n");
        abi.append("| function | source | memory |\n|---|---|---|\n");
        for (Prototype f : fns) {
            Export e = inSource.get(f.name());
            abi.append("| `").append(f.returns()).append(' ').append(f.name()).append('(').append(f.params()).append(")` | ")
                    .append(e == null ? "(not found)" : "`" + e.file() + ":" + e.line() + "`" + (e.unsafeFn() ? " unsafe" : "")).append(" | ")
                    .append(ownership(f, fns).replace("|", "\\|")).append(" |\n");
        }
        abi.append("\n## Ownership\n\n");
        List<String> handles = fns.stream().filter(f -> f.returns().endsWith("*") && !pointee(f.returns()).equals("char"))
                .map(f -> "`" + pointee(f.returns()) + "` from `" + f.name() + "`").distinct().toList();
        abi.append(handles.isEmpty() ? "No function returns a handle: the caller owns all memory it passes.\n"
                : "The library allocates " + String.join(", ", handles) + "; the caller owns each until it passes it to the releasing function above, "
                        + "exactly once. Every buffer and array is the caller's: the library reads or writes it during the call only, never keeps a pointer.\n");
        String ffiSources = String.join("\n", s.exports().stream().map(Export::file).distinct().map(f -> p.sources().get(f)).toList());
        abi.append("\n## Threading\n\n");
        String headerText = p.file(mainHeader).orElse("");
        Matcher threadSentence = Pattern.compile("[^.\\n]*thread[^.]*\\.").matcher(headerText.lines().limit(5).reduce("", (a, b) -> a + " " + b.replaceAll("^/?\\*+/?\\s*|\\*/$", "")));
        if (threadSentence.find()) {
            abi.append("The header: \"").append(threadSentence.group().replaceAll("\\s+\\*\\s+", " ").replaceAll("\\s+", " ").strip()).append("\"\n");
        }
        if (ffiSources.contains("thread_local!")) {
            abi.append("The last error is per thread (`thread_local!` in the source): read it on the thread that made the failing call.\n");
        }
        Matcher impls = Pattern.compile("unsafe impl (Send|Sync) for (\\w+)").matcher(ffiSources);
        while (impls.find()) {
            abi.append("`").append(impls.group(2)).append("` is `").append(impls.group(1)).append("` (an `unsafe impl` in the source).\n");
        }
        abi.append("\n## Errors\n\n");
        if (status.isPresent()) {
            abi.append("Every fallible function returns `").append(status.get().getKey()).append("`; results come through out-parameters.\n\n| code | value | meaning |\n|---|---|---|\n");
            status.get().getValue().forEach(st -> abi.append("| `").append(st.name()).append("` | ").append(st.value()).append(" | ")
                    .append(st.comment().replace("|", "\\|")).append(" |\n"));
        } else {
            abi.append("The header declares no status enum.\n");
        }
        fns.stream().filter(f -> f.name().contains("last_error")).findFirst().ifPresent(f -> abi.append("\nThe message of the last failure: `")
                .append(f.name()).append('(').append(f.params()).append(")`. ").append(f.comment().lines().findFirst().orElse("")).append('\n'));
        abi.append("\n## Panics\n\n");
        int guards = count(ffiSources, "catch_unwind");
        String cargo = p.file("Cargo.toml").orElse("");
        int release = cargo.indexOf("[profile.release]");
        String releaseProfile = release < 0 ? "" : cargo.substring(release + 1).split("(?m)^\\[", 2)[0];
        Matcher panicSetting = Pattern.compile("(?m)^panic\\s*=\\s*\"(\\w+)\"").matcher(releaseProfile);
        String setting = panicSetting.find() ? panicSetting.group(1) : "unwind (the default)";
        abi.append(guards > 0 ? "`catch_unwind` appears " + guards + " times in the boundary's source: a panic is caught before it reaches C"
                + (status.isPresent() && status.get().getValue().stream().anyMatch(x -> x.name().endsWith("PANIC")) ? " and returned as the PANIC status" : "") + ". "
                : "No `catch_unwind` in the boundary's source: a panic crossing into C is undefined behaviour (Rust aborts the process). ");
        abi.append("Cargo.toml's `panic` setting: ").append(setting).append(setting.equals("abort") && guards > 0 ? " (then catch_unwind catches nothing: the process aborts)" : "").append(".\n");
        abi.append("\n## Strings\n\n");
        List<String> strings = new ArrayList<>();
        for (Prototype f : fns) {
            for (String note : ownership(f, fns).split("; ")) {
                if (note.contains("text") || note.contains("NUL-terminated") || note.contains("string")) {
                    strings.add("`" + f.name() + "`: " + note);
                }
            }
        }
        if (ffiSources.contains("CStr::from_ptr")) {
            strings.add("the source reads NUL-terminated input with `CStr::from_ptr` somewhere");
        }
        abi.append(strings.isEmpty() ? "No string crosses the boundary.\n" : String.join("\n", strings.stream().map(x -> "- " + x).toList()) + "\n");
        abi.append('\n');
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static String cProgram(String header, List<Prototype> fns) {
        var c = new StringBuilder("/* Made by rust-engineer handoff --to cpp-pro: links every function of " + header
                + " and calls the ones that need no input. */\n#include <stdio.h>\n\n#include \"" + header + "\"\n\nint main(void) {\n");
        c.append("  /* The address of every declared function: the link fails if the library does not export one. */\n");
        c.append("  void (*const functions[])(void) = {\n");
        for (Prototype f : fns) {
            c.append("      (void (*)(void))").append(f.name()).append(",\n");
        }
        c.append("  };\n  size_t linked = 0;\n  for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++) {\n    linked += functions[i] != NULL;\n  }\n");
        c.append("  printf(\"%zu functions linked\\n\", linked);\n");
        for (Prototype f : fns) {
            if (f.name().endsWith("_version") && f.returns().equals("const char *") && f.paramList().isEmpty()) {
                c.append("  printf(\"").append(f.name()).append(": %s\\n\", ").append(f.name()).append("());\n");
            }
        }
        for (Prototype f : fns) {
            if (f.returns().endsWith("*") && !f.returns().contains("char") && f.paramList().isEmpty()) {
                String handle = f.returns();
                String h = pointee(handle);
                var release = fns.stream().filter(g -> g.name().matches(".*_(free|destroy|release|delete)$") && g.paramList().size() == 1
                        && pointee(g.paramList().get(0).replaceAll("\\w+$", "")).equals(h)).findFirst();
                if (release.isPresent()) {
                    c.append("  ").append(handle).append(" handle = ").append(f.name()).append("();\n  if (handle == NULL) {\n    fputs(\"")
                            .append(f.name()).append(" returned NULL\\n\", stderr);\n    return 1;\n  }\n  ").append(release.get().name())
                            .append("(handle);\n  puts(\"").append(f.name()).append(" / ").append(release.get().name()).append(": ok\");\n");
                    break;
                }
            }
        }
        c.append("  return linked == sizeof functions / sizeof functions[0] ? 0 : 1;\n}\n");
        return c.toString();
    }

    private static String dirOf(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    private static String packageName(RustProject p, String dir) {
        String toml = p.file(dir.isEmpty() ? "Cargo.toml" : dir + "/Cargo.toml").orElse("");
        Matcher m = Pattern.compile("(?m)^name\\s*=\\s*\"([^\"]+)\"").matcher(toml);
        return m.find() ? m.group(1) : p.name();
    }

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private void bindgenPackage(RustProject p, String buildRs, Path target, String manifest, Map<String, String> files, List<Check> checks,
            HandoffDoc doc, StringBuilder abi) {
        String dir = dirOf(buildRs);
        String prefix = dir.isEmpty() ? "" : dir + "/";
        String sys = packageName(p, dir);
        String src = p.sources().get(buildRs);
        files.put("bindgen/build.rs", src);
        p.file(prefix + "Cargo.toml").ifPresent(t -> files.put("bindgen/Cargo.toml", t));
        Matcher header = Pattern.compile("\\.header\\(\\s*\"([^\"]+)\"").matcher(src);
        List<String> headers = new ArrayList<>();
        while (header.find()) {
            headers.add(header.group(1));
            p.file(prefix + header.group(1)).ifPresent(t -> files.put("bindgen/" + header.group(1), t));
        }
        Map<String, List<String>> allow = new LinkedHashMap<>();
        Matcher direct = Pattern.compile("allowlist_(function|var|type|item)\\(\\s*\"([^\"]+)\"").matcher(src);
        while (direct.find()) {
            allow.computeIfAbsent(direct.group(1), k -> new ArrayList<>()).add(direct.group(2));
        }
        Matcher arrays = Pattern.compile("const (\\w+): &\\[&str\\] = &\\[(.*?)\\];", Pattern.DOTALL).matcher(src);
        while (arrays.find()) {
            if (src.contains("allowlist_function(" + arrays.group(1).toLowerCase(Locale.ROOT).replaceAll("s$", ""))
                    || src.contains("in " + arrays.group(1))) {
                Matcher str = STRING.matcher(arrays.group(2));
                while (str.find()) {
                    allow.computeIfAbsent("function", k -> new ArrayList<>()).add(str.group(1));
                }
            }
        }
        Matcher probe = Pattern.compile("\\.probe\\(\\s*\"([^\"]+)\"").matcher(src);
        String library = probe.find() ? probe.group(1) : null;
        Matcher atLeast = Pattern.compile("atleast_version\\(\\s*\"([^\"]+)\"").matcher(src);
        String minVersion = atLeast.find() ? atLeast.group(1) : null;
        if (library != null) {
            checks.add(new Check("pkg-config finds " + library + (minVersion != null ? " >= " + minVersion : ""), "pkg-config",
                    "pkg-config --print-errors " + (minVersion != null ? "--atleast-version=" + minVersion + " " : "") + library
                            + " && echo \"" + library + " $(pkg-config --modversion " + library + "): $(pkg-config --cflags --libs " + library + ")\""));
        }
        checks.add(new Check("the -sys crate builds (bindgen generates the bindings) and its function list", "cargo",
                "cargo build -p " + sys + " " + manifest + " && f=$(ls -t '" + target + "'/debug/build/" + sys
                        + "-*/out/bindings.rs | head -1) && cp \"$f\" bindgen/bindings.rs && grep -oE 'pub fn [A-Za-z0-9_]+' bindgen/bindings.rs"
                        + " | sed 's/^pub fn //' | sort | tee bindgen/functions.txt"));
        doc.built("`bindgen/`: the -sys crate `" + sys + "`'s `build.rs`, `Cargo.toml` and " + (headers.isEmpty() ? "(no header named in build.rs)"
                : "`" + String.join("`, `", headers) + "`") + "; the check builds it and keeps the generated `bindings.rs` with `functions.txt`.");
        abi.append("## bindgen: `").append(sys).append("` (").append(buildRs).append(")\n\n");
        abi.append("- reads: ").append(headers.isEmpty() ? "(no .header in build.rs)" : String.join(", ", headers.stream().map(h -> "`" + h + "`").toList()));
        p.file(prefix + (headers.isEmpty() ? "" : headers.get(0))).ifPresent(t -> t.lines().filter(l -> l.startsWith("#define") || l.startsWith("#include"))
                .forEach(l -> abi.append(", `").append(l.strip()).append('`')));
        abi.append("\n- links: ").append(library != null ? "`" + library + "` found by pkg-config" + (minVersion != null ? " (at least " + minVersion + ")" : "")
                + ", which also emits the link flags" : "(no pkg-config probe: see build.rs)").append('\n');
        allow.forEach((kind, items) -> abi.append("- allowlist ").append(kind).append(": ").append(String.join(", ", items.stream().map(i -> "`" + i + "`").toList())).append('\n'));
        if (allow.isEmpty()) {
            abi.append("- no allowlist: every declaration of the headers is bound\n");
        }
        if (src.contains(".no_copy(")) {
            Matcher nc = Pattern.compile("\\.no_copy\\(\\s*\"([^\"]+)\"").matcher(src);
            while (nc.find()) {
                abi.append("- `").append(nc.group(1)).append("` is not Copy in Rust (it must not move once the C library holds a pointer to it)\n");
            }
        }
        String safe = p.sources().entrySet().stream().filter(e -> !e.getKey().startsWith(prefix) || prefix.isEmpty())
                .map(Map.Entry::getValue).reduce("", String::concat);
        abi.append("\nOwnership, threading and errors live in the safe crate over it:");
        if (safe.contains("impl Drop for")) {
            abi.append(" C resources are released in `Drop` impls;");
        }
        Matcher sendSync = Pattern.compile("unsafe impl (Send|Sync) for ([\\w:]+)").matcher(safe);
        List<String> ss = new ArrayList<>();
        while (sendSync.find()) {
            ss.add("`" + sendSync.group(2) + "` is " + sendSync.group(1));
        }
        abi.append(ss.isEmpty() ? " no `unsafe impl Send/Sync` (the raw pointers keep the wrappers !Send and !Sync unless stated)" : " " + String.join(", ", ss)).append(';');
        abi.append(" `unsafe` blocks: ").append(count(safe, "unsafe {")).append(", with `// SAFETY:` comments: ").append(count(safe, "SAFETY:")).append(".\n\n");
    }

    private void cxxPackage(RustProject p, String bridge, Path target, String manifest, Map<String, String> files, List<Check> checks,
            HandoffDoc doc, StringBuilder abi) {
        String dir = bridge.contains("/src/") ? bridge.substring(0, bridge.indexOf("/src/")) : bridge.startsWith("src/") ? "" : dirOf(bridge);
        String prefix = dir.isEmpty() ? "" : dir + "/";
        String pkg = packageName(p, dir);
        String rel = bridge.substring(prefix.length());
        files.put("cxx/" + rel, p.sources().get(bridge));
        p.file(prefix + "build.rs").ifPresent(t -> files.put("cxx/build.rs", t));
        List<String> cpp = new ArrayList<>();
        for (String ext : List.of(".h", ".hpp", ".cc", ".cpp")) {
            for (String f : p.filesUnder(prefix + "cpp", ext)) {
                cpp.add(f.substring(prefix.length()));
                p.file(f).ifPresent(t -> files.put("cxx/" + f.substring(prefix.length()), t));
            }
        }
        List<String> sources = cpp.stream().filter(f -> f.endsWith(".cc") || f.endsWith(".cpp")).map(f -> "cxx/" + f).toList();
        checks.add(new Check("the cxx crate builds (cxx-build compiles its C++) and g++ compiles the C++ sources against the generated bridge header",
                "g++", "cargo build -p " + pkg + " " + manifest + " && out=$(ls -td '" + target + "'/debug/build/" + pkg + "-*/out | head -1) && "
                        + (sources.isEmpty() ? "echo 'no C++ sources'" : "g++ -std=c++17 -Wall -Werror -fsyntax-only -I \"$out/cxxbridge/include\" -I \"$out/cxxbridge/crate\" "
                        + String.join(" ", sources) + " && echo 'C++ compiles: " + String.join(" ", sources) + "'")));
        doc.built("`cxx/`: the `#[cxx::bridge]` of `" + pkg + "` (`" + rel + "`), its build.rs and C++ sources (" + String.join(", ", cpp) + ").");
        String whole = p.sources().get(bridge);
        int at = whole.indexOf("#[cxx::bridge");
        String src = whole.substring(at).split("(?m)^\\}", 2)[0];
        abi.append("## cxx bridge: `").append(pkg).append("` (").append(bridge).append(")\n\n");
        Matcher ns = Pattern.compile("#\\[cxx::bridge\\(namespace = \"([^\"]+)\"\\)\\]").matcher(src);
        if (ns.find()) {
            abi.append("- C++ namespace `").append(ns.group(1)).append("`\n");
        }
        Matcher inc = Pattern.compile("include!\\(\"([^\"]+)\"\\)").matcher(src);
        while (inc.find()) {
            abi.append("- includes `").append(inc.group(1)).append("`\n");
        }
        Matcher fn = Pattern.compile("(?m)^\\s*fn (\\w+)\\(([^)]*)\\)(?:\\s*->\\s*([^;]+))?;").matcher(src);
        while (fn.find()) {
            String ret = fn.group(3) == null ? "()" : fn.group(3).strip();
            abi.append("- `fn ").append(fn.group(1)).append('(').append(fn.group(2)).append(") -> ").append(ret).append('`');
            if (ret.startsWith("Result<")) {
                abi.append(": a C++ exception becomes `Err(cxx::Exception)` (its `what()`)");
            }
            if (ret.contains("UniquePtr")) {
                abi.append(": the object is owned by the Rust `UniquePtr` and deleted when it drops");
            }
            abi.append('\n');
        }
        Matcher send = Pattern.compile("unsafe impl (Send|Sync) for ([\\w:]+)").matcher(whole);
        while (send.find()) {
            abi.append("- `").append(send.group(2)).append("` is ").append(send.group(1)).append(" (an `unsafe impl` with its SAFETY comment in the source)\n");
        }
        abi.append('\n');
    }
}
