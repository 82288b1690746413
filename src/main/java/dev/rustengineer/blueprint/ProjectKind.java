package dev.rustengineer.blueprint;

import dev.rustengineer.brief.Field;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of project `new` generates, each from its own template sets (closed: a new kind is a new template).
 * Each kind says what it means in the brief's terms ({@link #briefFacts()}): `--kind` overlays those facts on a
 * brief that leaves them open, the advice is taken on them, and the knowledge's contradictions are checked
 * against them, so `--kind wasm --db postgres` is refused with the reason, not generated broken.
 */
public enum ProjectKind {
    /** An HTTP service: REST resource over a database, health, metrics, OpenAPI, delivery files. */
    SERVICE("service", "HTTP service", "tokio", true, Map.of(Field.KIND, "backend")),
    /** A gRPC service on Tonic with a .proto contract. */
    GRPC("grpc", "gRPC service", "tokio", true, Map.of(Field.KIND, "backend", Field.FEATURES, List.of("grpc"))),
    /** A command-line tool: one small, fast-starting binary. */
    CLI("cli", "command-line tool", null, false, Map.of(Field.KIND, "cli")),
    /** The FFI table's "Legacy C library -> FFI wrapper": a bindgen -sys crate and a safe wrapper crate. */
    FFI_WRAPPER("ffi-wrapper", "safe FFI wrapper around a C library", null, false,
            Map.of(Field.KIND, "library", Field.FFI, "legacy-c-library")),
    /** The FFI table's "Calling Rust from C/Python": a C ABI (cdylib + staticlib) with a cbindgen header. */
    FFI_EXPORT("ffi-export", "C-ABI library for other languages", null, false,
            Map.of(Field.KIND, "library", Field.FFI, "calling-rust-from-other-languages")),
    /** The FFI table's "Performance-critical C -> Benchmark first": C and a Rust port behind one interface. */
    FFI_BENCHMARK("ffi-benchmark", "C-versus-Rust benchmark harness", null, false,
            Map.of(Field.KIND, "systems", Field.FFI, "performance-critical-c")),
    /** The FFI table's "Simple C algorithm -> Rewrite in Rust": the port with the C behaviour as its tests. */
    FFI_REWRITE("ffi-rewrite", "Rust port of a C algorithm", null, false,
            Map.of(Field.KIND, "systems", Field.FFI, "simple-c-algorithm")),
    /** The FFI table's "OS-specific APIs -> FFI via windows-rs". */
    FFI_WINDOWS("ffi-windows", "Windows API crate (windows-rs)", null, false,
            Map.of(Field.KIND, "systems", Field.FFI, "os-specific-api")),
    /** WebAssembly for the browser and Node.js: a wasm-bindgen library with TypeScript declarations. */
    WASM("wasm", "WebAssembly library", null, false, Map.of(Field.KIND, "web", Field.WEB_TARGET, "browser"));

    private final String id;
    private final String label;
    private final String runtime;
    private final boolean hasResource;
    private final Map<Field, Object> briefFacts;

    ProjectKind(String id, String label, String runtime, boolean hasResource, Map<Field, Object> briefFacts) {
        this.id = id;
        this.label = label;
        this.runtime = runtime;
        this.hasResource = hasResource;
        this.briefFacts = briefFacts;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The async runtime the kind's projects run on; null for kinds without one (a C ABI, a browser module). */
    public String runtime() {
        return runtime;
    }

    /** Whether projects of this kind manage a named resource (`--resource`). */
    public boolean hasResource() {
        return hasResource;
    }

    /** What the kind means as brief answers (kind first, then the rest in a fixed order). */
    public Map<Field, Object> briefFacts() {
        Map<Field, Object> ordered = new LinkedHashMap<>();
        Arrays.stream(Field.values()).filter(briefFacts::containsKey).forEach(f -> ordered.put(f, briefFacts.get(f)));
        return ordered;
    }

    /** The kind a brief's answers ask for, when they pin one down (an FFI situation or a browser target). */
    public static Optional<ProjectKind> decidedBy(Field field, Object value) {
        return Arrays.stream(values()).filter(k -> field != Field.KIND && value != null && value.equals(k.briefFacts.get(field)))
                .findFirst();
    }

    public static Optional<ProjectKind> byId(String id) {
        String k = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(k)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(ProjectKind::id).collect(Collectors.joining(", "));
    }
}
