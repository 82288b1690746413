package dev.rustengineer.advise;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.brief.Brief;
import java.util.List;

/**
 * The public JSON form of an {@link Advice}: exactly the keys invoke, route, languages, stack, decisions,
 * escalations, handoffs, brief, notes, questions. Built by hand (not by record serialisation) so the contract
 * cannot drift when a record gains a component; a test pins the keys.
 */
public final class AdviceJson {
    public static final List<String> TOP_LEVEL_KEYS = List.of(
            "invoke", "route", "languages", "stack", "decisions", "escalations", "handoffs", "brief", "notes", "questions");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AdviceJson() {}

    public static ObjectNode toJson(Advice a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("invoke", a.invoke());
        o.put("route", a.route());
        strings(o.putArray("languages"), a.languages());
        ObjectNode stack = o.putObject("stack");
        Stack s = a.stack();
        putIf(stack, "runtime", s.runtime());
        putIf(stack, "web", s.web());
        putIf(stack, "db", s.db());
        putIf(stack, "ffi", s.ffi());
        putIf(stack, "target", s.target());
        if (!s.features().isEmpty()) {
            strings(stack.putArray("features"), s.features());
        }
        ArrayNode decisions = o.putArray("decisions");
        for (Decision d : a.decisions()) {
            ObjectNode dn = decisions.addObject();
            dn.put("framework", d.framework());
            ArrayNode path = dn.putArray("path");
            for (Decision.Step step : d.path()) {
                ObjectNode sn = path.addObject();
                sn.put("node", step.node());
                sn.put("question", step.question());
                sn.put("answer", step.answer());
                sn.put("assumed", step.assumed());
            }
            dn.put("outcome", d.outcome());
            dn.put("rationale", d.rationale());
            if (!d.advisories().isEmpty()) {
                strings(dn.putArray("advisories"), d.advisories());
            }
        }
        ArrayNode esc = o.putArray("escalations");
        for (Escalation e : a.escalations()) {
            ObjectNode en = esc.addObject();
            en.put("id", e.id());
            en.put("to", e.to());
            en.put("reason", e.reason());
            strings(en.putArray("evidence"), e.evidence());
        }
        ArrayNode handoffs = o.putArray("handoffs");
        for (Handoff h : a.handoffs()) {
            ObjectNode hn = handoffs.addObject();
            hn.put("to", h.to());
            hn.put("why", h.why());
            strings(hn.putArray("artifacts"), h.artifacts());
        }
        o.set("brief", brief(a.brief()));
        strings(o.putArray("notes"), a.notes());
        strings(o.putArray("questions"), a.questions());
        return o;
    }

    public static ObjectNode brief(Brief b) {
        ObjectNode bn = MAPPER.createObjectNode();
        if (b.text() != null) {
            bn.put("text", b.text());
        }
        ObjectNode fields = bn.putObject("fields");
        b.asMap().forEach((k, v) -> fields.set(k, MAPPER.valueToTree(v)));
        ObjectNode evidence = bn.putObject("evidence");
        b.evidence().forEach((f, e) -> {
            ObjectNode en = evidence.putObject(f.key());
            en.put("source", e.source());
            en.put("words", e.words());
            if (e.rule() != null) {
                en.put("rule", e.rule());
            }
        });
        return bn;
    }

    public static String render(Advice a, boolean pretty) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(a))
                    : MAPPER.writeValueAsString(toJson(a));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("advice JSON cannot fail to serialise", e);
        }
    }

    private static void putIf(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

}
