package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndocumentedUnsafeRuleTest {
    @TempDir
    Path dir;

    @Test
    void aSafetyCommentInAnyCaseAboveOnOrInsideTheBlockOrAboveItsStatementDocumentsIt() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub fn f(p: *const u8) -> u8 {
                    unsafe { *p } // fires
                }
                pub fn upper(p: *const u8) -> u8 {
                    // SAFETY: p is valid.
                    unsafe { *p }
                }
                pub fn mixed_case(p: *const u8) -> u8 {
                    // Safety: p is valid.
                    unsafe { *p }
                }
                pub fn inside(p: *const u8) -> u8 {
                    unsafe {
                        // SAFETY: p is valid.
                        *p
                    }
                }
                pub fn same_line(p: *const u8) -> u8 {
                    unsafe { *p } // safety: p is valid
                }
                pub fn above_the_statement(p: *const u8) -> u8 {
                    // SAFETY: p is valid.
                    let x = u8::from(
                        unsafe { *p },
                    );
                    x
                }
                pub fn unrelated_comment(p: *const u8) -> u8 {
                    // read the byte
                    unsafe { *p } // fires
                }
                pub fn comment_after_a_one_line_block(p: *const u8) -> u8 {
                    let x = unsafe { *p }; // fires
                    // SAFETY: this is about the next statement.
                    unsafe { *p.add(1) } + x
                }
                pub fn placeholder(p: *const u8) -> u8 {
                    // SAFETY: TODO
                    unsafe { *p } // fires
                }
                pub fn heading_then_reason(p: *const u8) -> u8 {
                    // SAFETY:
                    // the caller passes a valid pointer.
                    unsafe { *p }
                }
                """).firesOnMarkedLines("undocumented-unsafe");
    }
}
