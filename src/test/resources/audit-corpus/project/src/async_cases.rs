use std::fs;
use std::fs::File;
use std::sync::Mutex;
use std::thread::sleep;
use std::time::Duration;

pub async fn blocking_reads(path: &str) -> std::io::Result<String> {
    let text = fs::read_to_string(path)?;
    let _f = File::open(path)?;
    sleep(Duration::from_millis(1));
    std::thread::sleep(Duration::from_millis(1));
    Ok(text)
}

pub fn not_async(path: &str) -> std::io::Result<String> {
    fs::read_to_string(path)
}

pub async fn offloaded(path: String) -> String {
    tokio::task::spawn_blocking(move || fs::read_to_string(path).unwrap_or_default())
        .await
        .unwrap_or_default()
}

pub fn in_async_block(path: String) -> impl std::future::Future<Output = ()> {
    async move {
        let _ = std::fs::read(&path);
    }
}

pub async fn guard_across_await(m: &Mutex<u32>) {
    let guard = m.lock().unwrap();
    tokio::task::yield_now().await;
    drop(guard);
}

pub async fn guard_dropped_first(m: &Mutex<u32>) {
    let guard = m.lock().unwrap();
    drop(guard);
    tokio::task::yield_now().await;
}

pub async fn stdin_read() {
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}
