package dev.rustengineer.audit.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The character test in front of the lexer never skips a text the lexer would change. */
class Edition2024Test {
    @Test
    void blanksEdition2024ExternBlocksAndSafeItems() {
        String code = "unsafe extern \"C\" {\n    pub safe fn f();\n    safe static X: i32;\n}\n";
        String blanked = Edition2024.blank(code);
        assertThat(blanked).hasSameSizeAs(code).doesNotContain("unsafe").doesNotContain("safe fn").contains("extern \"C\" {");
        assertThat(Edition2024.blank("unsafe /* why */ extern {\n}\n")).startsWith("       /* why */ extern");
    }

    @Test
    void theQuickTestSkipsOnlyTextsTheLexerLeavesAlone() {
        List<String> texts = List.of(
                "unsafe extern \"C\" { fn f(); }", "unsafe\n\textern \"C\" {}", "unsafe // c\nextern {}", "pub safe fn f();",
                "x $safe fn", "unsafe fn f() {} extern crate core;", "extern \"C\" { fn unsafe_thing(); } unsafe { f() }",
                "let s = \"unsafe extern {\"; extern crate x;", "fn unsafe_extern() {} extern {}", "éunsafe extern {}",
                "_safe fn x(); extern {}", "unsafe2 extern {}", "// safe fn\nextern {}", "safe_fn(); extern {}", "unsafe/**/extern{}");
        int blanked = 0;
        for (String t : texts) {
            // What blank gave before the quick test: the lexer's result whenever the text has `extern` and `safe`.
            String before = t.contains("extern") && t.contains("safe") ? Edition2024.blankTokens(t) : t;
            assertThat(Edition2024.blank(t)).as(t).isEqualTo(before);
            blanked += before.equals(t) ? 0 : 1;
        }
        assertThat(blanked).as("texts the lexer changes are among them").isGreaterThanOrEqualTo(4);
        assertThat(Edition2024.mayApply("unsafe fn f() {} extern crate core;")).isFalse();
        assertThat(Edition2024.mayApply("fn unsafe_extern() {} extern {}")).isFalse();
    }
}
