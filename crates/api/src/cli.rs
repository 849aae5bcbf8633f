//! The `aftersales` command line.
use std::net::TcpListener;
use std::path::PathBuf;

use aftersales_domain::access::Role;
use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::{openapi, seed, startup, telemetry};

#[derive(Parser, Debug)]
#[command(name = "aftersales", version, about = "After-sales service platform: API server and admin commands")]
pub struct Cli {
    /// TOML file with settings (see README: Configuration).
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    /// Address to listen on, e.g. 0.0.0.0:8080.
    #[arg(long, global = true)]
    pub bind: Option<String>,
    /// sqlite://file.db or postgres://user:pass@host/db.
    #[arg(long, global = true)]
    pub database_url: Option<String>,
    /// pretty or json.
    #[arg(long, global = true)]
    pub log_format: Option<String>,
    /// Folder of the built web app.
    #[arg(long, global = true)]
    pub static_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the server (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Print the OpenAPI document.
    Openapi,
    /// Administrative tasks.
    Admin {
        #[command(subcommand)]
        task: AdminTask,
    },
    /// Load the demo network and users (safe to run twice).
    SeedDemo,
    /// Fill the database with a network of the given size for benchmarks: the demo,
    /// 30 outlets, 300 technicians, a customer per five tickets, a unit per ticket.
    /// Prints what a benchmark needs to address it, as JSON.
    SeedVolume {
        #[arg(long, default_value_t = 10_000)]
        tickets: usize,
    },
    /// The harness's statement loop (builds with the feature `bench` only): calls
    /// the use case a workload's request reaches, as `admin`, from `connections`
    /// tasks for `seconds`, without HTTP; prints what it measured as JSON.
    #[cfg(feature = "bench")]
    BenchStatements {
        #[arg(long, default_value = "GET")]
        method: String,
        /// The request's path and query; `TICKET` is replaced by each of `--tickets`.
        #[arg(long)]
        path: String,
        #[arg(long, default_value = "")]
        body: String,
        /// Comma-separated ticket ids to go round for `TICKET`.
        #[arg(long, default_value = "")]
        tickets: String,
        #[arg(long, default_value_t = 1)]
        connections: usize,
        #[arg(long, default_value_t = 10.0)]
        seconds: f64,
    },
}

#[derive(Subcommand, Debug)]
pub enum AdminTask {
    /// Create a user. With an empty database, also creates the head office.
    CreateUser {
        #[arg(long)]
        username: String,
        /// At least 10 characters. Read from AFTERSALES_NEW_PASSWORD when not given.
        #[arg(long, env = "AFTERSALES_NEW_PASSWORD", hide_env_values = true)]
        password: String,
        #[arg(long)]
        display_name: Option<String>,
        /// Code of the user's branch; the head office when not given.
        #[arg(long)]
        branch: Option<String>,
        /// admin, manager, clerk, dispatcher, technician, warehouse, finance (repeatable).
        #[arg(long = "role", default_values_t = vec!["admin".to_string()])]
        roles: Vec<String>,
    },
}

impl Cli {
    fn overrides(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(v) = &self.bind {
            out.push(("bind", v.clone()));
        }
        if let Some(v) = &self.database_url {
            out.push(("database_url", v.clone()));
        }
        if let Some(v) = &self.log_format {
            out.push(("log_format", v.clone()));
        }
        if let Some(v) = &self.static_dir {
            out.push(("static_dir", v.display().to_string()));
        }
        out
    }
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    if matches!(cli.command, Some(Command::Openapi)) {
        println!("{}", openapi::openapi_json());
        return Ok(());
    }
    let config = Config::load(cli.config.as_deref(), &cli.overrides()).map_err(anyhow::Error::msg)?;
    telemetry::init(&config.log_format, &config.log_filter);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Migrate => {
            startup::open_database(&config).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::Openapi => Ok(()),
        Command::SeedDemo => {
            let db = startup::open_database(&config).await?;
            let report = seed::seed_demo(&db).await?;
            println!("{report}");
            Ok(())
        }
        Command::SeedVolume { tickets } => {
            let db = startup::open_database(&config).await?;
            let landmarks = seed::volume::seed_volume(&db, seed::volume::Volume::for_tickets(tickets)).await?;
            println!("{}", serde_json::to_string(&landmarks)?);
            Ok(())
        }
        #[cfg(feature = "bench")]
        Command::BenchStatements { method, path, body, tickets, connections, seconds } => {
            let db = startup::open_database(&config).await?;
            let paths: Vec<String> = match tickets.as_str() {
                "" => vec![path],
                ids => ids.split(',').map(|id| path.replace("TICKET", id)).collect(),
            };
            let calls = paths
                .iter()
                .map(|p| crate::bench::Call::parse(&method, p, body.as_bytes()))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let report = crate::bench::statements::run(&db, calls, connections, seconds).await?;
            println!("{}", serde_json::to_string(&report)?);
            Ok(())
        }
        Command::Admin { task: AdminTask::CreateUser { username, password, display_name, branch, roles } } => {
            let roles = roles
                .iter()
                .map(|r| Role::parse(r).with_context(|| format!("unknown role '{r}'")))
                .collect::<anyhow::Result<Vec<_>>>()?;
            if password.len() < 10 {
                bail!("the password must be at least 10 characters");
            }
            let db = startup::open_database(&config).await?;
            let user = seed::create_user(&db, &username, &password, display_name.as_deref(), branch.as_deref(), &roles)
                .await?;
            println!("created user {} ({})", user.username, user.id);
            Ok(())
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let listener = TcpListener::bind(&config.bind).with_context(|| format!("binding {}", config.bind))?;
    let address = listener.local_addr()?;
    tracing::info!(config = ?config, "starting");
    let db = startup::open_database(&config).await?;
    startup::keep_statistics_fresh(db.clone());
    startup::keep_open_counts_folded(db.clone());
    startup::keep_retry_answers_pruned(db.clone());
    startup::keep_webhooks_delivered(db.clone(), &config)?;
    let state = startup::build_state(config, db)?;
    tracing::info!("listening on http://{address}");
    startup::run(listener, state)?.await?;
    tracing::info!("stopped");
    Ok(())
}
