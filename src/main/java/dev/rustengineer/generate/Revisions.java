package dev.rustengineer.generate;

import dev.rustengineer.knowledge.CrateCatalogue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The revisions a project's record names, as SHA-256 digests of what generation read: two generator states that
 * would render a blueprint differently have different revisions, and equal ones render it the same way.
 */
final class Revisions {
    private Revisions() {}

    /**
     * The catalogue as the generator used it for one set: the minimum Rust version and the name and version of
     * every crate the set pins (the only versions its templates can read).
     */
    static String catalogue(String msrv, Map<String, CrateCatalogue.Crate> pinned) {
        Digest d = new Digest();
        d.add("msrv", msrv);
        new TreeMap<>(pinned).forEach((name, crate) -> d.add(name, crate.version()));
        return d.value();
    }

    /** A digest of named texts, each length-prefixed so that no two different sequences feed the same bytes. */
    static final class Digest {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        void add(String name, String text) {
            for (String s : new String[] {name, text}) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
        }

        String value() {
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        }
    }
}
