package dev.rustengineer.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;

/** Cargo.toml merged by key: what the user added and what the generator changed both survive. */
class CargoTomlMergeTest {
    private static final String BASE = """
            [package]
            name = "orders"
            version = "0.1.0"
            edition = "2024"

            [dependencies]
            # The web framework.
            axum = "0.8.1"
            serde = { version = "1.0.200", features = ["derive"] }
            tokio = { version = "1.40.0", features = ["full"] }

            [dev-dependencies]
            proptest = "1.5.0"
            """;

    @Test
    void aUserDependencyBesideAGeneratorBumpIsNoConflict() {
        String ours = BASE.replace("features = [\"full\"] }\n", "features = [\"full\"] }\n# for ids\nuuid = \"1.10.0\"\n");
        String theirs = BASE.replace("1.40.0", "1.54.1");
        var m = merge(BASE, ours, theirs);
        assertThat(m.conflicts()).isZero();
        assertThat(text(m)).isEqualTo(ours.replace("1.40.0", "1.54.1"));
        // The same edit merged by lines is a conflict: both sides touch the lines around the end of the table.
        assertThat(TextMerge.merge(bytes(BASE), bytes(ours), bytes(theirs), "gen").conflicts()).isEqualTo(1);
    }

    @Test
    void aFeatureTheUserAddedKeepsTheGeneratorsNewVersion() {
        String ours = BASE.replace("axum = \"0.8.1\"", "axum = { version = \"0.8.1\", features = [\"ws\"] } # websockets");
        String theirs = BASE.replace("axum = \"0.8.1\"", "axum = \"0.8.9\"");
        var m = merge(BASE, ours, theirs);
        assertThat(m.conflicts()).isZero();
        assertThat(text(m)).contains("axum = { version = \"0.8.9\", features = [\"ws\"] } # websockets");
        var toml = Toml.parse(text(m));
        assertThat(toml.getString("dependencies.axum.version")).isEqualTo("0.8.9");

        String pinned = BASE.replace("axum = \"0.8.1\"", "axum = \"0.8.3\"");
        String featured = BASE.replace("axum = \"0.8.1\"", "axum = { version = \"0.8.1\", features = [\"macros\"] }");
        var both = merge(BASE, pinned, featured);
        assertThat(both.conflicts()).isZero();
        assertThat(Toml.parse(text(both)).getString("dependencies.axum.version")).isEqualTo("0.8.3");
        assertThat(Toml.parse(text(both)).getArray("dependencies.axum.features").toList()).containsExactly("macros");
    }

    @Test
    void bothChangingOneVersionIsAConflictAroundThatKeyOnly() {
        String ours = BASE.replace("1.0.200", "1.0.210").replace("proptest = \"1.5.0\"", "proptest = \"1.6.0\"");
        String theirs = BASE.replace("1.0.200", "1.0.229").replace("1.40.0", "1.54.1");
        var m = merge(BASE, ours, theirs);
        assertThat(m.conflicts()).isEqualTo(1);
        assertThat(text(m)).contains("""
                <<<<<<< yours
                serde = { version = "1.0.210", features = ["derive"] }
                =======
                serde = { version = "1.0.229", features = ["derive"] }
                >>>>>>> gen
                """).contains("tokio = { version = \"1.54.1\"").contains("proptest = \"1.6.0\"");
    }

    @Test
    void theGeneratorsNewKeysTablesAndCommentsArrive() {
        String ours = BASE.replace("edition = \"2024\"", "edition = \"2024\"\ndescription = \"my orders\"  # mine");
        String theirs = BASE.replace("# The web framework.", "# The web framework (Tower middleware).")
                .replace("axum = \"0.8.1\"\n", "axum = \"0.8.1\"\n# Typed errors.\nthiserror = \"2.0.0\"\n")
                + "\n[lints.rust]\nunsafe_code = \"forbid\"\n";
        var m = merge(BASE, ours, theirs);
        assertThat(m.conflicts()).isZero();
        String merged = text(m);
        assertThat(merged).contains("description = \"my orders\"  # mine")
                .contains("# The web framework (Tower middleware).\naxum = \"0.8.1\"\n# Typed errors.\nthiserror = \"2.0.0\"\nserde");
        assertThat(Toml.parse(merged).getString("lints.rust.unsafe_code")).isEqualTo("forbid");
    }

    @Test
    void aDependencyTheUserRemovedStaysRemovedUnlessTheGeneratorChangedIt() {
        String ours = BASE.replace("proptest = \"1.5.0\"\n", "");
        var untouched = merge(BASE, ours, BASE.replace("0.8.1", "0.8.9"));
        assertThat(untouched.conflicts()).isZero();
        assertThat(text(untouched)).doesNotContain("proptest").contains("axum = \"0.8.9\"");
        var changed = merge(BASE, ours, BASE.replace("1.5.0", "1.12.0"));
        assertThat(changed.conflicts()).isEqualTo(1);
        assertThat(text(changed)).contains("=======\nproptest = \"1.12.0\"\n>>>>>>> gen");
    }

    @Test
    void aFileThatIsNotTomlIsMergedByLines() {
        String ours = BASE.replace("[dev-dependencies]", "[dev-dependencies\nbroken = ");
        var m = merge(BASE, ours, BASE.replace("0.8.1", "0.8.9"));
        assertThat(m.conflicts()).isZero();
        assertThat(text(m)).contains("axum = \"0.8.9\"").contains("[dev-dependencies\nbroken = ");
    }

    @Test
    void untouchedSidesGiveTheOtherSideByteForByte() {
        String theirs = BASE.replace("0.8.1", "0.8.9");
        assertThat(text(merge(BASE, BASE, theirs))).isEqualTo(theirs);
        String ours = BASE.replace("0.1.0", "0.2.0");
        assertThat(text(merge(BASE, ours, BASE))).isEqualTo(ours);
    }

    private static TextMerge.Merged merge(String base, String ours, String theirs) {
        return CargoTomlMerge.merge(bytes(base), bytes(ours), bytes(theirs), "gen");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(TextMerge.Merged m) {
        return new String(m.content(), StandardCharsets.UTF_8);
    }
}
