//! Documents that move stock: transfers between two warehouses (shipped out of
//! one, received into the other, what never arrived written down) and purchase
//! orders received into a warehouse; their numbers come from a gapless counter
//! per branch, series and year.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StockDocumentCounters {
    Table,
    BranchId,
    Series,
    Year,
    LastNumber,
}

#[derive(DeriveIden)]
enum Transfers {
    Table,
    Id,
    Number,
    FromWarehouseId,
    ToWarehouseId,
    FromBranchId,
    ToBranchId,
    Status,
    Note,
    CreatedBy,
    CreatedAt,
    ShippedBy,
    ShippedAt,
    ReceivedAt,
    ClosedBy,
    ClosedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum TransferLines {
    Table,
    TransferId,
    LineNo,
    PartId,
    Quantity,
    ShippedQuantity,
    ShippedUnitCostMinor,
    ReceivedQuantity,
    MissingQuantity,
    DiscrepancyNote,
}

#[derive(DeriveIden)]
enum PurchaseOrders {
    Table,
    Id,
    Number,
    BranchId,
    WarehouseId,
    SupplierName,
    BrandId,
    Currency,
    Status,
    ExpectedOn,
    Note,
    CreatedBy,
    CreatedAt,
    OrderedBy,
    OrderedAt,
    ReceivedAt,
    CancelledAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum PurchaseOrderLines {
    Table,
    PurchaseOrderId,
    LineNo,
    PartId,
    QuantityOrdered,
    UnitCostMinor,
    QuantityReceived,
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
enum Brands {
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

fn index<T: IntoIden, C: IntoIden>(name: &str, table: T, cols: Vec<C>) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for col in cols {
        index.col(col);
    }
    index.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict};
        // One row per branch, series (`transfer`, `purchase_order`) and year, bumped
        // in the transaction that creates the document: a rollback gives the number back.
        m.create_table(
            Table::create()
                .table(StockDocumentCounters::Table)
                .col(uuid(StockDocumentCounters::BranchId))
                .col(string_len(StockDocumentCounters::Series, 24))
                .col(integer(StockDocumentCounters::Year))
                .col(big_integer(StockDocumentCounters::LastNumber))
                .primary_key(
                    Index::create()
                        .col(StockDocumentCounters::BranchId)
                        .col(StockDocumentCounters::Series)
                        .col(StockDocumentCounters::Year),
                )
                .foreign_key(&mut fk(
                    StockDocumentCounters::Table,
                    StockDocumentCounters::BranchId,
                    Branches::Table,
                    Branches::Id,
                    Restrict,
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Transfers::Table)
                .col(pk_uuid(Transfers::Id))
                .col(string_len(Transfers::Number, 48).unique_key())
                .col(uuid(Transfers::FromWarehouseId))
                .col(uuid(Transfers::ToWarehouseId))
                // The warehouses' branches (a warehouse never changes branch): who sees the transfer.
                .col(uuid(Transfers::FromBranchId))
                .col(uuid(Transfers::ToBranchId))
                // draft, shipped, partially_received, received, closed
                .col(string_len(Transfers::Status, 24))
                .col(text_null(Transfers::Note))
                .col(uuid_null(Transfers::CreatedBy))
                .col(timestamp_with_time_zone(Transfers::CreatedAt))
                .col(uuid_null(Transfers::ShippedBy))
                .col(timestamp_with_time_zone_null(Transfers::ShippedAt))
                .col(timestamp_with_time_zone_null(Transfers::ReceivedAt))
                .col(uuid_null(Transfers::ClosedBy))
                .col(timestamp_with_time_zone_null(Transfers::ClosedAt))
                .col(timestamp_with_time_zone(Transfers::UpdatedAt))
                .col(big_integer(Transfers::Version))
                .check(Expr::col(Transfers::FromWarehouseId).ne(Expr::col(Transfers::ToWarehouseId)))
                .foreign_key(&mut fk(
                    Transfers::Table,
                    Transfers::FromWarehouseId,
                    Warehouses::Table,
                    Warehouses::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(
                    Transfers::Table,
                    Transfers::ToWarehouseId,
                    Warehouses::Table,
                    Warehouses::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(
                    Transfers::Table,
                    Transfers::FromBranchId,
                    Branches::Table,
                    Branches::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(Transfers::Table, Transfers::ToBranchId, Branches::Table, Branches::Id, Restrict))
                .foreign_key(&mut fk(Transfers::Table, Transfers::CreatedBy, Users::Table, Users::Id, Restrict))
                .foreign_key(&mut fk(Transfers::Table, Transfers::ShippedBy, Users::Table, Users::Id, Restrict))
                .foreign_key(&mut fk(Transfers::Table, Transfers::ClosedBy, Users::Table, Users::Id, Restrict))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_transfers_from", Transfers::Table, vec![Transfers::FromWarehouseId, Transfers::Id]))
            .await?;
        m.create_index(index("ix_transfers_to", Transfers::Table, vec![Transfers::ToWarehouseId, Transfers::Id]))
            .await?;
        m.create_index(index("ix_transfers_status", Transfers::Table, vec![Transfers::Status, Transfers::Id])).await?;

        // shipped = received + in transit + missing; the CHECKs guard against a bug.
        m.create_table(
            Table::create()
                .table(TransferLines::Table)
                .col(uuid(TransferLines::TransferId))
                .col(integer(TransferLines::LineNo))
                .col(uuid(TransferLines::PartId))
                .col(big_integer(TransferLines::Quantity).check(Expr::col(TransferLines::Quantity).gt(0)))
                .col(big_integer(TransferLines::ShippedQuantity))
                // The moving-average cost the units left the source at; what they arrive at.
                .col(big_integer_null(TransferLines::ShippedUnitCostMinor))
                .col(
                    big_integer(TransferLines::ReceivedQuantity)
                        .check(Expr::col(TransferLines::ReceivedQuantity).gte(0)),
                )
                .col(
                    big_integer(TransferLines::MissingQuantity).check(Expr::col(TransferLines::MissingQuantity).gte(0)),
                )
                .col(text_null(TransferLines::DiscrepancyNote))
                .check(
                    Expr::col(TransferLines::ReceivedQuantity)
                        .add(Expr::col(TransferLines::MissingQuantity))
                        .lte(Expr::col(TransferLines::ShippedQuantity)),
                )
                .primary_key(Index::create().col(TransferLines::TransferId).col(TransferLines::LineNo))
                .foreign_key(&mut fk(
                    TransferLines::Table,
                    TransferLines::TransferId,
                    Transfers::Table,
                    Transfers::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(TransferLines::Table, TransferLines::PartId, Parts::Table, Parts::Id, Restrict))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_transfer_lines_part",
                TransferLines::Table,
                vec![TransferLines::TransferId, TransferLines::PartId],
            )
            .unique()
            .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(PurchaseOrders::Table)
                .col(pk_uuid(PurchaseOrders::Id))
                .col(string_len(PurchaseOrders::Number, 48).unique_key())
                // The receiving warehouse's branch: who sees the order.
                .col(uuid(PurchaseOrders::BranchId))
                .col(uuid(PurchaseOrders::WarehouseId))
                .col(string_len(PurchaseOrders::SupplierName, 200))
                // The manufacturer, when the order goes to one.
                .col(uuid_null(PurchaseOrders::BrandId))
                .col(string_len(PurchaseOrders::Currency, 3))
                // draft, ordered, partially_received, received, cancelled
                .col(string_len(PurchaseOrders::Status, 24))
                .col(date_null(PurchaseOrders::ExpectedOn))
                .col(text_null(PurchaseOrders::Note))
                .col(uuid_null(PurchaseOrders::CreatedBy))
                .col(timestamp_with_time_zone(PurchaseOrders::CreatedAt))
                .col(uuid_null(PurchaseOrders::OrderedBy))
                .col(timestamp_with_time_zone_null(PurchaseOrders::OrderedAt))
                .col(timestamp_with_time_zone_null(PurchaseOrders::ReceivedAt))
                .col(timestamp_with_time_zone_null(PurchaseOrders::CancelledAt))
                .col(timestamp_with_time_zone(PurchaseOrders::UpdatedAt))
                .col(big_integer(PurchaseOrders::Version))
                .foreign_key(&mut fk(
                    PurchaseOrders::Table,
                    PurchaseOrders::BranchId,
                    Branches::Table,
                    Branches::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(
                    PurchaseOrders::Table,
                    PurchaseOrders::WarehouseId,
                    Warehouses::Table,
                    Warehouses::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(
                    PurchaseOrders::Table,
                    PurchaseOrders::BrandId,
                    Brands::Table,
                    Brands::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(
                    PurchaseOrders::Table,
                    PurchaseOrders::CreatedBy,
                    Users::Table,
                    Users::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(
                    PurchaseOrders::Table,
                    PurchaseOrders::OrderedBy,
                    Users::Table,
                    Users::Id,
                    Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_purchase_orders_warehouse",
            PurchaseOrders::Table,
            vec![PurchaseOrders::WarehouseId, PurchaseOrders::Id],
        ))
        .await?;
        m.create_index(index(
            "ix_purchase_orders_status",
            PurchaseOrders::Table,
            vec![PurchaseOrders::Status, PurchaseOrders::Id],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(PurchaseOrderLines::Table)
                .col(uuid(PurchaseOrderLines::PurchaseOrderId))
                .col(integer(PurchaseOrderLines::LineNo))
                .col(uuid(PurchaseOrderLines::PartId))
                .col(
                    big_integer(PurchaseOrderLines::QuantityOrdered)
                        .check(Expr::col(PurchaseOrderLines::QuantityOrdered).gt(0)),
                )
                .col(
                    big_integer(PurchaseOrderLines::UnitCostMinor)
                        .check(Expr::col(PurchaseOrderLines::UnitCostMinor).gte(0)),
                )
                .col(
                    big_integer(PurchaseOrderLines::QuantityReceived)
                        .check(Expr::col(PurchaseOrderLines::QuantityReceived).gte(0))
                        .check(
                            Expr::col(PurchaseOrderLines::QuantityReceived)
                                .lte(Expr::col(PurchaseOrderLines::QuantityOrdered)),
                        ),
                )
                .primary_key(Index::create().col(PurchaseOrderLines::PurchaseOrderId).col(PurchaseOrderLines::LineNo))
                .foreign_key(&mut fk(
                    PurchaseOrderLines::Table,
                    PurchaseOrderLines::PurchaseOrderId,
                    PurchaseOrders::Table,
                    PurchaseOrders::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    PurchaseOrderLines::Table,
                    PurchaseOrderLines::PartId,
                    Parts::Table,
                    Parts::Id,
                    Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_purchase_order_lines_part",
                PurchaseOrderLines::Table,
                vec![PurchaseOrderLines::PurchaseOrderId, PurchaseOrderLines::PartId],
            )
            .unique()
            .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PurchaseOrderLines::Table.into_iden(),
            PurchaseOrders::Table.into_iden(),
            TransferLines::Table.into_iden(),
            Transfers::Table.into_iden(),
            StockDocumentCounters::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
