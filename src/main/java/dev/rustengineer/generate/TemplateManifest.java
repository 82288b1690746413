package dev.rustengineer.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.knowledge.YamlDoc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A template set's manifest: its files, grouped by the contributor that owns them, each with its condition. */
public record TemplateManifest(String id, List<Contributor> contributors) {

    /** @param when a boolean of the blueprint context that switches the contributor on; null for always */
    public record Contributor(String id, String when, List<FileEntry> files) {}

    public record FileEntry(String template, String path) {}

    public static TemplateManifest load(String templateSet) {
        String resource = "/templates/" + templateSet + "/manifest.yaml";
        try (InputStream in = TemplateManifest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no template set '" + templateSet + "'");
            }
            YamlDoc doc = YamlDoc.read("templates/" + templateSet + "/manifest.yaml", in);
            List<Contributor> contributors = new ArrayList<>();
            for (JsonNode c : doc.list(doc.root(), "contributors")) {
                List<FileEntry> files = new ArrayList<>();
                for (JsonNode f : doc.list(c, "files")) {
                    files.add(new FileEntry(doc.text(f, "template"), doc.text(f, "path")));
                }
                contributors.add(new Contributor(doc.text(c, "id"), doc.optText(c, "when"), List.copyOf(files)));
            }
            return new TemplateManifest(doc.text(doc.root(), "id"), List.copyOf(contributors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
