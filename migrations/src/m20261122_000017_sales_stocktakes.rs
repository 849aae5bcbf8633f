//! Counter sales of parts (with their gapless per-branch numbers) and stocktakes
//! (count sheets that adjust the books to what was counted).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PartSales {
    Table,
    Id,
    Number,
    BranchId,
    WarehouseId,
    CustomerId,
    CustomerName,
    CustomerPhone,
    Currency,
    TotalMinor,
    CostMinor,
    SoldBy,
    SoldAt,
    Note,
}

#[derive(DeriveIden)]
enum PartSaleLines {
    Table,
    SaleId,
    LineNo,
    PartId,
    Quantity,
    ListPriceMinor,
    UnitPriceMinor,
    DiscountMinor,
    LineTotalMinor,
    UnitCostMinor,
    CostMinor,
    PriceReason,
    MovementId,
}

#[derive(DeriveIden)]
enum Stocktakes {
    Table,
    Id,
    BranchId,
    WarehouseId,
    OpenWarehouseId,
    Status,
    StartedBy,
    StartedAt,
    PostedBy,
    PostedAt,
    CancelledBy,
    CancelledAt,
    Note,
    Version,
}

#[derive(DeriveIden)]
enum StocktakeLines {
    Table,
    StocktakeId,
    PartId,
    Expected,
    Counted,
    CountedBy,
    CountedAt,
    OnHandAtPost,
    ValueDeltaMinor,
    MovementId,
}

#[derive(DeriveIden)]
enum Branches {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Warehouses {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Parts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Customers {
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
                .table(PartSales::Table)
                .col(pk_uuid(PartSales::Id))
                .col(string_len(PartSales::Number, 40).unique_key())
                // The warehouse's branch, kept so lists are scoped without a join.
                .col(uuid(PartSales::BranchId))
                .col(uuid(PartSales::WarehouseId))
                .col(uuid_null(PartSales::CustomerId))
                // A walk-in buyer who is not a registered customer.
                .col(string_len_null(PartSales::CustomerName, 200))
                .col(string_len_null(PartSales::CustomerPhone, 32))
                .col(string_len(PartSales::Currency, 3))
                .col(big_integer(PartSales::TotalMinor))
                // What the units sold cost the warehouse (moving average), for the margin.
                .col(big_integer(PartSales::CostMinor))
                .col(uuid(PartSales::SoldBy))
                .col(timestamp_with_time_zone(PartSales::SoldAt))
                .col(text_null(PartSales::Note))
                .foreign_key(&mut fk(PartSales::Table, PartSales::BranchId, Branches::Table, Branches::Id, Restrict))
                .foreign_key(&mut fk(
                    PartSales::Table,
                    PartSales::WarehouseId,
                    Warehouses::Table,
                    Warehouses::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(
                    PartSales::Table,
                    PartSales::CustomerId,
                    Customers::Table,
                    Customers::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(PartSales::Table, PartSales::SoldBy, Users::Table, Users::Id, Restrict))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_part_sales_warehouse", vec![PartSales::WarehouseId, PartSales::Id]),
            ("ix_part_sales_customer", vec![PartSales::CustomerId, PartSales::Id]),
            ("ix_part_sales_branch", vec![PartSales::BranchId, PartSales::Id]),
        ] {
            let mut index = Index::create();
            index.name(name).table(PartSales::Table);
            for col in cols {
                index.col(col);
            }
            m.create_index(index.to_owned()).await?;
        }

        m.create_table(
            Table::create()
                .table(PartSaleLines::Table)
                .col(uuid(PartSaleLines::SaleId))
                .col(integer(PartSaleLines::LineNo))
                .col(uuid(PartSaleLines::PartId))
                .col(big_integer(PartSaleLines::Quantity))
                .col(big_integer(PartSaleLines::ListPriceMinor))
                .col(big_integer(PartSaleLines::UnitPriceMinor))
                .col(big_integer(PartSaleLines::DiscountMinor))
                .col(big_integer(PartSaleLines::LineTotalMinor))
                // From the Sale movement: the moving-average cost of the units sold.
                .col(big_integer(PartSaleLines::UnitCostMinor))
                .col(big_integer(PartSaleLines::CostMinor))
                .col(text_null(PartSaleLines::PriceReason))
                .col(uuid(PartSaleLines::MovementId))
                .primary_key(Index::create().col(PartSaleLines::SaleId).col(PartSaleLines::LineNo))
                .foreign_key(&mut fk(
                    PartSaleLines::Table,
                    PartSaleLines::SaleId,
                    PartSales::Table,
                    PartSales::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(PartSaleLines::Table, PartSaleLines::PartId, Parts::Table, Parts::Id, Restrict))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Stocktakes::Table)
                .col(pk_uuid(Stocktakes::Id))
                .col(uuid(Stocktakes::BranchId))
                .col(uuid(Stocktakes::WarehouseId))
                // The warehouse while the sheet is open, NULL once closed: its unique
                // index allows one open stocktake per warehouse on every backend (NULLs
                // never collide), even when two are opened at the same moment.
                .col(uuid_null(Stocktakes::OpenWarehouseId).unique_key())
                // counting, posted, cancelled
                .col(string_len(Stocktakes::Status, 16))
                .col(uuid(Stocktakes::StartedBy))
                .col(timestamp_with_time_zone(Stocktakes::StartedAt))
                .col(uuid_null(Stocktakes::PostedBy))
                .col(timestamp_with_time_zone_null(Stocktakes::PostedAt))
                .col(uuid_null(Stocktakes::CancelledBy))
                .col(timestamp_with_time_zone_null(Stocktakes::CancelledAt))
                .col(text_null(Stocktakes::Note))
                .col(big_integer(Stocktakes::Version))
                .foreign_key(&mut fk(Stocktakes::Table, Stocktakes::BranchId, Branches::Table, Branches::Id, Restrict))
                .foreign_key(&mut fk(
                    Stocktakes::Table,
                    Stocktakes::WarehouseId,
                    Warehouses::Table,
                    Warehouses::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(Stocktakes::Table, Stocktakes::StartedBy, Users::Table, Users::Id, Restrict))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_stocktakes_warehouse")
                .table(Stocktakes::Table)
                .col(Stocktakes::WarehouseId)
                .col(Stocktakes::Id)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(StocktakeLines::Table)
                .col(uuid(StocktakeLines::StocktakeId))
                .col(uuid(StocktakeLines::PartId))
                // On hand when the line was put on the sheet.
                .col(big_integer(StocktakeLines::Expected))
                .col(big_integer_null(StocktakeLines::Counted))
                .col(uuid_null(StocktakeLines::CountedBy))
                .col(timestamp_with_time_zone_null(StocktakeLines::CountedAt))
                // Set at posting: the books before the adjustment, and what it moved.
                .col(big_integer_null(StocktakeLines::OnHandAtPost))
                .col(big_integer_null(StocktakeLines::ValueDeltaMinor))
                .col(uuid_null(StocktakeLines::MovementId))
                .primary_key(Index::create().col(StocktakeLines::StocktakeId).col(StocktakeLines::PartId))
                .foreign_key(&mut fk(
                    StocktakeLines::Table,
                    StocktakeLines::StocktakeId,
                    Stocktakes::Table,
                    Stocktakes::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(StocktakeLines::Table, StocktakeLines::PartId, Parts::Table, Parts::Id, Restrict))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            StocktakeLines::Table.into_iden(),
            Stocktakes::Table.into_iden(),
            PartSaleLines::Table.into_iden(),
            PartSales::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
