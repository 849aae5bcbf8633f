//! Schema migrations, applied in order and recorded in `seaql_migrations`.
//!
//! Append-only: a migration that has shipped is never edited; change the schema
//! with a new file. Migrations never import entities, so they keep meaning what
//! they meant when they were written.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_organisation;
mod m20261122_000002_auth;
mod m20261122_000003_audit;
mod m20261122_000004_customers;
mod m20261122_000005_catalogue;
mod m20261122_000006_warranty_policies;
mod m20261122_000007_serials;
mod m20261122_000008_serial_registry;
mod m20261122_000009_import_jobs;
mod m20261122_000010_warranty_cards;
mod m20261122_000011_tickets;
mod m20261122_000012_ticket_work;
mod m20261122_000013_ticket_followup;
mod m20261122_000014_parts;
mod m20261122_000015_ticket_parts;
mod m20261122_000016_transfers_purchasing;
mod m20261122_000017_sales_stocktakes;
mod m20261122_000018_reserved_not_negative;
mod m20261207_000019_ticket_dashboard_index;
mod m20261207_000020_ticket_list_indexes;
mod m20261207_000021_ticket_volume_indexes;
mod m20261207_000022_ticket_search_index;
mod m20261207_000023_ticket_open_counts;
mod m20261207_000024_overdue_by_branch;
mod m20261207_000025_phone_suffixes;
mod m20261207_000026_partners;
mod m20261208_000027_webhooks;
mod m20261208_000028_orders;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_organisation::Migration),
            Box::new(m20261122_000002_auth::Migration),
            Box::new(m20261122_000003_audit::Migration),
            Box::new(m20261122_000004_customers::Migration),
            Box::new(m20261122_000005_catalogue::Migration),
            Box::new(m20261122_000006_warranty_policies::Migration),
            Box::new(m20261122_000007_serials::Migration),
            Box::new(m20261122_000008_serial_registry::Migration),
            Box::new(m20261122_000009_import_jobs::Migration),
            Box::new(m20261122_000010_warranty_cards::Migration),
            Box::new(m20261122_000011_tickets::Migration),
            Box::new(m20261122_000012_ticket_work::Migration),
            Box::new(m20261122_000013_ticket_followup::Migration),
            Box::new(m20261122_000014_parts::Migration),
            Box::new(m20261122_000015_ticket_parts::Migration),
            Box::new(m20261122_000016_transfers_purchasing::Migration),
            Box::new(m20261122_000017_sales_stocktakes::Migration),
            Box::new(m20261122_000018_reserved_not_negative::Migration),
            Box::new(m20261207_000019_ticket_dashboard_index::Migration),
            Box::new(m20261207_000020_ticket_list_indexes::Migration),
            Box::new(m20261207_000021_ticket_volume_indexes::Migration),
            Box::new(m20261207_000022_ticket_search_index::Migration),
            Box::new(m20261207_000023_ticket_open_counts::Migration),
            Box::new(m20261207_000024_overdue_by_branch::Migration),
            Box::new(m20261207_000025_phone_suffixes::Migration),
            Box::new(m20261207_000026_partners::Migration),
            Box::new(m20261208_000027_webhooks::Migration),
            Box::new(m20261208_000028_orders::Migration),
        ]
    }
}
