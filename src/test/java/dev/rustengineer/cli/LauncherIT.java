package dev.rustengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real launcher as a subprocess, after `mvn package` built the jar (failsafe runs this in `verify`). */
class LauncherIT {
    record Result(int code, String out, String err) {}

    static Result launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of("rust-engineer").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_HOME"); // the launcher must find Java 25 by itself
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void adviseJsonThroughTheLauncher() throws Exception {
        Result r = launch("advise", "--json", "A REST API for payments; p99 under 5 ms; data in PostgreSQL");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("invoke").asBoolean()).isTrue();
        assertThat(j.get("stack").get("web").asText()).isEqualTo("axum");
        assertThat(j.get("stack").get("db").asText()).isEqualTo("sqlx");
    }

    @Test
    void usageErrorThroughTheLauncher() throws Exception {
        Result r = launch("advise", "--kind", "spaceship");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("rust-engineer: unknown value 'spaceship' for 'kind'");
        assertThat(r.out()).isEmpty();
    }
}
