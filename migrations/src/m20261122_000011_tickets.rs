//! Service tickets: the tickets themselves, their gapless per-branch numbers, their
//! append-only timelines, the configurable workflow per ticket type, and the
//! company-wide ticket settings.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tickets {
    Table,
    Id,
    Number,
    BranchId,
    Kind,
    Stage,
    StageCategory,
    Channel,
    Origin,
    Priority,
    CustomerId,
    SerialId,
    ModelId,
    ExternalReference,
    FaultCodes,
    FaultDescription,
    Accessories,
    ConditionNotes,
    RequestedFrom,
    RequestedTo,
    TechnicianId,
    DispatchedAt,
    AppointmentFrom,
    AppointmentTo,
    WarrantyStatus,
    WarrantySnapshot,
    WarrantyEvaluatedAt,
    DiagnosisCode,
    ResolutionCode,
    TechnicianNotes,
    TimeOnSiteMinutes,
    SatisfactionScore,
    RepeatOfTicketId,
    FlagRepeatRepair,
    FlagContradiction,
    ExpectedOn,
    TrackingCode,
    TrackingHash,
    SearchText,
    ClosedAt,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum TicketCounters {
    Table,
    BranchId,
    Kind,
    Year,
    LastNumber,
}

#[derive(DeriveIden)]
enum TicketEvents {
    Table,
    Id,
    TicketId,
    At,
    ActorId,
    Kind,
    Field,
    FromValue,
    ToValue,
    Note,
}

#[derive(DeriveIden)]
enum Workflows {
    Table,
    Kind,
    Definition,
    UpdatedAt,
    UpdatedBy,
    Version,
}

