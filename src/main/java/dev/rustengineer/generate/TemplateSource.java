package dev.rustengineer.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where the generator reads a template's text: the bundled class-path resources. Tests put an older generator
 * state here (a template as it was) to prove that `upgrade` carries a project from it to the current one.
 */
@FunctionalInterface
public interface TemplateSource {
    /** @param resource a class-path resource such as /templates/axum-service/src/main.rs.mustache */
    String read(String resource);

    static TemplateSource bundled() {
        return resource -> {
            try (InputStream in = TemplateSource.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing template " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
