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

    @Test
    void invariantsTheProgramKeepsItselfAreNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::collections::HashMap;
                use std::ops::Deref;
                use std::sync::LazyLock;
                static RE: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(&pattern()).unwrap());
                lazy_static::lazy_static! {
                    static ref WORD: regex::Regex = regex::Regex::new(&pattern()).unwrap();
                }
                pub struct Conn { pub live: Option<u8>, done: Option<Box<dyn FnOnce()>> }
                impl Deref for Conn {
                    type Target = u8;
                    fn deref(&self) -> &u8 { self.live.as_ref().unwrap() }
                }
                impl Conn {
                    pub fn get(&self) -> &u8 { self.live.as_ref().unwrap() } // fires
                    pub fn finish(&mut self) { (self.done.take().unwrap())() }
                }
                pub fn cache(m: &mut HashMap<String, Vec<u8>>, k: &str, other: &str) {
                    if !m.contains_key(k) {
                        m.insert(k.to_string(), Vec::new());
                    }
                    m.get_mut(k).unwrap().push(1);
                    m.get_mut(other).unwrap().push(2); // fires
                }
                pub fn checked(r: Result<u8, String>, o: Option<u8>, n: u32) -> Result<u8, String> {
                    if let Err(e) = r {
                        return Err(e);
                    }
                    let a = r.unwrap();
                    if o.is_none() {
                        return Ok(a);
                    }
                    let b = o.unwrap();
                    if n > 0 {
                        let _ = std::num::NonZeroU32::new(n).unwrap();
                    }
                    let _ = std::num::NonZeroU32::new(n).unwrap(); // fires
                    Ok(a + b)
                }
                pub fn stated(o: Option<u8>, p: Option<u8>) -> u8 {
                    o.expect("BUG: set by the constructor") + p.expect("a value") // fires
                }
                pub fn conversions(secs: u64, since: std::time::SystemTime, text: &str) -> u32 {
                    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
                    let later = since.duration_since(std::time::SystemTime::now()).unwrap(); // fires
                    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).unwrap();
                    let value = "nosniff";
                    let header: http::HeaderValue = value.parse().unwrap();
                    let number: u32 = text.parse().unwrap(); // fires
                    u32::try_from(secs).unwrap() + number
                }
                pub fn tree(pair: pest::iterators::Pair<'_, Rule>) -> String {
                    let mut inner = pair.into_inner();
                    let _keyword = inner.next().unwrap();
                    inner.next().unwrap().as_str().to_string()
                }
                pub fn page(args: &Args) -> String {
                    ErrorTemplate { args }.render().unwrap()
                }
                pub fn hello(h: &Hello) -> Vec<u8> {
                    bincode::serialize(h).unwrap()
                }
                pub async fn hash(password: String) -> String {
                    tokio::task::spawn_blocking(move || password).await.expect("the pool runs it")
                }
                pub fn check(end: &[u8]) {
                    if cfg!(debug_assertions) {
                        std::str::from_utf8(end).unwrap();
                    }
                    std::str::from_utf8(end).unwrap(); // fires
                }
                pub async fn pool_for_tests() -> u8 {
                    connect().await.unwrap()
                }
                pub async fn pool() -> u8 {
                    static COUNT: tokio::sync::OnceCell<u8> = tokio::sync::OnceCell::const_new();
                    *COUNT.get_or_init(|| async { connect().await.unwrap() }).await // fires
                }
                macro_rules! storage_tests {
                    () => { #[test] fn t() { run().unwrap(); } };
                }
                """).file("src/test_server.rs", """
                pub fn stop(h: Option<std::thread::JoinHandle<()>>) {
                    h.unwrap().join().unwrap();
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void panickingTwinsChannelSendsAndPushedVectorsAreNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub struct Arbiter;
                impl Arbiter {
                    pub fn try_new() -> std::io::Result<Arbiter> { Ok(Arbiter) }
                    pub fn new() -> Arbiter { Self::try_new().expect("failed to create an Arbiter") }
                    pub fn other() -> Arbiter { Self::try_new().expect("failed to create an Arbiter") } // fires
                }
                pub fn notify(tx: std::sync::mpsc::Sender<u8>, done: tokio::sync::oneshot::Sender<()>) {
                    tx.send(1).unwrap();
                    done.send(()).expect("the launcher waits for it");
                }
                pub fn hunks(files: &mut Vec<Vec<u8>>, others: &mut Vec<Vec<u8>>) {
                    if files.is_empty() {
                        files.push(Vec::new());
                    }
                    files.last_mut().expect("a file").push(1);
                    others.last_mut().expect("a file").push(1); // fires
                }
                pub fn output(fut: &mut MaybeDone<u8>) -> u8 {
                    fut.take_output().unwrap()
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }
}
