package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.blueprint.ProjectKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Axum service with `--with websocket`, end to end: `./rust-engineer new NAME --with websocket --verify`
 * through the real launcher (fmt, clippy -D warnings, build, and the generated tests, which include the
 * project's own WebSocket tests), then the built binary started on a free loopback port and spoken to with Java's
 * own WebSocket client (java.net.http.WebSocket, another implementation than the project's tungstenite): two
 * clients in one room hear each other, a third in another room hears neither, a bad frame gets an error frame,
 * `/metrics` counts the sockets, `/openapi.json` (valid OpenAPI 3) lists the upgrade path; then SIGTERM: every
 * client receives close 1001 "going away" and the process exits 0 within 15 s.
 * The variants are the offered service combinations with websocket switched on; `-Dit.sets=axum-service` and
 * `-Dit.variants=axum-service-sqlite-sqlx+websocket` narrow them as in {@link GeneratedServiceIT}.
 */
class GeneratedWebSocketIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PATIENCE_SECONDS = 10;

    static Stream<Projects.Variant> variants() {
        return Projects.variantsToRun(ProjectKind.SERVICE).stream().filter(v -> v.with().contains("websocket"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void generateVerifyConverseAndStop(Projects.Variant variant, @TempDir Path dir) throws Exception {
        // Its own package name, so its binary in the shared target directory is not the plain service's.
        String name = variant.name() + "-ws";
        ItSupport.newAndVerify(name, variant.newArguments(), dir, null, 25);

        int port = ItSupport.freePort();
        Path log = dir.resolve("service.log");
        Process service = ItSupport.start(ItSupport.binary(name), Map.of("BIND_ADDR", "127.0.0.1:" + port,
                "DATABASE_URL", ItSupport.runDatabase(variant, null, dir), "LOG_FORMAT", "json"), log);
        Client alice;
        Client bob;
        Client carol;
        try {
            String base = "http://127.0.0.1:" + port;
            ItSupport.awaitHttp(base + "/health/live", service);
            String ws = "ws://127.0.0.1:" + port + "/ws/";
            alice = Client.join(ws, "lobby", "alice", 1);
            bob = Client.join(ws, "lobby", "bob", 2);
            carol = Client.join(ws, "kitchen", "carol", 1);
            converse(alice, bob, carol);
            inspect(base);
        } catch (Throwable t) {
            service.destroy();
            throw t;
        }

        service.destroy(); // SIGTERM
        for (Client c : new Client[] {alice, bob, carol}) {
            Client.Close close = c.closed.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(close).as("%s's close frame", c.name).isEqualTo(new Client.Close(1001, "going away"));
        }
        String text = ItSupport.stop(service, log);
        assertThat(text).contains("shutdown signal received").contains("\"message\":\"stopped\"")
                .doesNotContain("still open after the grace period");
    }

    private static void converse(Client alice, Client bob, Client carol) throws Exception {
        alice.say("hello bob");
        assertThat(bob.heard()).isEqualTo(new Heard("lobby", "alice", "hello bob"));
        assertThat(alice.heard()).as("the sender's own copy").isEqualTo(new Heard("lobby", "alice", "hello bob"));
        bob.say("hello alice");
        assertThat(alice.heard()).isEqualTo(new Heard("lobby", "bob", "hello alice"));
        assertThat(bob.heard()).isEqualTo(new Heard("lobby", "bob", "hello alice"));

        // Carol's first message after joining is her own: nothing said in the lobby reached the kitchen ...
        carol.say("anyone?");
        assertThat(carol.heard()).isEqualTo(new Heard("kitchen", "carol", "anyone?"));
        // ... and nothing said in the kitchen reaches the lobby.
        assertThat(alice.messages.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(bob.messages.poll(300, TimeUnit.MILLISECONDS)).isNull();

        alice.socket.sendText("not json", true).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        JsonNode error = alice.next();
        assertThat(error.path("type").asText()).as(error.toString()).isEqualTo("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_json");
        alice.say("still open");
        assertThat(alice.heard()).isEqualTo(new Heard("lobby", "alice", "still open"));
        assertThat(bob.heard()).isEqualTo(new Heard("lobby", "alice", "still open"));
    }

    private static void inspect(String base) throws Exception {
        String metrics = ItSupport.send("GET", base + "/metrics", null).body();
        assertThat(metrics).contains("ws_connections 3").contains("ws_rooms 2").contains("ws_messages_received_total")
                .contains("ws_messages_rejected_total");

        var plain = ItSupport.send("GET", base + "/ws/lobby", null);
        assertThat(plain.statusCode()).as("a plain GET is no upgrade").isEqualTo(400);
        assertThat(plain.headers().firstValue("content-type")).contains("application/problem+json");

        String openapi = ItSupport.send("GET", base + "/openapi.json", null).body();
        var parsed = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(openapi, null, null);
        assertThat(parsed.getMessages()).as("OpenAPI parser messages").isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKey("/ws/{room}");
        assertThat(parsed.getOpenAPI().getPaths().get("/ws/{room}").getGet().getResponses()).containsKey("101");
        assertThat(parsed.getOpenAPI().getComponents().getSchemas()).containsKeys("ClientMessage", "ServerMessage");
    }

    /** A chat message as a member hears it. */
    record Heard(String room, String from, String text) {}

    /** One WebSocket client: what it hears, and the close frame it receives. */
    static final class Client implements WebSocket.Listener {
        record Close(int code, String reason) {}

        final String name;
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Close> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        private Client(String name) {
            this.name = name;
        }

        /** Connects to {@code room} as {@code name} and reads the `joined` frame that says it is a member. */
        static Client join(String ws, String room, String name, int members) throws Exception {
            Client c = new Client(name);
            c.socket = ItSupport.HTTP.newWebSocketBuilder().buildAsync(URI.create(ws + room + "?name=" + name), c)
                    .get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            JsonNode joined = c.next();
            assertThat(joined.path("type").asText()).as(joined.toString()).isEqualTo("joined");
            assertThat(joined.path("room").asText()).isEqualTo(room);
            assertThat(joined.path("name").asText()).isEqualTo(name);
            assertThat(joined.path("members").asInt()).isEqualTo(members);
            return c;
        }

        void say(String text) throws Exception {
            socket.sendText(JSON.writeValueAsString(Map.of("type", "message", "text", text)), true)
                    .get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        }

        JsonNode next() throws InterruptedException {
            JsonNode m = messages.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(m).as("%s hears something within %d s", name, PATIENCE_SECONDS).isNotNull();
            return m;
        }

        Heard heard() throws InterruptedException {
            JsonNode m = next();
            assertThat(m.path("type").asText()).as(m.toString()).isEqualTo("message");
            assertThat(m.path("sent_at").asText()).isNotEmpty();
            return new Heard(m.path("room").asText(), m.path("from").asText(), m.path("text").asText());
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException("not JSON from the server: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            // Returning completes the close handshake: the client's close frame goes back.
            closed.complete(new Close(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
