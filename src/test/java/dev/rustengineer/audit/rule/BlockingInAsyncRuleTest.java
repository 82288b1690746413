package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockingInAsyncRuleTest {
    @TempDir
    Path dir;

    @Test
    void useDeclarationsAreResolvedPerBlockAndAwaitedCallsAreNotBlocking() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::time::Duration;
                pub async fn sleeps_the_thread() {
                    use std::thread::sleep;
                    sleep(Duration::from_millis(1)); // fires
                }
                pub async fn sleeps_the_task() {
                    use tokio::time::sleep;
                    sleep(Duration::from_millis(1)).await;
                    tokio::fs::read("x").await.ok();
                    tokio::process::Command::new("ls").output().await.ok();
                }
                mod inner {
                    use super::*;
                    pub async fn through_super() {
                        std::thread::sleep(Duration::from_millis(1)); // fires
                    }
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void asyncContextStopsAtNonAsyncClosuresAndFnItemsButNotAtInlineCombinators() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::fs;
                pub fn sync(p: &str) { let _ = fs::read(p); }
                pub async fn handler(paths: Vec<String>) {
                    std::thread::spawn(move || fs::read("x"));
                    tokio::task::spawn_blocking(move || fs::read("y")).await.ok();
                    asyncify(move || fs::read("z")).await.ok();
                    let sizes: Vec<_> = paths.iter().map(|p| fs::metadata(p)).collect(); // fires
                    fn nested() { let _ = fs::read("n"); }
                    let fut = async move { fs::remove_file("w") }; // fires
                    let _ = fs::DirBuilder::new();
                    fs::DirBuilder::new().create("d").ok(); // fires
                }
                pub fn returns_a_future() -> impl std::future::Future<Output = ()> {
                    async { let _ = std::fs::read("b"); } // fires
                }
                impl Future for Reader {
                    type Output = ();
                    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
                        let _ = std::fs::read("p"); // fires
                        Poll::Ready(())
                    }
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void receiverTypesTellBlockingChannelsThreadsAndProcessesAndAShortStdLockIsNotBlocking() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::net::ToSocketAddrs;
                use std::process::Command;
                use std::sync::{mpsc, Arc, Mutex};
                pub struct State { jobs: Mutex<Vec<u8>>, queue: tokio::sync::Mutex<Vec<u8>> }
                pub async fn run(state: Arc<State>, host: &str) {
                    let addrs = host.to_socket_addrs(); // fires
                    let handle = std::thread::spawn(|| 1);
                    let n = handle.join(); // fires
                    let out = Command::new("git").arg("status").output(); // fires
                    let (tx, rx) = mpsc::channel::<u8>();
                    let got = rx.recv(); // fires
                    let (atx, mut arx) = tokio::sync::mpsc::channel::<u8>(1);
                    let got = arx.recv().await;
                    state.jobs.lock().unwrap().push(1);
                    state.queue.lock().await.push(1);
                    let words = ["a", "b"].join(",");
                    futures::executor::block_on(async {}); // fires
                    let body = reqwest::blocking::get("http://x"); // fires
                    let r = tokio::runtime::Handle::current().block_on(async {}); // fires
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void fileSystemWalksBlockButALoneExistenceProbeAndPollFnLocksDoNot() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::path::{Path, PathBuf};
                use std::sync::Mutex;
                pub struct Server { root: PathBuf, waiters: Mutex<Vec<u8>> }
                impl Server {
                    pub async fn handle(&self, name: &str, options: Options) -> bool {
                        let index = self.root.join(name);
                        if index.is_file() {
                            return true;
                        }
                        let meta = tokio::fs::metadata(&index).await.unwrap();
                        let known = meta.is_file();
                        let listing = std::fs::read_dir(&self.root); // fires
                        options.filename.exists()
                    }
                    fn poll_ready(&self, cx: &mut Context<'_>) -> Poll<()> {
                        self.waiters.lock().unwrap().push(1);
                        Poll::Ready(())
                    }
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void asyncStreamBodiesAreAsyncAndTestsAreLeftOut() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub fn lines() -> impl Stream<Item = u8> {
                    async_stream::stream! {
                        std::thread::sleep(std::time::Duration::from_secs(1)); // fires
                        yield 1;
                    }
                }
                #[cfg(test)]
                mod tests {
                    #[tokio::test]
                    async fn t() { std::thread::sleep(std::time::Duration::from_secs(1)); }
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void thisFilesBlockingHelpersPathMethodsThroughTheirTypeAndUntypedFileKindQueries() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::path::{Path, PathBuf};
                use std::sync::Mutex;
                fn same_file(a: &Path, b: &Path) -> bool {
                    a == b || PathBuf::read_link(a).ok() == PathBuf::read_link(b).ok()
                }
                fn newest(dir: &Path) -> Option<PathBuf> { std::fs::read_dir(dir).ok()?.next()?.ok().map(|e| e.path()) }
                fn index(dir: &Path) -> Option<PathBuf> { newest(dir) }
                fn count(m: &Mutex<u8>) -> u8 { *m.lock().unwrap() }
                fn lazily(dir: PathBuf) -> std::thread::JoinHandle<bool> { std::thread::spawn(move || dir.exists()) }
                struct S;
                impl Drop for S { fn drop(&mut self) { let _ = std::fs::remove_file("lock"); } }
                pub async fn point(a: &Path, b: &Path, m: &Mutex<u8>, found: Option<PathBuf>, s: S) {
                    if same_file(a, b) { // fires
                        return;
                    }
                    let _ = index(a); // fires
                    let _ = count(m) + AbsPath::read_link(b).map(|_| 1).unwrap_or(0); // fires
                    let _ = lazily(a.to_path_buf());
                    let _ = found.filter(|p| p.read_link().is_ok()); // fires
                    let meta = tokio::fs::metadata(a).await.unwrap();
                    let _ = meta.is_dir() || std::fs::metadata(b).map(|m| m.is_file()).unwrap_or(false); // fires
                    drop(s);
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void anotherFilesBlockingHelperIsFollowedByItsCratePath() {
        new RuleFixture(dir).file("Cargo.toml", "[package]\nname = \"x\"\n").file("src/fs.rs", """
                use std::path::Path;
                pub fn write_new(p: &Path) -> std::io::Result<()> { std::fs::write(p, b"") }
                pub async fn write_async(p: &Path) -> std::io::Result<()> { tokio::fs::write(p, b"").await }
                pub fn pure(n: u8) -> u8 { n + 1 }
                pub fn later(p: std::path::PathBuf) { std::thread::spawn(move || std::fs::write(p, b"")); }
                """).file("src/lib.rs", """
                mod fs;
                use crate::fs::write_new;
                use std::path::Path;
                pub async fn add(p: &Path) {
                    crate::fs::write_new(p).ok(); // fires
                    write_new(p).ok(); // fires
                    crate::fs::write_async(p).await.ok();
                    let _ = crate::fs::pure(1);
                    crate::fs::later(p.to_path_buf());
                    tokio::task::spawn_blocking(|| crate::fs::write_new(Path::new("x")));
                }
                pub fn sync(p: &Path) { crate::fs::write_new(p).ok(); }
                #[cfg(test)]
                mod tests {
                    #[tokio::test]
                    async fn t() { crate::fs::write_new(std::path::Path::new("t")).ok(); }
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void aClosureCalledByNameOnTheTaskIsAsyncContextAndAsyncMainsStartUpIsNot() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::io::Read;
                pub async fn archive(paths: Vec<std::path::PathBuf>) -> std::io::Result<Vec<u8>> {
                    let mut add = |p: &std::path::Path| -> std::io::Result<Vec<u8>> {
                        let mut f = std::fs::File::open(p)?; // fires
                        let mut buffer = Vec::new();
                        f.read_to_end(&mut buffer)?; // fires
                        Ok(buffer)
                    };
                    let later = |p: std::path::PathBuf| std::fs::read(p);
                    std::thread::spawn(move || later("x".into()));
                    let mut out = Vec::new();
                    for p in &paths {
                        out.extend(add(p)?);
                    }
                    Ok(out)
                }
                #[tokio::main]
                async fn main() {
                    std::fs::create_dir_all("data").unwrap();
                    tokio::spawn(async { std::fs::write("a", b"").ok(); }); // fires
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void synchronousDatabaseCallsBlockAndACommandLineFrontEndAndAPathsResolutionDoNot() {
        new RuleFixture(dir).file("src/repo.rs", """
                use diesel::prelude::*;
                pub type SqlitePool = r2d2::Pool<r2d2_sqlite::SqliteConnectionManager>;
                pub struct Repo { read_pool: SqlitePool, conn: rusqlite::Connection }
                impl Repo {
                    pub async fn latest(&self, p: &std::path::Path) -> usize {
                        let conn = self.read_pool.get().unwrap(); // fires
                        self.conn.execute_batch("VACUUM").unwrap(); // fires
                        let root = p.canonicalize().unwrap();
                        let n = users::table.load::<User>(&mut pg()).unwrap(); // fires
                        let m = std::sync::atomic::AtomicUsize::new(0).load(std::sync::atomic::Ordering::SeqCst);
                        let moved = tokio::task::spawn_blocking(move || conn.execute("DELETE FROM t", []).unwrap()).await.unwrap();
                        n.len() + m + moved + root.as_os_str().len()
                    }
                }
                """).file("src/async_repo.rs", """
                use diesel_async::RunQueryDsl;
                pub async fn all(conn: &mut diesel_async::AsyncPgConnection) -> usize {
                    users::table.load::<User>(conn).await.unwrap().len()
                }
                """).file("src/cli/commands.rs", """
                pub async fn create_migration(name: &str) {
                    std::fs::write(name, "-- up").unwrap();
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void directoryWalksAndWholeFileReadsOnAValueNamedAFileBlock() {
        new RuleFixture(dir).file("src/lib.rs", """
                use std::io::Read;
                use walkdir::WalkDir;
                pub async fn archive(zip: Zip, root: &std::path::Path, bytes: &[u8], mut out: tokio::fs::File) -> Vec<u8> {
                    let mut zip_file = zip.finish().unwrap();
                    let mut buffer = Vec::new();
                    zip_file.read_to_end(&mut buffer).unwrap(); // fires
                    let mut reader = bytes;
                    reader.read_to_end(&mut buffer).unwrap();
                    out.write_all(&buffer).await.unwrap();
                    let mut it = WalkDir::new(root).follow_links(true).into_iter();
                    while let Some(entry) = it.next() { // fires
                        buffer.push(entry.is_ok() as u8);
                    }
                    for entry in WalkDir::new(root).into_iter() { // fires
                        buffer.push(entry.is_ok() as u8);
                    }
                    let walker = WalkDir::new(root);
                    buffer
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void aHelperThatCallsAnotherFilesHelperIsOneThroughImportedModulesSuperPathsAndReExports() {
        new RuleFixture(dir).file("Cargo.toml", "[package]\nname = \"x\"\n").file("src/util/db_json.rs", """
                pub fn update_all(n: &[u8]) { save(n); }
                fn save(n: &[u8]) { std::fs::write("db.json", n).ok(); }
                """).file("src/util/db.rs", """
                pub fn insert(n: &[u8]) { super::db_json::update_all(n); }
                pub fn count(n: &[u8]) -> usize { n.len() }
                pub fn later(n: Vec<u8>) { std::thread::spawn(move || super::db_json::update_all(&n)); }
                """).file("src/util/mod.rs", """
                pub mod db;
                pub mod db_json;
                """).file("src/room/state/frame.rs", """
                pub fn frame_id() -> Vec<u8> { std::fs::read("frame").unwrap_or_default() }
                """).file("src/room/state/mod.rs", """
                mod frame;
                pub use frame::*;
                """).file("src/room/mod.rs", """
                pub mod state;
                """).file("src/lib.rs", """
                mod room;
                mod util;
                use crate::room::state;
                use crate::util::db::insert;
                pub async fn create(n: Vec<u8>) {
                    insert(&n); // fires
                    let _ = state::frame_id(); // fires
                    let _ = crate::util::db::count(&n);
                    crate::util::db::later(n.clone());
                    tokio::task::spawn_blocking(move || insert(&n));
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void aFnOfAChildModuleTheFileDeclaresIsFollowedByItsRelativePath() {
        new RuleFixture(dir).file("Cargo.toml", "[package]\nname = \"x\"\n").file("src/handler/add.rs", """
                pub fn add_task(t: &str) { std::fs::write("state.json", t).ok(); }
                pub fn describe(t: &str) -> usize { t.len() }
                """).file("src/handler/mod.rs", """
                mod add;
                pub async fn handle(t: String) {
                    add::add_task(&t); // fires
                    let _ = add::describe(&t);
                    other::add_task(&t);
                }
                """).file("src/lib.rs", """
                pub mod handler;
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void asyncMainAndTheFnItIsSplitIntoAreStartUpButNotWhatTheyCallInOtherFiles() {
        new RuleFixture(dir).file("Cargo.toml", "[package]\nname = \"x\"\n").file("src/serve.rs", """
                pub fn load_config() -> String { std::fs::read_to_string("app.toml").unwrap_or_default() }
                pub async fn serve() {
                    std::fs::create_dir_all("certs").ok(); // fires
                    tokio::spawn(async { std::fs::write("a", b"").ok(); }); // fires
                }
                """).file("src/main.rs", """
                mod serve;
                #[tokio::main]
                async fn main() {
                    let _ = crate::serve::load_config();
                    main_wrapped().await;
                }
                async fn main_wrapped() {
                    std::fs::remove_dir_all("data").ok();
                    let _ = serve::load_config();
                    serve::serve().await;
                    tokio::spawn(async { std::thread::sleep(std::time::Duration::from_secs(1)); }); // fires
                }
                async fn reload() {
                    std::fs::read_to_string("app.toml").ok(); // fires
                }
                async fn handler() {
                    reload().await;
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void anAsyncFnMainAwaitsButSomethingElseAlsoCallsIsNotStartUp() {
        new RuleFixture(dir).file("src/main.rs", """
                #[tokio::main]
                async fn main() {
                    run().await;
                }
                async fn run() {
                    std::fs::remove_dir_all("data").ok(); // fires
                }
                async fn restart() {
                    run().await;
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void theMetadataOfAnOpenFileIsOneProbeAPathsIsALookup() {
        new RuleFixture(dir).file("src/lib.rs", """
                pub async fn upload(p: &std::path::Path) -> u64 {
                    let file = std::fs::File::create(p).unwrap(); // fires
                    let n = file.metadata().unwrap().len();
                    n + p.metadata().unwrap().len() // fires
                }
                """).firesOnMarkedLines("blocking-in-async");
    }

    @Test
    void aFallibleCallOfADatabaseHandleTheFileNeverAwaitsIsSynchronous() {
        new RuleFixture(dir).file("src/core.rs", """
                pub struct Tracker { database: std::sync::Arc<Box<dyn Database>>, keys: tokio::sync::RwLock<Vec<u8>> }
                impl Tracker {
                    pub async fn remove_key(&self, key: u8) -> Result<(), Error> {
                        self.database.remove_key_from_keys(key)?; // fires
                        let _n = self.database.name();
                        self.keys.write().await.retain(|k| *k != key);
                        Ok(())
                    }
                }
                """).file("src/handlers.rs", """
                pub async fn get(db: &Pool, id: i64) -> Result<Row, Error> {
                    let row = db.fetch_one(id).await?;
                    let _ = db.prepare(id)?;
                    Ok(row)
                }
                pub async fn locked(state: &State) -> Result<(), Error> {
                    let _g = state.db.lock()?;
                    Ok(())
                }
                """).firesOnMarkedLines("blocking-in-async");
    }
}
