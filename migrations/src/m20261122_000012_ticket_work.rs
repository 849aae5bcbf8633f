//! The work on a ticket: the code lists (symptoms, diagnoses, resolutions per product
//! category), the service catalogue and labour lines, attachments, and the skills
//! a technician needs for a product category.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FaultCodes {
    Table,
    Id,
    Kind,
    CategoryId,
    Code,
    Names,
    Active,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum ServiceItems {
    Table,
    Id,
    CategoryId,
    Code,
    Names,
    PriceMinor,
    Currency,
    StandardMinutes,
    Active,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum TicketLabourLines {
    Table,
    Id,
    TicketId,
    ServiceItemId,
    Code,
    Description,
    Quantity,
    UnitPriceMinor,
    Currency,
    Minutes,
    TechnicianId,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum TicketAttachments {
    Table,
    Id,
    TicketId,
    Purpose,
    FileName,
    MediaType,
    SizeBytes,
    Sha256,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum CategorySkills {
    Table,
    CategoryId,
    SkillId,
}

#[derive(DeriveIden)]
enum ProductCategories {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Skills {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    Id,
}

fn fk<T: IntoIden, C: IntoIden, U: IntoIden, D: IntoIden>(
    from: T,
    col: C,
    to: U,
    to_col: D,
    action: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from, col).to(to, to_col).on_delete(action).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict};
        m.create_table(
            Table::create()
                .table(FaultCodes::Table)
                .col(pk_uuid(FaultCodes::Id))
                // symptom, diagnosis or resolution
                .col(string_len(FaultCodes::Kind, 16))
                .col(uuid(FaultCodes::CategoryId))
                .col(string_len(FaultCodes::Code, 32))
                // JSON object: language → name.
                .col(text(FaultCodes::Names))
                .col(boolean(FaultCodes::Active))
                .col(timestamp_with_time_zone(FaultCodes::CreatedAt))
                .col(timestamp_with_time_zone(FaultCodes::UpdatedAt))
                .col(big_integer(FaultCodes::Version))
                .foreign_key(&mut fk(
                    FaultCodes::Table,
                    FaultCodes::CategoryId,
                    ProductCategories::Table,
                    ProductCategories::Id,
                    Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_fault_codes_code")
                .table(FaultCodes::Table)
                .col(FaultCodes::Kind)
                .col(FaultCodes::CategoryId)
                .col(FaultCodes::Code)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ServiceItems::Table)
                .col(pk_uuid(ServiceItems::Id))
                .col(uuid(ServiceItems::CategoryId))
                .col(string_len(ServiceItems::Code, 32))
                .col(text(ServiceItems::Names))
                // Money is stored in the currency's minor units (VND: đồng, USD: cents).
                .col(big_integer(ServiceItems::PriceMinor))
                .col(string_len(ServiceItems::Currency, 3))
                .col(integer(ServiceItems::StandardMinutes))
                .col(boolean(ServiceItems::Active))
                .col(timestamp_with_time_zone(ServiceItems::CreatedAt))
                .col(timestamp_with_time_zone(ServiceItems::UpdatedAt))
                .col(big_integer(ServiceItems::Version))
                .foreign_key(&mut fk(
                    ServiceItems::Table,
                    ServiceItems::CategoryId,
                    ProductCategories::Table,
                    ProductCategories::Id,
                    Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_service_items_code")
                .table(ServiceItems::Table)
                .col(ServiceItems::CategoryId)
                .col(ServiceItems::Code)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(TicketLabourLines::Table)
                .col(pk_uuid(TicketLabourLines::Id))
                .col(uuid(TicketLabourLines::TicketId))
                .col(uuid_null(TicketLabourLines::ServiceItemId))
                .col(string_len(TicketLabourLines::Code, 32))
                .col(string_len(TicketLabourLines::Description, 200))
                .col(integer(TicketLabourLines::Quantity))
                .col(big_integer(TicketLabourLines::UnitPriceMinor))
                .col(string_len(TicketLabourLines::Currency, 3))
                .col(integer(TicketLabourLines::Minutes))
                .col(uuid_null(TicketLabourLines::TechnicianId))
                .col(uuid_null(TicketLabourLines::CreatedBy))
                .col(timestamp_with_time_zone(TicketLabourLines::CreatedAt))
                .foreign_key(&mut fk(
                    TicketLabourLines::Table,
                    TicketLabourLines::TicketId,
                    Tickets::Table,
                    Tickets::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    TicketLabourLines::Table,
                    TicketLabourLines::ServiceItemId,
                    ServiceItems::Table,
                    ServiceItems::Id,
                    Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_ticket_labour_lines_ticket")
                .table(TicketLabourLines::Table)
                .col(TicketLabourLines::TicketId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(TicketAttachments::Table)
                .col(pk_uuid(TicketAttachments::Id))
                .col(uuid(TicketAttachments::TicketId))
                // photo, document, installation_card, invoice…
                .col(string_len(TicketAttachments::Purpose, 32))
                .col(string_len(TicketAttachments::FileName, 200))
                .col(string_len(TicketAttachments::MediaType, 100))
                .col(big_integer(TicketAttachments::SizeBytes))
                // The file lives on disk under its content hash: the same photo uploaded twice is stored once.
                .col(string_len(TicketAttachments::Sha256, 64))
                .col(uuid_null(TicketAttachments::UploadedBy))
                .col(timestamp_with_time_zone(TicketAttachments::UploadedAt))
                .foreign_key(&mut fk(
                    TicketAttachments::Table,
                    TicketAttachments::TicketId,
                    Tickets::Table,
                    Tickets::Id,
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_ticket_attachments_ticket")
                .table(TicketAttachments::Table)
                .col(TicketAttachments::TicketId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CategorySkills::Table)
                .col(uuid(CategorySkills::CategoryId))
                .col(uuid(CategorySkills::SkillId))
                .primary_key(Index::create().col(CategorySkills::CategoryId).col(CategorySkills::SkillId))
                .foreign_key(&mut fk(
                    CategorySkills::Table,
                    CategorySkills::CategoryId,
                    ProductCategories::Table,
                    ProductCategories::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    CategorySkills::Table,
                    CategorySkills::SkillId,
                    Skills::Table,
                    Skills::Id,
                    Restrict,
                ))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(CategorySkills::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(TicketAttachments::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(TicketLabourLines::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(ServiceItems::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(FaultCodes::Table).to_owned()).await
    }
}
