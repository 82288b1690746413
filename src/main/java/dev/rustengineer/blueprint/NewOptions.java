package dev.rustengineer.blueprint;

import java.util.List;

/**
 * What the user asked of `new` beyond the brief; null means "as the advice says".
 *
 * @param kind the project kind (service, grpc, cli)
 * @param with features asked for (the set's built-in ones, or its optional ones such as websocket)
 * @param forceRust generate even when the advice routes the task away from Rust
 */
public record NewOptions(String name, String kind, String web, String db, String dbLayer, List<String> with, String resource,
        boolean forceRust) {
    public NewOptions {
        with = with == null ? List.of() : List.copyOf(with);
    }

    /** Options that only name the project: everything else as the advice says. */
    public static NewOptions named(String name) {
        return new NewOptions(name, null, null, null, null, List.of(), null, false);
    }
}
