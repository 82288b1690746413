package dev.rustengineer.audit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCacheTest {
    record Value(String rule, List<Integer> lines) {}

    private static final CodeVersion V1 = CodeVersion.of(AuditCache.class, "dev/rustengineer/audit/cache/", List.of());
    private static final CodeVersion V2 = CodeVersion.of(AuditCache.class, "dev/rustengineer/audit/cache/", List.of("/audit/rules.yaml"));

    /** A file last modified an hour ago, so the stat shortcut may trust it. */
    private static Path old(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
        return p;
    }

    @Test
    void aSecondRunTakesUnchangedFilesFromTheCacheAndRecomputesChangedOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("target/rust-engineer-audit/audit-cache.bin");
        Path a = old(dir, "src/a.rs", "fn a() {}");
        Path b = old(dir, "src/b.rs", "fn b() {}");
        AtomicInteger computed = new AtomicInteger();
        AuditCache<Value> first = AuditCache.open(file, V1, Value.class);
        first.get("src/a.rs", a, x -> new Value("x" + computed.incrementAndGet(), List.of(1, 2)));
        first.get("src/b.rs", b, x -> new Value("y" + computed.incrementAndGet(), List.of()));
        assertThat(first.misses()).isEqualTo(2);
        first.save();
        assertThat(file).exists();

        Files.writeString(b, "fn b() { changed }");
        AuditCache<Value> second = AuditCache.open(file, V1, Value.class);
        assertThat(second.get("src/a.rs", a, x -> new Value("recomputed", List.of()))).isEqualTo(new Value("x1", List.of(1, 2)));
        assertThat(second.get("src/b.rs", b, x -> new Value("recomputed", List.of())).rule()).isEqualTo("recomputed");
        assertThat(second.hits()).isEqualTo(1);
        assertThat(second.misses()).isEqualTo(1);
    }

    @Test
    void theContentDecidesWhenTheStampCannotBeTrusted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.bin");
        Path a = old(dir, "a.rs", "same");
        AuditCache<Value> c = AuditCache.open(file, V1, Value.class);
        c.get("a.rs", a, x -> new Value("first", List.of()));
        c.save();
        Files.setLastModifiedTime(a, FileTime.from(Instant.now()));
        AuditCache<Value> touched = AuditCache.open(file, V1, Value.class);
        assertThat(touched.get("a.rs", a, x -> new Value("again", List.of())).rule()).as("touched, same bytes").isEqualTo("first");
        assertThat(touched.hits()).isEqualTo(1);

        // Same size, same time, other bytes: the stamp would lie, but the file was modified within the racy window
        // of the run that recorded it, so its content is checked.
        Path racy = dir.resolve("racy.rs");
        Files.writeString(racy, "aaaa");
        AuditCache<Value> r1 = AuditCache.open(file, V1, Value.class);
        r1.get("racy.rs", racy, x -> new Value("aaaa", List.of()));
        r1.save();
        FileTime t = Files.getLastModifiedTime(racy);
        Files.writeString(racy, "bbbb");
        Files.setLastModifiedTime(racy, t);
        AuditCache<Value> r2 = AuditCache.open(file, V1, Value.class);
        assertThat(r2.get("racy.rs", racy, x -> new Value("bbbb", List.of())).rule()).isEqualTo("bbbb");
    }

    @Test
    void theKeyTakesPartSoTheSameContentUnderAnotherPathIsAMiss(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.bin");
        Path a = old(dir, "a.rs", "x");
        AuditCache<Value> c = AuditCache.open(file, V1, Value.class);
        c.get("tests/a.rs", a, x -> new Value("test", List.of()));
        c.save();
        AuditCache<Value> d = AuditCache.open(file, V1, Value.class);
        assertThat(d.get("src/a.rs", a, x -> new Value("prod", List.of())).rule()).isEqualTo("prod");
    }

    @Test
    void anotherCodeVersionOrACorruptFileStartsEmpty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.bin");
        Path a = old(dir, "a.rs", "x");
        AuditCache<Value> c = AuditCache.open(file, V1, Value.class);
        c.get("a", a, x -> new Value("old", List.of()));
        c.save();
        assertThat(AuditCache.open(file, V2, Value.class).get("a", a, x -> new Value("new", List.of())).rule()).isEqualTo("new");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        AuditCache<Value> broken = AuditCache.open(file, V1, Value.class);
        assertThat(broken.get("a", a, x -> new Value("fresh", List.of())).rule()).isEqualTo("fresh");
    }

    @Test
    void onlyTheEntriesARunUsedAreWrittenBackAndAnUnchangedRunWritesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.bin");
        Path a = old(dir, "a.rs", "1");
        Path b = old(dir, "b.rs", "2");
        AuditCache<Value> c = AuditCache.open(file, V1, Value.class);
        c.get("a", a, x -> new Value("a", List.of()));
        c.get("b", b, x -> new Value("b", List.of()));
        c.save();
        AuditCache<Value> d = AuditCache.open(file, V1, Value.class);
        d.get("a", a, x -> new Value("a2", List.of()));
        d.save();
        AuditCache<Value> e = AuditCache.open(file, V1, Value.class);
        assertThat(e.get("b", b, x -> new Value("b2", List.of())).rule()).as("b was dropped").isEqualTo("b2");
        FileTime written = Files.getLastModifiedTime(file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        written = Files.getLastModifiedTime(file);
        AuditCache<Value> f = AuditCache.open(file, V1, Value.class);
        f.get("a", a, x -> new Value("a3", List.of()));
        f.save();
        assertThat(Files.getLastModifiedTime(file)).as("nothing changed, nothing written").isEqualTo(written);
    }

    @Test
    void anUnwritableLocationLosesOnlyTheCache(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("target"), "a file where the directory would go");
        Path a = old(dir, "a.rs", "1");
        AuditCache<Value> c = AuditCache.open(dir.resolve("target/rust-engineer-audit/c.bin"), V1, Value.class);
        assertThat(c.get("a", a, x -> new Value("a", List.of())).rule()).isEqualTo("a");
        c.save();
        assertThat(dir.resolve("target")).isRegularFile();
    }

    @Test
    void theCacheLivesUnderTargetOrUnderTheEnvironmentsDirectory(@TempDir Path dir) {
        assertThat(CacheLocation.forRoot(dir, Map.of())).isEqualTo(dir.resolve("target/rust-engineer-audit/audit-cache.bin"));
        Path elsewhere = CacheLocation.forRoot(dir, Map.of(CacheLocation.ENV, "/var/cache/re"));
        assertThat(elsewhere.getParent().getParent()).isEqualTo(Path.of("/var/cache/re"));
        assertThat(CacheLocation.forRoot(dir.resolve("other"), Map.of(CacheLocation.ENV, "/var/cache/re"))).isNotEqualTo(elsewhere);
    }

    @Test
    void theCodeVersionFollowsTheClassFilesOfThePackage() {
        CodeVersion v = CodeVersion.of(AuditCache.class, "dev/rustengineer/audit/", List.of("/audit/rules.yaml"));
        assertThat(v.hash()).hasSize(32).isEqualTo(CodeVersion.of(AuditCache.class, "dev/rustengineer/audit/", List.of("/audit/rules.yaml")).hash());
        assertThat(v.identity()).as("from a class directory the identity is the hash").isEqualTo(v.hash());
        assertThat(CodeVersion.of(AuditCache.class, "dev/rustengineer/audit/", List.of()).hash()).isNotEqualTo(v.hash());
        assertThat(CodeVersion.of(AuditCache.class, "dev/rustengineer/audit/cache/", List.of("/audit/rules.yaml")).hash()).isNotEqualTo(v.hash());
        // the analyses' knowledge (which calls block, which types are database handles) changes findings too
        assertThat(CodeVersion.of(AuditCache.class, "dev/rustengineer/audit/", List.of("/audit/rules.yaml", "/audit/knowledge.yaml")).hash())
                .isNotEqualTo(v.hash());
    }

    @Test
    void anotherBuildOfTheSameCodeKeepsTheCacheAndHashesItsClassesOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.bin");
        Path a = old(dir, "a.rs", "1");
        AtomicInteger hashed = new AtomicInteger();
        CodeVersion build1 = new CodeVersion("app.jar|100", () -> { hashed.incrementAndGet(); return "same classes"; });
        AuditCache<Value> c = AuditCache.open(file, build1, Value.class);
        c.get("a", a, x -> new Value("first", List.of()));
        c.save();
        assertThat(hashed).as("writing stores the hash").hasValue(1);

        CodeVersion build2 = new CodeVersion("app.jar|200", () -> { hashed.incrementAndGet(); return "same classes"; });
        AuditCache<Value> d = AuditCache.open(file, build2, Value.class);
        assertThat(d.get("a", a, x -> new Value("again", List.of())).rule()).isEqualTo("first");
        d.save();
        assertThat(hashed).as("recognised by the hash, once").hasValue(2);

        CodeVersion build2again = new CodeVersion("app.jar|200", () -> { hashed.incrementAndGet(); return "same classes"; });
        AuditCache<Value> e = AuditCache.open(file, build2again, Value.class);
        assertThat(e.get("a", a, x -> new Value("again", List.of())).rule()).isEqualTo("first");
        e.save();
        assertThat(hashed).as("the file was rewritten under build 2's identity: no hashing").hasValue(2);

        CodeVersion changedRules = new CodeVersion("app.jar|300", () -> "other");
        assertThat(AuditCache.open(file, changedRules, Value.class).get("a", a, x -> new Value("new rules", List.of())).rule())
                .isEqualTo("new rules");
    }
}