#[derive(DeriveIden)]
enum Settings {
    Table,
    Key,
    Value,
    UpdatedAt,
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

#[derive(DeriveIden)]
enum Serials {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

fn restrict<T: IntoIden, U: IntoIden, C: IntoIden, D: IntoIden>(
    from: T,
    col: C,
    to: U,
    to_col: D,
) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from, col).to(to, to_col).on_delete(ForeignKeyAction::Restrict).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Tickets::Table)
                .col(pk_uuid(Tickets::Id))
                .col(string_len(Tickets::Number, 48).unique_key())
                .col(uuid(Tickets::BranchId))
                .col(string_len(Tickets::Kind, 24))
                .col(string_len(Tickets::Stage, 32))
                .col(string_len(Tickets::StageCategory, 16))
                .col(string_len(Tickets::Channel, 24))
                .col(string_len(Tickets::Origin, 24))
                .col(string_len(Tickets::Priority, 16))
                .col(uuid(Tickets::CustomerId))
                .col(uuid_null(Tickets::SerialId))
                .col(uuid_null(Tickets::ModelId))
                .col(string_len_null(Tickets::ExternalReference, 64))
                // JSON array of symptom codes.
                .col(text(Tickets::FaultCodes))
                .col(text_null(Tickets::FaultDescription))
                // JSON array of strings.
                .col(text(Tickets::Accessories))
                .col(text_null(Tickets::ConditionNotes))
                .col(timestamp_with_time_zone_null(Tickets::RequestedFrom))
                .col(timestamp_with_time_zone_null(Tickets::RequestedTo))
                .col(uuid_null(Tickets::TechnicianId))
                .col(timestamp_with_time_zone_null(Tickets::DispatchedAt))
                .col(timestamp_with_time_zone_null(Tickets::AppointmentFrom))
                .col(timestamp_with_time_zone_null(Tickets::AppointmentTo))
                .col(string_len(Tickets::WarrantyStatus, 16))
                // JSON: the entitlement decision as it was given at intake (or at the last re-evaluation).
                .col(text_null(Tickets::WarrantySnapshot))
                .col(timestamp_with_time_zone_null(Tickets::WarrantyEvaluatedAt))
                .col(string_len_null(Tickets::DiagnosisCode, 32))
                .col(string_len_null(Tickets::ResolutionCode, 32))
                .col(text_null(Tickets::TechnicianNotes))
                .col(integer_null(Tickets::TimeOnSiteMinutes))
                .col(integer_null(Tickets::SatisfactionScore))
                .col(uuid_null(Tickets::RepeatOfTicketId))
                .col(boolean(Tickets::FlagRepeatRepair))
                .col(boolean(Tickets::FlagContradiction))
                .col(date_null(Tickets::ExpectedOn))
                .col(string_len(Tickets::TrackingCode, 16))
                .col(string_len(Tickets::TrackingHash, 64).unique_key())
                // Folded number, customer name and phones, serial: what text search matches.
                .col(text(Tickets::SearchText))
                .col(timestamp_with_time_zone_null(Tickets::ClosedAt))
                .col(uuid_null(Tickets::CreatedBy))
                .col(timestamp_with_time_zone(Tickets::CreatedAt))
                .col(timestamp_with_time_zone(Tickets::UpdatedAt))
                .col(big_integer(Tickets::Version))
                .foreign_key(&mut restrict(Tickets::Table, Tickets::BranchId, Branches::Table, Branches::Id))
                .foreign_key(&mut restrict(Tickets::Table, Tickets::CustomerId, Customers::Table, Customers::Id))
                .foreign_key(&mut restrict(Tickets::Table, Tickets::SerialId, Serials::Table, Serials::Id))
                .foreign_key(&mut restrict(Tickets::Table, Tickets::TechnicianId, Users::Table, Users::Id))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_tickets_branch_created", vec![Tickets::BranchId, Tickets::CreatedAt]),
            ("ix_tickets_serial", vec![Tickets::SerialId, Tickets::CreatedAt]),
            ("ix_tickets_customer", vec![Tickets::CustomerId]),
            ("ix_tickets_technician_appointment", vec![Tickets::TechnicianId, Tickets::AppointmentFrom]),
            ("ix_tickets_stage", vec![Tickets::Kind, Tickets::Stage]),
        ] {
            let mut index = Index::create();
            index.name(name).table(Tickets::Table);
            for col in cols {
                index.col(col);
            }
            m.create_index(index.to_owned()).await?;
        }

        // One row per branch, ticket type and year: the last number handed out. It is
        // bumped in the intake's own transaction, so a failed intake gives its number back.
        m.create_table(
            Table::create()
                .table(TicketCounters::Table)
                .col(uuid(TicketCounters::BranchId))
                .col(string_len(TicketCounters::Kind, 24))
                .col(integer(TicketCounters::Year))
                .col(big_integer(TicketCounters::LastNumber))
                .primary_key(
                    Index::create().col(TicketCounters::BranchId).col(TicketCounters::Kind).col(TicketCounters::Year),
                )
                .foreign_key(&mut restrict(
                    TicketCounters::Table,
                    TicketCounters::BranchId,
                    Branches::Table,
                    Branches::Id,
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(TicketEvents::Table)
                .col(pk_uuid(TicketEvents::Id))
                .col(uuid(TicketEvents::TicketId))
                .col(timestamp_with_time_zone(TicketEvents::At))
                .col(uuid_null(TicketEvents::ActorId))
                .col(string_len(TicketEvents::Kind, 32))
                .col(string_len_null(TicketEvents::Field, 48))
                .col(text_null(TicketEvents::FromValue))
                .col(text_null(TicketEvents::ToValue))
                .col(text_null(TicketEvents::Note))
                .foreign_key(
                    ForeignKey::create()
                        .from(TicketEvents::Table, TicketEvents::TicketId)
                        .to(Tickets::Table, Tickets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_ticket_events_ticket")
                .table(TicketEvents::Table)
                .col(TicketEvents::TicketId)
                .col(TicketEvents::Id)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Workflows::Table)
                .col(string_len(Workflows::Kind, 24).primary_key())
                // JSON: stages and transitions with their guards.
                .col(text(Workflows::Definition))
                .col(timestamp_with_time_zone(Workflows::UpdatedAt))
                .col(uuid_null(Workflows::UpdatedBy))
                .col(big_integer(Workflows::Version))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Settings::Table)
                .col(string_len(Settings::Key, 64).primary_key())
                .col(text(Settings::Value))
                .col(timestamp_with_time_zone(Settings::UpdatedAt))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Settings::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Workflows::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(TicketEvents::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(TicketCounters::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Tickets::Table).to_owned()).await
    }
}
