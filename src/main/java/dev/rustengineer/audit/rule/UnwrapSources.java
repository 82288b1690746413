package dev.rustengineer.audit.rule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.knowledge.YamlDoc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API families whose `Result`/`Option` fails because of something outside the program at run time
 * (audit/knowledge.yaml `unwrap_external_functions`, `unwrap_external_methods`): unwrap-in-production reports an
 * unwrap only when its value comes from one of them. Read once, checked at load so a typo names the file and line.
 *
 * @param functions a function by its last segment (`from_utf8`), its last two (`CString::new`) or a module's
 *                  every function (`fs::*`)
 * @param methods   a method by name, with the number of arguments it must be given when the name is written with
 *                  one (`spawn/0`: `Command::spawn()`, not `thread::Builder::spawn(f)`), or -1 for any
 */
record UnwrapSources(Set<String> functions, Map<String, Integer> methods) {
    private static final String FILE = "audit/knowledge.yaml";
    private static final UnwrapSources BUNDLED = load();

    static UnwrapSources bundled() {
        return BUNDLED;
    }

    /** A function call's callee (`std::str::from_utf8`, `Address::from_str`, `fs::read`) is one of the families. */
    boolean function(String callee) {
        String[] segments = callee.replaceAll("::<.*>", "").replaceAll("\\s+", "").split("::");
        String last = segments[segments.length - 1];
        if (functions.contains(last)) {
            return true;
        }
        if (segments.length < 2) {
            return false;
        }
        String module = segments[segments.length - 2];
        return functions.contains(module + "::" + last) || functions.contains(module + "::*");
    }

    boolean method(String name, int arguments) {
        Integer arity = methods.get(name);
        return arity != null && (arity < 0 || arity == arguments);
    }

    private static UnwrapSources load() {
        try (InputStream in = UnwrapSources.class.getResourceAsStream("/" + FILE)) {
            YamlDoc doc = YamlDoc.read(FILE, in);
            JsonNode r = doc.root();
            Set<String> functions = new HashSet<>();
            for (String f : required(doc, r, "unwrap_external_functions")) {
                if (!f.matches("(?:[A-Za-z_]\\w*::)?(?:[A-Za-z_]\\w*|\\*)")) {
                    throw doc.error(r, "unwrap_external_functions", "'" + f + "' is not a name, Type::name or module::*");
                }
                functions.add(f);
            }
            Map<String, Integer> methods = new HashMap<>();
            for (String m : required(doc, r, "unwrap_external_methods")) {
                if (!m.matches("[A-Za-z_]\\w*(?:/\\d)?")) {
                    throw doc.error(r, "unwrap_external_methods", "'" + m + "' is not a method name or name/arity");
                }
                int slash = m.indexOf('/');
                methods.put(slash < 0 ? m : m.substring(0, slash), slash < 0 ? -1 : Integer.parseInt(m.substring(slash + 1)));
            }
            return new UnwrapSources(Set.copyOf(functions), Map.copyOf(methods));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> required(YamlDoc doc, JsonNode root, String key) {
        List<String> values = doc.texts(root, key);
        if (values.isEmpty()) {
            throw doc.error(root, key, "'" + key + "' must be a non-empty list");
        }
        return values;
    }
}
