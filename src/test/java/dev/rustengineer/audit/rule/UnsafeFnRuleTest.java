package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsafeFnRuleTest {
    @TempDir
    Path dir;

    @Test
    void unsafeFnsWithAndWithoutBodiesFire() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub unsafe fn raw(p: *const u8) -> u8 { *p } // fires
                pub fn safe() {}
                pub trait Alloc {
                    unsafe fn alloc(&self, n: usize) -> *mut u8; // fires
                    fn size(&self) -> usize;
                }
                unsafe extern "C" {
                    pub unsafe fn free(p: *mut u8); // fires
                    pub safe fn abs(x: i32) -> i32;
                }
                pub fn generate() -> proc_macro2::TokenStream {
                    quote::quote! { pub unsafe fn generated() {} }
                }
                macro_rules! raw_fn {
                    ($name:ident) => {
                        pub unsafe fn $name() {} // fires
                    };
                }
                """).firesOnMarkedLines("unsafe-fn");
    }
}
