package dev.rustengineer.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.blueprint.NewOptions;
import dev.rustengineer.brief.Brief;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A request for a generated project: the brief (text and fields, as for /api/advise) plus the generator's own
 * options (name, web, db, db_layer, with, resource, force_rust), from a body {@link BriefBody} has checked against
 * the ProjectRequest schema (so name is there and every value has its type).
 */
record ProjectRequest(Brief brief, NewOptions options) {
    static final Set<String> OPTION_KEYS = Set.of("name", "project_kind", "web", "db", "db_layer", "with", "resource", "force_rust");

    static ProjectRequest read(ObjectNode body, RustEngineer re) {
        ObjectNode briefPart = body.deepCopy();
        OPTION_KEYS.forEach(briefPart::remove);
        Brief brief = briefPart.isEmpty() ? Brief.empty() : re.readBrief(briefPart, "request body");
        List<String> with = new ArrayList<>();
        body.path("with").forEach(x -> with.add(x.asText()));
        return new ProjectRequest(brief, new NewOptions(body.get("name").asText(), text(body, "project_kind"), text(body, "web"),
                text(body, "db"), text(body, "db_layer"), with, text(body, "resource"), body.path("force_rust").asBoolean(false)));
    }

    private static String text(ObjectNode body, String key) {
        JsonNode v = body.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
