package dev.rustengineer.blueprint;

import java.util.List;

/**
 * What the user asked of `new` beyond the brief; null means "as the advice says".
 *
 * @param with features asked for (rest, database, metrics, openapi, websocket, grpc)
 * @param forceRust generate even when the advice routes the task away from Rust
 */
public record NewOptions(String name, String web, String db, String dbLayer, List<String> with, String resource,
        boolean forceRust) {
    public NewOptions {
        with = with == null ? List.of() : List.copyOf(with);
    }
}
