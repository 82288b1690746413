package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnwrapInProductionRuleTest {
    @TempDir
    Path dir;

    @Test
    void optionAndResultUnwrapsFireButNotAssertionsQuotesSpansPoisonOrConstants() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::sync::Mutex;
                pub fn f(o: Option<u8>, r: Result<u8, String>, m: &Mutex<u8>, span: proc_macro2::Span) -> u8 {
                    let a = o.unwrap(); // fires
                    let b = r.expect("set"); // fires
                    let c = o.unwrap_or(0) + o.unwrap_or_default();
                    println!("{}", o.unwrap()); // fires
                    assert!(o.unwrap() > 0);
                    debug_assert_eq!(r.clone().unwrap(), 1);
                    let tokens = quote::quote! { #o.unwrap() };
                    let _ = span.unwrap();
                    let _ = tokens.span().unwrap();
                    let g = *m.lock().unwrap();
                    let re = regex::Regex::new(r"^\\w+$").unwrap();
                    let addr: std::net::SocketAddr = "127.0.0.1:80".parse().unwrap();
                    let home = std::env::var("HOME").unwrap(); // fires
                    a + b + c + g
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }
}
