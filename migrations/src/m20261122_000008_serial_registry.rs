//! Around a registered unit: who owned it when, the parts swapped in it, and the
//! contracts bought for it.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SerialOwners {
    Table,
    Id,
    SerialId,
    CustomerId,
    FromDate,
    ToDate,
    Note,
    CreatedAt,
    CreatedBy,
}

#[derive(DeriveIden)]
enum ComponentSwaps {
    Table,
    Id,
    SerialId,
    ComponentCode,
    OldPartSerial,
    NewPartSerial,
    SwappedOn,
    Reference,
    WarrantyDays,
    CreatedAt,
    CreatedBy,
}

#[derive(DeriveIden)]
enum WarrantyContracts {
    Table,
    Id,
    SerialId,
    Reference,
    Kind,
    Legs,
    StartsOn,
    EndsOn,
    ComponentCodes,
    CreatedAt,
    CreatedBy,
}

#[derive(DeriveIden)]
enum Serials {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
}

fn to_serial<T: IntoIden>(table: T, col: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(Serials::Table, Serials::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SerialOwners::Table)
                .col(pk_uuid(SerialOwners::Id))
                .col(uuid(SerialOwners::SerialId))
                .col(uuid(SerialOwners::CustomerId))
                .col(date(SerialOwners::FromDate))
                .col(date_null(SerialOwners::ToDate))
                .col(string_len_null(SerialOwners::Note, 400))
                .col(timestamp_with_time_zone(SerialOwners::CreatedAt))
                .col(uuid_null(SerialOwners::CreatedBy))
                .foreign_key(&mut to_serial(SerialOwners::Table, SerialOwners::SerialId))
                .foreign_key(
                    ForeignKey::create()
                        .from(SerialOwners::Table, SerialOwners::CustomerId)
                        .to(Customers::Table, Customers::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_serial_owners_serial")
                .table(SerialOwners::Table)
                .col(SerialOwners::SerialId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_serial_owners_customer")
                .table(SerialOwners::Table)
                .col(SerialOwners::CustomerId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ComponentSwaps::Table)
                .col(pk_uuid(ComponentSwaps::Id))
                .col(uuid(ComponentSwaps::SerialId))
                .col(string_len(ComponentSwaps::ComponentCode, 32))
                .col(string_len_null(ComponentSwaps::OldPartSerial, 80))
                .col(string_len_null(ComponentSwaps::NewPartSerial, 80))
                .col(date(ComponentSwaps::SwappedOn))
                .col(string_len(ComponentSwaps::Reference, 64))
                .col(integer(ComponentSwaps::WarrantyDays))
                .col(timestamp_with_time_zone(ComponentSwaps::CreatedAt))
                .col(uuid_null(ComponentSwaps::CreatedBy))
                .foreign_key(&mut to_serial(ComponentSwaps::Table, ComponentSwaps::SerialId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_component_swaps_serial")
                .table(ComponentSwaps::Table)
                .col(ComponentSwaps::SerialId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(WarrantyContracts::Table)
                .col(pk_uuid(WarrantyContracts::Id))
                .col(uuid(WarrantyContracts::SerialId))
                .col(string_len(WarrantyContracts::Reference, 64))
                .col(string_len(WarrantyContracts::Kind, 32))
                .col(text(WarrantyContracts::Legs))
                .col(date(WarrantyContracts::StartsOn))
                .col(date(WarrantyContracts::EndsOn))
                .col(text(WarrantyContracts::ComponentCodes))
                .col(timestamp_with_time_zone(WarrantyContracts::CreatedAt))
                .col(uuid_null(WarrantyContracts::CreatedBy))
                .foreign_key(&mut to_serial(WarrantyContracts::Table, WarrantyContracts::SerialId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_warranty_contracts_serial")
                .table(WarrantyContracts::Table)
                .col(WarrantyContracts::SerialId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(WarrantyContracts::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(ComponentSwaps::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(SerialOwners::Table).to_owned()).await
    }
}
