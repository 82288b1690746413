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
    void reportedWhereTheFunctionCouldReturnAnErrorOrTheValueIsInput() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::collections::HashMap;
                pub struct Conn { live: Option<u8>, waker: Option<u8>, cache: HashMap<String, u8>, tx: std::sync::mpsc::Sender<u8> }
                impl std::ops::Deref for Conn {
                    type Target = u8;
                    fn deref(&self) -> &u8 { self.live.as_ref().unwrap() }
                }
                impl std::fmt::Display for Conn {
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { write!(f, "{}", self.live.unwrap()) }
                }
                impl Conn {
                    pub fn get(&self) -> Result<u8, String> {
                        let v = self.live.unwrap(); // fires
                        Ok(v + self.waker.expect("BUG: the waker is set before get") + self.live.expect("set by new")) // fires
                    }
                    pub fn first(&self, names: &[String]) -> Option<u8> {
                        let n = names.first().unwrap(); // fires
                        Some(self.cache.get(n).copied().unwrap_or(0))
                    }
                    pub fn wake(&mut self) -> u8 {
                        self.waker.take().unwrap() + self.live.unwrap()
                    }
                    pub fn checked(&mut self, k: String) -> Result<u8, String> {
                        if self.live.is_none() {
                            return Err("closed".into());
                        }
                        if !self.cache.contains_key(&k) {
                            self.cache.insert(k.clone(), 0);
                        }
                        Ok(self.live.clone().unwrap() + *self.cache.get(&k).unwrap())
                    }
                    #[track_caller]
                    pub fn new(uri: &str) -> Conn {
                        Conn::parse(uri).expect("a valid URI")
                    }
                    fn parse(_uri: &str) -> Option<Conn> { None }
                }
                pub fn port(text: String) -> u16 {
                    let trimmed = text.trim();
                    trimmed.parse().unwrap() // fires
                }
                pub fn home() -> String {
                    std::env::var("HOME").unwrap() // fires
                }
                pub async fn fetch(url: &str) -> usize {
                    let body = reqwest_get(url).await.unwrap(); // fires
                    let n = std::thread::spawn(|| 1).join().unwrap();
                    let m = tokio::task::spawn_blocking(|| 2).await.expect("the task runs");
                    body + n + m
                }
                pub fn helper() -> u8 {
                    let parse = |s: &str| s.parse::<u8>().unwrap(); // fires
                    [1u8].iter().map(|x| Some(*x).unwrap()).sum::<u8>() + parse("1")
                }
                static PORT: std::sync::LazyLock<u16> = std::sync::LazyLock::new(|| "80".to_string().parse().unwrap());
                """).firesOnMarkedLines("unwrap-in-production");
    }
}
