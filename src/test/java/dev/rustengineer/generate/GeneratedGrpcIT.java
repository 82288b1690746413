package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DynamicMessage;
import com.google.rpc.BadRequest;
import dev.rustengineer.blueprint.ProjectKind;
import dev.rustengineer.blueprint.ResourceName;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gRPC service, end to end, for every combination the gRPC template sets offer: `./rust-engineer new NAME
 * --kind grpc --db D --verify` through the real launcher (fmt, clippy -D warnings, build, test with cargo), then the
 * built binary started and called over the network by grpc-java on Netty, a gRPC implementation that shares no code
 * with the generated one and is given no generated code: it learns the contract from the server's reflection
 * service, builds descriptors from what it got and makes every call with dynamic messages (create, get, list in
 * pages, update, an invalid argument with its google.rpc.BadRequest details, delete, not found), checks
 * grpc.health.v1, the x-request-id metadata and its log line, the Prometheus metrics on METRICS_ADDR, the gRPC
 * form of the HTTP services' slow-client probe (connections that never finish their HTTP/2 handshake are closed),
 * and a clean exit on SIGTERM. SQLite always; PostgreSQL from scripts/setup.d/20-postgres.sh. `-Dit.sets=grpc-service` and
 * `-Dit.variants=ID,...` narrow the run as for GeneratedServiceIT.
 */
