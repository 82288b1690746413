package dev.rustengineer.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.blueprint.Offer;
import dev.rustengineer.knowledge.CrateCatalogue;
import dev.rustengineer.knowledge.YamlDoc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every template set, listed in templates/sets.yaml (a jar's folders cannot be listed, so the index says which
 * sets exist), each manifest loaded and validated once at start-up.
 */
public final class TemplateSets {
    private static final String INDEX = "templates/sets.yaml";

    private final Map<String, TemplateManifest> sets;

    private TemplateSets(Map<String, TemplateManifest> sets) {
        this.sets = sets;
    }

    public static TemplateSets bundled(CrateCatalogue catalogue) {
        try (InputStream in = TemplateSets.class.getResourceAsStream("/" + INDEX)) {
            if (in == null) {
                throw new IllegalStateException("missing " + INDEX);
            }
            YamlDoc doc = YamlDoc.read(INDEX, in);
            Map<String, TemplateManifest> sets = new LinkedHashMap<>();
            for (JsonNode s : doc.list(doc.root(), "sets")) {
                String id = s.asText();
                if (sets.put(id, TemplateManifest.load(id, catalogue)) != null) {
                    throw doc.error(doc.root(), "sets", "set '" + id + "' is listed twice");
                }
            }
            return new TemplateSets(Collections.unmodifiableMap(sets));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TemplateManifest get(String set) {
        TemplateManifest m = sets.get(set);
        if (m == null) {
            throw new IllegalStateException("no template set '" + set + "'");
        }
        return m;
    }

    /** What one set offers, if this generator has the set. */
    public Optional<Offer> offer(String set) {
        return Optional.ofNullable(sets.get(set)).map(TemplateManifest::offer);
    }

    /** What every set offers, in the order of the index (the first set of a kind is its default). */
    public List<Offer> offers() {
        return ids().stream().map(id -> sets.get(id).offer()).toList();
    }

    /** The set ids in the index's order. */
    public List<String> ids() {
        return List.copyOf(sets.keySet());
    }
}
