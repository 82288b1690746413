package dev.rustengineer.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner over a fixed set of offers (not the bundled template sets, which grow): the advice picks kind,
 * framework, database and features; flags override with a note; what no offer has is refused with what is.
 */
class BlueprintPlannerTest {
    private static final RustEngineer RE = RustEngineer.shared();
    private static final List<Offer> OFFERS = List.of(
            new Offer("axum-service", ProjectKind.SERVICE, "axum", List.of("sqlite", "postgres"), List.of("sqlx", "diesel"),
                    List.of("rest", "database", "metrics", "openapi"), List.of("websocket")),
            new Offer("actix-service", ProjectKind.SERVICE, "actix-web", List.of("sqlite", "postgres"), List.of("sqlx"),
                    List.of("rest", "database", "metrics", "openapi"), List.of()),
            new Offer("grpc-service", ProjectKind.GRPC, null, List.of("sqlite", "postgres"), List.of("sqlx"),
                    List.of("grpc", "database"), List.of()),
            new Offer("cli-tool", ProjectKind.CLI, null, List.of(), List.of(), List.of(), List.of()));
    private static final BlueprintPlanner PLANNER = new BlueprintPlanner(RE.knowledge().crates(), OFFERS);

    private static Blueprint plan(String brief, NewOptions options) {
        var plan = PLANNER.plan(RE.advise(RE.readText(brief)), options);
        return ((Plan.Generate) plan).blueprint();
    }

    private static NewOptions opts(String kind, String web, String db, String layer, List<String> with) {
        return new NewOptions("svc", kind, web, db, layer, with, null, false);
    }

    @Test
    void theAdvicePicksTheFrameworkAndTheDefaultsFillTheRest() {
        Blueprint b = plan("A REST API for orders, p99 under 5 ms", NewOptions.named("svc"));
        assertThat(b.template()).isEqualTo("axum-service");
        assertThat(b.db()).isEqualTo("sqlite");
        assertThat(b.dbLayer()).isEqualTo("sqlx");
        assertThat(b.features()).containsExactly("database", "metrics", "openapi", "rest");

        Blueprint actix = plan("A REST API for orders, not performance critical, rapid prototyping", NewOptions.named("svc"));
        assertThat(actix.web()).isEqualTo("actix-web");
        assertThat(actix.template()).isEqualTo("actix-service");
    }

    @Test
    void aFlagOverridesTheAdviceWithANote() {
        Blueprint b = plan("A REST API for orders, not performance critical, rapid prototyping", opts(null, "axum", "postgres", "diesel", List.of()));
        assertThat(b.template()).isEqualTo("axum-service");
        assertThat(b.dbLayer()).isEqualTo("diesel");
        assertThat(b.notes()).anyMatch(n -> n.contains("--web axum overrides"));
    }

    @Test
    void aCombinationNoSetOffersIsRefusedWithWhatIs() {
        assertThatThrownBy(() -> plan("A REST API for orders", opts(null, "actix-web", null, "diesel", List.of())))
                .isInstanceOf(UsageException.class).hasMessageContaining("--db-layer diesel").hasMessageContaining("(sqlx)");
        assertThatThrownBy(() -> plan("A REST API for orders", opts(null, "actix-web", null, null, List.of("websocket"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("--with websocket is not offered for the actix-web HTTP service");
        assertThatThrownBy(() -> plan("A REST API for orders", opts(null, "axum", "postgres", null, List.of("websocket"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("proven on sqlite via sqlx only");
        assertThat(plan("A real-time chat backend with WebSocket rooms", opts(null, null, "sqlite", "diesel", List.of())).notes())
                .anyMatch(n -> n.contains("websocket, which is proven on sqlite via sqlx only"));
        assertThatThrownBy(() -> plan("A REST API for orders", opts("cli", "axum", null, null, List.of())))
                .isInstanceOf(UsageException.class).hasMessageContaining("--web does not apply");
        assertThatThrownBy(() -> plan("A REST API for orders", opts("cli", null, "postgres", null, List.of())))
                .isInstanceOf(UsageException.class).hasMessageContaining("no database");
    }

    @Test
    void theBriefDecidesTheKind() {
        assertThat(plan("A cross-platform command-line tool to rename photos", NewOptions.named("svc")).kind()).isEqualTo(ProjectKind.CLI);
        Blueprint grpc = plan("A backend service exposing gRPC only, for orders", NewOptions.named("svc"));
        assertThat(grpc.kind()).isEqualTo(ProjectKind.GRPC);
        assertThat(grpc.web()).isNull();
        assertThat(grpc.template()).isEqualTo("grpc-service");
        Blueprint cli = plan("A REST API for orders", opts("cli", null, null, null, List.of()));
        assertThat(cli.kind()).isEqualTo(ProjectKind.CLI);
        assertThat(cli.db()).isNull();
        assertThat(cli.runtime()).isNull();
        assertThat(cli.notes()).anyMatch(n -> n.contains("--kind cli overrides"));
    }

    @Test
    void anOptionalFeatureTheBriefAsksForIsSwitchedOn() {
        Blueprint b = plan("A real-time chat backend with WebSocket rooms, p99 under 5 ms", NewOptions.named("svc"));
        assertThat(b.features()).contains("websocket");
        assertThat(b.notes()).anyMatch(n -> n.contains("websocket: switched on"));
    }

    @Test
    void whatNewDoesNotGenerateIsRefusedUnlessAKindIsNamed() {
        assertThatThrownBy(() -> plan("A WebAssembly module for image processing in the browser", NewOptions.named("svc")))
                .isInstanceOf(UsageException.class).hasMessageContaining("WebAssembly").hasMessageContaining("--kind");
        assertThatThrownBy(() -> plan("A REST API", opts("plugin", null, null, null, List.of())))
                .isInstanceOf(UsageException.class).hasMessageContaining("--kind plugin is not offered");
    }
}
