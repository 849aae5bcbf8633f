//! Test harness: `spawn_app()` starts a real server on a random port over a fresh
//! database (a temporary SQLite file, or a new PostgreSQL database when
//! `TEST_DATABASE_URL` points at a server) loaded with the hand-made demo;
//! `spawn_demo_app()` with the living demo that `seed-demo` writes.

pub mod receiver;

use std::net::TcpListener;
use std::path::PathBuf;

use aftersales_api::config::Config;
use aftersales_api::{seed, startup};
use aftersales_api_types::auth::TokenResponse;
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, DbOptions, connect};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde_json::Value;
use uuid::Uuid;

pub use seed::DEMO_PASSWORD;

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    /// A separate pool onto the same database, for repository-level checks.
    pub db: DatabaseConnection,
    /// Where the database is, for another process to open it.
    pub database_url: String,
    _scratch: Scratch,
}

/// A test's own folder in the temporary directory, holding its SQLite files and
/// attachments, removed with everything in it when the test ends. A folder rather
/// than a file: a pool that reconnects after the test cannot recreate a database
/// in a folder that is gone, so nothing is left behind in /tmp.
pub struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("aftersales-test-{}", Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        Self(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh, migrated, empty database: its URL, and the folder to keep for as long
/// as the database is used.
pub async fn fresh_database() -> (String, Scratch) {
    let scratch = Scratch::new();
    match std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
        Some(server_url) => {
            let name = format!("t_{}", Uuid::now_v7().simple());
            let admin = connect(&options(&server_url)).await.unwrap_or_else(|e| panic!("connect {server_url}: {e}"));
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .unwrap_or_else(|e| panic!("create database: {e}"));
            let base = server_url.rsplit_once('/').map_or(server_url.as_str(), |(b, _)| b);
            (format!("{base}/{name}"), scratch)
        }
        None => {
            let path = scratch.0.join("test.db");
            (format!("sqlite://{}", path.display()), scratch)
        }
    }
}

fn options(url: &str) -> DbOptions {
    DbOptions { url: url.to_owned(), max_connections: 4, sqlite_synchronous_full: false }
}

/// True when the tests run against PostgreSQL.
pub fn on_postgres() -> bool {
    std::env::var("TEST_DATABASE_URL").is_ok_and(|u| !u.is_empty())
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Like [`spawn_app`], with settings changed first.
pub async fn spawn_app_with(tweak: impl FnOnce(&mut Config)) -> TestApp {
    spawn(tweak, false).await
}

/// A server over the demo as `aftersales seed-demo` loads it: the hand-made demo
/// and the living network around it.
pub async fn spawn_demo_app() -> TestApp {
    spawn(|_| {}, true).await
}

async fn spawn(tweak: impl FnOnce(&mut Config), living: bool) -> TestApp {
    let (url, scratch) = fresh_database().await;
    let data_dir = scratch.0.join("data");
    let mut config = Config {
        bind: "127.0.0.1:0".into(),
        database_url: url.clone(),
        db_max_connections: 8,
        jwt_secret: "test-secret-test-secret-test-secret!".into(),
        workers: 2,
        static_dir: PathBuf::from("/nonexistent"),
        data_dir,
        ..Config::default()
    };
    tweak(&mut config);
    let db = startup::open_database(&config).await.unwrap_or_else(|e| panic!("open database: {e:#}"));
    // Most tests start from the hand-made demo without the network around it, to
    // count what they add from a known start; the living demo has tests of its own
    // (api/seed.rs).
    let seeded = if living { seed::seed_demo(&db).await } else { seed::seed_landmarks(&db).await };
    seeded.unwrap_or_else(|e| panic!("seed: {e:#}"));
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
    let address = format!("http://{}", listener.local_addr().map(|a| a.to_string()).unwrap_or_default());
    // Webhooks go out as in a served process.
    startup::keep_webhooks_delivered(db.clone(), &config).unwrap_or_else(|e| panic!("webhooks: {e:#}"));
    let state = startup::build_state(config, db).unwrap_or_else(|e| panic!("state: {e:#}"));
    let server = startup::run(listener, state).unwrap_or_else(|e| panic!("run: {e:#}"));
    tokio::spawn(server);
    startup::install_tls_provider();
    let check = connect(&options(&url)).await.unwrap_or_else(|e| panic!("second pool: {e}"));
    TestApp { address, client: reqwest::Client::new(), db: check, database_url: url, _scratch: scratch }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub fn request(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let builder = self.client.request(method, self.url(path));
        match token {
            Some(t) => builder.bearer_auth(t),
            None => builder,
        }
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.request(Method::GET, path, Some(token)).send().await.unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    pub async fn send_json(&self, method: Method, path: &str, token: Option<&str>, body: &Value) -> Response {
        self.request(method.clone(), path, token)
            .json(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    pub async fn post(&self, path: &str, token: &str, body: &Value) -> Response {
        self.send_json(Method::POST, path, Some(token), body).await
    }

    pub async fn patch(&self, path: &str, token: &str, body: &Value) -> Response {
        self.send_json(Method::PATCH, path, Some(token), body).await
    }

    pub async fn try_login(&self, username: &str, password: &str) -> Response {
        self.send_json(
            Method::POST,
            "/api/v1/auth/login",
            None,
            &serde_json::json!({"username": username, "password": password}),
        )
        .await
    }

    /// Signs in a demo user and returns the token pair.
    pub async fn login(&self, username: &str) -> TokenResponse {
        let response = self.try_login(username, DEMO_PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK, "login of {username}");
        response.json().await.unwrap_or_else(|e| panic!("token response: {e}"))
    }

    /// An access token of a demo user.
    pub async fn token(&self, username: &str) -> String {
        self.login(username).await.access_token
    }

    /// The id of a demo branch by its code.
    pub async fn branch_id(&self, token: &str, code: &str) -> String {
        let page = json(self.get(&format!("/api/v1/branches?q={code}&limit=200"), token).await).await;
        page["items"]
            .as_array()
            .and_then(|items| items.iter().find(|b| b["code"] == code))
            .and_then(|b| b["id"].as_str())
            .unwrap_or_else(|| panic!("branch {code} not visible"))
            .to_owned()
    }
}

/// The body as JSON (panics with the text when it is not JSON).
pub async fn json(response: Response) -> Value {
    let text = response.text().await.unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
}

/// Asserts a problem answer: status, problem content type and stable code; returns the body.
pub async fn assert_problem(response: Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(response.status(), status, "status");
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(content_type, "application/problem+json");
    let body = json(response).await;
    assert_eq!(body["code"], code, "problem {body}");
    assert_eq!(body["status"], status.as_u16());
    body
}
