package dev.rustengineer.advise;

import java.util.List;

/**
 * The chosen stack. A null component does not apply to the task and is left out of the JSON.
 *
 * @param runtime tokio, smol or async-std
 * @param web axum, hyper, actix-web or rocket
 * @param db sqlx or diesel
 * @param ffi ffi-wrapper, benchmark-first, rewrite, windows-rs or export-c-abi
 * @param target native or wasm
 * @param features rest, websocket, grpc, database, metrics, openapi (empty when none)
 */
public record Stack(String runtime, String web, String db, String ffi, String target, List<String> features) {
    public Stack {
        features = features == null ? List.of() : List.copyOf(features);
    }

    public static Stack empty() {
        return new Stack(null, null, null, null, null, List.of());
    }
}
