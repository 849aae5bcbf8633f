//! Configuration: defaults < optional TOML file < `AFTERSALES_*` environment < flags.
//!
//! Every key is a flat name; the environment variable is the name in upper case with
//! `AFTERSALES_` in front (`bind` → `AFTERSALES_BIND`). `DATABASE_URL` is also read,
//! as most tools expect. Unknown keys in the file are refused; values are checked
//! once at start-up with a message that names the key.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Address and port to listen on.
    pub bind: String,
    /// `sqlite://path.db` (created on first start) or `postgres://user:pass@host/db`.
    pub database_url: String,
    /// Pool size; also the group-commit batch for writes. 8 by default: on SQLite
    /// each connection keeps its own page cache and thread, and at 100,000 tickets
    /// 16 of them took the server to 195 MiB against 144 with 8, for the same
    /// requests per second (4 took 114 MiB but lost a quarter of the detail reads).
    pub db_max_connections: u32,
    /// SQLite `synchronous=FULL` (survives power loss) instead of `NORMAL`.
    pub sqlite_synchronous_full: bool,
    /// HS256 key for access tokens, at least 32 bytes. When empty a random key is
    /// made at start, so sessions end with the process and cannot span instances.
    pub jwt_secret: String,
    pub access_token_ttl_secs: u64,
    pub refresh_token_ttl_days: u64,
    /// Sign-in attempts allowed per client IP per minute.
    pub login_per_ip_per_minute: u32,
    /// Failed sign-ins of one account within `login_lockout_minutes` that lock it.
    pub login_max_failures: u32,
    pub login_lockout_minutes: u64,
    /// Largest accepted JSON body in bytes.
    pub max_body_bytes: usize,
    /// Largest accepted import file (CSV or XLSX) in bytes.
    pub max_import_bytes: usize,
    /// Largest accepted ticket attachment (photo, scan, PDF) in bytes.
    pub max_attachment_bytes: usize,
    /// Folder for files the server keeps (attachments under `attachments/`).
    pub data_dir: PathBuf,
    /// Where customers reach the web app, e.g. `https://service.example.com`: the
    /// tracking link printed on receipts and in QR codes is `{public_url}/track/{code}`.
    pub public_url: String,
    /// Public tracking look-ups allowed per client IP per minute.
    pub track_per_ip_per_minute: u32,
    /// Requests one partner API key may make per minute (429 with `Retry-After` beyond).
    pub api_key_per_minute: u32,
    /// Folder of the built web app served at `/` (SPA fallback to index.html).
    pub static_dir: PathBuf,
    pub log_format: LogFormat,
    /// `tracing` filter, e.g. `info,sqlx=warn`.
    pub log_filter: String,
    /// Worker threads; 0 means one per core.
    pub workers: usize,
    /// Whether this process delivers webhooks (every process may: they share the
    /// outbox without delivering a message twice).
    pub webhook_delivery: bool,
    /// How long a process holds the deliveries it took; another takes them up
    /// after that if it died. Longer than the timeout.
    pub webhook_lease_secs: u64,
    /// How often to look for due deliveries that no local change woke us for.
    pub webhook_poll_millis: u64,
    /// How long a receiver may take to answer.
    pub webhook_timeout_secs: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: "127.0.0.1:8080".into(),
            database_url: "sqlite://data/aftersales.db".into(),
            db_max_connections: 8,
            sqlite_synchronous_full: false,
            jwt_secret: String::new(),
            access_token_ttl_secs: 900,
            refresh_token_ttl_days: 30,
            login_per_ip_per_minute: 30,
            login_max_failures: 5,
            login_lockout_minutes: 15,
            max_body_bytes: 1 << 20,
            max_import_bytes: 64 << 20,
            max_attachment_bytes: 10 << 20,
            data_dir: "data".into(),
            public_url: "http://127.0.0.1:8080".into(),
            track_per_ip_per_minute: 60,
            api_key_per_minute: 600,
            static_dir: "frontend/dist".into(),
            log_format: LogFormat::Pretty,
            log_filter: "info,sqlx=warn,sea_orm=warn".into(),
            workers: 0,
            webhook_delivery: true,
            webhook_lease_secs: 60,
            webhook_poll_millis: 1000,
            webhook_timeout_secs: 15,
        }
    }
}

