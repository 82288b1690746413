package dev.rustengineer.generate;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mustache (mustache.java) for generated files, made strict: values are written as they are (no HTML escaping),
 * and a placeholder the context does not define is an error, never an empty string. Templates that contain
 * `{{ }}` of their own (GitHub Actions, Helm) switch delimiters on their first line.
 */
public final class TemplateEngine {
    private static final Pattern DELIMITERS = Pattern.compile("\\{\\{=(\\S+) (\\S+)=\\}\\}\\R");

    private final DefaultMustacheFactory factory = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** Renders {@code template} (named {@code name} in errors) with {@code context}. */
    public String render(String name, String template, Map<String, Object> context) {
        // A first line such as {{=<% %>=}} switches delimiters for the whole file; mustache.java would leave the
        // line's newline behind, so it is taken off here and the delimiters are given to the compiler instead.
        Matcher d = DELIMITERS.matcher(template);
        Mustache m = d.lookingAt()
                ? factory.compile(new StringReader(template.substring(d.end())), name, d.group(1), d.group(2))
                : factory.compile(new StringReader(template), name);
        check(name, m.getCodes(), context);
        StringWriter out = new StringWriter();
        m.execute(out, context);
        return out.toString();
    }

    /** Every name a template uses must resolve in the context (sections' own `.` excepted). */
    private static void check(String template, Code[] codes, Map<String, Object> context) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            String name = code.getName();
            if (name != null && !name.isEmpty() && !name.equals(".") && !resolves(name, context)) {
                throw new IllegalStateException("template " + template + " uses undefined placeholder '" + name + "'");
            }
            check(template, code.getCodes(), context);
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean resolves(String dotted, Map<String, Object> context) {
        Object current = context;
        for (String part : dotted.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return false;
            }
            current = ((Map<String, Object>) map).get(part);
        }
        return true;
    }
}
