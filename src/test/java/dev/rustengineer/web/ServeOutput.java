package dev.rustengineer.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a started `serve` process's output in the ITs: the line that says where it listens, or any other. */
final class ServeOutput {
    static final Pattern SERVING = Pattern.compile("serving on (http://\\S+?)/?$");

    private ServeOutput() {}

    /** The base URL `serve` printed ("serving on http://127.0.0.1:PORT"). */
    static String baseUrl(Process server) throws IOException {
        return find(new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)), SERVING);
    }

    /** The first group of the first line (stripped) that the pattern finds. */
    static String find(BufferedReader out, Pattern pattern) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = pattern.matcher(line.strip());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("serve ended before it printed " + pattern);
    }
}
