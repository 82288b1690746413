package dev.rustengineer.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.generate.ItSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every package made from generated projects and checked by the receiving specialist's own tools: promtool for
 * devops-engineer; helm lint, helm template and kubernetes-validate for kubernetes-specialist; protoc with protoc-gen-go and
 * protoc-gen-go-grpc, then go build and go vet, for golang-pro; tsc and node against the running service for
 * backend-developer; psql running EXPLAIN ANALYZE on the throwaway PostgreSQL for database-optimizer; for frontend-developer the
 * wasm toolchain's build (scripts/wasm-toolchain.sh, scripts/setup.d/50-wasm.sh), tsc on the examples and node running the
 * Node.js build; for cpp-pro gcc and g++ on the cbindgen header against the release cdylib, pkg-config and the -sys crate's
 * bindgen build, and g++ on the cxx bridge's C++. A check skipped for a
 * missing tool fails here: scripts/setup.d/40-handoff-tools.sh installs them all, and CI runs it first.
 */
class HandoffIT {
    @TempDir
    static Path dir;

    record Project(String name, String brief, String kind, String web) {}

    static final List<Project> PROJECTS = List.of(
            new Project("orders", "REST API for orders, p99 under 5 ms", "service", "axum"),
            new Project("orders-actix", "REST API for orders in Rust", "service", "actix-web"),
            new Project("orders-hyper", "REST API for orders in Rust", "service", "hyper"),
            new Project("orders-rocket", "REST API for orders in Rust", "service", "rocket"),
            new Project("orders-grpc", "A gRPC service for orders in Rust", "grpc", null),
            new Project("orders-pg", "REST API for orders in Rust on PostgreSQL", "service", "axum"));

    @BeforeAll
    static void generate() {
        RustEngineer re = RustEngineer.shared();
        for (Project p : PROJECTS) {
            re.newProject(re.readText(p.brief()), new dev.rustengineer.blueprint.NewOptions(p.name(), p.kind(), p.web(),
                    p.name().endsWith("-pg") ? "postgres" : null, null,
                    List.of(), null, false), new dev.rustengineer.generate.Destination.Directory(dir, false));
        }
    }

    static final List<String> SPECIALISTS = List.of("devops-engineer", "kubernetes-specialist", "golang-pro", "backend-developer",
            "database-optimizer");

