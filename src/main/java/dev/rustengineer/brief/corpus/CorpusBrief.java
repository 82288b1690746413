package dev.rustengineer.brief.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * One labelled brief of the corpus: who wrote it (its source file), its text, the split it was put in once by a
 * seeded shuffle, and what a Rust engineer following the spec answers (see briefs/LABELLING.md).
 */
public record CorpusBrief(String id, String source, String text, Split split, JsonNode expect) {

    /** The fixed part of the corpus a brief belongs to: train and dev tune the reader, test only measures it. */
    public enum Split {
        TRAIN, DEV, TEST;

        public static Split of(String s) {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        }
    }

    public boolean has(String field) {
        return expect.has(field) && !expect.get(field).isNull();
    }

    public String text(String field) {
        return has(field) ? expect.get(field).asText() : null;
    }
}
