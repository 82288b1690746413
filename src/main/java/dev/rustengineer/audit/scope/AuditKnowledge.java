package dev.rustengineer.audit.scope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.knowledge.YamlDoc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the audit's analyses know about Rust APIs and macros (src/main/resources/audit/knowledge.yaml): test
 * attributes and macros, item-wrapping macros, blocking calls, lock and database types, the places an unwrap has
 * no error channel. Read once, checked at
 * load so a typo names the file and line.
 */
public record AuditKnowledge(Set<String> testAttributes, Set<String> testMacros, Set<String> itemMacros,
        List<String> itemMacroPrefixes, Set<String> asyncMacros, Set<String> templateMacros, Set<String> assertionMacros,
        Set<String> inlineClosureMethods, Set<String> blockingFunctions, List<String> blockingPrefixes,
        Set<String> blockingMethods, Set<String> blockingPathMethods, Set<String> blockingPathMethodsUntyped,
        Set<String> syncLocks, Set<String> asyncLocks, Set<String> dbHandleTypes, Set<String> dbHandleNames,
        Set<String> dbHandleAccessors, Set<String> dbHandleMethods, Set<String> dbTransactionMethods,
        Set<String> sqlxQueryFunctions, Set<String> sqlxQueryMacros, Set<String> queryExecutionMethods,
        Set<String> dieselRunMethods, Set<String> dbHandleTraits, Set<String> lazyInitialiserTypes,
        Set<String> lazyInitialiserMethods, Set<String> lazyInitialiserMacros, Set<String> noErrorChannelTraits,
        Set<String> signalRegistrations) {

    private static final String FILE = "audit/knowledge.yaml";
    private static final AuditKnowledge BUNDLED = load();

    public static AuditKnowledge bundled() {
        return BUNDLED;
    }

    private static AuditKnowledge load() {
        try (InputStream in = AuditKnowledge.class.getResourceAsStream("/" + FILE)) {
            YamlDoc doc = YamlDoc.read(FILE, in);
            JsonNode r = doc.root();
            return new AuditKnowledge(names(doc, r, "test_attributes"), names(doc, r, "test_macros"),
                    names(doc, r, "item_macros"), List.copyOf(required(doc, r, "item_macro_prefixes")),
                    names(doc, r, "async_macros"), names(doc, r, "template_macros"), names(doc, r, "assertion_macros"),
                    names(doc, r, "inline_closure_methods"), paths(doc, r, "blocking_functions"),
                    List.copyOf(required(doc, r, "blocking_prefixes")), names(doc, r, "blocking_methods"),
                    names(doc, r, "blocking_path_methods"), names(doc, r, "blocking_path_methods_untyped"),
                    paths(doc, r, "sync_locks"), paths(doc, r, "async_locks"), paths(doc, r, "db_handle_types"),
                    names(doc, r, "db_handle_names"), names(doc, r, "db_handle_accessors"), names(doc, r, "db_handle_methods"),
                    names(doc, r, "db_transaction_methods"), paths(doc, r, "sqlx_query_functions"),
                    names(doc, r, "sqlx_query_macros"), names(doc, r, "query_execution_methods"),
                    names(doc, r, "diesel_run_methods"), names(doc, r, "db_handle_traits"),
                    names(doc, r, "lazy_initialiser_types"), names(doc, r, "lazy_initialiser_methods"),
                    names(doc, r, "lazy_initialiser_macros"), names(doc, r, "no_error_channel_traits"),
                    names(doc, r, "signal_registrations"));
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

    /** Plain identifiers: a path or a space here is a mistake. */
    private static Set<String> names(YamlDoc doc, JsonNode root, String key) {
        Set<String> out = new HashSet<>();
        for (String v : required(doc, root, key)) {
            if (!v.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw doc.error(root, key, "'" + v + "' in '" + key + "' is not an identifier");
            }
            out.add(v);
        }
        return Set.copyOf(out);
    }

    /** Paths such as std::fs::read (at least two segments, no generics). */
    private static Set<String> paths(YamlDoc doc, JsonNode root, String key) {
        Set<String> out = new HashSet<>();
        for (String v : required(doc, root, key)) {
            if (!v.matches("[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)+")) {
                throw doc.error(root, key, "'" + v + "' in '" + key + "' is not a path like std::fs::read");
            }
            out.add(v);
        }
        return Set.copyOf(out);
    }

    /** Whether a macro (by its last path segment) wraps items or async statements that should be parsed again. */
    public boolean wrapsItems(String macroName) {
        return itemMacros.contains(macroName) || asyncMacros.contains(macroName) || itemMacroPrefixes.stream().anyMatch(macroName::startsWith);
    }

    public boolean isBlockingFunction(String canonicalPath) {
        return blockingFunctions.contains(canonicalPath) || blockingPrefixes.stream().anyMatch(canonicalPath::startsWith);
    }

    /** Whether a trait, by its last segment, is one that database handles implement (`impl Connection`, `E: PgExecutor<'c>`). */
    public boolean isDbHandleTrait(String traitPath) {
        int i = traitPath.lastIndexOf("::");
        return dbHandleTraits.contains(i < 0 ? traitPath : traitPath.substring(i + 2));
    }

    /** Whether a type, by resolved path or its own last segment, is a database handle. */
    public boolean isDbHandle(String canonicalPath) {
        if (dbHandleTypes.contains(canonicalPath)) {
            return true;
        }
        int i = canonicalPath.lastIndexOf("::");
        return dbHandleNames.contains(i < 0 ? canonicalPath : canonicalPath.substring(i + 2));
    }
}
