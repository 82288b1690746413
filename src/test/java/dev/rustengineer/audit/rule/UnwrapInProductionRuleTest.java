package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnwrapInProductionRuleTest {
    @TempDir
    Path dir;

    @Test
    void valuesFromOutsideTheProgramFire() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub async fn handle(text: &str, bytes: Vec<u8>, url: url::Url, req: &HttpRequest, rx: std::sync::mpsc::Receiver<u8>) -> u32 {
                    let n: u32 = text.parse().unwrap(); // fires
                    let s = String::from_utf8(bytes).expect("utf-8"); // fires
                    let v: Vec<u8> = serde_json::from_str(&s).unwrap(); // fires
                    let config = std::fs::read_to_string("app.toml").unwrap(); // fires
                    let home = std::env::var("HOME").unwrap(); // fires
                    let row = fetch_row(n).await.expect("row"); // fires
                    let host = url.domain().expect("has domain"); // fires
                    let jwt = req.cookie("jwt").expect("logged in"); // fires
                    let child = std::process::Command::new("ls").spawn().unwrap(); // fires
                    let got = rx.recv().unwrap(); // fires
                    let parsed = text.parse::<u8>();
                    let m = parsed.ok().unwrap(); // fires
                    let c = std::ffi::CString::new(text).expect("no NUL"); // fires
                    n
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void theProgramsOwnStateIsNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::collections::HashMap;
                use std::fmt::Write;
                use std::sync::Mutex;
                pub struct Conn { live: Option<u8> }
                impl Conn {
                    pub fn get(&self) -> &u8 { self.live.as_ref().unwrap() }
                }
                pub fn f(o: Option<u8>, r: Result<u8, String>, m: &Mutex<u8>, map: &mut HashMap<u8, Vec<u8>>) -> u8 {
                    let a = o.unwrap();
                    let b = r.expect("set");
                    let g = *m.lock().unwrap();
                    map.get_mut(&a).unwrap().push(b);
                    let mut out = String::new();
                    write!(out, "{a}").unwrap();
                    let json = serde_json::to_string(&out).unwrap();
                    std::thread::Builder::new().spawn(move || ()).unwrap();
                    println!("{}", o.unwrap());
                    assert!(o.unwrap() > 0);
                    a + b + g
                }
                pub async fn join(handle: tokio::task::JoinHandle<u8>, pool: &Pool) -> u8 {
                    let a = handle.await.unwrap();
                    let b = tokio::task::spawn_blocking(move || 1).await.expect("the pool runs it");
                    let c = pool.run(move || 2).await.expect("the pool runs it");
                    a + b + c
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void constantsAndCheckedValuesAreNotReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::sync::LazyLock;
                static CONFIG: LazyLock<String> = LazyLock::new(|| std::fs::read_to_string("app.toml").unwrap());
                pub fn f(text: &str) -> u32 {
                    let addr: std::net::SocketAddr = "127.0.0.1:80".parse().unwrap();
                    let c = std::ffi::CString::new("fixed").unwrap();
                    let value = "nosniff";
                    let header: http::HeaderValue = value.parse().unwrap();
                    let a = text.parse::<u32>();
                    if a.is_ok() {
                        return a.unwrap();
                    }
                    let b = text.parse::<u32>();
                    if let Err(e) = b {
                        return 0;
                    }
                    let n = b.unwrap();
                    let m: u32 = text.parse().expect("always digits: checked by the caller");
                    if cfg!(debug_assertions) {
                        std::str::from_utf8(text.as_bytes()).unwrap();
                    }
                    let k: u32 = text.parse().expect("digits"); // fires
                    n + m + k
                }
                pub struct Client;
                impl Client {
                    pub async fn try_connect() -> std::io::Result<Client> { Ok(Client) }
                    pub async fn connect() -> Client { Self::try_connect().await.expect("connect") }
                    pub async fn other() -> Client { Self::try_connect().await.expect("connect") } // fires
                }
                """).file("src/test_server.rs", """
                pub async fn start() -> u8 {
                    bind().await.unwrap()
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void fieldsTheCallerOrTheOutsideFillAreReported() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub struct Builder { options: Option<u8>, state: Option<u8> }
                impl Builder {
                    pub fn options(mut self, o: u8) -> Self { self.options = Some(o); self }
                    pub fn build(self) -> u8 {
                        let s = self.state.unwrap();
                        self.options.expect("no options provided") + s // fires
                    }
                }
                pub struct User { email: Option<String>, name: Option<String> }
                pub fn mail(user: &User) -> String {
                    user.email.clone().expect("email") // fires
                }
                fn private_mail(user: &User) -> String {
                    user.email.clone().expect("email")
                }
                pub fn checked(user: &User) -> String {
                    if user.name.is_none() {
                        return String::new();
                    }
                    user.name.clone().expect("checked")
                }
                pub async fn admins(pool: &Pool) -> Result<(), Error> {
                    let admins = list_admins(pool).await?;
                    for admin in &admins {
                        send(admin.email.clone().expect("email")); // fires
                    }
                    Ok(())
                }
                pub fn hash_file(file: impl AsRef<std::path::Path>) -> Result<u64, std::io::Error> {
                    Ok(checksum(file.as_ref()).unwrap()) // fires
                }
                pub fn shown(dir: &std::path::Path, path_str: &str) -> String {
                    let path = std::path::Path::new(path_str);
                    let a = path.to_str().unwrap();
                    dir.to_str().unwrap().to_string() + a // fires
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }

    @Test
    void insideMacroBodiesTheStatementBeforeTheUnwrapIsRead() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub async fn f(o: Option<u8>, text: &str) {
                    tokio::select! {
                        _ = tick() => {
                            println!("{}", o.unwrap());
                            let n: u8 = text.parse().unwrap(); // fires
                            let r = fetch().await.unwrap(); // fires
                        }
                    }
                }
                """).firesOnMarkedLines("unwrap-in-production");
    }
}
