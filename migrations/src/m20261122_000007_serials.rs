//! The serial registry: sold units and the append-only events of their lives.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Serials {
    Table,
    Id,
    BrandId,
    ModelId,
    Serial,
    SerialKey,
    Lot,
    ManufactureDate,
    SaleDate,
    SaleDocument,
    Seller,
    DeliveryDate,
    InstallationDate,
    InstallationAddress,
    RegistrationDate,
    WarrantyCardNumber,
    OwnerCustomerId,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum SerialEvents {
    Table,
    Id,
    SerialId,
    At,
    Kind,
    ActorId,
    Details,
}

#[derive(DeriveIden)]
enum Brands {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ProductModels {
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
                .table(Serials::Table)
                .col(pk_uuid(Serials::Id))
                .col(uuid(Serials::BrandId))
                .col(uuid(Serials::ModelId))
                .col(string_len(Serials::Serial, 80))
                .col(string_len(Serials::SerialKey, 64))
                .col(string_len_null(Serials::Lot, 64))
                .col(date_null(Serials::ManufactureDate))
                .col(date_null(Serials::SaleDate))
                .col(string_len_null(Serials::SaleDocument, 64))
                .col(string_len_null(Serials::Seller, 120))
                .col(date_null(Serials::DeliveryDate))
                .col(date_null(Serials::InstallationDate))
                .col(string_len_null(Serials::InstallationAddress, 400))
                .col(date_null(Serials::RegistrationDate))
                .col(string_len_null(Serials::WarrantyCardNumber, 32))
                .col(uuid_null(Serials::OwnerCustomerId))
                .col(timestamp_with_time_zone(Serials::CreatedAt))
                .col(timestamp_with_time_zone(Serials::UpdatedAt))
                .col(big_integer(Serials::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(Serials::Table, Serials::BrandId)
                        .to(Brands::Table, Brands::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Serials::Table, Serials::ModelId)
                        .to(ProductModels::Table, ProductModels::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Serials::Table, Serials::OwnerCustomerId)
                        .to(Customers::Table, Customers::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        let index = |name: &str, cols: &[Serials], unique: bool| {
            let mut i = Index::create().name(name).table(Serials::Table).to_owned();
            for c in cols {
                i.col(*c);
            }
            if unique {
                i.unique();
            }
            i
        };
        m.create_index(index("ux_serials_brand_key", &[Serials::BrandId, Serials::SerialKey], true)).await?;
        m.create_index(index("ix_serials_key", &[Serials::SerialKey], false)).await?;
        m.create_index(index("ux_serials_card", &[Serials::WarrantyCardNumber], true)).await?;
        m.create_index(index("ix_serials_sale_document", &[Serials::SaleDocument], false)).await?;
        m.create_index(index("ix_serials_owner", &[Serials::OwnerCustomerId], false)).await?;
        m.create_index(index("ix_serials_model", &[Serials::ModelId], false)).await?;

        m.create_table(
            Table::create()
                .table(SerialEvents::Table)
                .col(pk_uuid(SerialEvents::Id))
                .col(uuid(SerialEvents::SerialId))
                .col(timestamp_with_time_zone(SerialEvents::At))
                .col(string_len(SerialEvents::Kind, 32))
                .col(uuid_null(SerialEvents::ActorId))
                .col(text(SerialEvents::Details))
                .foreign_key(
                    ForeignKey::create()
                        .from(SerialEvents::Table, SerialEvents::SerialId)
                        .to(Serials::Table, Serials::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_serial_events_serial")
                .table(SerialEvents::Table)
                .col(SerialEvents::SerialId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(SerialEvents::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Serials::Table).to_owned()).await
    }
}
