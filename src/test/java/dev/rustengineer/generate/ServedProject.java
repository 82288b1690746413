package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated WebAssembly project served over HTTP by its own tests/browser/serve.mjs (the server its README
 * tells users to run: the right content types, application/wasm above all), on a free port until closed.
 */
final class ServedProject implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
    private final Process server;
    private final String url;

    private ServedProject(Process server, String url) {
        this.server = server;
        this.url = url;
    }

    static ServedProject start(Path project) throws Exception {
        Process server = new ProcessBuilder("node", "tests/browser/serve.mjs", "0").directory(project.toFile())
                .redirectErrorStream(true).start();
        server.getOutputStream().close();
        String first = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
        Matcher m = URL.matcher(first == null ? "" : first);
        boolean listening = m.find();
        if (!listening) {
            server.destroyForcibly();
        }
        assertThat(listening).as("serve.mjs printed its address, not: %s", first).isTrue();
        return new ServedProject(server, m.group(1));
    }

    /** The base URL, ending in a slash. */
    String url() {
        return url;
    }

    @Override
    public void close() {
        server.destroy();
    }
}
