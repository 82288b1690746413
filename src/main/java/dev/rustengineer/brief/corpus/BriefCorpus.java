package dev.rustengineer.brief.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rustengineer.knowledge.KnowledgeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The labelled briefs of {@code knowledge/briefs/}: one YAML file per source, listed in {@code sources.txt}.
 * Checked when first read: a bad file names itself and the brief. The files' bytes are read and hashed at once,
 * but parsed only when a brief is asked for: a start that finds the trained reader in its cache needs only the
 * digest, and parsing 850 KB of YAML was a third of a second of a cold advise.
 */
public final class BriefCorpus {
    private static final String DIR = "knowledge/briefs/";

    private final Map<String, byte[]> contents;
    private final String digest;
    private volatile List<CorpusBrief> briefs;

    private BriefCorpus(Map<String, byte[]> contents, String digest) {
        this.contents = contents;
        this.digest = digest;
    }

    public List<CorpusBrief> all() {
        List<CorpusBrief> b = briefs;
        if (b == null) {
            synchronized (this) {
                b = briefs;
                if (b == null) {
                    b = List.copyOf(parse(contents));
                    briefs = b;
                }
            }
        }
        return b;
    }

    public List<CorpusBrief> where(Predicate<CorpusBrief> p) {
        return all().stream().filter(p).toList();
    }

    public List<CorpusBrief> split(CorpusBrief.Split... splits) {
        Set<CorpusBrief.Split> s = Set.of(splits);
        return where(b -> s.contains(b.split()));
    }

    /** A SHA-256 over every file's bytes: a model trained on this corpus is valid while this stays the same. */
    public String digest() {
        return digest;
    }

    public static BriefCorpus bundled() {
        ClassLoader cl = BriefCorpus.class.getClassLoader();
        List<String> files = new ArrayList<>();
        try (InputStream in = cl.getResourceAsStream(DIR + "sources.txt")) {
            if (in == null) {
                throw new KnowledgeException(DIR + "sources.txt", 1, "missing corpus index");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(files::add);
        } catch (IOException e) {
            throw new KnowledgeException(DIR + "sources.txt", 1, "cannot read: " + e.getMessage());
        }
        MessageDigest sha = sha256();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String f : files) {
            String path = DIR + f;
            try (InputStream in = cl.getResourceAsStream(path)) {
                if (in == null) {
                    throw new KnowledgeException(path, 1, "listed in sources.txt but missing");
                }
                contents.put(path, in.readAllBytes());
            } catch (IOException e) {
                throw new KnowledgeException(path, 1, "cannot read: " + e.getMessage());
            }
            sha.update(contents.get(path));
        }
        return new BriefCorpus(contents, HexFormat.of().formatHex(sha.digest()));
    }

    private static List<CorpusBrief> parse(Map<String, byte[]> contents) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<CorpusBrief> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, byte[]> file : contents.entrySet()) {
            String path = file.getKey();
            String f = path.substring(DIR.length());
            JsonNode root;
            try {
                root = yaml.readTree(file.getValue());
            } catch (IOException e) {
                throw new KnowledgeException(path, 1, "not YAML: " + e.getMessage().lines().findFirst().orElse(""));
            }
            String source = root.path("source").asText(null);
            if (source == null || !path.endsWith("/" + source + ".yaml")) {
                throw new KnowledgeException(path, 1, "'source' must name the file (" + f + ")");
            }
            for (JsonNode b : root.path("briefs")) {
                String id = b.path("id").asText(null);
                if (id == null || !ids.add(id)) {
                    throw new KnowledgeException(path, 1, "brief id missing or repeated: " + id);
                }
                if (!b.hasNonNull("text") || !b.hasNonNull("split") || !b.path("expect").isObject()) {
                    throw new KnowledgeException(path, 1, "brief " + id + " needs text, split and expect");
                }
                CorpusBrief.Split split;
                try {
                    split = CorpusBrief.Split.of(b.get("split").asText());
                } catch (IllegalArgumentException e) {
                    throw new KnowledgeException(path, 1, "brief " + id + ": split must be train, dev or test");
                }
                out.add(new CorpusBrief(id, source, b.get("text").asText(), split, b.get("expect")));
            }
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
