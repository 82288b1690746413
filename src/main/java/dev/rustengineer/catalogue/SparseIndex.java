package dev.rustengineer.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.UsageException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.semver4j.Semver;

/**
 * The crates registry's index over cargo's sparse protocol (RFC 2789): one file per crate, one JSON object per
 * published version, at a path made from the crate's name (1/a, 2/ab, 3/a/abc, ab/cd/abcd...).
 */
public final class SparseIndex {
    /** crates.io's sparse index, the one cargo reads. */
    public static final URI CRATES_IO = URI.create("https://index.crates.io/");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public SparseIndex(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    /** Every release of {@code crate} the index lists, in its order (oldest first). */
    public List<Release> releases(String crate) {
        URI uri = base.resolve(path(crate));
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UsageException("cannot reach the crates index at " + uri + ": " + e.getMessage() + " (--index names another)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while reading the crates index");
        }
        if (r.statusCode() != 200) {
            throw new UsageException("the crates index answered " + r.statusCode() + " for " + crate + " (" + uri + ")");
        }
        List<Release> releases = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode v = JSON.readTree(line);
                Semver version = Semver.parse(v.path("vers").asText());
                if (version != null) {
                    String rust = v.path("rust_version").asText(null);
                    releases.add(new Release(version, v.path("yanked").asBoolean(false), rust == null ? null : Semver.coerce(rust)));
                }
            } catch (IOException e) {
                throw new UsageException("the crates index's entry for " + crate + " is not JSON: " + e.getMessage());
            }
        }
        return List.copyOf(releases);
    }

    /** Where the index keeps a crate's file (cargo's layout; names are looked up in lower case). */
    static String path(String crate) {
        String n = crate.toLowerCase(Locale.ROOT);
        return switch (n.length()) {
            case 1 -> "1/" + n;
            case 2 -> "2/" + n;
            case 3 -> "3/" + n.charAt(0) + "/" + n;
            default -> n.substring(0, 2) + "/" + n.substring(2, 4) + "/" + n;
        };
    }
}
