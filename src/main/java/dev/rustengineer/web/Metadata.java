package dev.rustengineer.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.Version;
import dev.rustengineer.blueprint.Offer;
import dev.rustengineer.brief.Field;
import dev.rustengineer.brief.FieldType;
import java.util.List;
import java.util.Map;

/** Every option a client can send, with types and allowed values, for building forms (like start.spring.io's). */
final class Metadata {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Metadata() {}

    /**
     * The brief's fields and the generator's options, each with its values and default.
     *
     * @param specialists who a handoff package can be made for (POST /api/handoffs?to=), listed as handoff_to
     */
    static ObjectNode all(List<Offer> offers, List<String> specialists) {
        ObjectNode root = briefFields();
        root.put("version", Version.current());
        ArrayNode gen = root.putArray("project");
        option(gen, "name", "text", "The cargo package name (required).", null, List.of());
        Map<String, List<String>> choices = Offer.choices(offers);
        option(gen, "project_kind", "enum", "The kind of project (default: from the brief, else service).", "service",
                choices.get("project_kind"));
        option(gen, "web", "enum", "The web framework of a service; offered: what CI proves.", "axum", choices.get("web"));
        option(gen, "db", "enum", "The database engine.", "sqlite", choices.get("db"));
        option(gen, "db_layer", "enum", "The database layer.", "sqlx", choices.get("db_layer"));
        option(gen, "with", "set", "Optional features to switch on (which sets offer which: see 'offers').", null,
                choices.get("with"));
        ArrayNode combos = root.putArray("offers");
        for (Offer o : offers) {
            ObjectNode c = combos.addObject();
            c.put("set", o.set());
            c.put("kind", o.kind().id());
            c.put("label", o.label());
            if (o.caveat() != null) {
                c.put("caveat", o.caveat());
            }
            if (o.web() != null) {
                c.put("web", o.web());
            }
            o.db().forEach(c.withArray("db")::add);
            o.dbLayers().forEach(c.withArray("db_layer")::add);
            o.features().forEach(c.withArray("features")::add);
            o.optional().forEach(c.withArray("optional")::add);
        }
        // Each kind a set generates, with what it means as brief answers, so a form can offer one "kind" that
        // drives both the advice and the generator (the page sends these facts to /api/advise).
        ArrayNode kinds = root.putArray("kinds");
        offers.stream().map(Offer::kind).distinct().forEach(k -> {
            ObjectNode o = kinds.addObject();
            o.put("id", k.id());
            o.put("label", k.label());
            ObjectNode facts = o.putObject("brief");
            k.briefFacts().forEach((field, value) -> facts.set(field.key(), JSON.valueToTree(value)));
        });
        specialists.forEach(root.withArray("handoff_to")::add);
        option(gen, "resource", "text", "The REST resource, plural snake_case (services and gRPC services only).", "items",
                List.of());
        option(gen, "force_rust", "boolean", "Generate even when the advice routes the task away from Rust.", "false", List.of());
        return root;
    }

    private static void option(ArrayNode to, String name, String type, String description, String dflt, List<String> values) {
        ObjectNode o = to.addObject();
        o.put("name", name);
        o.put("type", type);
        o.put("description", description);
        if (dflt != null) {
            o.put("default", dflt);
        }
        if (!values.isEmpty()) {
            ArrayNode v = o.putArray("values");
            values.forEach(v::add);
        }
    }

    static ObjectNode briefFields() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode fields = root.putArray("brief");
        ObjectNode text = fields.addObject();
        text.put("name", "text");
        text.put("type", "text");
        text.put("description", "The brief in plain words; the structured fields below override what it says.");
        for (Field f : Field.values()) {
            ObjectNode o = fields.addObject();
            o.put("name", f.key());
            o.put("type", switch (f.type()) {
                case FieldType.Bool b -> "boolean";
                case FieldType.Int i -> "integer";
                case FieldType.OneOf one -> "enum";
                case FieldType.SetOf set -> "set";
                case FieldType.Text t -> "text";
            });
            o.put("description", f.question());
            if (!f.type().allowed().isEmpty()) {
                ArrayNode values = o.putArray("values");
                f.type().allowed().forEach(values::add);
            }
        }
        return root;
    }
}
