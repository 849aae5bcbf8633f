//! After the work: the callback to the customer with its scripted answers, and
//! complaints with their own resolution.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TicketCallbacks {
    Table,
    Id,
    TicketId,
    DueAt,
    Status,
    Attempts,
    Answers,
    SatisfactionScore,
    Contradictions,
    Notes,
    DoneBy,
    DoneAt,
    CreatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Complaints {
    Table,
    Id,
    TicketId,
    BranchId,
    TechnicianId,
    Category,
    Description,
    Status,
    Resolution,
    CreatedBy,
    CreatedAt,
    ResolvedBy,
    ResolvedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Branches {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(TicketCallbacks::Table)
                .col(pk_uuid(TicketCallbacks::Id))
                // One callback task per ticket; a reopened ticket reuses it.
                .col(uuid(TicketCallbacks::TicketId).unique_key())
                .col(timestamp_with_time_zone(TicketCallbacks::DueAt))
                // pending, done, unreachable
                .col(string_len(TicketCallbacks::Status, 16))
                .col(integer(TicketCallbacks::Attempts))
                // JSON object: question code → answer.
                .col(text_null(TicketCallbacks::Answers))
                .col(integer_null(TicketCallbacks::SatisfactionScore))
                // JSON array: what the answers contradict on the ticket.
                .col(text_null(TicketCallbacks::Contradictions))
                .col(text_null(TicketCallbacks::Notes))
                .col(uuid_null(TicketCallbacks::DoneBy))
                .col(timestamp_with_time_zone_null(TicketCallbacks::DoneAt))
                .col(timestamp_with_time_zone(TicketCallbacks::CreatedAt))
                .col(big_integer(TicketCallbacks::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(TicketCallbacks::Table, TicketCallbacks::TicketId)
                        .to(Tickets::Table, Tickets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_ticket_callbacks_due")
                .table(TicketCallbacks::Table)
                .col(TicketCallbacks::Status)
                .col(TicketCallbacks::DueAt)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Complaints::Table)
                .col(pk_uuid(Complaints::Id))
                .col(uuid(Complaints::TicketId))
                .col(uuid(Complaints::BranchId))
                .col(uuid_null(Complaints::TechnicianId))
                .col(string_len(Complaints::Category, 32))
                .col(text(Complaints::Description))
                // open, resolved, rejected
                .col(string_len(Complaints::Status, 16))
                .col(text_null(Complaints::Resolution))
                .col(uuid_null(Complaints::CreatedBy))
                .col(timestamp_with_time_zone(Complaints::CreatedAt))
                .col(uuid_null(Complaints::ResolvedBy))
                .col(timestamp_with_time_zone_null(Complaints::ResolvedAt))
                .col(timestamp_with_time_zone(Complaints::UpdatedAt))
                .col(big_integer(Complaints::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(Complaints::Table, Complaints::TicketId)
                        .to(Tickets::Table, Tickets::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Complaints::Table, Complaints::BranchId)
                        .to(Branches::Table, Branches::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_complaints_ticket").table(Complaints::Table).col(Complaints::TicketId).to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_complaints_branch_status")
                .table(Complaints::Table)
                .col(Complaints::BranchId)
                .col(Complaints::Status)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Complaints::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(TicketCallbacks::Table).to_owned()).await
    }
}
