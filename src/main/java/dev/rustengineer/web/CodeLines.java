package dev.rustengineer.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Each audit finding with its code line, for the page: the sources are gone after the request. */
final class CodeLines {
    private CodeLines() {}

    static void attach(ObjectNode findings, Path dir) throws IOException {
        for (var f : findings.withArray("findings")) {
            var file = dir.resolve(f.get("file").asText());
            if (Files.isRegularFile(file)) {
                // Read as Latin-1 so a file that is not UTF-8 still reads; the line is decoded as UTF-8 afterwards.
                var lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                int n = f.get("line").asInt();
                if (n >= 1 && n <= lines.size()) {
                    ((ObjectNode) f).put("code", new String(lines.get(n - 1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                }
            }
        }
    }
}
