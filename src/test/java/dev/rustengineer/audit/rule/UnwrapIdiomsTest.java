package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The idioms of {@link UnwrapIdioms}: each is left out, and the look-alike that can fail on input still fires. */
class UnwrapIdiomsTest {
    @TempDir
    Path dir;

    @Test
    void theEndOfACollectionCheckedNotEmptyIsNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub fn ends(body: &Vec<String>, days: Vec<u8>, objects: Vec<u8>, other: Vec<u8>) -> Result<u8, String> {
                    if body.len() > 2 && body.last().unwrap() == "x" {
                        return Ok(1);
                    }
                    if days.is_empty() {
                        return Err("no days".into());
                    }
                    let first = *days.first().unwrap();
                    let last = if objects.len() < 1000 { 0 } else { *objects.last().unwrap() };
                    let inside = if !objects.is_empty() { *objects.first().unwrap() } else { 0 };
                    let unchecked = *other.last().unwrap(); // fires
                    let wrong_way = if other.is_empty() { *other.first().unwrap() } else { 0 }; // fires
                    let either = if other.len() > 1 || first > 0 { *other.first().unwrap() } else { 0 }; // fires
                    Ok(first + last + inside + unchecked + wrong_way + either)
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void aThreadStartedWithStdsBuilderIsNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub fn start(pool: &rayon::ThreadPoolBuilder) {
                    std::thread::Builder::new()
                        .name(String::from("worker"))
                        .spawn(move || work())
                        .unwrap();
                    let _ = pool.spawn(move || work()).unwrap(); // fires
                }
                fn work() {}
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void writingIntoAFoldedStringIsNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::fmt::Write;
                pub fn hex(bytes: &[u8], out: &mut std::fs::File) -> String {
                    bytes.iter().for_each(|b| { std::io::Write::write_all(out, &[*b]).unwrap(); }); // fires
                    bytes.iter().fold(String::new(), |mut acc, byte| {
                        write!(&mut acc, "{byte:02x}").unwrap();
                        acc
                    })
                }
                pub fn to_file(bytes: &[u8], file: std::fs::File) -> std::fs::File {
                    bytes.iter().fold(file, |mut acc, byte| {
                        std::io::Write::write_all(&mut acc, &[*byte]).unwrap(); // fires
                        write!(&mut acc, "{byte:02x}").unwrap(); // fires
                        acc
                    })
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void anAwaitedClosureHandedToAPoolIsNotReportedButAPolledOneIs() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub async fn hash(pool: &Pool, password: String, svc: &mut Svc) -> String {
                    let hashed = pool.run(move || argon(&password)).await.expect("the pool runs the hash");
                    std::future::poll_fn(|cx| svc.poll_ready(cx)).await.unwrap(); // fires
                    let fetched = pool.run(move || async { fetch().await }).await.unwrap(); // fires
                    hashed + &fetched
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void aResponseBuiltFromConstantSettingsIsNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub fn info(body: String, origin: String) -> http::Response<String> {
                    let ok = http::Response::builder()
                        .status(200)
                        .header("Content-Type", "application/json")
                        .body(body.clone())
                        .unwrap();
                    let echoed = http::Response::builder()
                        .header("Access-Control-Allow-Origin", origin)
                        .body(body)
                        .unwrap(); // fires
                    if ok.status() == 200 { ok } else { echoed }
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void aLookupInTheValuesOwnCollectionIsNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::collections::HashMap;
                pub struct Router { connections: HashMap<usize, String>, settings: HashMap<String, String> }
                impl Router {
                    pub fn handle(&mut self, id: usize, other: &HashMap<usize, String>) -> String {
                        let connection = self.connections.get_mut(&id).unwrap();
                        let host = self.settings.get("host").unwrap(); // fires
                        let theirs = other.get(&id).unwrap(); // fires
                        format!("{connection}{host}{theirs}")
                    }
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void anIntegerConversionWrittenWithItsTraitAndAMessageThatPointsAboveAreNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub fn convert(len: usize, code: Option<String>, text: &str) -> (u64, String, u64) {
                    let n = <u64 as TryFrom<usize>>::try_from(len).expect("length fits");
                    let c = code.expect("a SQLSTATE was found above");
                    let parsed = text.parse::<u64>().expect("a number"); // fires
                    (n, c, parsed)
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void itemsOfALoopFilteredByLengthAreNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub fn tags(tags: &[Vec<String>]) -> usize {
                    let mut n = 0;
                    for t in tags.iter().filter(|x| x.len() > 1) {
                        n += t.get(0).unwrap().len() + t.get(1).unwrap().len();
                        n += t.get(2).unwrap().len(); // fires
                    }
                    for t in tags.iter() {
                        n += t.get(0).unwrap().len(); // fires
                    }
                    n
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void anAtomicUpdateWhoseClosureAlwaysGivesSomeIsNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::sync::atomic::{AtomicU8, Ordering};
                pub fn flag(state: &AtomicU8) -> u8 {
                    let old = state.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |v| {
                        let next = v | 1;
                        Some(next & !2)
                    }).unwrap();
                    let full = state.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |v| {
                        if v == 255 { None } else { Some(v + 1) }
                    }).unwrap(); // fires
                    old + full
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void unwrapsInMacroArgumentsAreReadLikeCode() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub struct Info { relay_url: Option<String>, slot: Option<u8> }
                pub fn url(i: &mut Info, enabled: bool) -> Option<String> {
                    let taken = format!("{}", i.slot.take().unwrap());
                    if enabled && i.relay_url.is_some() {
                        return Some(format!("{}join{taken}", i.relay_url.clone().unwrap()));
                    }
                    Some(format!("{}", i.relay_url.clone().unwrap())) // fires
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void formattingImplsAndMessagesOfSingleUseStateTheInvariant() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::fmt;
                pub struct Conn { pub inner: Option<String>, once: std::cell::Cell<Option<u8>> }
                impl fmt::Debug for Conn {
                    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        write!(f, "{}", self.inner.as_ref().unwrap().len())?;
                        fmt::Debug::fmt(self.inner.as_ref().unwrap(), f)
                    }
                }
                impl Conn {
                    pub fn show(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        fmt::Debug::fmt(self.inner.as_ref().unwrap(), f) // fires
                    }
                    pub fn bind(self) -> u8 {
                        self.once.into_inner().expect("the iterator is only used once")
                    }
                    pub fn port(text: &str) -> u16 {
                        text.parse().expect("the port is a number") // fires
                    }
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void aCommentOrMessageThatSaysWhyTheUnwrapHoldsIsRead() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub fn stored(applied_on: &str, answer: Option<String>, widths: Vec<u32>, url: &str) -> String {
                    // Safe to call unwrap, as we stored it in RFC3339 format on the database
                    let at = time::OffsetDateTime::parse(applied_on, &time::format_description::well_known::Rfc3339).unwrap();
                    let a = answer
                        // We already made sure answer was not null above
                        .unwrap();
                    let widest = widths.iter().max().expect("Nonempty vector");
                    let again = widths.iter().min().expect("fails only if an earlier call panicked");
                    // parse the url the client sent
                    let host = url::Url::parse(url).unwrap(); // fires (this trailing comment, "checked", is not about the next line)
                    let other = url::Url::parse(url).unwrap(); // fires
                    let page = reqwest::blocking::get(url).unwrap(); // fires: "http://a//b" is no comment
                    format!("{at}{a}{widest}{again}{host}{other}{page:?}")
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void theApplicationStateOfARequestIsNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub fn form(req: &actix_web::HttpRequest) -> String {
                    let state = req.app_data::<actix_web::web::Data<String>>().expect("No state in request").clone();
                    let token = req.headers().get("authorization").unwrap(); // fires
                    format!("{state}{token:?}")
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void anOptionTheTypeKeepsForItselfIsNotReportedButACallersSettingIs() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub struct Interest { notify: Option<std::sync::Arc<tokio::sync::Notify>>, pub shared: Option<u8> }
                pub struct Tls { identity: Option<String>, acceptor: Option<String>, timeout: Option<u64> }
                impl Interest {
                    pub fn new() -> Self { Interest { notify: Some(Default::default()), shared: None } }
                    pub fn wait(&self) -> std::sync::Arc<tokio::sync::Notify> { self.notify.as_ref().expect("interest exists").clone() }
                    pub fn shared(&self) -> u8 { self.shared.unwrap() } // fires
                }
                impl Tls {
                    pub fn new(timeout: Option<u64>) -> Self { Tls { identity: None, acceptor: Some(String::new()), timeout } }
                    pub fn identity(self, identity: String) -> Self { Tls { identity: Some(identity), ..self } }
                    pub fn build(&self) -> String {
                        let a = self.acceptor.as_ref().unwrap();
                        let t = self.timeout.unwrap(); // fires
                        format!("{a}{t}{}", self.identity.as_ref().unwrap()) // fires
                    }
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }
}
