//! Warranty cards, issued in numbered batches per brand and activated on a unit.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum WarrantyCardBatches {
    Table,
    Id,
    BrandId,
    Prefix,
    FirstSequence,
    Count,
    Note,
    IssuedAt,
    IssuedBy,
}

#[derive(DeriveIden)]
enum WarrantyCards {
    Table,
    Number,
    BatchId,
    Prefix,
    Sequence,
    Status,
    SerialId,
    ActivatedOn,
    ChangedAt,
}

#[derive(DeriveIden)]
enum Brands {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Serials {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(WarrantyCardBatches::Table)
                .col(pk_uuid(WarrantyCardBatches::Id))
                .col(uuid(WarrantyCardBatches::BrandId))
                .col(string_len(WarrantyCardBatches::Prefix, 8))
                .col(integer(WarrantyCardBatches::FirstSequence))
                .col(integer(WarrantyCardBatches::Count))
                .col(string_len_null(WarrantyCardBatches::Note, 200))
                .col(timestamp_with_time_zone(WarrantyCardBatches::IssuedAt))
                .col(uuid_null(WarrantyCardBatches::IssuedBy))
                .foreign_key(
                    ForeignKey::create()
                        .from(WarrantyCardBatches::Table, WarrantyCardBatches::BrandId)
                        .to(Brands::Table, Brands::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WarrantyCards::Table)
                .col(string_len(WarrantyCards::Number, 32).primary_key())
                .col(uuid(WarrantyCards::BatchId))
                .col(string_len(WarrantyCards::Prefix, 8))
                .col(integer(WarrantyCards::Sequence))
                .col(string_len(WarrantyCards::Status, 16))
                .col(uuid_null(WarrantyCards::SerialId))
                .col(date_null(WarrantyCards::ActivatedOn))
                .col(timestamp_with_time_zone(WarrantyCards::ChangedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(WarrantyCards::Table, WarrantyCards::BatchId)
                        .to(WarrantyCardBatches::Table, WarrantyCardBatches::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(WarrantyCards::Table, WarrantyCards::SerialId)
                        .to(Serials::Table, Serials::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        // One card per (prefix, sequence): two batches can never hand out a number twice.
        m.create_index(
            Index::create()
                .name("ux_warranty_cards_sequence")
                .table(WarrantyCards::Table)
                .col(WarrantyCards::Prefix)
                .col(WarrantyCards::Sequence)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_warranty_cards_batch")
                .table(WarrantyCards::Table)
                .col(WarrantyCards::BatchId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(WarrantyCards::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(WarrantyCardBatches::Table).to_owned()).await
    }
}
