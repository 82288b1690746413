package dev.rustengineer.blueprint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of project `new` generates, each from its own template sets (closed: a new kind is a new template). */
public enum ProjectKind {
    /** An HTTP service: REST resource over a database, health, metrics, OpenAPI, delivery files. */
    SERVICE("service", "HTTP service"),
    /** A gRPC service on Tonic with a .proto contract. */
    GRPC("grpc", "gRPC service"),
    /** A command-line tool: one small, fast-starting binary. */
    CLI("cli", "command-line tool");

    private final String id;
    private final String label;

    ProjectKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<ProjectKind> byId(String id) {
        String k = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(k)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(ProjectKind::id).collect(Collectors.joining(", "));
    }
}
