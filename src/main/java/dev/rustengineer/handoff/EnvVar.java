package dev.rustengineer.handoff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An environment variable the service reads, with its default and meaning: from the README's configuration
 * table where it has one (a generated README does), and every variable the source reads through
 * {@code env::var}, {@code var_os} or a lookup function, so an existing project's variables are found too.
 *
 * @param defaultValue null when neither the README nor the source says
 * @param where the file (and line) that reads it, or the README
 */
public record EnvVar(String name, String defaultValue, String meaning, String where) {

    private static final Pattern README_ROW = Pattern.compile("^\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|\\s*([^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|\\s*$");
    private static final Pattern READ = Pattern.compile(
            "(?:env::var(?:_os)?|lookup|number|env_or|get_env)\\(\\s*\"([A-Z][A-Z0-9_]*)\"\\s*(?:,\\s*([^)]+?))?\\s*\\)"
            + "(?:\\s*\\.unwrap_or_else\\(\\|[^|]*\\|\\s*\"([^\"]*)\"|\\s*\\.unwrap_or\\(\\s*\"([^\"]*)\")?");

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

    /** The values a Dockerfile's {@code ENV} instructions set in the image (the last stage's win). */
    public static Map<String, String> inImage(String dockerfile) {
        Map<String, String> out = new LinkedHashMap<>();
        String joined = dockerfile.replaceAll("\\\\\\R", " ");
        for (String line : joined.lines().toList()) {
            String t = line.strip();
            if (t.regionMatches(true, 0, "ENV ", 0, 4)) {
                Matcher m = ENV_PAIR.matcher(t.substring(4));
                while (m.find()) {
                    out.put(m.group(1), m.group(2).replace("\"", ""));
                }
            }
        }
        return out;
    }

    public static List<EnvVar> of(RustProject project) {
        Map<String, EnvVar> found = new LinkedHashMap<>();
        for (String line : project.readme().lines().toList()) {
            Matcher m = README_ROW.matcher(line);
            if (m.matches()) {
                String def = m.group(2).replace("`", "").strip();
                found.putIfAbsent(m.group(1), new EnvVar(m.group(1), def.isEmpty() || def.equals("-") ? null : def,
                        m.group(3).replace("`", ""), "README.md"));
            }
        }
        for (var source : project.sources().entrySet()) {
            if (source.getKey().startsWith("tests/") || source.getKey().equals("build.rs")) {
                continue;
            }
            String text = source.getValue();
            Matcher m = READ.matcher(text);
            while (m.find()) {
                String name = m.group(1);
                String def = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(2);
                int line = (int) text.substring(0, m.start()).lines().count();
                String where = source.getKey() + ":" + Math.max(1, line);
                found.merge(name, new EnvVar(name, def == null ? null : def.strip(), "", where),
                        (old, neu) -> new EnvVar(old.name(), old.defaultValue() != null ? old.defaultValue() : neu.defaultValue(),
                                old.meaning(), old.where().equals("README.md") ? neu.where() : old.where()));
            }
        }
        inImage(project.file("Dockerfile").orElse("")).forEach((name, value) ->
                found.putIfAbsent(name, new EnvVar(name, null, "set only in the image", "Dockerfile ENV")));
        return new ArrayList<>(found.values());
    }
}
