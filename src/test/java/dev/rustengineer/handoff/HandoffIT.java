package dev.rustengineer.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.RustEngineer;
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
 * protoc-gen-go-grpc, then go build and go vet, for golang-pro. A check skipped for a
 * missing tool fails here: scripts/setup.d/40-handoff-tools.sh installs them all, and CI runs it first.
 */
class HandoffIT {
    @TempDir
    static Path dir;

    record Project(String name, String brief, String kind, String web) {}

    static final List<Project> PROJECTS = List.of(
            new Project("orders", "REST API for orders, p99 under 5 ms", "service", "axum"),
            new Project("orders-actix", "REST API for orders", "service", "actix-web"),
            new Project("orders-hyper", "REST API for orders", "service", "hyper"),
            new Project("orders-rocket", "REST API for orders", "service", "rocket"),
            new Project("orders-grpc", "A gRPC service for orders", "grpc", null));

    @BeforeAll
    static void generate() {
        RustEngineer re = RustEngineer.shared();
        for (Project p : PROJECTS) {
            re.newProject(re.readText(p.brief()), new dev.rustengineer.blueprint.NewOptions(p.name(), p.kind(), p.web(), null, null,
                    List.of(), null, false), new dev.rustengineer.generate.Destination.Directory(dir, false));
        }
    }

    static final List<String> SPECIALISTS = List.of("devops-engineer", "kubernetes-specialist", "golang-pro");

    /** Every specialist whose package the project can give: golang-pro needs the gRPC set's .proto contract. */
    static Stream<Arguments> packages() {
        return PROJECTS.stream().flatMap(p -> SPECIALISTS.stream()
                .filter(to -> !to.equals("golang-pro") || "grpc".equals(p.kind()))
                .map(to -> Arguments.of(p.name(), to)));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("packages")
    void thePackagePassesTheReceivingSpecialistsTools(String name, String to) throws Exception {
        var outcome = RustEngineer.shared().handoff(new Handoffs.Request(dir.resolve(name), to, dir.resolve("out").resolve(name + "-" + to),
                false, null, true));
        assertThat(outcome).isInstanceOf(HandoffOutcome.Written.class);
        var written = (HandoffOutcome.Written) outcome;
        assertThat(written.checks()).isNotEmpty().allSatisfy(r -> assertThat(r.status())
                .as(r.check().script() + "\n" + r.output()).isEqualTo(CheckResult.Status.PASSED));
        if (to.equals("devops-engineer")) {
            String alerts = Files.readString(written.location().resolve("prometheus/alerts.yml"));
            assertThat(alerts).contains(name.equals("orders-grpc") ? "grpc_server_handling_seconds_bucket" : "http_request_duration_seconds_bucket");
            assertThat(written.checks()).anySatisfy(r -> assertThat(r.output()).contains("SUCCESS"));
        } else if (to.equals("golang-pro")) {
            assertThat(written.location().resolve("gen/orders_grpc/v1/orders_grpc.pb.go")).content().contains("func NewOrderServiceClient(");
            assertThat(written.location().resolve("go.sum")).isNotEmptyFile();
        } else {
            assertThat(written.location().resolve("rendered.yaml")).isNotEmptyFile();
            assertThat(written.checks()).anySatisfy(r -> assertThat(r.output()).contains("rendered.yaml passed for resource deployment/" + name,
                    "rendered.yaml passed for resource service/" + name));
        }
    }
}
