//! Parts on service tickets: one line per ticket, part and warehouse the parts come
//! from (promised, issued, used, returned), the old parts a technician owes back,
//! and the return-to-vendor shipments that take them back to the manufacturer.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum TicketParts {
    Table,
    Id,
    TicketId,
    PartId,
    WarehouseId,
    Reserved,
    Issued,
    Used,
    ReturnedUnused,
    DefectiveReturned,
    IssuedValueMinor,
    ChargeTo,
    UnitPriceMinor,
    Currency,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum DefectiveParts {
    Table,
    Id,
    TicketId,
    TicketPartId,
    PartId,
    TechnicianId,
    BranchId,
    Quantity,
    DueAt,
    Status,
    ReceivedWarehouseId,
    ReceivedAt,
    ReceivedBy,
    RtvShipmentId,
    ClosedAt,
    CloseReason,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum RtvShipments {
    Table,
    Id,
    Number,
    BranchId,
    WarehouseId,
    BrandId,
    Status,
    Note,
    ShipReference,
    AckReference,
    CreatedBy,
    CreatedAt,
    ShippedBy,
    ShippedAt,
    AcknowledgedBy,
    AcknowledgedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Brands {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Parts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Warehouses {
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
) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from, col).to(to, to_col).on_delete(ForeignKeyAction::Restrict).to_owned()
}

fn count<T: IntoIden + Copy + 'static>(col: T) -> ColumnDef {
    big_integer(col).check(Expr::col(col).gte(0)).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use TicketParts as L;
        m.create_table(
            Table::create()
                .table(L::Table)
                .col(pk_uuid(L::Id))
                .col(uuid(L::TicketId))
                .col(uuid(L::PartId))
                .col(uuid(L::WarehouseId))
                .col(count(L::Reserved))
                .col(count(L::Issued))
                .col(count(L::Used))
                .col(count(L::ReturnedUnused))
                .col(count(L::DefectiveReturned))
                // What the units issued cost, in minor units of the part's currency.
                .col(big_integer(L::IssuedValueMinor))
                // manufacturer (on the warranty claim) or customer
                .col(string_len(L::ChargeTo, 16))
                // The part's selling price when the line was opened.
                .col(big_integer(L::UnitPriceMinor))
                .col(string_len(L::Currency, 3))
                .col(timestamp_with_time_zone(L::CreatedAt))
                .col(timestamp_with_time_zone(L::UpdatedAt))
                .col(big_integer(L::Version))
                // The database's own guard against a bug: never more recorded than issued.
                .check(Expr::col(L::Used).add(Expr::col(L::ReturnedUnused)).lte(Expr::col(L::Issued)))
                .check(Expr::col(L::DefectiveReturned).lte(Expr::col(L::Used)))
                .foreign_key(&mut fk(L::Table, L::TicketId, Tickets::Table, Tickets::Id))
                .foreign_key(&mut fk(L::Table, L::PartId, Parts::Table, Parts::Id))
                .foreign_key(&mut fk(L::Table, L::WarehouseId, Warehouses::Table, Warehouses::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_ticket_parts_line")
                .table(L::Table)
                .col(L::TicketId)
                .col(L::PartId)
                .col(L::WarehouseId)
                .unique()
                .to_owned(),
        )
        .await?;

        use RtvShipments as R;
        m.create_table(
            Table::create()
                .table(R::Table)
                .col(pk_uuid(R::Id))
                .col(string_len(R::Number, 40).unique_key())
                .col(uuid(R::BranchId))
                // The defective-parts warehouse the old parts leave from.
                .col(uuid(R::WarehouseId))
                // The manufacturer they go back to.
                .col(uuid(R::BrandId))
                // draft, shipped, acknowledged
                .col(string_len(R::Status, 16))
                .col(text_null(R::Note))
                // The carrier's or the manufacturer's return authorisation reference.
                .col(string_len_null(R::ShipReference, 100))
                // The manufacturer's acknowledgement (credit note) reference.
                .col(string_len_null(R::AckReference, 100))
                .col(uuid(R::CreatedBy))
                .col(timestamp_with_time_zone(R::CreatedAt))
                .col(uuid_null(R::ShippedBy))
                .col(timestamp_with_time_zone_null(R::ShippedAt))
                .col(uuid_null(R::AcknowledgedBy))
                .col(timestamp_with_time_zone_null(R::AcknowledgedAt))
                .col(timestamp_with_time_zone(R::UpdatedAt))
                .col(big_integer(R::Version))
                .foreign_key(&mut fk(R::Table, R::BranchId, Branches::Table, Branches::Id))
                .foreign_key(&mut fk(R::Table, R::WarehouseId, Warehouses::Table, Warehouses::Id))
                .foreign_key(&mut fk(R::Table, R::BrandId, Brands::Table, Brands::Id))
                .foreign_key(&mut fk(R::Table, R::CreatedBy, Users::Table, Users::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_rtv_shipments_branch").table(R::Table).col(R::BranchId).col(R::Id).to_owned(),
        )
        .await?;

        use DefectiveParts as D;
        m.create_table(
            Table::create()
                .table(D::Table)
                .col(pk_uuid(D::Id))
                .col(uuid(D::TicketId))
                .col(uuid(D::TicketPartId))
                .col(uuid(D::PartId))
                // Who owes the part back: the ticket's technician.
                .col(uuid(D::TechnicianId))
                .col(uuid(D::BranchId))
                .col(big_integer(D::Quantity).check(Expr::col(D::Quantity).gt(0)))
                .col(timestamp_with_time_zone(D::DueAt))
                // owed, received, shipped, written_off, scrapped
                .col(string_len(D::Status, 16))
                .col(uuid_null(D::ReceivedWarehouseId))
                .col(timestamp_with_time_zone_null(D::ReceivedAt))
                .col(uuid_null(D::ReceivedBy))
                // Filled by return-to-vendor shipments and scrapping.
                .col(uuid_null(D::RtvShipmentId))
                .col(timestamp_with_time_zone_null(D::ClosedAt))
                .col(text_null(D::CloseReason))
                .col(uuid_null(D::CreatedBy))
                .col(timestamp_with_time_zone(D::CreatedAt))
                .col(timestamp_with_time_zone(D::UpdatedAt))
                .col(big_integer(D::Version))
                .foreign_key(&mut fk(D::Table, D::TicketId, Tickets::Table, Tickets::Id))
                .foreign_key(&mut fk(D::Table, D::TicketPartId, L::Table, L::Id))
                .foreign_key(&mut fk(D::Table, D::PartId, Parts::Table, Parts::Id))
                .foreign_key(&mut fk(D::Table, D::TechnicianId, Users::Table, Users::Id))
                .foreign_key(&mut fk(D::Table, D::BranchId, Branches::Table, Branches::Id))
                .foreign_key(&mut fk(D::Table, D::ReceivedWarehouseId, Warehouses::Table, Warehouses::Id))
                .foreign_key(&mut fk(D::Table, D::RtvShipmentId, R::Table, R::Id))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_defective_parts_due", vec![D::Status, D::DueAt, D::Id]),
            ("ix_defective_parts_technician", vec![D::TechnicianId, D::Status]),
            ("ix_defective_parts_ticket", vec![D::TicketId]),
            ("ix_defective_parts_shipment", vec![D::RtvShipmentId]),
        ] {
            let mut index = Index::create();
            index.name(name).table(D::Table);
            for col in cols {
                index.col(col);
            }
            m.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(DefectiveParts::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(RtvShipments::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(TicketParts::Table).to_owned()).await
    }
}
