//! A real webhook receiver for the tests: `support/webhook_receiver.py` run as
//! its own process, which logs every request it gets. Stopped when dropped.
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use aftersales_domain::webhooks::{WebhookSecret, verify};
use serde_json::Value;
use uuid::Uuid;

pub struct Receiver {
    pub url: String,
    log: PathBuf,
    child: Child,
}

/// One request the receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub id: String,
    pub timestamp: i64,
    pub signature: String,
    pub body: String,
    /// What the receiver answered.
    pub status: u16,
}

impl Received {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("webhook body is not JSON ({e}): {}", self.body))
    }

    /// Whether the message is signed with `secret` (`whsec_…`).
    pub fn signed_by(&self, secret: &str) -> bool {
        let secret = WebhookSecret::parse(secret).unwrap_or_else(|| panic!("not a secret: {secret}"));
        verify(&secret, &self.signature, &self.id, self.timestamp, &self.body)
    }
}

impl Receiver {
    /// Starts a receiver answering 500 to the first `fail_first` requests of
    /// each message, 204 after.
    pub fn start(fail_first: u32) -> Receiver {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("support/webhook_receiver.py");
        let log = std::env::temp_dir().join(format!("webhooks-{}.jsonl", Uuid::now_v7().simple()));
        let mut child = Command::new("python3")
            .arg(&script)
            .arg(&log)
            .arg("--fail-first")
            .arg(fail_first.to_string())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", script.display()));
        let stdout = child.stdout.take().unwrap_or_else(|| panic!("receiver has no stdout"));
        let mut first = String::new();
        BufReader::new(stdout).read_line(&mut first).unwrap_or_else(|e| panic!("receiver's first line: {e}"));
        let port = first.trim().strip_prefix("listening on ").unwrap_or_else(|| panic!("receiver said {first:?}"));
        Receiver { url: format!("http://127.0.0.1:{port}/hooks"), log, child }
    }

    /// Everything received so far, in order.
    pub fn received(&self) -> Vec<Received> {
        let Ok(text) = std::fs::read_to_string(&self.log) else { return Vec::new() };
        text.lines()
            .map(|line| {
                let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("receiver log line ({e}): {line}"));
                let text = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
                Received {
                    id: text("id"),
                    timestamp: text("timestamp").parse().unwrap_or_default(),
                    signature: text("signature"),
                    body: text("body"),
                    status: v["status"].as_u64().and_then(|s| u16::try_from(s).ok()).unwrap_or_default(),
                }
            })
            .collect()
    }

    /// Waits (up to `within`) until what was received satisfies `done`, and
    /// answers it; panics with what came if it never does.
    pub async fn wait_for(&self, within: Duration, done: impl Fn(&[Received]) -> bool) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let got = self.received();
            if done(&got) {
                return got;
            }
            if tokio::time::Instant::now() > deadline {
                panic!("the receiver did not get what was expected within {within:?}; it got: {got:#?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log);
    }
}
