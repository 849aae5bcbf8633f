//! Building the application and running the server.
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpResponse, HttpServer, web};
use actix_web_prom::PrometheusMetricsBuilder;
use aftersales_domain::login_throttle::ThrottlePolicy;
use aftersales_persistence::tickets::dashboard::fold_open_counts;
use aftersales_persistence::{DatabaseConnection, DbOptions, connect, migrate, refresh_statistics};
use anyhow::Context;
use rand::RngCore;
use utoipa_swagger_ui::{Config as SwaggerConfig, SwaggerUi};

use crate::auth::jwt::AccessTokens;
use crate::auth::passwords::Passwords;
use crate::auth::throttle::{IpLimiter, LoginGuard};
use crate::config::Config;
use crate::error::ApiError;
use crate::middleware::request_context;
use crate::routes::{self, RouteTable};
use crate::state::AppState;

/// Connects (creating the SQLite folder and file if needed) and migrates.
pub async fn open_database(config: &Config) -> anyhow::Result<DatabaseConnection> {
    if let Some(dir) = config.sqlite_dir() {
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let db = connect(&DbOptions {
        url: config.database_url.clone(),
        max_connections: config.db_max_connections,
        sqlite_synchronous_full: config.sqlite_synchronous_full,
    })
    .await
    .with_context(|| format!("connecting to {}", crate::config::redact_url(&config.database_url)))?;
    migrate(&db).await.context("applying migrations")?;
    Ok(db)
}

/// Refreshes the query planner's statistics now and every hour while the server
/// runs, so plans follow the data as it grows (see `refresh_statistics`). In the
/// background: after a migration that adds an index to a million tickets the first
/// pass takes seconds, and the server starts serving meanwhile.
pub fn keep_statistics_fresh(db: DatabaseConnection) {
    every(Duration::from_secs(3600), "refreshing the query planner's statistics", move || {
        let db = db.clone();
        async move { refresh_statistics(&db).await }
    });
}

/// Folds the changes to the dashboard's open-ticket counts into their sums now and
/// every ten seconds, so the dashboard reads a few rows per branch and stage
/// (`tickets::dashboard::fold_open_counts`).
pub fn keep_open_counts_folded(db: DatabaseConnection) {
    every(Duration::from_secs(10), "folding the open-ticket counts", move || {
        let db = db.clone();
        async move { fold_open_counts(&db).await }
    });
}

/// Forgets the answers kept for `Idempotency-Key` retries once they are older than
/// the window clients are promised, now and every hour (`Work::forget_old_answers`).
pub fn keep_retry_answers_pruned(db: DatabaseConnection) {
    every(Duration::from_secs(3600), "forgetting old Idempotency-Key answers", move || {
        let db = db.clone();
        async move { crate::use_cases::forget_old_answers(&db, chrono::Utc::now()).await.map(|_| ()) }
    });
}

/// Makes ring the TLS crypto provider of every HTTP client in the process:
/// reqwest is built without one (see Cargo.toml). Calling it again does nothing.
pub fn install_tls_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Delivers the webhook outbox in the background while the server runs, when
/// the configuration says this process does.
pub fn keep_webhooks_delivered(db: DatabaseConnection, config: &Config) -> anyhow::Result<()> {
    if !config.webhook_delivery {
        return Ok(());
    }
    let settings = crate::use_cases::webhooks::dispatch::Settings {
        lease: Duration::from_secs(config.webhook_lease_secs),
        poll: Duration::from_millis(config.webhook_poll_millis),
        timeout: Duration::from_secs(config.webhook_timeout_secs),
    };
    let dispatcher = crate::use_cases::webhooks::dispatch::Dispatcher::new(db, settings)?;
    tokio::spawn(dispatcher.run());
    Ok(())
}

/// Runs `task` now and then every `period` in the background while the server
/// runs; a failed pass is logged as `what` and the next one comes as planned.
fn every<F, Fut, E>(period: Duration, what: &'static str, task: F)
where
    F: Fn() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<(), E>> + Send,
    E: std::fmt::Display,
{
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(period);
        loop {
            ticks.tick().await;
            if let Err(e) = task().await {
                tracing::warn!(error = %e, "{what} failed");
            }
        }
    });
}

