//! The Aftersales server: REST API under `/api/v1`, the web app at `/`, and the
//! `aftersales` command line (serve, migrate, openapi, admin, seed-demo).

pub mod audit;
pub mod auth;
#[cfg(feature = "bench")]
pub mod bench;
pub mod cli;
pub mod config;
pub mod dto;
pub mod entitlement_dto;
pub mod error;
pub mod extract;
pub mod idempotency;
pub mod imports;
pub mod middleware;
pub mod money_dto;
pub mod openapi;
pub mod openapi_idempotency;
pub mod pagination;
pub mod reply;
pub mod routes;
pub mod seed;
pub mod serial_dto;
pub mod spa;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod use_cases;
pub mod warranty_dto;
