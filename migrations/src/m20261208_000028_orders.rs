//! Orders from e-commerce platforms: the order (one per partner and order
//! number), its lines (one sold unit each, with the installation ticket it
//! opened), its status history, and the returns and exchanges asked for on it
//! (each with its return/exchange ticket and the network's decision). A policy
//! version says whether a unit given in exchange carries over the replaced
//! unit's warranty or starts a fresh term. A user may work for a partner (a
//! shop's own staff, who see only the shop's tickets).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Orders {
    Table,
    Id,
    PartnerId,
    BranchId,
    ExternalReference,
    CustomerId,
    Status,
    OrderedOn,
    DeliveredOn,
    InstallationAddress,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum OrderLines {
    Table,
    Id,
    OrderId,
    LineNo,
    ModelId,
    Serial,
    SerialId,
    InstallationTicketId,
}

#[derive(DeriveIden)]
enum OrderEvents {
    Table,
    Id,
    OrderId,
    FromStatus,
    ToStatus,
    Note,
    ActorId,
    At,
}

#[derive(DeriveIden)]
enum OrderReturns {
    Table,
    Id,
    OrderId,
    LineId,
    Kind,
    Reason,
    TicketId,
    Outcome,
    WarehouseId,
    ExchangeSerialId,
    DecisionNote,
    DecidedAt,
    DecidedBy,
    CreatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    PartnerId,
}

#[derive(DeriveIden)]
enum WarrantyPolicyVersions {
    Table,
    ExchangeTerm,
}

#[derive(DeriveIden)]
enum Partners {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Branches {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Orders::Table)
                .col(pk_uuid(Orders::Id))
                .col(uuid(Orders::PartnerId))
                .col(uuid(Orders::BranchId))
                .col(string_len(Orders::ExternalReference, 64))
                .col(uuid(Orders::CustomerId))
                .col(string_len(Orders::Status, 32))
                .col(date(Orders::OrderedOn))
                .col(date_null(Orders::DeliveredOn))
                .col(text_null(Orders::InstallationAddress))
                .col(timestamp_with_time_zone(Orders::CreatedAt))
                .col(timestamp_with_time_zone(Orders::UpdatedAt))
                .col(big_integer(Orders::Version))
                .foreign_key(
                    ForeignKey::create().from(Orders::Table, Orders::PartnerId).to(Partners::Table, Partners::Id),
                )
                .foreign_key(
                    ForeignKey::create().from(Orders::Table, Orders::BranchId).to(Branches::Table, Branches::Id),
                )
                .foreign_key(
                    ForeignKey::create().from(Orders::Table, Orders::CustomerId).to(Customers::Table, Customers::Id),
                )
                .to_owned(),
        )
        .await?;
        // A platform's order number names one order of that platform.
        m.create_index(
            Index::create()
                .name("ux_orders_partner_reference")
                .table(Orders::Table)
                .col(Orders::PartnerId)
                .col(Orders::ExternalReference)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_orders_branch_status")
                .table(Orders::Table)
                .col(Orders::BranchId)
                .col(Orders::Status)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrderLines::Table)
                .col(pk_uuid(OrderLines::Id))
                .col(uuid(OrderLines::OrderId))
                .col(integer(OrderLines::LineNo))
                .col(uuid(OrderLines::ModelId))
                .col(string_len_null(OrderLines::Serial, 64))
                .col(uuid_null(OrderLines::SerialId))
                .col(uuid_null(OrderLines::InstallationTicketId))
                .foreign_key(
                    ForeignKey::create()
                        .from(OrderLines::Table, OrderLines::OrderId)
                        .to(Orders::Table, Orders::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_order_lines_order_line")
                .table(OrderLines::Table)
                .col(OrderLines::OrderId)
                .col(OrderLines::LineNo)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrderEvents::Table)
                .col(pk_uuid(OrderEvents::Id))
                .col(uuid(OrderEvents::OrderId))
                .col(string_len_null(OrderEvents::FromStatus, 32))
                .col(string_len(OrderEvents::ToStatus, 32))
                .col(text_null(OrderEvents::Note))
                .col(uuid_null(OrderEvents::ActorId))
                .col(timestamp_with_time_zone(OrderEvents::At))
                .foreign_key(
                    ForeignKey::create()
                        .from(OrderEvents::Table, OrderEvents::OrderId)
                        .to(Orders::Table, Orders::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_order_events_order")
                .table(OrderEvents::Table)
                .col(OrderEvents::OrderId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrderReturns::Table)
                .col(pk_uuid(OrderReturns::Id))
                .col(uuid(OrderReturns::OrderId))
                .col(uuid(OrderReturns::LineId))
                .col(string_len(OrderReturns::Kind, 16))
                .col(text(OrderReturns::Reason))
                .col(uuid(OrderReturns::TicketId))
                .col(string_len_null(OrderReturns::Outcome, 16))
                .col(uuid_null(OrderReturns::WarehouseId))
                .col(uuid_null(OrderReturns::ExchangeSerialId))
                .col(text_null(OrderReturns::DecisionNote))
                .col(timestamp_with_time_zone_null(OrderReturns::DecidedAt))
                .col(uuid_null(OrderReturns::DecidedBy))
                .col(timestamp_with_time_zone(OrderReturns::CreatedAt))
                .col(big_integer(OrderReturns::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(OrderReturns::Table, OrderReturns::OrderId)
                        .to(Orders::Table, Orders::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_order_returns_order")
                .table(OrderReturns::Table)
                .col(OrderReturns::OrderId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_order_returns_warehouse")
                .table(OrderReturns::Table)
                .col(OrderReturns::WarehouseId)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(WarrantyPolicyVersions::Table)
                .add_column(string_len(WarrantyPolicyVersions::ExchangeTerm, 16).default("carry_over"))
                .to_owned(),
        )
        .await?;
        // A shop's own staff sign in as users of their partner and see only its tickets.
        m.alter_table(Table::alter().table(Users::Table).add_column(uuid_null(Users::PartnerId)).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Users::Table).drop_column(Users::PartnerId).to_owned()).await?;
        m.alter_table(
            Table::alter()
                .table(WarrantyPolicyVersions::Table)
                .drop_column(WarrantyPolicyVersions::ExchangeTerm)
                .to_owned(),
        )
        .await?;
        for table in ["order_returns", "order_events", "order_lines", "orders"] {
            m.drop_table(Table::drop().table(Alias::new(table)).to_owned()).await?;
        }
        Ok(())
    }
}