    /** Every specialist whose package the project can give: golang-pro needs the gRPC set's .proto contract. */
    static Stream<Arguments> packages() {
        return PROJECTS.stream().flatMap(p -> SPECIALISTS.stream()
                .filter(to -> !to.equals("golang-pro") || "grpc".equals(p.kind()))
                // backend-developer builds each HTTP service with cargo and reads its /openapi.json; the gRPC one is protoc only;
                // the PostgreSQL one would need its database to start
                .filter(to -> !to.equals("backend-developer") || !p.name().endsWith("-pg"))
                // database-optimizer's EXPLAIN ANALYZE needs the PostgreSQL variant
                .filter(to -> !to.equals("database-optimizer") || p.name().endsWith("-pg"))
                .map(to -> Arguments.of(p.name(), to)));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("packages")
    void thePackagePassesTheReceivingSpecialistsTools(String name, String to) throws Exception {
        var outcome = RustEngineer.shared().handoff(new Handoffs.Request(dir.resolve(name), to, dir.resolve("out").resolve(name + "-" + to),
                false, null, true, ItSupport.cargoTarget(), to.equals("database-optimizer") ? ItSupport.postgresUrl() : null));
        assertThat(outcome).isInstanceOf(HandoffOutcome.Written.class);
        var written = (HandoffOutcome.Written) outcome;
        assertThat(written.checks()).isNotEmpty().allSatisfy(r -> assertThat(r.status())
                .as(r.check().script() + "\n" + r.output()).isEqualTo(CheckResult.Status.PASSED));
        if (to.equals("devops-engineer")) {
            String alerts = Files.readString(written.location().resolve("prometheus/alerts.yml"));
            assertThat(alerts).contains(name.equals("orders-grpc") ? "grpc_server_handling_seconds_bucket" : "http_request_duration_seconds_bucket");
            assertThat(written.checks()).anySatisfy(r -> assertThat(r.output()).contains("SUCCESS"));
        } else if (to.equals("database-optimizer")) {
            String explain = Files.readString(written.location().resolve("explain.txt"));
            assertThat(explain.split("Execution Time: ", -1)).as(explain).hasSize(8);
            assertThat(explain).contains("=== S1 src/repo.rs:", "Insert on orders", "Index Scan using orders_pkey on orders")
                    .doesNotContain("not run");
            assertThat(written.location().resolve("HANDOFF.md")).content().contains("## EXPLAIN ANALYZE on an empty schema",
                    "`Index Scan using orders_pkey on orders`", "| S7 src/repo.rs:");
        } else if (to.equals("backend-developer") && name.equals("orders")) {
            callTheServiceWithTheClient(written.location());
        } else if (to.equals("backend-developer") && name.equals("orders-grpc")) {
            assertThat(written.location().resolve("proto/orders_grpc/v1/orders.proto")).exists();
        } else if (to.equals("backend-developer")) {
            // every framework's utoipa document gives the same typed operations (named by each one's handlers: listOrders, list)
            assertThat(written.location().resolve("client/src/client.ts")).content().contains("export interface Order {",
                    "(query?: { limit?: number; after?: number }): Promise<OrderPage> =>", "(id: number): Promise<Order> =>",
                    "(body: OrderInput): Promise<Order> =>");
        } else if (to.equals("golang-pro")) {
            assertThat(written.location().resolve("gen/orders_grpc/v1/orders_grpc.pb.go")).content().contains("func NewOrderServiceClient(");
            assertThat(written.location().resolve("go.sum")).isNotEmptyFile();
        } else {
            assertThat(written.location().resolve("rendered.yaml")).isNotEmptyFile();
            assertThat(written.checks()).anySatisfy(r -> assertThat(r.output()).contains("rendered.yaml passed for resource deployment/" + name,
                    "rendered.yaml passed for resource service/" + name));
        }
    }

    /** The compiled TypeScript client, run by node against the running service: create one order, list it, miss one. */
    private static void callTheServiceWithTheClient(Path pkg) throws Exception {
        assertThat(pkg.resolve("client/dist/client.js")).exists();
        assertThat(pkg.resolve("client/dist/client.d.ts")).content().contains("createOrder: (body: OrderInput) => Promise<Order>;");
        int port = ItSupport.freePort();
        Path work = Files.createDirectories(dir.resolve("run-orders"));
        Process service = ItSupport.start(ItSupport.binary("orders"), java.util.Map.of("BIND_ADDR", "127.0.0.1:" + port,
                "DATABASE_URL", "sqlite://" + work.resolve("orders.db") + "?mode=rwc"), work.resolve("server.log"));
        try {
            ItSupport.awaitHttp("http://127.0.0.1:" + port + "/health/live", service);
            Files.writeString(pkg.resolve("client/smoke.mjs"), """
                    import { createClient, ApiError } from "./dist/client.js";
                    const api = createClient({ baseUrl: process.argv[2] });
                    const created = await api.createOrder({ name: "first", quantity: 2 });
                    const page = await api.listOrders({ limit: 10 });
                    let missing = 0;
                    try { await api.getOrder(999999); } catch (e) { if (e instanceof ApiError) missing = e.status; }
                    await api.deleteOrder(created.id);
                    console.log(JSON.stringify({ id: created.id, count: page.items.length, first: page.items[0].name, next: page.next, missing }));
                    """);
            Process node = new ProcessBuilder("node", "smoke.mjs", "http://127.0.0.1:" + port).directory(pkg.resolve("client").toFile())
                    .redirectErrorStream(true).start();
            String out = new String(node.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(node.waitFor()).as(out).isZero();
            assertThat(out.strip()).isEqualTo("{\"id\":1,\"count\":1,\"first\":\"first\",\"next\":null,\"missing\":404}");
        } finally {
            ItSupport.stop(service, work.resolve("server.log"));
        }
    }

    /** The wasm and FFI kinds: the frontend-developer and cpp-pro packages, each checked by the receiving tools. */
    @ParameterizedTest(name = "{3} from {0} ({1})")
    @org.junit.jupiter.params.provider.CsvSource({"pix,wasm,,frontend-developer", "cabi,ffi-export,,cpp-pro", "zx,ffi-wrapper,cxx,cpp-pro"})
    void wasmAndFfiPackagesPassTheReceivingSpecialistsTools(String name, String kind, String with, String to) throws Exception {
        Path project = HandoffFixtures.generated(dir.resolve("ffi"), name, "a " + kind + " project", kind, null,
                with == null ? List.of() : List.of(with));
        var outcome = RustEngineer.shared().handoff(new Handoffs.Request(project, to, dir.resolve("out").resolve(name + "-" + to), false, null, true,
                ItSupport.cargoTarget(), null));
        assertThat(outcome).isInstanceOf(HandoffOutcome.Written.class);
        var written = (HandoffOutcome.Written) outcome;
        assertThat(written.checks()).isNotEmpty().allSatisfy(r -> assertThat(r.status())
                .as(r.check().script() + "\n" + r.output()).isEqualTo(CheckResult.Status.PASSED));
        Path pkg = written.location();
        switch (name) {
            case "pix" -> {
                assertThat(pkg.resolve("pkg/pix_bg.wasm")).isNotEmptyFile();
                assertThat(pkg.resolve("web/pix_bg.wasm")).isNotEmptyFile();
                assertThat(pkg.resolve("pkg/pix.d.ts")).content().contains("export class Image {", "free(): void;");
                assertThat(pkg.resolve("web/pix.d.ts")).content().contains("export default function __wbg_init");
                assertThat(written.checks().get(2).output()).contains("\"width\":64,\"height\":48,\"bytes\":12288,\"bins\":256",
                        "\"error\":\"unknown kernel `blurry`");
                assertThat(pkg.resolve("HANDOFF.md")).content().contains("class `Image`:", "wasm-size cargo=");
            }
            case "cabi" -> {
                assertThat(written.checks().get(1).output()).contains("10 functions linked", "cabi_version: 0.1.0", "cabi_new / cabi_free: ok");
                assertThat(pkg.resolve("ABI.md")).content().contains("| `CABI_STATUS_PANIC` | 8 |");
            }
            default -> {
                assertThat(pkg.resolve("bindgen/functions.txt")).content().contains("deflate\n", "inflateInit2_\n", "zlibVersion\n");
                assertThat(written.checks()).anySatisfy(r -> assertThat(r.output()).contains("C++ compiles: cxx/cpp/ring_buffer.cc"));
                assertThat(written.checks()).anySatisfy(r -> assertThat(r.output()).startsWith("zlib 1."));
            }
        }
    }

    /** A wasm-bindgen crate rust-engineer did not write: built by the same toolchain, its generic examples type-check and run. */
    @org.junit.jupiter.api.Test
    void aHandWrittenWasmCrateIsBuiltAndLoaded() throws Exception {
        Path project = HandoffFixtures.wasmHandWritten(dir.resolve("adder"), true);
        var written = (HandoffOutcome.Written) RustEngineer.shared().handoff(new Handoffs.Request(project, "frontend-developer",
                dir.resolve("out/adder-frontend"), false, null, true, ItSupport.cargoTarget(), null));
        assertThat(written.checks()).hasSize(3).allSatisfy(r -> assertThat(r.status()).as(r.check().script() + "\n" + r.output())
                .isEqualTo(CheckResult.Status.PASSED));
        assertThat(written.checks().get(2).output()).contains("\"exported\":[").contains("\"add\"");
        assertThat(written.location().resolve("HANDOFF.md")).content().contains("- function `add(a: number, b: number): number`",
                "No class crosses the boundary");
    }

    /** A project of its own with SQLx's query! macros: its .sqlx/ made against the migrated schema, as cargo sqlx prepare would. */
    @org.junit.jupiter.api.Test
    void sqlxOfflineMetadataIsPreparedFromTheMacros() throws Exception {
        Path project = HandoffFixtures.withQueries(dir.resolve("billing"));
        var outcome = RustEngineer.shared().handoff(new Handoffs.Request(project, "database-optimizer", dir.resolve("out/billing-db"), false, null,
                true, ItSupport.cargoTarget(), ItSupport.postgresUrl()));
        var written = (HandoffOutcome.Written) outcome;
        assertThat(written.checks()).extracting(r -> r.check().name()).contains("SQLx offline query metadata (.sqlx/, as cargo sqlx prepare writes it)");
        assertThat(written.checks()).allSatisfy(r -> assertThat(r.status()).as(r.check().script() + "\n" + r.output())
                .isEqualTo(CheckResult.Status.PASSED));
        try (var files = Files.list(written.location().resolve(".sqlx"))) {
            var json = files.toList();
            assertThat(json).singleElement().satisfies(f -> assertThat(f).content().contains("FROM invoices WHERE id = $1", "\"describe\""));
        }
        assertThat(Files.readString(written.location().resolve("explain.txt"))).contains("=== S1 src/lib.rs:5", "=== S2 src/lib.rs:16");
    }
}
