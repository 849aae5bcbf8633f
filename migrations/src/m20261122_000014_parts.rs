//! Spare parts: the parts catalogue, warehouses (central, regional, outlet,
//! technician van, defective), the stock of each part in each warehouse, the
//! append-only ledger of movements, and replayed requests (`Idempotency-Key`).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Parts {
    Table,
    Id,
    BrandId,
    Sku,
    Name,
    SearchKey,
    ComponentCode,
    Unit,
    Serialised,
    StandardCostMinor,
    PriceMinor,
    Currency,
    ReorderPoint,
    Active,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum PartModels {
    Table,
    PartId,
    ModelId,
}

#[derive(DeriveIden)]
enum Warehouses {
    Table,
    Id,
    BranchId,
    Code,
    Name,
    Kind,
    TechnicianId,
    Active,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum StockBalances {
    Table,
    WarehouseId,
    PartId,
    OnHand,
    Reserved,
    ValueMinor,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum StockMovements {
    Table,
    Id,
    WarehouseId,
    PartId,
    Kind,
    QuantityDelta,
    ValueDeltaMinor,
    UnitCostMinor,
    OnHandAfter,
    ActorId,
    Reason,
    DocumentKind,
    DocumentId,
    TicketId,
    At,
}

#[derive(DeriveIden)]
enum IdempotencyKeys {
    Table,
    Key,
    ActorId,
    RequestHash,
    Status,
    Response,
    CreatedAt,
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
enum Branches {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
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
                .table(Parts::Table)
                .col(pk_uuid(Parts::Id))
                .col(uuid(Parts::BrandId))
                .col(string_len(Parts::Sku, 64))
                .col(string_len(Parts::Name, 200))
                // Folded SKU and name (case, diacritics): what a search matches.
                .col(text(Parts::SearchKey))
                // The component of the product this part is (compressor, pcb…), for warranty legs.
                .col(string_len_null(Parts::ComponentCode, 32))
                .col(string_len(Parts::Unit, 16))
                .col(boolean(Parts::Serialised))
                .col(big_integer(Parts::StandardCostMinor))
                .col(big_integer(Parts::PriceMinor))
                .col(string_len(Parts::Currency, 3))
                .col(integer(Parts::ReorderPoint))
                .col(boolean(Parts::Active))
                .col(timestamp_with_time_zone(Parts::CreatedAt))
                .col(timestamp_with_time_zone(Parts::UpdatedAt))
                .col(big_integer(Parts::Version))
                .foreign_key(&mut fk(Parts::Table, Parts::BrandId, Brands::Table, Brands::Id, Restrict))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_parts_sku")
                .table(Parts::Table)
                .col(Parts::BrandId)
                .col(Parts::Sku)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PartModels::Table)
                .col(uuid(PartModels::PartId))
                .col(uuid(PartModels::ModelId))
                .primary_key(Index::create().col(PartModels::PartId).col(PartModels::ModelId))
                .foreign_key(&mut fk(PartModels::Table, PartModels::PartId, Parts::Table, Parts::Id, Cascade))
                .foreign_key(&mut fk(
                    PartModels::Table,
                    PartModels::ModelId,
                    ProductModels::Table,
                    ProductModels::Id,
                    Restrict,
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Warehouses::Table)
                .col(pk_uuid(Warehouses::Id))
                .col(uuid(Warehouses::BranchId))
                .col(string_len(Warehouses::Code, 32).unique_key())
                .col(string_len(Warehouses::Name, 200))
                // central, regional, outlet, van, defective
                .col(string_len(Warehouses::Kind, 16))
                // The technician whose van this is.
                .col(uuid_null(Warehouses::TechnicianId))
                .col(boolean(Warehouses::Active))
                .col(timestamp_with_time_zone(Warehouses::CreatedAt))
                .col(timestamp_with_time_zone(Warehouses::UpdatedAt))
                .col(big_integer(Warehouses::Version))
                .foreign_key(&mut fk(Warehouses::Table, Warehouses::BranchId, Branches::Table, Branches::Id, Restrict))
                .foreign_key(&mut fk(Warehouses::Table, Warehouses::TechnicianId, Users::Table, Users::Id, Restrict))
                .to_owned(),
        )
        .await?;

        // The current stock of a part in a warehouse, kept in step with the ledger in
        // the same transaction; the CHECKs are the database's own guard against a bug.
        m.create_table(
            Table::create()
                .table(StockBalances::Table)
                .col(uuid(StockBalances::WarehouseId))
                .col(uuid(StockBalances::PartId))
                .col(big_integer(StockBalances::OnHand).check(Expr::col(StockBalances::OnHand).gte(0)))
                .col(
                    big_integer(StockBalances::Reserved)
                        .check(Expr::col(StockBalances::Reserved).gte(0))
                        .check(Expr::col(StockBalances::Reserved).lte(Expr::col(StockBalances::OnHand))),
                )
                .col(big_integer(StockBalances::ValueMinor))
                .col(timestamp_with_time_zone(StockBalances::UpdatedAt))
                .col(big_integer(StockBalances::Version))
                .primary_key(Index::create().col(StockBalances::WarehouseId).col(StockBalances::PartId))
                .foreign_key(&mut fk(
                    StockBalances::Table,
                    StockBalances::WarehouseId,
                    Warehouses::Table,
                    Warehouses::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(StockBalances::Table, StockBalances::PartId, Parts::Table, Parts::Id, Restrict))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(StockMovements::Table)
                .col(pk_uuid(StockMovements::Id))
                .col(uuid(StockMovements::WarehouseId))
                .col(uuid(StockMovements::PartId))
                .col(string_len(StockMovements::Kind, 32))
                .col(big_integer(StockMovements::QuantityDelta))
                .col(big_integer(StockMovements::ValueDeltaMinor))
                .col(big_integer(StockMovements::UnitCostMinor))
                .col(big_integer(StockMovements::OnHandAfter))
                .col(uuid_null(StockMovements::ActorId))
                .col(text_null(StockMovements::Reason))
                // The document the movement belongs to: ticket, transfer, purchase_order, sale, stocktake…
                .col(string_len_null(StockMovements::DocumentKind, 32))
                .col(uuid_null(StockMovements::DocumentId))
                .col(uuid_null(StockMovements::TicketId))
                .col(timestamp_with_time_zone(StockMovements::At))
                .foreign_key(&mut fk(
                    StockMovements::Table,
                    StockMovements::WarehouseId,
                    Warehouses::Table,
                    Warehouses::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(StockMovements::Table, StockMovements::PartId, Parts::Table, Parts::Id, Restrict))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_stock_movements_stock", vec![StockMovements::WarehouseId, StockMovements::PartId, StockMovements::Id]),
            ("ix_stock_movements_at", vec![StockMovements::At]),
            ("ix_stock_movements_document", vec![StockMovements::DocumentKind, StockMovements::DocumentId]),
            ("ix_stock_movements_ticket", vec![StockMovements::TicketId]),
        ] {
            let mut index = Index::create();
            index.name(name).table(StockMovements::Table);
            for col in cols {
                index.col(col);
            }
            m.create_index(index.to_owned()).await?;
        }

        // A request sent again with the same key gets the first answer back instead
        // of moving stock twice.
        m.create_table(
            Table::create()
                .table(IdempotencyKeys::Table)
                .col(string_len(IdempotencyKeys::Key, 128))
                .col(uuid(IdempotencyKeys::ActorId))
                .col(string_len(IdempotencyKeys::RequestHash, 64))
                .col(integer(IdempotencyKeys::Status))
                .col(text(IdempotencyKeys::Response))
                .col(timestamp_with_time_zone(IdempotencyKeys::CreatedAt))
                .primary_key(Index::create().col(IdempotencyKeys::ActorId).col(IdempotencyKeys::Key))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            IdempotencyKeys::Table.into_iden(),
            StockMovements::Table.into_iden(),
            StockBalances::Table.into_iden(),
            Warehouses::Table.into_iden(),
            PartModels::Table.into_iden(),
            Parts::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
