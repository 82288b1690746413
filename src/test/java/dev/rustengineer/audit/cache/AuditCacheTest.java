package dev.rustengineer.audit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCacheTest {
    record Value(String rule, List<Integer> lines) {}

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSecondRunTakesUnchangedContentFromTheFileAndRecomputesChangedContent(@TempDir Path dir) {
        Path file = dir.resolve("target/rust-engineer-audit/audit-cache.json");
        AtomicInteger computed = new AtomicInteger();
        AuditCache<Value> first = AuditCache.open(file, "v1", Value.class);
        first.get("src/a.rs", bytes("fn a() {}"), b -> new Value("x" + computed.incrementAndGet(), List.of(1, 2)));
        first.get("src/b.rs", bytes("fn b() {}"), b -> new Value("y" + computed.incrementAndGet(), List.of()));
        first.save();
        assertThat(file).exists();

        AuditCache<Value> second = AuditCache.open(file, "v1", Value.class);
        Value a = second.get("src/a.rs", bytes("fn a() {}"), b -> new Value("recomputed", List.of()));
        Value b = second.get("src/b.rs", bytes("fn b() { changed }"), b2 -> new Value("recomputed", List.of()));
        assertThat(a).isEqualTo(new Value("x1", List.of(1, 2)));
        assertThat(b.rule()).isEqualTo("recomputed");
        assertThat(second.hits()).isEqualTo(1);
        assertThat(second.misses()).isEqualTo(1);
    }

    @Test
    void theKeyTakesPartSoTheSameContentUnderAnotherPathIsAMiss(@TempDir Path dir) {
        Path file = dir.resolve("c.json");
        AuditCache<Value> c = AuditCache.open(file, "v1", Value.class);
        c.get("tests/a.rs", bytes("x"), b -> new Value("test", List.of()));
        c.save();
        AuditCache<Value> d = AuditCache.open(file, "v1", Value.class);
        assertThat(d.get("src/a.rs", bytes("x"), b -> new Value("prod", List.of())).rule()).isEqualTo("prod");
    }

    @Test
    void anotherCodeVersionOrAnUnreadableFileStartsEmpty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.json");
        AuditCache<Value> c = AuditCache.open(file, "v1", Value.class);
        c.get("a", bytes("x"), b -> new Value("old", List.of()));
        c.save();
        assertThat(AuditCache.open(file, "v2", Value.class).get("a", bytes("x"), b -> new Value("new", List.of())).rule())
                .isEqualTo("new");
        Files.writeString(file, "{\"version\":\"v1\",\"entries\":{\"abc\":");
        AuditCache<Value> broken = AuditCache.open(file, "v1", Value.class);
        assertThat(broken.get("a", bytes("x"), b -> new Value("fresh", List.of())).rule()).isEqualTo("fresh");
    }

    @Test
    void onlyTheEntriesARunUsedAreWrittenBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.json");
        AuditCache<Value> c = AuditCache.open(file, "v1", Value.class);
        c.get("a", bytes("1"), b -> new Value("a", List.of()));
        c.get("b", bytes("2"), b -> new Value("b", List.of()));
        c.save();
        AuditCache<Value> d = AuditCache.open(file, "v1", Value.class);
        d.get("a", bytes("1"), b -> new Value("a", List.of()));
        d.save();
        String text = Files.readString(file);
        assertThat(text).contains(AuditCache.hash("a", bytes("1"))).doesNotContain(AuditCache.hash("b", bytes("2")));
    }

    @Test
    void anUnwritableLocationLosesOnlyTheCache(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("target"), "a file where the directory would go");
        AuditCache<Value> c = AuditCache.open(dir.resolve("target/rust-engineer-audit/c.json"), "v1", Value.class);
        assertThat(c.get("a", bytes("1"), b -> new Value("a", List.of())).rule()).isEqualTo("a");
        c.save();
        assertThat(dir.resolve("target")).isRegularFile();
    }

    @Test
    void theCacheLivesUnderTargetOrUnderTheEnvironmentsDirectory(@TempDir Path dir) {
        assertThat(CacheLocation.forRoot(dir, Map.of())).isEqualTo(dir.resolve("target/rust-engineer-audit/audit-cache.json"));
        Path elsewhere = CacheLocation.forRoot(dir, Map.of(CacheLocation.ENV, "/var/cache/re"));
        assertThat(elsewhere.getParent().getParent()).isEqualTo(Path.of("/var/cache/re"));
        assertThat(CacheLocation.forRoot(dir.resolve("other"), Map.of(CacheLocation.ENV, "/var/cache/re"))).isNotEqualTo(elsewhere);
    }

    @Test
    void theCodeVersionFollowsTheClassFilesOfThePackage() {
        String v = CodeVersion.of(AuditCache.class, "dev/rustengineer/audit/", List.of("/audit/rules.yaml"));
        assertThat(v).hasSize(32).isEqualTo(CodeVersion.of(AuditCache.class, "dev/rustengineer/audit/", List.of("/audit/rules.yaml")));
        assertThat(CodeVersion.of(AuditCache.class, "dev/rustengineer/audit/", List.of())).isNotEqualTo(v);
        assertThat(CodeVersion.of(AuditCache.class, "dev/rustengineer/audit/cache/", List.of("/audit/rules.yaml"))).isNotEqualTo(v);
    }
}
