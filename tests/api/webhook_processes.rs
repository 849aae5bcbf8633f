//! Several server processes deliver one outbox: none delivers a message another
//! holds, and a process killed mid-delivery loses nothing (its deliveries are
//! taken up when its lease ends).
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use aftersales_persistence::webhooks::outbox::{self, NewEvent};
use aftersales_persistence::{ConnectionTrait, Statement, begin_write};
use aftersales_tests::receiver::Receiver;
use aftersales_tests::{TestApp, json, spawn_app_with};
use reqwest::StatusCode;
use serde_json::json;
use uuid::Uuid;

use crate::partners::partner;
use crate::tickets::id_of;

const EVENTS: usize = 1000;
/// What one process claims at once: the most a killed process can leave sent
/// but unrecorded, so sent again.
const BATCH: usize = 32;

/// The `aftersales` binary next to this test's (`cargo build` makes it).
fn server_binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let dir = exe.parent().and_then(|deps| deps.parent()).unwrap_or_else(|| panic!("no target dir"));
    let bin = dir.join("aftersales");
    assert!(bin.exists(), "build the server first (cargo build -p aftersales-api): {} is missing", bin.display());
    bin
}

/// A server process on the test's database that delivers webhooks, with a
/// short lease so that a killed one's deliveries come back quickly.
fn server(app: &TestApp, data_dir: &std::path::Path) -> Child {
    Command::new(server_binary())
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("AFTERSALES_DATABASE_URL", &app.database_url)
        .env("AFTERSALES_DATA_DIR", data_dir)
        .env("AFTERSALES_JWT_SECRET", "process-test-secret-process-test-secret")
        .env("AFTERSALES_WEBHOOK_LEASE_SECS", "5")
        .env("AFTERSALES_WEBHOOK_TIMEOUT_SECS", "2")
        .env("AFTERSALES_WEBHOOK_POLL_MILLIS", "100")
        .env("AFTERSALES_LOG_FILTER", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("start the server: {e}"))
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let backend = app.db.get_database_backend();
    let row =
        app.db.query_one_raw(Statement::from_string(backend, sql.to_owned())).await.unwrap_or_else(|e| panic!("{e}"));
    row.and_then(|r| r.try_get_by_index::<i64>(0).ok()).unwrap_or_default()
}

#[tokio::test]
async fn two_processes_deliver_a_thousand_events_once_each_while_one_is_killed() {
    // The test's own server only sets up; the two processes deliver.
    let app = spawn_app_with(|c| c.webhook_delivery = false).await;
    let admin = app.token("admin").await;
    let shop = partner(&app, &admin, "SHOP-2P", "repair_shop", json!({})).await;
    let receiver = Receiver::start(0);
    let body = json!({"partner_id": id_of(&shop), "url": receiver.url, "events": ["ticket.created"]});
    let made = app.post("/api/v1/webhooks", &admin, &body).await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let endpoint = Uuid::parse_str(&id_of(&json(made).await["endpoint"])).unwrap_or_default();

    let scratch = std::env::temp_dir().join(format!("two-processes-{}", Uuid::now_v7().simple()));
    let mut first = server(&app, &scratch.join("a"));
    let mut second = server(&app, &scratch.join("b"));
    for chunk in 0..10 {
        let txn = begin_write(&app.db).await.unwrap_or_else(|e| panic!("{e}"));
        for n in 0..EVENTS / 10 {
            let payload = json!({"type": "ticket.created", "data": {"n": chunk * 100 + n}}).to_string();
            let event = NewEvent { id: Uuid::now_v7(), event_type: "ticket.created", payload };
            outbox::enqueue(&txn, event, &[endpoint], chrono::Utc::now()).await.unwrap_or_else(|e| panic!("{e}"));
        }
        txn.commit().await.unwrap_or_else(|e| panic!("{e}"));
    }

    receiver.wait_for(Duration::from_secs(60), |got| got.len() >= EVENTS / 4).await;
    first.kill().unwrap_or_else(|e| panic!("kill: {e}"));
    first.wait().ok();
    let got = receiver
        .wait_for(Duration::from_secs(120), |got| {
            let mut ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.len() >= EVENTS
        })
        .await;

    let mut ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), EVENTS, "every event arrived");
    let repeats = got.len() - ids.len();
    assert!(repeats <= BATCH, "{repeats} repeats: only what the killed process held may come twice");
    // The last round is recorded just after its messages arrived.
    let recorded = "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'delivered'";
    let mut delivered = 0;
    for _ in 0..100 {
        delivered = count(&app, recorded).await;
        if usize::try_from(delivered).unwrap_or_default() >= EVENTS {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    second.kill().ok();
    second.wait().ok();
    let _ = std::fs::remove_dir_all(&scratch);
    assert_eq!(usize::try_from(delivered).unwrap_or_default(), EVENTS, "and each is recorded delivered");
}
