//! The job without an async runtime: one OS thread per task, blocking std::net I/O.
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

const TASKS: u64 = 100;
const ROUND_TRIPS: usize = 100;

fn main() {
    let handles: Vec<_> = (0..TASKS)
        .map(|i| {
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(1));
                i
            })
        })
        .collect();
    let sum: u64 = handles.into_iter().map(|h| h.join().expect("task")).sum();
    assert_eq!(sum, TASKS * (TASKS - 1) / 2);

    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let server = thread::spawn(move || {
        let (mut conn, _) = listener.accept().expect("accept");
        let mut buf = [0u8; 64];
        for _ in 0..ROUND_TRIPS {
            conn.read_exact(&mut buf).expect("server read");
            conn.write_all(&buf).expect("server write");
        }
    });
    let mut client = TcpStream::connect(addr).expect("connect");
    client.set_nodelay(true).expect("nodelay");
    let mut buf = [0u8; 64];
    for n in 0..ROUND_TRIPS {
        let msg = [n as u8; 64];
        client.write_all(&msg).expect("client write");
        client.read_exact(&mut buf).expect("client read");
        assert_eq!(buf, msg);
    }
    server.join().expect("server");
    println!("baseline sum={sum} round_trips={ROUND_TRIPS}");
}
