//! Customers of a branch, with their phones, e-mails and addresses.
//!
//! Contacts live in their own tables, kept in the order given (`position`), so
//! that normalized phones and e-mails can be indexed for duplicate detection.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
    BranchId,
    Kind,
    Name,
    TaxId,
    Locale,
    Source,
    Notes,
    SearchKey,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum CustomerPhones {
    Table,
    CustomerId,
    Position,
    Number,
    Normalized,
    Label,
}

#[derive(DeriveIden)]
enum CustomerEmails {
    Table,
    CustomerId,
    Position,
    Address,
    Label,
}

#[derive(DeriveIden)]
enum CustomerAddresses {
    Table,
    CustomerId,
    Position,
    Label,
    Line1,
    Line2,
    District,
    City,
    Province,
    PostalCode,
    Country,
}

#[derive(DeriveIden)]
enum Branches {
    Table,
    Id,
}

/// A contact row belongs to its customer and goes with it.
fn owned_by_customer(table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Customers::Table, Customers::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Customers::Table)
                .col(pk_uuid(Customers::Id))
                .col(uuid(Customers::BranchId))
                .col(string_len(Customers::Kind, 16))
                .col(string_len(Customers::Name, 200))
                .col(string_len_null(Customers::TaxId, 32))
                .col(string_len(Customers::Locale, 8))
                .col(string_len(Customers::Source, 16))
                .col(text_null(Customers::Notes))
                // fold(name) and the contacts, see aftersales_domain::customers::search_key.
                .col(text(Customers::SearchKey))
                .col(timestamp_with_time_zone(Customers::CreatedAt))
                .col(timestamp_with_time_zone(Customers::UpdatedAt))
                .col(big_integer(Customers::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(Customers::Table, Customers::BranchId)
                        .to(Branches::Table, Branches::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_customers_branch").table(Customers::Table).col(Customers::BranchId).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CustomerPhones::Table)
                .col(uuid(CustomerPhones::CustomerId))
                .col(small_integer(CustomerPhones::Position))
                .col(string_len(CustomerPhones::Number, 32))
                .col(string_len(CustomerPhones::Normalized, 24))
                .col(string_len_null(CustomerPhones::Label, 40))
                .primary_key(Index::create().col(CustomerPhones::CustomerId).col(CustomerPhones::Position))
                .foreign_key(&mut owned_by_customer(CustomerPhones::Table, CustomerPhones::CustomerId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_customer_phones_normalized")
                .table(CustomerPhones::Table)
                .col(CustomerPhones::Normalized)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CustomerEmails::Table)
                .col(uuid(CustomerEmails::CustomerId))
                .col(small_integer(CustomerEmails::Position))
                .col(string_len(CustomerEmails::Address, 254))
                .col(string_len_null(CustomerEmails::Label, 40))
                .primary_key(Index::create().col(CustomerEmails::CustomerId).col(CustomerEmails::Position))
                .foreign_key(&mut owned_by_customer(CustomerEmails::Table, CustomerEmails::CustomerId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_customer_emails_address")
                .table(CustomerEmails::Table)
                .col(CustomerEmails::Address)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CustomerAddresses::Table)
                .col(uuid(CustomerAddresses::CustomerId))
                .col(small_integer(CustomerAddresses::Position))
                .col(string_len_null(CustomerAddresses::Label, 40))
                .col(string_len(CustomerAddresses::Line1, 200))
                .col(string_len_null(CustomerAddresses::Line2, 200))
                .col(string_len_null(CustomerAddresses::District, 100))
                .col(string_len_null(CustomerAddresses::City, 100))
                .col(string_len_null(CustomerAddresses::Province, 100))
                .col(string_len_null(CustomerAddresses::PostalCode, 20))
                .col(string_len(CustomerAddresses::Country, 2))
                .primary_key(Index::create().col(CustomerAddresses::CustomerId).col(CustomerAddresses::Position))
                .foreign_key(&mut owned_by_customer(CustomerAddresses::Table, CustomerAddresses::CustomerId))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(CustomerAddresses::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(CustomerEmails::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(CustomerPhones::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Customers::Table).to_owned()).await
    }
}
