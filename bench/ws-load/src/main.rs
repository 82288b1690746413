//! `ws-load URL MEMBERS MESSAGES WINDOW`: joins MEMBERS clients to the room at URL (ws://host/ws/room), then
//! one more client sends MESSAGES messages, at most WINDOW of them not yet echoed back to it (its own copy is
//! its acknowledgement, so the sender never runs further ahead of the room than WINDOW). Prints the deliveries
//! per second (MEMBERS x MESSAGES over the time until every member has every message, or the timeout), and
//! how many members the server dropped as slow consumers.
use anyhow::{Context, Result, bail};
use futures_util::{SinkExt, StreamExt};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::Barrier;
use tokio_tungstenite::{connect_async, tungstenite::Message};

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 5 {
        bail!("usage: ws-load URL MEMBERS MESSAGES WINDOW");
    }
    let url = args[1].clone();
    let members: usize = args[2].parse().context("MEMBERS")?;
    let messages: u64 = args[3].parse().context("MESSAGES")?;
    let window: u64 = args[4].parse().context("WINDOW")?;

    let delivered = Arc::new(AtomicU64::new(0));
    let dropped = Arc::new(AtomicU64::new(0));
    let joined = Arc::new(Barrier::new(members + 1));
    let mut tasks = Vec::with_capacity(members);
    let connect_start = Instant::now();
    for i in 0..members {
        // Connect in small batches so the listen backlog is not the thing measured.
        if i % 100 == 99 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let (mut ws, _) = connect_async(format!("{url}?name=m{i}")).await.with_context(|| format!("member {i}"))?;
        let delivered = delivered.clone();
        let dropped = dropped.clone();
        let joined = joined.clone();
        tasks.push(tokio::spawn(async move {
            let mut first = true;
            let mut got = 0u64;
            while let Some(frame) = ws.next().await {
                match frame {
                    Ok(Message::Text(t)) if first && t.contains("\"joined\"") => {
                        first = false;
                        joined.wait().await;
                    }
                    Ok(Message::Text(t)) if t.contains("\"type\":\"message\"") => {
                        delivered.fetch_add(1, Ordering::Relaxed);
                        got += 1;
                        if got == messages {
                            break;
                        }
                    }
                    Ok(Message::Close(_)) | Err(_) => {
                        dropped.fetch_add(1, Ordering::Relaxed);
                        if first {
                            joined.wait().await;
                        }
                        break;
                    }
                    Ok(_) => {}
                }
            }
        }));
    }
    joined.wait().await;
    let connected = connect_start.elapsed();

    let (mut sender, _) = connect_async(format!("{url}?name=sender")).await.context("sender")?;
    let start = Instant::now();
    let mut sent = 0u64;
    let mut acked = 0u64;
    while acked < messages {
        while sent < messages && sent - acked < window {
            let text = format!("{{\"type\":\"message\",\"text\":\"m{sent}\"}}");
            sender.send(Message::Text(text.into())).await.context("sending")?;
            sent += 1;
        }
        match tokio::time::timeout(Duration::from_secs(30), sender.next()).await {
            Ok(Some(Ok(Message::Text(t)))) if t.contains("\"from\":\"sender\"") => acked += 1,
            Ok(Some(Ok(_))) => {}
            Ok(Some(Err(e))) => bail!("sender: {e}"),
            Ok(None) => bail!("the server closed the sender"),
            Err(_) => bail!("no echo within 30 s ({acked} of {messages} acknowledged)"),
        }
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    for t in tasks {
        let left = deadline.saturating_duration_since(Instant::now());
        let _ = tokio::time::timeout(left, t).await;
    }
    let elapsed = start.elapsed();
    let d = delivered.load(Ordering::Relaxed);
    println!(
        "members {members} messages {messages} window {window}: delivered {d} of {} in {:.3} s = {:.0} deliveries/s; dropped {}; joined in {:.2} s",
        members as u64 * messages,
        elapsed.as_secs_f64(),
        d as f64 / elapsed.as_secs_f64(),
        dropped.load(Ordering::Relaxed),
        connected.as_secs_f64()
    );
    Ok(())
}
