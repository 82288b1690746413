package dev.rustengineer.audit.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings a team has accepted, by fingerprint: `--baseline FILE` reads it (those findings are not new),
 * `--update-baseline` writes it. The file is made to be committed and reviewed: entries sorted by file, rule and
 * fingerprint, paths relative to the audited root, no line numbers (they move when code is inserted above), no
 * timestamps and no absolute paths, so an update diffs as the findings that came and went.
 *
 * @param entries what the file lists
 */
public record Baseline(List<Entry> entries) {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One accepted finding; rule, file and message are for the reader, the fingerprint is what matches. */
    public record Entry(String fingerprint, String rule, String file, String message) {}

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::file).thenComparing(Entry::rule)
            .thenComparing(Entry::fingerprint);

    public Baseline {
        entries = entries.stream().sorted(ORDER).toList();
    }

    /** The baseline that accepts every finding of this report that is not suppressed. */
    public static Baseline of(List<GatedFinding> findings) {
        return new Baseline(findings.stream().filter(g -> g.status() != Status.SUPPRESSED)
                .map(g -> new Entry(g.fingerprint(), g.finding().rule(), g.finding().file(), g.finding().message())).toList());
    }

    public Set<String> fingerprints() {
        Set<String> s = new HashSet<>();
        entries.forEach(e -> s.add(e.fingerprint()));
        return s;
    }

    public static Baseline read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("baseline " + file + " does not exist; write it with --update-baseline");
        } catch (JsonProcessingException e) {
            throw new UsageException("baseline " + file + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read baseline " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject() || root.path("version").asInt() != VERSION || !root.path("findings").isArray()) {
            throw new UsageException("baseline " + file + " is not an audit baseline (version " + VERSION
                    + " with a findings list); write it again with --update-baseline");
        }
        if (!Fingerprints.KEY.equals(root.path("fingerprint").asText())) {
            throw new UsageException("baseline " + file + " holds " + root.path("fingerprint").asText() + " fingerprints, this audit makes "
                    + Fingerprints.KEY + "; write it again with --update-baseline");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : root.path("findings")) {
            String fp = e.path("fingerprint").asText("");
            if (fp.isEmpty()) {
                throw new UsageException("baseline " + file + ": an entry has no fingerprint");
            }
            entries.add(new Entry(fp, e.path("rule").asText(""), e.path("file").asText(""), e.path("message").asText("")));
        }
        return new Baseline(entries);
    }

    /** Writes the file atomically, with '\n' line ends on every platform. */
    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("fingerprint", Fingerprints.KEY);
        ArrayNode list = root.putArray("findings");
        for (Entry e : entries) {
            ObjectNode n = list.addObject();
            n.put("fingerprint", e.fingerprint());
            n.put("rule", e.rule());
            n.put("file", e.file());
            n.put("message", e.message());
        }
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            String text = JSON.writer(pp).writeValueAsString(root) + "\n";
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write baseline " + file + ": " + e);
        }
    }
}
