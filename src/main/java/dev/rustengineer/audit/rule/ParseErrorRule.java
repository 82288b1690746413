package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import org.treesitter.TSNode;

/** parse-error: a part of the file that does not parse (the rest is still audited). */
public record ParseErrorRule() implements Rule {
    @Override
    public String id() {
        return "parse-error";
    }

    @Override
    public void check(FileContext c, Report report) {
        for (TSNode e : c.file().errors()) {
            String snippet = c.text(e).strip().replaceAll("\\s+", " ");
            report.at(e, "does not parse: `" + (snippet.length() > 40 ? snippet.substring(0, 40) + "…" : snippet) + "`");
        }
    }
}
