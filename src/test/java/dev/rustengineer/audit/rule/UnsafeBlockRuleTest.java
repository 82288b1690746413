package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsafeBlockRuleTest {
    @TempDir
    Path dir;

    @Test
    void blocksInCodeInItemMacrosAndInMacroExpansionsFireButNotInStringsOrMatchPatterns() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub fn f(p: *const u8) -> u8 {
                    let s = "unsafe { not code }"; // unsafe { a comment }
                    unsafe { *p } // fires
                }
                cfg_if::cfg_if! {
                    if #[cfg(unix)] {
                        pub fn g(p: *const u8) -> u8 { unsafe { *p } } // fires
                    } else {
                        pub fn g(p: *const u8) -> u8 { 0 }
                    }
                }
                macro_rules! read {
                    (unsafe { $p:expr }) => {
                        unsafe { *$p } // fires
                    };
                }
                """).firesOnMarkedLines("unsafe-block");
    }
}
