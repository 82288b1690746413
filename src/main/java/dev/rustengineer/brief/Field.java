package dev.rustengineer.brief;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every question the spec's trees, tables and rules ask of a brief. The one schema for YAML/JSON briefs, CLI
 * flags, the knowledge files' conditions (validated against {@link #key()}) and the front doors' JSON schemas.
 */
public enum Field {
    KIND("kind", new FieldType.OneOf(List.of("backend", "systems", "cli", "web", "library")),
            "What kind of project is it: backend, systems, cli, web or library?"),
    PERFORMANCE_AND_SAFETY("performance_and_safety", new FieldType.Bool(),
            "Does it need high performance together with memory safety?"),
    LATENCY_MS("latency_ms", new FieldType.Int(0), "What is the latency budget (p99) in milliseconds?"),
    GO_OR_NODE_OK("go_or_node_ok", new FieldType.Bool(), "Would Go or Node.js be acceptable to the team?"),
    WEB_TARGET("web_target", new FieldType.OneOf(List.of("browser", "server")),
            "Does the high-performance web code run in the browser or on the server?"),
    PERFORMANCE_CRITICAL("performance_critical", new FieldType.Bool(),
            "Is the HTTP service a microservice or performance-critical?"),
    HTTP("http", new FieldType.Bool(),
            "Does the service answer HTTP (REST or WebSocket), or only a queue, raw TCP or gRPC?"),
    ADVANCED_ROUTING("advanced_routing", new FieldType.Bool(),
            "Does the HTTP API need advanced routing and middleware?"),
    RAPID_PROTOTYPING("rapid_prototyping", new FieldType.Bool(),
            "Is fast iteration with a batteries-included framework the priority?"),
    CROSS_PLATFORM("cross_platform", new FieldType.Bool(), "Must the CLI run on several platforms?"),
    SIMPLE_SCRIPT("simple_script", new FieldType.Bool(), "Is it a simple script?"),
    C_REPLACEMENT("c_replacement", new FieldType.Bool(), "Does it replace C or C++ code?"),
    FFI("ffi", new FieldType.OneOf(List.of(
                    "legacy-c-library", "performance-critical-c", "simple-c-algorithm", "os-specific-api",
                    "calling-rust-from-other-languages")),
            "Which FFI situation applies: legacy-c-library, performance-critical-c, simple-c-algorithm, os-specific-api or calling-rust-from-other-languages?"),
    CPP_LIBRARY("cpp_library", new FieldType.Bool(), "Is the foreign library C++ rather than C?"),
    FEATURES("features", new FieldType.SetOf(List.of("rest", "websocket", "grpc", "database", "metrics", "openapi")),
            "Which features does it need: rest, websocket, grpc, database, metrics, openapi?"),
    DATABASE("database", new FieldType.OneOf(List.of("postgres", "sqlite", "mysql")),
            "Which database engine: postgres, sqlite or mysql?"),
    DB_LAYER("db_layer", new FieldType.OneOf(List.of("sqlx", "diesel")), "Which database layer: sqlx or diesel?"),
    SERVICES("services", new FieldType.Int(1), "How many services make up the system?"),
    INTER_SERVICE("inter_service", new FieldType.Bool(),
            "Do the services talk to each other in complex ways (calls, events, sagas)?"),
    LANGUAGE("language", new FieldType.OneOf(List.of("rust", "go", "node", "python", "java", "bash", "c", "cpp")),
            "Has the language already been chosen?"),
    RUST_OK("rust_ok", new FieldType.Bool(), "Is Rust acceptable for this work, or is it ruled out?"),
    RUNTIME("runtime", new FieldType.OneOf(List.of("tokio", "smol", "async-std")), "Is an async runtime required?"),
    ASYNC("async", new FieldType.Bool(), "Is the program asynchronous or concurrent?"),
    EMBEDDED("embedded", new FieldType.Bool(), "Does it run on an embedded or very constrained device?"),
    QUICK_PROTOTYPE("quick_prototype", new FieldType.Bool(), "Is it a quick, throwaway prototype?"),
    JAVA_BACKEND("java_backend", new FieldType.Bool(), "Is it a Spring Boot or other Java backend?"),
    MOBILE("mobile", new FieldType.Bool(), "Is it a mobile app?"),
    RUST_VS_GO("rust_vs_go", new FieldType.Bool(), "Is the team still choosing between Rust and Go for a greenfield API?"),
    CUSTOM_EXECUTOR("custom_executor", new FieldType.Bool(), "Does it implement a custom async executor or runtime?"),
    COMPLEX_LIFETIMES("complex_lifetimes", new FieldType.Bool(),
            "Are there complex lifetime issues across trait bounds and generic types?"),
    UNSAFE_PERFORMANCE("unsafe_performance", new FieldType.Bool(),
            "Does it need unsafe code in performance-critical sections?"),
    LARGE_SCALE("large_scale", new FieldType.Bool(), "Is the WebAssembly module part of a large-scale JavaScript application?"),
    NODE_SERVICES("node_services", new FieldType.Bool(), "Will Node.js services sit beside it?"),
    GO_SERVICES("go_services", new FieldType.Bool(), "Will Go services orchestrate it?"),
    FRONTEND("frontend", new FieldType.OneOf(List.of("react", "vue", "svelte", "angular", "plain")),
            "Which front-end framework integrates the WebAssembly module?"),
    DEPLOY("deploy", new FieldType.SetOf(List.of("docker", "kubernetes", "helm")),
            "How is it deployed: docker, kubernetes, helm?");

    private static final Map<String, Field> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Field::key, Function.identity()));

    private final String key;
    private final FieldType type;
    private final String question;

    Field(String key, FieldType type, String question) {
        this.key = key;
        this.type = type;
        this.question = question;
    }

    /** The snake_case name used in brief files, JSON and knowledge conditions. */
    public String key() {
        return key;
    }

    /** The kebab-case CLI flag, e.g. {@code --latency-ms}. */
    public String flag() {
        return "--" + key.replace('_', '-');
    }

    public FieldType type() {
        return type;
    }

    /** The question put to the user when the brief leaves this field open. */
    public String question() {
        return question;
    }

    public static Optional<Field> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
