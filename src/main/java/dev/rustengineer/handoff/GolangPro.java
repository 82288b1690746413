package dev.rustengineer.handoff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * golang-pro: the .proto contracts with a Go module that generates their stubs (protoc with protoc-gen-go and
 * protoc-gen-go-grpc) and a small client that calls the service, compiled with go build.
 */
public record GolangPro() implements Specialist {

    /** The versions the Go module pins: the ones protoc-gen-go and protoc-gen-go-grpc are installed at. */
    static final String GRPC_GO = "v1.85.0";
    static final String PROTOBUF_GO = "v1.36.12";

    @Override
    public String id() {
        return "golang-pro";
    }

    @Override
    public List<String> lacking(HandoffContext c) {
        return ProtoContracts.of(c.project()).isEmpty()
                ? List.of("no .proto contract in the project; add " + c.knowledge().howToAdd("proto"))
                : List.of();
    }

    @Override
    public HandoffPackage build(HandoffContext c) {
        String name = c.project().name();
        String module = "example.com/" + name;
        ProtoContracts protos = ProtoContracts.of(c.project());
        var files = new TreeMap<String, String>();
        Map<String, String> goPackages = new LinkedHashMap<>();
        for (var f : protos.files()) {
            files.put("proto/" + f.importPath(), f.content());
            goPackages.put(f.importPath(), module + "/gen/" + f.folder() + ";" + goPackageName(f));
        }
        files.put("gen.sh", genScript(module, goPackages));
        files.put("go.mod", "module " + module + "\n\ngo 1.24\n\nrequire (\n\tgoogle.golang.org/grpc " + GRPC_GO
                + "\n\tgoogle.golang.org/protobuf " + PROTOBUF_GO + "\n)\n");
        var client = exampleClient(module, protos);
        if (client != null) {
            files.put("cmd/" + name + "-client/main.go", client);
        }
        List<Check> checks = List.of(
                new Check("protoc generates the Go stubs (protoc-gen-go, protoc-gen-go-grpc)", "protoc", "bash gen.sh"),
                new Check("the stubs and the example client compile", "go", "go mod tidy && go build ./... && go vet ./..."));
        var doc = new HandoffDoc(c)
                .built("`proto/`: the contracts, exactly as the Rust service compiles them (" + String.join(", ",
                        protos.files().stream().map(ProtoContracts.ProtoFile::projectPath).toList()) + ").")
                .built("`gen.sh`: protoc with protoc-gen-go " + PROTOBUF_GO + " and protoc-gen-go-grpc into `gen/` (Go module `" + module
                        + "`: rename it to your own; the `M` options map each file to its Go package, so the .proto files need no `go_package`). "
                        + "The checks below ran it: `gen/` holds the stubs and `go.sum` the modules' checksums.")
                .built(client != null ? "`cmd/" + name + "-client/main.go`: a client that dials the service and makes one call, the start of "
                        + "the orchestration layer." : "no example client: the contracts have no unary call on a message of their own")
                .contract(contract(protos));
        files.put("HANDOFF.md", doc.render(checks));
        return new HandoffPackage(id(), files, checks);
    }

    private static String contract(ProtoContracts protos) {
        var md = new StringBuilder("The .proto files are the contract: the Rust service and every Go client are generated from them. "
                + "Change them only compatibly (add fields with new numbers; never renumber or reuse one).\n\n");
        md.append("| service | method | request | response |\n|---|---|---|---|\n");
        for (var f : protos.files()) {
            for (var r : f.rpcs()) {
                md.append("| `").append(f.protoPackage()).append('.').append(r.service()).append("` | `").append(r.method()).append("` | `")
                        .append(r.request()).append("` | `").append(r.response()).append('`').append(r.streaming() ? " (stream)" : "").append(" |\n");
            }
        }
        md.append("\nThe comments in the .proto files say what each call does and which status codes it returns.");
        return md.toString();
    }

    static String goPackageName(ProtoContracts.ProtoFile f) {
        String base = f.protoPackage().isEmpty() ? f.folder() : f.protoPackage();
        String pkg = base.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        return pkg.isEmpty() ? "contracts" : pkg;
    }

    private static String genScript(String module, Map<String, String> goPackages) {
        var s = new StringBuilder("""
                #!/usr/bin/env bash
                # Generates the Go stubs of every contract in proto/ into gen/ (protoc, protoc-gen-go, protoc-gen-go-grpc on PATH).
                set -euo pipefail
                cd "$(dirname "$0")"
                rm -rf gen && mkdir -p gen
                """);
        List<String> opts = new ArrayList<>();
        goPackages.forEach((file, pkg) -> {
            opts.add("--go_opt=M" + file + "=" + pkg);
            opts.add("--go-grpc_opt=M" + file + "=" + pkg);
        });
        s.append("protoc -I proto \\\n  --go_out=gen --go_opt=module=").append(module).append("/gen \\\n")
                .append("  --go-grpc_out=gen --go-grpc_opt=module=").append(module).append("/gen \\\n");
        opts.forEach(o -> s.append("  '").append(o).append("' \\\n"));
        s.append("  ").append(String.join(" ", goPackages.keySet())).append('\n');
        return s.toString();
    }

    /** A client making the first unary call whose request is a message of the contract's own package, or null. */
    private static String exampleClient(String module, ProtoContracts protos) {
        for (var f : protos.files()) {
            // A List call first: the example can run against a live service with an empty request.
            var rpcs = new ArrayList<>(f.rpcs());
            rpcs.sort(Comparator.comparing(r -> !r.method().startsWith("List")));
            for (var r : rpcs) {
                if (r.streaming() || r.request().contains(".")) {
                    continue;
                }
                String pkg = goPackageName(f);
                return """
                        // A client of the %1$s service: dials it (plaintext, as the service serves; put TLS in front) and calls %2$s.
                        package main

                        import (
                        	"context"
                        	"flag"
                        	"log"
                        	"time"

                        	"google.golang.org/grpc"
                        	"google.golang.org/grpc/credentials/insecure"

                        	%3$s "%4$s/gen/%5$s"
                        )

                        func main() {
                        	addr := flag.String("addr", "127.0.0.1:50051", "the service's address")
                        	flag.Parse()
                        	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
                        	if err != nil {
                        		log.Fatalf("dial %%s: %%v", *addr, err)
                        	}
                        	defer conn.Close()
                        	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
                        	defer cancel()
                        	client := %3$s.New%1$sClient(conn)
                        	reply, err := client.%2$s(ctx, &%3$s.%6$s{})
                        	if err != nil {
                        		log.Fatalf("%2$s: %%v", err)
                        	}
                        	log.Printf("%2$s: %%v", reply)
                        }
                        """.formatted(r.service(), r.method(), pkg, module, f.folder(), r.request());
            }
        }
        return null;
    }
}
