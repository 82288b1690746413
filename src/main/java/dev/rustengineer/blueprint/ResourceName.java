package dev.rustengineer.blueprint;

import dev.rustengineer.UsageException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST resource a service manages, in the forms the code needs: plural snake case for paths, tables and the
 * module ({@code orders}), singular for function names ({@code order}), Pascal case for types ({@code Order}); the
 * plural in Pascal case ({@link #pascalPlural()}) names what speaks of many, such as a gRPC {@code ListOrders}.
 */
public record ResourceName(String plural, String singular, String pascal) {
    /** Modules the generated service already has; a resource with one of these names would clash. */
    private static final Set<String> TAKEN = Set.of("app", "config", "db", "error", "health", "metrics", "openapi",
            "telemetry", "main", "lib", "common", "tests");
    private static final Pattern FROM_BRIEF = Pattern.compile(
            "\\b(?:api|service|backend|server|crud|endpoints?)\\s+(?:for|of|to manage|managing|handling|that manages|that stores)\\s+(?:our\\s+|the\\s+|customer\\s+)?([a-z][a-z_]{1,30})\\b",
            Pattern.CASE_INSENSITIVE);

    public static ResourceName defaultName() {
        return of("items");
    }

    /** Reads a resource from a brief ("REST API for orders" gives orders), when the brief names one. */
    public static Optional<ResourceName> fromBrief(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FROM_BRIEF.matcher(text);
        while (m.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            if (word.equals("data") || word.equals("real") || word.length() < 3) {
                continue;
            }
            try {
                return Optional.of(of(word));
            } catch (UsageException e) {
                // A word that is no good as a resource (a keyword, a module name): look further or keep the default.
            }
        }
        return Optional.empty();
    }

    /** A resource from a plural ("orders") or a singular ("order") snake-case name. */
    public static ResourceName of(String raw) {
        String name = raw.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!name.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new UsageException("resource '" + raw + "' must be a snake_case word such as 'orders' (a letter, then letters, digits or '_')");
        }
        // "address" and "status" are singular although they end in s.
        boolean givenPlural = name.endsWith("s") && !name.endsWith("ss") && !name.endsWith("us");
        String plural = givenPlural ? name : pluralOf(name);
        String singular = givenPlural ? singularOf(name) : name;
        return checked(raw, plural, singular);
    }

    /**
     * A resource as a project's record states it: both forms, because a plural made from a singular does not
     * always give that singular back ("bus", "buses"). Checked as {@link #of} checks a name.
     */
    public static ResourceName recorded(String plural, String singular) {
        for (String form : new String[] {plural, singular}) {
            if (form == null || !form.matches("[a-z][a-z0-9_]{0,39}")) {
                throw new UsageException("resource '" + form + "' must be a snake_case word such as 'orders'");
            }
        }
        return checked(plural, plural, singular);
    }

    private static ResourceName checked(String raw, String plural, String singular) {
        if (plural.equals(singular)) {
            throw new UsageException("resource '" + raw + "' has the same singular and plural; name it in the plural, e.g. 'records'");
        }
        // The plural names the module, so it must be a free identifier; the singular only ever appears inside
        // longer identifiers (create_order) and text.
        if (TAKEN.contains(plural)) {
            throw new UsageException("resource '" + raw + "' would clash with the service's own module '" + plural + "'; choose another name");
        }
        try {
            new ProjectName(plural);
        } catch (UsageException e) {
            throw new UsageException("resource '" + raw + "' cannot be used: '" + plural + "' is a Rust keyword or reserved name");
        }
        return new ResourceName(plural, singular, pascal(singular));
    }

    /** The plural in Pascal case, for names that speak of many ({@code ListOrders}, {@code ListLineItemsRequest}). */
    public String pascalPlural() {
        return pascal(plural);
    }

    private static String pluralOf(String s) {
        if (s.endsWith("y") && s.length() > 1 && "aeiou".indexOf(s.charAt(s.length() - 2)) < 0) {
            return s.substring(0, s.length() - 1) + "ies";
        }
        if (s.endsWith("s") || s.endsWith("x") || s.endsWith("ch") || s.endsWith("sh") || s.endsWith("z")) {
            return s + "es";
        }
        return s + "s";
    }

    private static String singularOf(String s) {
        if (s.endsWith("ies") && s.length() > 3) {
            return s.substring(0, s.length() - 3) + "y";
        }
        if (s.endsWith("sses") || s.endsWith("xes") || s.endsWith("ches") || s.endsWith("shes") || s.endsWith("zes")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("ss") || s.endsWith("us")) {
            return s;
        }
        return s.substring(0, s.length() - 1);
    }

    /** snake_case in PascalCase: {@code order_items} -> {@code OrderItems}. */
    static String pascal(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