class GeneratedGrpcIT {
    private static final String TRACE_ID = "it-grpc-trace-0042";
    /** The handshake bound the service runs with here, and how long past it a connection may stay open. */
    private static final int HEADER_TIMEOUT_SECS = 2;
    private static final int SLOW_CLIENT_LIMIT_SECS = 10;
    private static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    static Stream<Projects.Variant> variants() {
        return Projects.variantsToRun(ProjectKind.GRPC).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void generateVerifyRunAndCall(Projects.Variant variant, @TempDir Path dir) throws Exception {
        String pg = "postgres".equals(variant.db()) ? ItSupport.postgresUrl() : null;
        String name = variant.name();
        ItSupport.newAndVerify(name, variant.newArguments(), dir, pg, 20);

        String databaseUrl = ItSupport.runDatabase(variant, pg, dir);
        int port = ItSupport.freePort();
        int metricsPort = ItSupport.freePort();
        Path log = dir.resolve("service.log");
        Process service = ItSupport.start(ItSupport.binary(name), Map.of("BIND_ADDR", "127.0.0.1:" + port,
                "METRICS_ADDR", "127.0.0.1:" + metricsPort, "DATABASE_URL", databaseUrl, "LOG_FORMAT", "json",
                "HEADER_TIMEOUT_SECS", String.valueOf(HEADER_TIMEOUT_SECS)), log);
        ManagedChannel channel = null;
        try {
            ItSupport.awaitPort(port, service);
            channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
            Contract contract = Contract.of(name, ResourceName.of(variant.resource()));
            checkHealth(channel, contract);
            exercise(channel, contract, contract.fromReflection(channel));
            for (String sent : List.of("", "PRI * HTTP/2.0\r\n", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\6\4")) {
                assertThat(closesWithin(port, sent.getBytes(StandardCharsets.ISO_8859_1), SLOW_CLIENT_LIMIT_SECS))
                        .as("a connection that sent %d bytes of a handshake is closed within %d s (HEADER_TIMEOUT_SECS=%d)",
                                sent.length(), SLOW_CLIENT_LIMIT_SECS, HEADER_TIMEOUT_SECS)
                        .isTrue();
            }
            // The channel shook hands long before: it is not cut by the handshake bound.
            checkHealth(channel, contract);
            String metrics = ItSupport.send("GET", "http://127.0.0.1:" + metricsPort + "/metrics", null).body();
            String one = contract.resource().pascal();
            assertThat(metrics.lines().filter(l -> l.startsWith("grpc_server_handled_total{")))
                    .as("calls counted by service, method and code in:%n%s", metrics)
                    .anyMatch(l -> l.contains("grpc_service=\"" + contract.service() + "\"") && l.contains("grpc_method=\"Create" + one + "\"")
                            && l.contains("grpc_code=\"OK\""))
                    .anyMatch(l -> l.contains("grpc_method=\"Get" + one + "\"") && l.contains("grpc_code=\"NOT_FOUND\""))
                    .anyMatch(l -> l.contains("grpc_method=\"Create" + one + "\"") && l.contains("grpc_code=\"INVALID_ARGUMENT\""));
            assertThat(metrics).contains("grpc_server_handling_seconds_bucket");
        } finally {
            if (channel != null) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
            service.destroy();
        }
        String text = ItSupport.stop(service, log);
        assertThat(text).contains("shutdown signal received").contains("\"message\":\"stopped\"");
        // The id the client sent came back and is on the call's log lines (in its span).
        assertThat(text).contains("\"request_id\":\"" + TRACE_ID + "\"");
    }

    /**
     * Opens a TCP connection, sends {@code sent} and nothing more, then reads (the server's SETTINGS, say) until
     * the server closes it: true if that happened within {@code seconds}. A reset counts as closed.
     */
    private static boolean closesWithin(int port, byte[] sent, int seconds) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(sent);
            socket.getOutputStream().flush();
            socket.setSoTimeout(seconds * 1000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1024];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            try {
                while (in.read(buffer) >= 0) {
                    if (System.nanoTime() > deadline) {
                        return false;
                    }
                }
                return true;
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (SocketException reset) {
                return true;
            }
        }
    }

    /** The names the generated contract must have, from the project and resource names. */
    record Contract(String pkg, ResourceName resource) {
        static Contract of(String project, ResourceName resource) {
            return new Contract(project.replace('-', '_') + ".v1", resource);
        }

        String service() {
            return pkg + "." + resource.pascal() + "Service";
        }

        /** The service as the server's reflection describes it, its imports resolved the same way. */
        ServiceDescriptor fromReflection(Channel channel) throws Exception {
            List<String> services = reflect(channel, ServerReflectionRequest.newBuilder().setListServices("").build())
                    .getListServicesResponse().getServiceList().stream().map(ServiceResponse::getName).toList();
            assertThat(services).contains(service(), "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection");
            Map<String, FileDescriptorProto> protos = new HashMap<>();
            ServerReflectionResponse files = reflect(channel, ServerReflectionRequest.newBuilder().setFileContainingSymbol(service()).build());
            for (ByteString bytes : files.getFileDescriptorResponse().getFileDescriptorProtoList()) {
                FileDescriptorProto p = FileDescriptorProto.parseFrom(bytes);
                protos.put(p.getName(), p);
            }
            String file = pkg.replace(".v1", "").replace('.', '/') + "/v1/" + resource.plural() + ".proto";
            assertThat(protos).containsKey(file);
            FileDescriptor descriptor = build(channel, file, protos, new HashMap<>());
            ServiceDescriptor s = descriptor.findServiceByName(resource.pascal() + "Service");
            assertThat(s).as("service in %s", file).isNotNull();
            assertThat(s.getMethods().stream().map(MethodDescriptor::getName)).containsExactly("Create" + resource.pascal(),
                    "Get" + resource.pascal(), "List" + resource.pascalPlural(), "Update" + resource.pascal(), "Delete" + resource.pascal());
            return s;
        }

        /** Builds a file's descriptor, asking reflection for any import it has not sent yet. */
        private static FileDescriptor build(Channel channel, String name, Map<String, FileDescriptorProto> protos,
                Map<String, FileDescriptor> built) throws Exception {
            if (built.containsKey(name)) {
                return built.get(name);
            }
            if (!protos.containsKey(name)) {
                ServerReflectionResponse r = reflect(channel, ServerReflectionRequest.newBuilder().setFileByFilename(name).build());
                for (ByteString bytes : r.getFileDescriptorResponse().getFileDescriptorProtoList()) {
                    FileDescriptorProto p = FileDescriptorProto.parseFrom(bytes);
                    protos.putIfAbsent(p.getName(), p);
                }
                assertThat(protos).as("reflection serves the import %s", name).containsKey(name);
            }
            FileDescriptorProto proto = protos.get(name);
            FileDescriptor[] deps = new FileDescriptor[proto.getDependencyCount()];
            for (int i = 0; i < deps.length; i++) {
                deps[i] = build(channel, proto.getDependency(i), protos, built);
            }
            FileDescriptor fd = FileDescriptor.buildFrom(proto, deps);
            built.put(name, fd);
            return fd;
        }
    }

    private static void checkHealth(Channel channel, Contract contract) {
        var health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
        for (String s : List.of("", contract.service())) {
            assertThat(health.check(HealthCheckRequest.newBuilder().setService(s).build()).getStatus()).as("health of '%s'", s)
                    .isEqualTo(ServingStatus.SERVING);
        }
        var unknown = catchThrowableOfType(StatusRuntimeException.class,
                () -> health.check(HealthCheckRequest.newBuilder().setService("no.such.Service").build()));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    private static void exercise(Channel channel, Contract contract, ServiceDescriptor service) throws Exception {
        String one = contract.resource().pascal();
        String many = contract.resource().pascalPlural();
        String items = contract.resource().plural();
        Calls calls = new Calls(channel, service);

        DynamicMessage first = calls.call("Create" + one, Map.of("name", "first", "description", "the first", "quantity", 2L));
        long id = (Long) calls.get(first, "id");
        assertThat(id).isPositive();
        assertThat(calls.get(first, "name")).isEqualTo("first");
        DynamicMessage created = (DynamicMessage) calls.get(first, "create_time");
        assertThat((Long) created.getField(created.getDescriptorForType().findFieldByName("seconds"))).isPositive();
        calls.call("Create" + one, Map.of("name", "second", "quantity", 5L));

        assertThat(calls.get(calls.call("Get" + one, Map.of("id", id)), "description")).isEqualTo("the first");

        DynamicMessage page = calls.call("List" + many, Map.of("page_size", 1));
        assertThat(calls.get(page, "total_size")).isEqualTo(2L);
        List<?> listed = (List<?>) calls.get(page, items);
        assertThat(listed).hasSize(1);
        assertThat(calls.get((DynamicMessage) listed.getFirst(), "name")).isEqualTo("second");
        String token = (String) calls.get(page, "next_page_token");
        assertThat(token).isNotEmpty();
        DynamicMessage last = calls.call("List" + many, Map.of("page_size", 1, "page_token", token));
        assertThat(calls.get((DynamicMessage) ((List<?>) calls.get(last, items)).getFirst(), "name")).isEqualTo("first");
        assertThat(calls.get(last, "next_page_token")).isEqualTo("");

        DynamicMessage updated = calls.call("Update" + one, Map.of("id", id, "name", "renamed", "quantity", 7L));
        assertThat(calls.get(updated, "quantity")).isEqualTo(7L);
        assertThat(updated.hasField(updated.getDescriptorForType().findFieldByName("description")))
                .as("an update without a description removes it").isFalse();

        StatusRuntimeException invalid = calls.fails("Create" + one, Map.of("name", " ", "quantity", -1L));
        assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(invalid.getStatus().getDescription()).contains("name").contains("quantity");
        com.google.rpc.Status details = StatusProto.fromThrowable(invalid);
        assertThat(details).as("google.rpc.Status in grpc-status-details-bin").isNotNull();
        BadRequest bad = details.getDetailsList().stream().filter(a -> a.is(BadRequest.class)).findFirst().orElseThrow().unpack(BadRequest.class);
        assertThat(bad.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField)).containsExactly("name", "quantity");

        // The client's request id comes back, on errors too.
        Metadata headers = new Metadata();
        headers.put(REQUEST_ID, TRACE_ID);
        AtomicReference<Metadata> answered = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        Channel traced = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers),
                MetadataUtils.newCaptureMetadataInterceptor(answered, trailers));
        new Calls(traced, service).call("Delete" + one, Map.of("id", id));
        assertThat(answered.get().get(REQUEST_ID)).isEqualTo(TRACE_ID);
        StatusRuntimeException gone = new Calls(traced, service).fails("Get" + one, Map.of("id", id));
        assertThat(gone.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(gone.getTrailers().get(REQUEST_ID)).isEqualTo(TRACE_ID);
    }

