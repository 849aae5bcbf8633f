//! Partners and their API keys, and the two ways a ticket belongs to a partner:
//! `partner_id`, the partner whose key took it in, and `service_partner_id`, the
//! contracted shop a dispatcher gave it to. `external_reference` (the partner's
//! own order or job number) is unique per partner; staff tickets may repeat it.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Partners {
    Table,
    Id,
    BranchId,
    UserId,
    Code,
    Name,
    Kind,
    Active,
    ContactName,
    ContactEmail,
    ContactPhone,
    BrandIds,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum ApiKeys {
    Table,
    Id,
    PartnerId,
    Name,
    Prefix,
    KeyHash,
    Scopes,
    ExpiresAt,
    RevokedAt,
    LastUsedAt,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    PartnerId,
    ServicePartnerId,
}

#[derive(DeriveIden)]
enum Branches {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Partners::Table)
                .col(pk_uuid(Partners::Id))
                .col(uuid(Partners::BranchId))
                .col(uuid_uniq(Partners::UserId))
                .col(string_len_uniq(Partners::Code, 32))
                .col(string_len(Partners::Name, 120))
                .col(string_len(Partners::Kind, 32))
                .col(boolean(Partners::Active))
                .col(string_len_null(Partners::ContactName, 120))
                .col(string_len_null(Partners::ContactEmail, 200))
                .col(string_len_null(Partners::ContactPhone, 40))
                .col(text(Partners::BrandIds))
                .col(timestamp_with_time_zone(Partners::CreatedAt))
                .col(timestamp_with_time_zone(Partners::UpdatedAt))
                .col(big_integer(Partners::Version))
                .foreign_key(
                    ForeignKey::create().from(Partners::Table, Partners::BranchId).to(Branches::Table, Branches::Id),
                )
                .foreign_key(ForeignKey::create().from(Partners::Table, Partners::UserId).to(Users::Table, Users::Id))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ApiKeys::Table)
                .col(pk_uuid(ApiKeys::Id))
                .col(uuid(ApiKeys::PartnerId))
                .col(string_len(ApiKeys::Name, 120))
                .col(string_len_uniq(ApiKeys::Prefix, 32))
                .col(string_len_uniq(ApiKeys::KeyHash, 64))
                .col(text(ApiKeys::Scopes))
                .col(timestamp_with_time_zone_null(ApiKeys::ExpiresAt))
                .col(timestamp_with_time_zone_null(ApiKeys::RevokedAt))
                .col(timestamp_with_time_zone_null(ApiKeys::LastUsedAt))
                .col(uuid_null(ApiKeys::CreatedBy))
                .col(timestamp_with_time_zone(ApiKeys::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(ApiKeys::Table, ApiKeys::PartnerId)
                        .to(Partners::Table, Partners::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_api_keys_partner").table(ApiKeys::Table).col(ApiKeys::PartnerId).to_owned(),
        )
        .await?;
        // SQLite adds one column per ALTER TABLE.
        for column in [Tickets::PartnerId, Tickets::ServicePartnerId] {
            m.alter_table(Table::alter().table(Tickets::Table).add_column(uuid_null(column)).to_owned()).await?;
        }
        let db = m.get_connection();
        // A partner's order number names one ticket of that partner; NULLs (staff
        // tickets, tickets without a reference) never collide.
        db.execute_unprepared(
            "CREATE UNIQUE INDEX ux_tickets_partner_external_reference ON tickets (partner_id, external_reference) \
             WHERE partner_id IS NOT NULL AND external_reference IS NOT NULL",
        )
        .await?;
        db.execute_unprepared(
            "CREATE INDEX ix_tickets_service_partner ON tickets (service_partner_id) WHERE service_partner_id IS NOT NULL",
        )
        .await?;
        db.execute_unprepared(
            "CREATE INDEX ix_tickets_external_reference ON tickets (external_reference) \
             WHERE external_reference IS NOT NULL",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for index in
            ["ix_tickets_external_reference", "ix_tickets_service_partner", "ux_tickets_partner_external_reference"]
        {
            db.execute_unprepared(&format!("DROP INDEX {index}")).await?;
        }
        for column in [Tickets::ServicePartnerId, Tickets::PartnerId] {
            m.alter_table(Table::alter().table(Tickets::Table).drop_column(column).to_owned()).await?;
        }
        m.drop_table(Table::drop().table(ApiKeys::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Partners::Table).to_owned()).await
    }
}