// The secret never reaches a log line.
impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("bind", &self.bind)
            .field("database_url", &redact_url(&self.database_url))
            .field("db_max_connections", &self.db_max_connections)
            .field("jwt_secret", &if self.jwt_secret.is_empty() { "(random)" } else { "(set)" })
            .field("static_dir", &self.static_dir)
            .field("log_format", &self.log_format)
            .finish_non_exhaustive()
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let creds = &url[scheme_end + 3..at];
            match creds.find(':') {
                Some(colon) => format!("{}{}:***{}", &url[..scheme_end + 3], &creds[..colon], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// An absolute http(s) address with a host and no query, fragment or spaces.
fn is_public_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) else { return false };
    let host = rest.split('/').next().unwrap_or_default();
    !host.is_empty()
        && !host.contains('@')
        && !url.contains(['?', '#'])
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

const KEYS: [&str; 25] = [
    "bind",
    "database_url",
    "db_max_connections",
    "sqlite_synchronous_full",
    "jwt_secret",
    "access_token_ttl_secs",
    "refresh_token_ttl_days",
    "login_per_ip_per_minute",
    "login_max_failures",
    "login_lockout_minutes",
    "max_body_bytes",
    "max_import_bytes",
    "max_attachment_bytes",
    "data_dir",
    "public_url",
    "track_per_ip_per_minute",
    "api_key_per_minute",
    "static_dir",
    "log_format",
    "log_filter",
    "workers",
    "webhook_delivery",
    "webhook_lease_secs",
    "webhook_poll_millis",
    "webhook_timeout_secs",
];

impl Config {
    /// Loads the layers. `overrides` are the command-line flags (highest priority).
    pub fn load(file: Option<&Path>, overrides: &[(&str, String)]) -> Result<Config, String> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if let Some(path) = file {
            if !path.exists() {
                return Err(format!("config file {} does not exist", path.display()));
            }
            figment = figment.merge(Toml::file(path));
        }
        figment = figment.merge(Env::raw().only(&["database_url"]));
        figment = figment.merge(Env::prefixed("AFTERSALES_").only(&KEYS));
        for (key, value) in overrides {
            figment = figment.merge(Serialized::global(key, value));
        }
        let config: Config = figment.extract().map_err(|e| format!("configuration: {e}"))?;
        config.validate()?;
        Ok(config)
    }

    pub fn validate(&self) -> Result<(), String> {
        self.bind
            .parse::<SocketAddr>()
            .map_err(|_| format!("bind: '{}' is not an address such as 127.0.0.1:8080", self.bind))?;
        let url = &self.database_url;
        if !(url.starts_with("sqlite:") || url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err("database_url: must start with sqlite: or postgres://".into());
        }
        if self.db_max_connections == 0 {
            return Err("db_max_connections: must be at least 1".into());
        }
        if !self.jwt_secret.is_empty() && self.jwt_secret.len() < 32 {
            return Err("jwt_secret: must be at least 32 bytes (or empty for a random one)".into());
        }
        if self.access_token_ttl_secs < 30 || self.access_token_ttl_secs > 86_400 {
            return Err("access_token_ttl_secs: must be between 30 and 86400".into());
        }
        if self.refresh_token_ttl_days == 0 || self.refresh_token_ttl_days > 365 {
            return Err("refresh_token_ttl_days: must be between 1 and 365".into());
        }
        if self.login_per_ip_per_minute == 0 || self.login_max_failures == 0 || self.login_lockout_minutes == 0 {
            return Err("login_per_ip_per_minute, login_max_failures, login_lockout_minutes: must be at least 1".into());
        }
        if self.max_body_bytes < 1024 {
            return Err("max_body_bytes: must be at least 1024".into());
        }
        if self.max_import_bytes < 1024 {
            return Err("max_import_bytes: must be at least 1024".into());
        }
        if self.max_attachment_bytes < 1024 {
            return Err("max_attachment_bytes: must be at least 1024".into());
        }
        if self.data_dir.as_os_str().is_empty() {
            return Err("data_dir: must name a folder".into());
        }
        if !is_public_url(&self.public_url) {
            return Err(format!(
                "public_url: '{}' is not an http(s) address such as https://service.example.com",
                self.public_url
            ));
        }
        if self.track_per_ip_per_minute == 0 {
            return Err("track_per_ip_per_minute: must be at least 1".into());
        }
        if self.webhook_timeout_secs == 0 || self.webhook_poll_millis == 0 {
            return Err("webhook_timeout_secs, webhook_poll_millis: must be at least 1".into());
        }
        if self.webhook_lease_secs <= self.webhook_timeout_secs {
            return Err("webhook_lease_secs: must be longer than webhook_timeout_secs".into());
        }
        if self.api_key_per_minute == 0 {
            return Err("api_key_per_minute: must be at least 1".into());
        }
        Ok(())
    }

    /// `public_url` without a trailing `/`.
    pub fn public_base(&self) -> &str {
        self.public_url.trim_end_matches('/')
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }

    /// The folder a SQLite file lives in, to create it before connecting.
    pub fn sqlite_dir(&self) -> Option<PathBuf> {
        let rest = self.database_url.strip_prefix("sqlite://").or_else(|| self.database_url.strip_prefix("sqlite:"))?;
        let path = rest.split('?').next().unwrap_or_default();
        if path.is_empty() || path.starts_with(":memory:") {
            return None;
        }
        Path::new(path).parent().filter(|p| !p.as_os_str().is_empty()).map(Path::to_path_buf)
    }
}

