//! The statement loop: a workload's use case called in this process by
//! `connections` tasks at once for `seconds`, on the server's own pool, without
//! HTTP (`aftersales bench-statements`, see the module above).
use std::time::{Duration, Instant};

use aftersales_persistence::DatabaseConnection;
use serde::Serialize;

use super::{Call, admin};

/// What the loop measured, in the shape `scripts/bench/report.lua` prints for wrk.
#[derive(Debug, Serialize)]
pub struct LoopReport {
    pub requests: u64,
    pub seconds: f64,
    pub rps: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub failed: u64,
    pub non_2xx: u64,
}

/// Runs `calls` round-robin (each task starts at its own) until `seconds` pass.
pub async fn run(
    db: &DatabaseConnection,
    calls: Vec<Call>,
    connections: usize,
    seconds: f64,
) -> anyhow::Result<LoopReport> {
    anyhow::ensure!(!calls.is_empty(), "no request to replay");
    let me = admin(db).await?;
    let started = Instant::now();
    let until = started + Duration::from_secs_f64(seconds);
    let tasks: Vec<_> = (0..connections.max(1))
        .map(|task| {
            let (db, me, calls) = (db.clone(), me.clone(), calls.clone());
            tokio::spawn(async move {
                let (mut latencies_us, mut failed) = (Vec::new(), 0u64);
                let mut next = task;
                while Instant::now() < until {
                    let call = &calls[next % calls.len()];
                    next += 1;
                    let sent = Instant::now();
                    let answer = call.run(&db, &me, false).await;
                    latencies_us.push(sent.elapsed().as_micros() as u64);
                    if answer.is_err() {
                        failed += 1;
                    }
                }
                (latencies_us, failed)
            })
        })
        .collect();
    let (mut latencies_us, mut failed) = (Vec::new(), 0);
    for task in tasks {
        let (some, failures) = task.await?;
        latencies_us.extend(some);
        failed += failures;
    }
    let seconds = started.elapsed().as_secs_f64();
    latencies_us.sort_unstable();
    let percentile = |p: f64| {
        let at = ((latencies_us.len() as f64 * p).ceil() as usize).clamp(1, latencies_us.len().max(1)) - 1;
        latencies_us.get(at).copied().unwrap_or(0) as f64 / 1000.0
    };
    let requests = latencies_us.len() as u64;
    Ok(LoopReport {
        requests,
        seconds,
        rps: requests as f64 / seconds,
        p50_ms: percentile(0.50),
        p99_ms: percentile(0.99),
        failed,
        non_2xx: failed,
    })
}
