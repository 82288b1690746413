package dev.rustengineer.audit.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseErrorAndNonUtf8RuleTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenItemIsOneFindingAndAnItemMacroThatIsNotItemsIsNone() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub fn fine() {}
                pub fn broken( -> { // fires
                    1
                }
                cfg_expr! { 1 + }
                """).firesOnMarkedLines("parse-error");
    }

    @Test
    void aFileThatIsNotUtf8IsReportedOnce() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.write(dir.resolve("src/latin1.rs"), new byte[] {'/', '/', ' ', (byte) 0xe9, '\n', 'f', 'n', ' ', 'f', '(', ')', '{', '}', '\n'});
        assertThat(new RuleFixture(dir).firing("non-utf8")).containsExactly("src/latin1.rs:1");
    }
}