    /** Unary calls with dynamic messages built from the reflected descriptors. */
    private record Calls(Channel channel, ServiceDescriptor service) {
        DynamicMessage call(String method, Map<String, Object> fields) {
            MethodDescriptor m = service.findMethodByName(method);
            assertThat(m).as("method %s", method).isNotNull();
            DynamicMessage.Builder request = DynamicMessage.newBuilder(m.getInputType());
            fields.forEach((k, v) -> request.setField(field(m.getInputType(), k), v));
            var grpcMethod = io.grpc.MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                    .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(io.grpc.MethodDescriptor.generateFullMethodName(service.getFullName(), m.getName()))
                    .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(m.getInputType())))
                    .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(m.getOutputType())))
                    .build();
            return ClientCalls.blockingUnaryCall(channel, grpcMethod, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                    request.build());
        }

        StatusRuntimeException fails(String method, Map<String, Object> fields) {
            StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> call(method, fields));
            assertThat(e).as("%s%s fails", method, fields).isNotNull();
            return e;
        }

        Object get(DynamicMessage message, String name) {
            return message.getField(field(message.getDescriptorForType(), name));
        }

        private static com.google.protobuf.Descriptors.FieldDescriptor field(Descriptor type, String name) {
            var f = type.findFieldByName(name);
            assertThat(f).as("field %s of %s", name, type.getFullName()).isNotNull();
            return f;
        }
    }

    /** One request on the reflection stream, its one answer. */
    private static ServerReflectionResponse reflect(Channel channel, ServerReflectionRequest request) throws Exception {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse r) {
                        answer.complete(r);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(new AssertionError("the reflection stream ended without an answer"));
                    }
                });
        requests.onNext(request);
        requests.onCompleted();
        ServerReflectionResponse r = answer.get(10, TimeUnit.SECONDS);
        assertThat(r.hasErrorResponse()).as("reflection error: %s", r.getErrorResponse().getErrorMessage()).isFalse();
        return r;
    }
}
