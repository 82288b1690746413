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

    @Test
    void valuesThereByConstructionAreNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::fmt::Write;
                pub fn sql(num: &Option<bool>, s: &mut String, name: Option<String>) -> String {
                    if num.is_some() && num.unwrap() {
                        write!(s, " UNSIGNED").unwrap();
                    }
                    let mut out = String::new();
                    writeln!(out, "x").unwrap();
                    let mut file = std::fs::File::create("x").unwrap(); // fires
                    writeln!(file, "x").unwrap(); // fires
                    if name.is_some() {
                        out.push_str(&name.clone().unwrap());
                    }
                    if name.is_some() || out.is_empty() {
                        out.push_str(&name.unwrap()); // fires
                    }
                    out
                }
                pub fn head(m: &str) -> (&str, &str) {
                    let mut iter = m.splitn(2, ' ');
                    let first = iter.next().unwrap();
                    let second = iter.next().unwrap(); // fires
                    (first, m.split(':').next().unwrap())
                }
                pub async fn join(handle: tokio::task::JoinHandle<u8>, t: std::thread::JoinHandle<u8>, v: &Vec<u8>) -> String {
                    let a = handle.await.unwrap();
                    let b = t.join().unwrap();
                    let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
                    println!("{} {} {}", a, b, serde_json::to_string(&v).unwrap());
                    let parsed: Vec<u8> = serde_json::from_str("[1]").unwrap();
                    let input: Vec<u8> = serde_json::from_slice(v).unwrap(); // fires
                    format!("{date}{parsed:?}{input:?}")
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }
}
