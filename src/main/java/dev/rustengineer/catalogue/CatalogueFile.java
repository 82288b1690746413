package dev.rustengineer.catalogue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes new versions into knowledge/crates.yaml in place: each crate's `version:` in its one-line entry, and the
 * `checked:` date. Line edits rather than a YAML library, which would drop the comments and the one-line layout
 * that say why each crate is there.
 */
public final class CatalogueFile {
    private static final Pattern CHECKED = Pattern.compile("(?m)^checked: .*$");

    private CatalogueFile() {}

    /**
     * @param versions crate name to its new version
     * @throws IllegalArgumentException when a crate's entry is not found exactly once
     */
    public static String rewrite(String yaml, Map<String, String> versions, String checked) {
        String out = yaml;
        for (var v : versions.entrySet()) {
            Pattern entry = Pattern.compile("(?m)^(\\s*-\\s*\\{\\s*name:\\s*" + Pattern.quote(v.getKey()) + "\\s*,\\s*version:\\s*)([^,}\\s]+)");
            Matcher m = entry.matcher(out);
            if (!m.find()) {
                throw new IllegalArgumentException("no one-line entry {name: " + v.getKey() + ", version: ...} in the catalogue");
            }
            int start = m.start(2);
            int end = m.end(2);
            if (m.find()) {
                throw new IllegalArgumentException("crate " + v.getKey() + " is listed twice in the catalogue");
            }
            out = out.substring(0, start) + v.getValue() + out.substring(end);
        }
        Matcher c = CHECKED.matcher(out);
        return c.find() ? c.replaceFirst("checked: " + checked) : out;
    }
}
