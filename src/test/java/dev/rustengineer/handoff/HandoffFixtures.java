package dev.rustengineer.handoff;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.blueprint.NewOptions;
import dev.rustengineer.generate.Destination;
import dev.rustengineer.generate.NewProjectOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Projects the handoff tests hand over: generated the way `new` generates them, and one written by hand. */
final class HandoffFixtures {
    private HandoffFixtures() {}

    static Path generated(Path parent, String name, String brief, String kind, String db) {
        return generated(parent, name, brief, kind, db, List.of());
    }

    static Path generated(Path parent, String name, String brief, String kind, String db, List<String> with) {
        RustEngineer re = RustEngineer.shared();
        var outcome = re.newProject(re.readText(brief), new NewOptions(name, kind, null, db, null, with, null, false),
                new Destination.Directory(parent, false));
        return ((NewProjectOutcome.Written) outcome).written().location();
    }

    /** A project rust-engineer did not write: the prometheus crate, std::env::var, a Dockerfile with EXPOSE. */
    static Path handWritten(Path dir) throws IOException {
        write(dir, Map.of(
                "Cargo.toml", """
                        [package]
                        name = "jobs-worker"
                        version = "0.3.0"
                        edition = "2021"

                        [dependencies]
                        prometheus = "0.14"
                        tokio = { version = "1", features = ["full"] }
                        """,
                "src/main.rs", """
                        use prometheus::{register_int_counter, register_histogram};

                        const QUEUE: &str = "jobs";

                        fn main() {
                            let port = std::env::var("PORT").unwrap_or_else(|_| "8080".to_owned());
                            let queue = std::env::var("QUEUE_NAME").unwrap_or(QUEUE.to_owned());
                            let done = register_int_counter!("jobs_processed_total", "Jobs done").unwrap();
                            let took = register_histogram!("job_duration_seconds", "Job time").unwrap();
                            serve("/metrics", &port, &queue, done, took);
                        }
                        """,
                "Dockerfile", """
                        FROM rust:1 AS build
                        COPY . .
                        RUN cargo build --release
                        FROM debian:bookworm-slim
                        COPY --from=build /target/release/jobs-worker /usr/local/bin/
                        ENV PORT=8080 \\
                            RUST_LOG=info
                        EXPOSE 8080
                        ENTRYPOINT ["jobs-worker"]
                        """));
        return dir;
    }

    /** A project rust-engineer did not write with SQLx: a runtime query in a loop (N+1) and a query! macro. */
    static Path withQueries(Path dir) throws IOException {
        write(dir, Map.of(
                "Cargo.toml", """
                        [package]
                        name = "billing"
                        version = "0.1.0"
                        edition = "2021"

                        [dependencies]
                        sqlx = { version = "0.9.0", default-features = false, features = ["runtime-tokio", "postgres", "migrate", "macros", "chrono"] }
                        """,
                "src/lib.rs", """
                        // SELECT in a comment is not a statement
                        pub async fn totals(pool: &sqlx::PgPool, ids: &[i64]) -> Vec<i64> {
                            let mut out = Vec::new();
                            for id in ids {
                                let n: i64 = sqlx::query_scalar("SELECT count(*) FROM lines WHERE invoice_id = $1")
                                    .bind(id)
                                    .fetch_one(pool)
                                    .await
                                    .unwrap();
                                out.push(n);
                            }
                            out
                        }

                        pub async fn one(pool: &sqlx::PgPool, id: i64) {
                            let _ = sqlx::query!(r#"SELECT id, "total" FROM invoices WHERE id = $1"#, id).fetch_one(pool).await;
                        }
                        """,
                "migrations/0001_init.sql", "CREATE TABLE invoices (id BIGINT PRIMARY KEY, total BIGINT NOT NULL);\n"
                        + "CREATE TABLE lines (id BIGINT PRIMARY KEY, invoice_id BIGINT NOT NULL REFERENCES invoices (id));\n"));
        return dir;
    }

    /** A wasm-bindgen crate rust-engineer did not write: one function, no class; {@code cdylib} only when asked. */
    static Path wasmHandWritten(Path dir, boolean cdylib) throws IOException {
        write(dir, Map.of(
                "Cargo.toml", """
                        [package]
                        name = "adder"
                        version = "0.2.0"
                        edition = "2021"

                        """ + (cdylib ? "[lib]\ncrate-type = [\"cdylib\"]\n\n" : "") + """
                        [dependencies]
                        wasm-bindgen = "=0.2.130"

                        [profile.release]
                        opt-level = "s"
                        """,
                "src/lib.rs", """
                        use wasm_bindgen::prelude::*;

                        /// Adds two numbers.
                        #[wasm_bindgen]
                        pub fn add(a: i32, b: i32) -> i32 {
                            a.wrapping_add(b)
                        }
                        """));
        return dir;
    }

    /** A C ABI written by hand: the old `#[no_mangle]`, a header of its own, no catch_unwind, panic = "abort". */
    static Path cAbiHandWritten(Path dir) throws IOException {
        write(dir, Map.of(
                "Cargo.toml", """
                        [package]
                        name = "counter"
                        version = "1.0.0"
                        edition = "2021"

                        [lib]
                        crate-type = ["cdylib"]

                        [profile.release]
                        panic = "abort"
                        """,
                "src/lib.rs", """
                        pub struct Counter(u64);

                        #[no_mangle]
                        pub extern "C" fn counter_new() -> *mut Counter {
                            Box::into_raw(Box::new(Counter(0)))
                        }

                        #[no_mangle]
                        pub unsafe extern "C" fn counter_free(c: *mut Counter) {
                            if !c.is_null() {
                                drop(Box::from_raw(c));
                            }
                        }

                        #[no_mangle]
                        pub unsafe extern "C" fn counter_add(c: *mut Counter, n: u64) -> u64 {
                            (*c).0 += n;
                            (*c).0
                        }
                        """,
                "include/counter.h", """
                        #include <stdint.h>
                        typedef struct Counter Counter;
                        /* A new counter at zero; free it with counter_free. */
                        struct Counter *counter_new(void);
                        void counter_free(struct Counter *c);
                        uint64_t counter_add(struct Counter *c, uint64_t n);
                        uint64_t counter_reset(struct Counter *c);
                        """));
        return dir;
    }

    /** An OpenAPI 3.0 document a project keeps: nullable, enums, arrays, path and required query parameters. */
    static final String OPENAPI = """
            {"openapi": "3.0.3", "info": {"title": "jobs", "version": "0.3.0"},
             "paths": {
               "/jobs": {"get": {"operationId": "list_jobs", "summary": "Jobs by state.",
                 "parameters": [{"name": "state", "in": "query", "required": true, "schema": {"$ref": "#/components/schemas/State"}},
                                {"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                 "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Job"}}}}}}}},
               "/jobs/{job_id}": {
                 "parameters": [{"name": "job_id", "in": "path", "required": true, "schema": {"type": "integer"}}],
                 "get": {"operationId": "get_job", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}}}},
                 "delete": {"operationId": "cancel_job", "responses": {"204": {"description": "gone"}}}}},
             "components": {"schemas": {
               "State": {"type": "string", "enum": ["queued", "done"]},
               "Job": {"type": "object", "required": ["id", "state"], "properties": {
                 "id": {"type": "integer"}, "labels": {"type": "array", "items": {"type": "string"}},
                 "state": {"$ref": "#/components/schemas/State"}, "note": {"type": "string", "nullable": true}}}}}}
            """;

    static void write(Path dir, Map<String, String> files) throws IOException {
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
    }
}
