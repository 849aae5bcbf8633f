//! The product catalogue: brands, product categories (a shallow tree), product
//! models and their components.
//!
//! Foreign keys restrict deletion of anything still referenced (a brand with models,
//! a category with models or sub-categories), except components, which belong to
//! their model and go with it. Tables added later that reference models or
//! components should restrict too, so a model in use cannot be deleted.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Brands {
    Table,
    Id,
    Code,
    Name,
    Country,
    Active,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum ProductCategories {
    Table,
    Id,
    Code,
    Name,
    ParentId,
    Active,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum ProductModels {
    Table,
    Id,
    BrandId,
    CategoryId,
    Sku,
    Name,
    NeedsInstallation,
    Active,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum ProductComponents {
    Table,
    Id,
    ModelId,
    Code,
    Name,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Brands::Table)
                .col(pk_uuid(Brands::Id))
                .col(string_len_uniq(Brands::Code, 32))
                .col(string_len(Brands::Name, 120))
                .col(string_len_null(Brands::Country, 2))
                .col(boolean(Brands::Active))
                .col(timestamp_with_time_zone(Brands::CreatedAt))
                .col(timestamp_with_time_zone(Brands::UpdatedAt))
                .col(big_integer(Brands::Version))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ProductCategories::Table)
                .col(pk_uuid(ProductCategories::Id))
                .col(string_len_uniq(ProductCategories::Code, 32))
                .col(string_len(ProductCategories::Name, 120))
                .col(uuid_null(ProductCategories::ParentId))
                .col(boolean(ProductCategories::Active))
                .col(timestamp_with_time_zone(ProductCategories::CreatedAt))
                .col(timestamp_with_time_zone(ProductCategories::UpdatedAt))
                .col(big_integer(ProductCategories::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(ProductCategories::Table, ProductCategories::ParentId)
                        .to(ProductCategories::Table, ProductCategories::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_product_categories_parent")
                .table(ProductCategories::Table)
                .col(ProductCategories::ParentId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ProductModels::Table)
                .col(pk_uuid(ProductModels::Id))
                .col(uuid(ProductModels::BrandId))
                .col(uuid(ProductModels::CategoryId))
                .col(string_len(ProductModels::Sku, 64))
                .col(string_len(ProductModels::Name, 200))
                .col(boolean(ProductModels::NeedsInstallation))
                .col(boolean(ProductModels::Active))
                .col(timestamp_with_time_zone(ProductModels::CreatedAt))
                .col(timestamp_with_time_zone(ProductModels::UpdatedAt))
                .col(big_integer(ProductModels::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(ProductModels::Table, ProductModels::BrandId)
                        .to(Brands::Table, Brands::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ProductModels::Table, ProductModels::CategoryId)
                        .to(ProductCategories::Table, ProductCategories::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        // Unique per brand; it also serves lookups by brand.
        m.create_index(
            Index::create()
                .name("ux_product_models_brand_sku")
                .table(ProductModels::Table)
                .col(ProductModels::BrandId)
                .col(ProductModels::Sku)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_product_models_category")
                .table(ProductModels::Table)
                .col(ProductModels::CategoryId)
                .to_owned(),
        )
        .await?;
        // Lists are ordered by SKU across brands.
        m.create_index(
            Index::create()
                .name("ix_product_models_sku")
                .table(ProductModels::Table)
                .col(ProductModels::Sku)
                .col(ProductModels::Id)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ProductComponents::Table)
                .col(pk_uuid(ProductComponents::Id))
                .col(uuid(ProductComponents::ModelId))
                .col(string_len(ProductComponents::Code, 32))
                .col(string_len(ProductComponents::Name, 120))
                .col(timestamp_with_time_zone(ProductComponents::CreatedAt))
                .col(timestamp_with_time_zone(ProductComponents::UpdatedAt))
                .col(big_integer(ProductComponents::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(ProductComponents::Table, ProductComponents::ModelId)
                        .to(ProductModels::Table, ProductModels::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_product_components_model_code")
                .table(ProductComponents::Table)
                .col(ProductComponents::ModelId)
                .col(ProductComponents::Code)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ProductComponents::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(ProductModels::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(ProductCategories::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Brands::Table).to_owned()).await
    }
}
