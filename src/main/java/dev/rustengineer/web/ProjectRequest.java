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
 * options (name, web, db, db_layer, with, resource, force_rust), as JSON or form parameters.
 */
record ProjectRequest(Brief brief, NewOptions options) {
    static final Set<String> OPTION_KEYS = Set.of("name", "project_kind", "web", "db", "db_layer", "with", "resource", "force_rust");

    static ProjectRequest read(ObjectNode body, RustEngineer re) {
        ObjectNode briefPart = body.deepCopy();
        OPTION_KEYS.forEach(briefPart::remove);
        Brief brief = briefPart.isEmpty() ? Brief.empty() : re.readBrief(briefPart, "request body");
        String name = text(body, "name");
        if (name == null) {
            throw new ApiError(400, "'name' is required: the cargo package name, e.g. orders");
        }
        List<String> with = new ArrayList<>();
        JsonNode w = body.get("with");
        if (w != null && w.isArray()) {
            w.forEach(x -> with.add(x.asText()));
        } else if (w != null && !w.isNull()) {
            with.addAll(List.of(w.asText().split(",")));
        }
        JsonNode force = body.get("force_rust");
        boolean forceRust = force != null && (force.asBoolean() || "true".equalsIgnoreCase(force.asText()));
        return new ProjectRequest(brief, new NewOptions(name, text(body, "project_kind"), text(body, "web"), text(body, "db"), text(body, "db_layer"), with,
                text(body, "resource"), forceRust));
    }

    private static String text(ObjectNode body, String key) {
        JsonNode v = body.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
