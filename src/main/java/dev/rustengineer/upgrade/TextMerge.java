package dev.rustengineer.upgrade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;

/**
 * The three-way merge of one file's lines, by JGit (git's own algorithm in Java, histogram diff): a side that
 * changed a region wins over the side that did not; where both changed the same lines differently the result
 * holds both between git's standard markers ({@code <<<<<<< yours}, {@code =======}, {@code >>>>>>> LABEL}).
 */
final class TextMerge {
    /** The label of the user's side in conflict markers. */
    static final String YOURS = "yours";

    private TextMerge() {}

    /**
     * @param content the merged bytes (the user's own when a binary file changed on both sides)
     * @param conflicts how many regions hold conflict markers (for a binary file changed on both sides, 1 and no markers)
     */
    record Merged(byte[] content, int conflicts) {}

    /**
     * @param base the file as generated then; empty when both sides added the file
     * @param theirsLabel names the generated side in the markers, e.g. "rust-engineer 0.2.0"
     */
    static Merged merge(byte[] base, byte[] ours, byte[] theirs, String theirsLabel) {
        if (RawText.isBinary(ours) || RawText.isBinary(theirs) || RawText.isBinary(base)) {
            return new Merged(ours, 1);
        }
        MergeAlgorithm algorithm = new MergeAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM));
        MergeResult<RawText> result = algorithm.merge(RawTextComparator.DEFAULT, new RawText(base), new RawText(ours),
                new RawText(theirs));
        int conflicts = 0;
        for (MergeChunk chunk : result) {
            if (chunk.getConflictState() == MergeChunk.ConflictState.FIRST_CONFLICTING_RANGE) {
                conflicts++;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new MergeFormatter().formatMerge(out, result, List.of("generated then", YOURS, theirsLabel), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return new Merged(out.toByteArray(), conflicts);
    }
}
