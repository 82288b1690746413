//! The job on async-std's global executor.
use async_std::io::{ReadExt, WriteExt};
use async_std::net::{TcpListener, TcpStream};
use async_std::task;
use std::time::Duration;

const TASKS: u64 = 100;
const ROUND_TRIPS: usize = 100;

fn main() {
    task::block_on(async {
        let handles: Vec<_> = (0..TASKS)
            .map(|i| {
                task::spawn(async move {
                    task::sleep(Duration::from_millis(1)).await;
                    i
                })
            })
            .collect();
        let mut sum = 0;
        for h in handles {
            sum += h.await;
        }
        assert_eq!(sum, TASKS * (TASKS - 1) / 2);

        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let server = task::spawn(async move {
            let (mut conn, _) = listener.accept().await.expect("accept");
            let mut buf = [0u8; 64];
            for _ in 0..ROUND_TRIPS {
                conn.read_exact(&mut buf).await.expect("server read");
                conn.write_all(&buf).await.expect("server write");
            }
        });
        let mut client = TcpStream::connect(addr).await.expect("connect");
        client.set_nodelay(true).expect("nodelay");
        let mut buf = [0u8; 64];
        for n in 0..ROUND_TRIPS {
            let msg = [n as u8; 64];
            client.write_all(&msg).await.expect("client write");
            client.read_exact(&mut buf).await.expect("client read");
            assert_eq!(buf, msg);
        }
        server.await;
        println!("async-std sum={sum} round_trips={ROUND_TRIPS}");
    });
}