#[cfg(test)]
// figment's `Jail` closures must return its (large) error type.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_valid_and_use_a_sqlite_file_under_data() {
        let c = Config::default();
        assert_eq!(c.validate(), Ok(()));
        assert_eq!(c.sqlite_dir(), Some(PathBuf::from("data")));
    }

    #[test]
    fn a_flag_beats_the_environment_which_beats_the_file() {
        // The jail runs in a temporary folder of its own and removes it afterwards.
        figment::Jail::expect_with(|jail| {
            jail.create_file("c.toml", "bind = \"127.0.0.1:1111\"\nworkers = 3\n")?;
            let file = PathBuf::from("c.toml");
            jail.set_env("AFTERSALES_WORKERS", "5");
            let c = Config::load(Some(&file), &[]).map_err(|e| e.to_string())?;
            assert_eq!((c.bind.as_str(), c.workers), ("127.0.0.1:1111", 5));
            let c = Config::load(Some(&file), &[("bind", "127.0.0.1:2222".into())]).map_err(|e| e.to_string())?;
            assert_eq!(c.bind, "127.0.0.1:2222");
            Ok(())
        });
    }

    #[test]
    fn a_bad_value_is_refused_with_the_key_named() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("AFTERSALES_BIND", "nowhere");
            let err = Config::load(None, &[]).err().unwrap_or_default();
            assert!(err.contains("bind"), "{err}");
            jail.set_env("AFTERSALES_BIND", "127.0.0.1:1");
            jail.set_env("AFTERSALES_JWT_SECRET", "short");
            let err = Config::load(None, &[]).err().unwrap_or_default();
            assert!(err.contains("jwt_secret"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn the_public_url_must_be_an_http_address() {
        let with = |url: &str| Config { public_url: url.into(), ..Config::default() };
        assert_eq!(with("https://service.example.com/").validate(), Ok(()));
        assert_eq!(with("https://service.example.com/").public_base(), "https://service.example.com");
        for bad in ["service.example.com", "ftp://x", "https://", "https://a b", "https://x/?q=1", "https://u@x"] {
            assert!(with(bad).validate().is_err_and(|e| e.contains("public_url")), "{bad}");
        }
    }

    #[test]
    fn an_unknown_key_in_the_file_is_refused() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("bad.toml", "bindd = \"x\"")?;
            let err = Config::load(Some(Path::new("bad.toml")), &[]).err().unwrap_or_default();
            assert!(err.contains("bindd"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn passwords_in_database_urls_are_redacted() {
        assert_eq!(redact_url("postgres://app:s3cret@db/aftersales"), "postgres://app:***@db/aftersales");
        assert_eq!(redact_url("sqlite://data/a.db"), "sqlite://data/a.db");
    }
}
