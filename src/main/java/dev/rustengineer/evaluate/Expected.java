package dev.rustengineer.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.advise.Advice;
import dev.rustengineer.advise.Escalation;
import dev.rustengineer.advise.Handoff;
import dev.rustengineer.brief.Field;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields a corpus brief is scored on, each read the same way from the label and from the advice. Sets
 * (languages, escalations) must be equal; handoffs listed must all be present.
 */
public enum Expected {
    INVOKE("invoke") {
        @Override
        String actual(Advice a) {
            return String.valueOf(a.invoke());
        }
    },
    ROUTE("route") {
        @Override
        String actual(Advice a) {
            return a.route();
        }
    },
    LANGUAGES("languages") {
        @Override
        String actual(Advice a) {
            return new TreeSet<>(a.languages()).toString();
        }

        @Override
        String expected(JsonNode v) {
            return set(v).toString();
        }
    },
    KIND("kind") {
        @Override
        String actual(Advice a) {
            return a.brief().string(Field.KIND).orElse("none");
        }
    },
    LATENCY("latency") {
        @Override
        String actual(Advice a) {
            return a.brief().integer(Field.LATENCY_MS).map(Expected::bucket).orElse("none");
        }
    },
    WEB("web") {
        @Override
        String actual(Advice a) {
            return orNone(a.stack().web());
        }
    },
    DB("db") {
        @Override
        String actual(Advice a) {
            return orNone(a.stack().db());
        }
    },
    FFI("ffi") {
        @Override
        String actual(Advice a) {
            return a.stack().ffi() == null ? "none" : a.brief().string(Field.FFI).orElse("none");
        }
    },
    RUNTIME("runtime") {
        @Override
        String actual(Advice a) {
            return orNone(a.stack().runtime());
        }
    },
    TARGET("target") {
        @Override
        String actual(Advice a) {
            return orNone(a.stack().target());
        }
    },
    ESCALATIONS("escalations") {
        @Override
        String actual(Advice a) {
            return new TreeSet<>(a.escalations().stream().map(Escalation::id).toList()).toString();
        }

        @Override
        String expected(JsonNode v) {
            return set(v).toString();
        }
    },
    HANDOFFS("handoffs") {
        @Override
        String actual(Advice a) {
            return new TreeSet<>(a.handoffs().stream().map(Handoff::to).toList()).toString();
        }

        @Override
        boolean matches(JsonNode expected, Advice a) {
            Set<String> got = new TreeSet<>(a.handoffs().stream().map(Handoff::to).toList());
            return got.containsAll(set(expected));
        }
    };

    private final String key;

    Expected(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    abstract String actual(Advice a);

    String expected(JsonNode v) {
        return v.asText();
    }

    boolean matches(JsonNode expected, Advice a) {
        return expected(expected).equals(actual(a));
    }

    static String bucket(int ms) {
        return ms < 10 ? "<10ms" : ms <= 100 ? "10-100ms" : ">100ms";
    }

    private static String orNone(String s) {
        return s == null ? "none" : s;
    }

    private static Set<String> set(JsonNode v) {
        TreeSet<String> s = new TreeSet<>();
        if (v.isArray()) {
            v.forEach(x -> s.add(x.asText()));
        } else if (!v.isNull()) {
            s.add(v.asText());
        }
        return s;
    }

    public static List<Expected> all() {
        return List.of(values());
    }
}