pub fn build_state(config: Config, db: DatabaseConnection) -> anyhow::Result<AppState> {
    let secret = if config.jwt_secret.is_empty() {
        tracing::warn!("jwt_secret is not set: using a random key; sessions end when the process stops");
        let mut key = vec![0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut key);
        key
    } else {
        config.jwt_secret.as_bytes().to_vec()
    };
    let policy = ThrottlePolicy {
        max_failures: config.login_max_failures,
        window: chrono::Duration::minutes(i64::try_from(config.login_lockout_minutes).unwrap_or(15)),
        lockout: chrono::Duration::minutes(i64::try_from(config.login_lockout_minutes).unwrap_or(15)),
    };
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    // Built once: the 405 table and the served document come from the same spec.
    let openapi = crate::openapi::document();
    Ok(AppState {
        db,
        tokens: AccessTokens::new(&secret, config.access_token_ttl_secs),
        passwords: Passwords::new(cores).map_err(|e| anyhow::anyhow!("{e}"))?,
        login_guard: LoginGuard::new(config.login_per_ip_per_minute, policy),
        track_limiter: IpLimiter::per_minute(config.track_per_ip_per_minute),
        key_limiter: crate::auth::api_keys::KeyLimiter::per_minute(config.api_key_per_minute),
        routes: RouteTable::from_spec(&openapi),
        openapi_json: serde_json::to_vec(&openapi)?.into(),
        config: Arc::new(config),
    })
}

/// Starts serving on `listener`; the returned server stops gracefully on SIGTERM/SIGINT.
pub fn run(listener: TcpListener, state: AppState) -> anyhow::Result<Server> {
    let workers = state.config.workers;
    let max_body = state.config.max_body_bytes;
    let state = web::Data::new(state);
    let metrics = PrometheusMetricsBuilder::new("aftersales")
        .endpoint("/metrics")
        .mask_unmatched_patterns("UNMATCHED")
        .build()
        .map_err(|e| anyhow::anyhow!("metrics: {e}"))?;
    let mut server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .app_data(web::JsonConfig::default().limit(max_body).error_handler(|e, _| json_error(e).into()))
            .app_data(web::QueryConfig::default().error_handler(|e, _| ApiError::Malformed(e.to_string()).into()))
            .app_data(
                web::PathConfig::default()
                    .error_handler(|_, req| ApiError::RouteNotFound(req.path().to_owned()).into()),
            )
            // The web app's files come compressed from the build with a Content-Encoding,
            // and Compress leaves such a response alone (spa.rs).
            .wrap(Compress::default())
            .wrap(metrics.clone())
            .wrap(from_fn(request_context))
            .configure(routes::configure)
            .configure(bench_routes)
            .route("/api/v1/openapi.json", web::get().to(openapi_json))
            // The docs page reads the document above instead of holding its own copy per worker.
            .service(SwaggerUi::new("/api/docs/{_:.*}").config(SwaggerConfig::new(["/api/v1/openapi.json"])))
            .service(web::redirect("/api/docs", "/api/docs/"))
            .default_service(web::to(routes::fallback))
    })
    .shutdown_timeout(10)
    .listen(listener)?;
    if workers > 0 {
        server = server.workers(workers);
    }
    Ok(server.run())
}

/// The harness's bare endpoints, in benchmark builds only (`crate::bench`).
fn bench_routes(_cfg: &mut web::ServiceConfig) {
    #[cfg(feature = "bench")]
    crate::bench::bare::configure(_cfg);
}

/// `GET /api/v1/openapi.json`: the document written at start.
async fn openapi_json(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().content_type("application/json").body(state.openapi_json.clone())
}

fn json_error(e: actix_web::error::JsonPayloadError) -> ApiError {
    use actix_web::error::JsonPayloadError as E;
    match e {
        E::ContentType => ApiError::UnsupportedMediaType("send the body as Content-Type: application/json".into()),
        E::Overflow { limit } | E::OverflowKnownLength { limit, .. } => ApiError::PayloadTooLarge(limit),
        other => ApiError::Malformed(other.to_string()),
    }
}
