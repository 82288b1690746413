package dev.rustengineer.upgrade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** A file's change as a unified diff (git's format, three lines of context), by JGit's diff and formatter. */
final class UnifiedDiff {
    private UnifiedDiff() {}

    /** @param before null for a file that is added; @param after null for one that is removed */
    static String of(String path, byte[] before, byte[] after) {
        byte[] a = before == null ? new byte[0] : before;
        byte[] b = after == null ? new byte[0] : after;
        String from = before == null ? "/dev/null" : "a/" + path;
        String to = after == null ? "/dev/null" : "b/" + path;
        if (RawText.isBinary(a) || RawText.isBinary(b)) {
            return "Binary files " + from + " and " + to + " differ\n";
        }
        String header = "--- " + from + "\n+++ " + to + "\n";
        RawText ra = new RawText(a);
        RawText rb = new RawText(b);
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM).diff(RawTextComparator.DEFAULT, ra, rb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter f = new DiffFormatter(out)) {
            f.setContext(3);
            f.format(edits, ra, rb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return edits.isEmpty() ? "" : header + out.toString(StandardCharsets.UTF_8);
    }
}
