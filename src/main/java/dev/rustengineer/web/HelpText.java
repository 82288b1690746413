package dev.rustengineer.web;

/** What `curl localhost:8080/` prints, as start.spring.io does for command-line clients. */
final class HelpText {
    private HelpText() {}

    static String render(String base) {
        return """
                rust-engineer -- the Rust Engineer of the spec, over HTTP

                  Advise on a brief (free text, structured fields, or both):
                    curl %1$s/api/advise -d text='A REST API for payments; p99 under 5 ms; data in PostgreSQL'
                    curl %1$s/api/advise -H 'Content-Type: application/json' -d '{"kind":"backend","latency_ms":40,"go_or_node_ok":true}'

                  Generate a project (a zip, entries under NAME/), or preview its files as JSON:
                    curl %1$s/api/projects -d name=orders -d text='REST API for orders, p99 under 5 ms' -d db=sqlite -o orders.zip
                    curl %1$s/api/projects/preview -H 'Content-Type: application/json' -d '{"name":"orders","db":"postgres"}'

                  A handoff package for the project a request would generate (a zip; check=true runs the
                  specialist's own tools on it first):
                    curl '%1$s/api/handoffs?to=devops-engineer' -d name=orders -d text='REST API for orders' -o handoff.zip

                  Audit Rust sources (a zip or .tar.gz as the body); JSON findings, or SARIF 2.1.0:
                    tar czf - src | curl %1$s/api/audit --data-binary @- -H 'Content-Type: application/gzip'
                    curl '%1$s/api/audit?format=sarif' --data-binary @src.zip -H 'Content-Type: application/zip'

                  Upgrade a project /api/projects gave (with your edits in it) to this rust-engineer: the upgraded zip
                  (base64 in `archive`) and the files that need you (`conflicts`); dry_run=true gives the plan and its diff:
                    curl %1$s/api/upgrades --data-binary @orders.zip -H 'Content-Type: application/zip' | jq -r .archive | base64 -d > upgraded.zip

                  What it knows and what it accepts:
                    curl %1$s/api/knowledge          the trees, tables, triggers and patterns (JSON)
                    curl %1$s/api/metadata           every field a request may carry, with its values
                    curl %1$s/openapi.json           this API as an OpenAPI 3 document

                  For a deployment (docs/serve.md):
                    curl %1$s/health/live            200 while the process answers
                    curl %1$s/health/ready           200 when it should get traffic, else 503 saying why
                    curl %1$s/metrics                Prometheus text: requests, latency, the pools, the JVM

                  Every error is an RFC 9457 problem (application/problem+json):
                    {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "...", "instance": "/api/advise",
                     "errors": [{"field": "latency_ms", "message": "..."}], "id": "..."}
                  "id" is the request's X-Request-Id (yours when you send a safe one), also in the response header.
                  A browser gets the web page at %1$s/
                """.formatted(base);
    }
}
