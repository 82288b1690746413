package dev.rustengineer.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.brief.Field;
import dev.rustengineer.brief.FieldType;

/** Every option a client can send, with types and allowed values, for building forms (like start.spring.io's). */
final class Metadata {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Metadata() {}

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
