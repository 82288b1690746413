package dev.rustengineer.handoff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * backend-developer: the shared contracts a Node.js microservice is built against: the OpenAPI document (read
 * from the running service, or a file the project keeps) with a typed TypeScript fetch client that compiles
 * with tsc, and the .proto contracts when the project has them.
 */
public record BackendDeveloper() implements Specialist {
    static final String TYPESCRIPT = "5.9.3";

    @Override
    public String id() {
        return "backend-developer";
    }

    @Override
    public List<String> lacking(HandoffContext c) {
        if (!OpenApiSource.available(c.project()) && ProtoContracts.of(c.project()).isEmpty()) {
            return List.of("no OpenAPI document and no .proto contract; add " + c.knowledge().howToAdd("openapi") + "; or "
                    + c.knowledge().howToAdd("proto"));
        }
        return List.of();
    }

    @Override
    public HandoffPackage build(HandoffContext c) {
        String name = c.project().name();
        var files = new TreeMap<String, String>();
        List<Check> checks = new ArrayList<>();
        var doc = new HandoffDoc(c);
        var contract = new StringBuilder();
        if (OpenApiSource.available(c.project())) {
            var api = OpenApiSource.get(c.project(), c.cargoTargetDir());
            String pretty;
            try {
                pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(api.json()) + "\n";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new HandoffException("cannot write the OpenAPI document: " + e.getMessage());
            }
            files.put("openapi.json", pretty);
            files.put("client/src/client.ts", TypeScriptClient.generate(name, api.json()));
            files.put("client/tsconfig.json", """
                    {
                      "compilerOptions": {
                        "target": "ES2022",
                        "lib": ["ES2022", "DOM"],
                        "module": "ES2022",
                        "moduleResolution": "bundler",
                        "strict": true,
                        "declaration": true,
                        "outDir": "dist",
                        "rootDir": "src"
                      },
                      "include": ["src"]
                    }
                    """);
            files.put("client/package.json", """
                    {
                      "name": "%s-client",
                      "version": "%s",
                      "description": "TypeScript client of the %s API, generated from its OpenAPI document",
                      "type": "module",
                      "main": "dist/client.js",
                      "types": "dist/client.d.ts",
                      "scripts": { "build": "tsc -p ." },
                      "devDependencies": { "typescript": "%s" }
                    }
                    """.formatted(name, api.json().path("info").path("version").asText("0.1.0"), name, TYPESCRIPT));
            checks.add(new Check("the TypeScript client compiles (strict)", "tsc", "tsc -p client"));
            doc.built("`openapi.json`: the OpenAPI " + api.json().path("openapi").asText() + " document, read from " + api.from() + ".");
            doc.built("`client/`: a TypeScript fetch client generated from it (`createClient({ baseUrl })`, one typed function per "
                    + "operation, `ApiError` with the problem+json body), no runtime dependency; `npm install && npm run build`.");
            contract.append("The OpenAPI document is the HTTP contract:\n\n| method and path | operation | summary |\n|---|---|---|\n");
            for (var path : api.json().path("paths").properties()) {
                for (var op : path.getValue().properties()) {
                    if (op.getValue().has("responses")) {
                        contract.append("| `").append(op.getKey().toUpperCase(Locale.ROOT)).append(' ').append(path.getKey()).append("` | `")
                                .append(TypeScriptClient.camel(op.getValue().path("operationId").asText("-"))).append("` | ")
                                .append(op.getValue().path("summary").asText("").replace("|", "\\|")).append(" |\n");
                    }
                }
            }
            contract.append("\nErrors are `application/problem+json` where the document says so; the client throws them as `ApiError`.\n\n");
        }
        var protos = ProtoContracts.of(c.project());
        if (!protos.isEmpty()) {
            List<String> imports = new ArrayList<>();
            for (var f : protos.files()) {
                files.put("proto/" + f.importPath(), f.content());
                imports.add(f.importPath());
            }
            checks.add(new Check("the .proto contracts compile", "protoc",
                    "protoc -I proto --descriptor_set_out=/dev/null " + String.join(" ", imports)));
            doc.built("`proto/`: the gRPC contracts (" + String.join(", ", imports) + "), for @grpc/proto-loader or buf in Node.js.");
            contract.append("The .proto files are the gRPC contract; add fields with new numbers, never renumber.\n");
        }
        doc.contract(contract.toString());
        files.put("HANDOFF.md", doc.render(checks));
        return new HandoffPackage(id(), files, checks);
    }
}
