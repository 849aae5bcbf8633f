//! Counter sales of parts: the sale, its lines (price, and the cost the Sale
//! movement took out of the warehouse, so the margin is known), and the gapless
//! per-branch, per-year numbers.
use crate::money::currency;
use aftersales_domain::money::{Currency, Money};
use std::collections::{BTreeMap, BTreeSet, HashMap};

use aftersales_domain::organisation::BranchScope;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::branches::branches_in;
use crate::entities::branches::{Column as B, Entity as Branches};
use crate::entities::customers::{Column as C, Entity as Customers};
use crate::entities::part_sale_lines::{self, Entity as Lines};
use crate::entities::part_sales::{ActiveModel, Column, Entity, Model};
use crate::entities::parts::{Column as P, Entity as Parts};
use crate::entities::users::{Column as U, Entity as Users};
use crate::entities::warehouses::{Column as W, Entity as Warehouses};
use crate::{StoreError, fetch_size};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartSale {
    pub id: Uuid,
    /// `PS-HN01-2026-000001`.
    pub number: String,
    /// The warehouse's branch.
    pub branch_id: Uuid,
    pub warehouse_id: Uuid,
    pub customer_id: Option<Uuid>,
    /// A walk-in buyer, when no registered customer is named.
    pub customer_name: Option<String>,
    pub customer_phone: Option<String>,
    /// In the sale's one currency, as is every line.
    pub total: Money,
    /// What the units sold cost the warehouse.
    pub cost: Money,
    pub sold_by: Uuid,
    pub sold_at: DateTime<Utc>,
    pub note: Option<String>,
    pub lines: Vec<PartSaleLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartSaleLine {
    /// 1, 2, … in the order the lines were sent.
    pub line_no: i32,
    pub part_id: Uuid,
    pub quantity: i64,
    pub list_price: Money,
    pub unit_price: Money,
    pub discount: Money,
    pub line_total: Money,
    pub unit_cost: Money,
    pub cost: Money,
    pub price_reason: Option<String>,
    pub movement_id: Uuid,
}

#[derive(Debug, Default)]
pub struct PartSaleFilter {
    pub warehouse_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    /// Sold at or after.
    pub sold_from: Option<DateTime<Utc>>,
    /// Sold before.
    pub sold_to: Option<DateTime<Utc>>,
    /// Keyset cursor: the id of the last sale of the previous page (newest first).
    pub before_id: Option<Uuid>,
    pub limit: u32,
}

/// Stores a sale whose stock has already moved, in the same transaction.
pub async fn insert(db: &impl ConnectionTrait, sale: &PartSale) -> Result<(), StoreError> {
    ActiveModel {
        id: Set(sale.id),
        number: Set(sale.number.clone()),
        branch_id: Set(sale.branch_id),
        warehouse_id: Set(sale.warehouse_id),
        customer_id: Set(sale.customer_id),
        customer_name: Set(sale.customer_name.clone()),
        customer_phone: Set(sale.customer_phone.clone()),
        currency: Set(sale.total.currency().code().to_owned()),
        total_minor: Set(sale.total.minor()),
        cost_minor: Set(sale.cost.minor()),
        sold_by: Set(sale.sold_by),
        sold_at: Set(sale.sold_at),
        note: Set(sale.note.clone()),
    }
    .insert(db)
    .await
    .map_err(|e| {
        StoreError::from_write(e, "this sale number is taken", "the customer or warehouse no longer exists")
    })?;
    let lines = sale.lines.iter().map(|l| part_sale_lines::ActiveModel {
        sale_id: Set(sale.id),
        line_no: Set(l.line_no),
        part_id: Set(l.part_id),
        quantity: Set(l.quantity),
        list_price_minor: Set(l.list_price.minor()),
        unit_price_minor: Set(l.unit_price.minor()),
        discount_minor: Set(l.discount.minor()),
        line_total_minor: Set(l.line_total.minor()),
        unit_cost_minor: Set(l.unit_cost.minor()),
        cost_minor: Set(l.cost.minor()),
        price_reason: Set(l.price_reason.clone()),
        movement_id: Set(l.movement_id),
    });
    if !sale.lines.is_empty() {
        Lines::insert_many(lines).exec_without_returning(db).await?;
    }
    Ok(())
}

fn to_sale(m: Model, lines: Vec<PartSaleLine>) -> Result<PartSale, StoreError> {
    let currency = currency(&m.currency)?;
    Ok(PartSale {
        id: m.id,
        number: m.number,
        branch_id: m.branch_id,
        warehouse_id: m.warehouse_id,
        customer_id: m.customer_id,
        customer_name: m.customer_name,
        customer_phone: m.customer_phone,
        total: Money::new(m.total_minor, currency),
        cost: Money::new(m.cost_minor, currency),
        sold_by: m.sold_by,
        sold_at: m.sold_at,
        note: m.note,
        lines,
    })
}

/// The sales with their lines, read in one more query.
async fn with_lines(db: &impl ConnectionTrait, rows: Vec<Model>) -> Result<Vec<PartSale>, StoreError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let lines = Lines::find()
        .filter(part_sale_lines::Column::SaleId.is_in(ids))
        .order_by_asc(part_sale_lines::Column::SaleId)
        .order_by_asc(part_sale_lines::Column::LineNo)
        .all(db)
        .await?;
    let currencies: BTreeMap<Uuid, Currency> =
        rows.iter().map(|r| Ok((r.id, currency(&r.currency)?))).collect::<Result<_, StoreError>>()?;
    let mut by_sale: BTreeMap<Uuid, Vec<PartSaleLine>> = BTreeMap::new();
    for l in lines {
        let currency = currencies.get(&l.sale_id).copied().ok_or(StoreError::NotFound)?;
        by_sale.entry(l.sale_id).or_default().push(PartSaleLine {
            line_no: l.line_no,
            part_id: l.part_id,
            quantity: l.quantity,
            list_price: Money::new(l.list_price_minor, currency),
            unit_price: Money::new(l.unit_price_minor, currency),
            discount: Money::new(l.discount_minor, currency),
            line_total: Money::new(l.line_total_minor, currency),
            unit_cost: Money::new(l.unit_cost_minor, currency),
            cost: Money::new(l.cost_minor, currency),
            price_reason: l.price_reason,
            movement_id: l.movement_id,
        });
    }
    rows.into_iter()
        .map(|m| {
            let lines = by_sale.remove(&m.id).unwrap_or_default();
            to_sale(m, lines)
        })
        .collect()
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<PartSale, StoreError> {
    let row = Entity::find_by_id(id).one(db).await?.ok_or(StoreError::NotFound)?;
    with_lines(db, vec![row]).await?.pop().ok_or(StoreError::NotFound)
}

/// The sale, if its branch lies within the scope; otherwise "not found".
pub async fn find_in_scope(db: &impl ConnectionTrait, scope: &BranchScope, id: Uuid) -> Result<PartSale, StoreError> {
    let sale = find(db, id).await?;
    let path = crate::branches::path_of(db, sale.branch_id).await?;
    if scope.covers(&path) { Ok(sale) } else { Err(StoreError::NotFound) }
}

/// Sales of the branches within the scope, newest first: up to `limit + 1`.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    filter: PartSaleFilter,
) -> Result<Vec<PartSale>, StoreError> {
    let mut query = Entity::find().filter(Column::BranchId.in_subquery(branches_in(scope)));
    if let Some(warehouse_id) = filter.warehouse_id {
        query = query.filter(Column::WarehouseId.eq(warehouse_id));
    }
    if let Some(customer_id) = filter.customer_id {
        query = query.filter(Column::CustomerId.eq(customer_id));
    }
    if let Some(from) = filter.sold_from {
        query = query.filter(Column::SoldAt.gte(from));
    }
    if let Some(to) = filter.sold_to {
        query = query.filter(Column::SoldAt.lt(to));
    }
    if let Some(before) = filter.before_id {
        query = query.filter(Column::Id.lt(before));
    }
    let rows = query.order_by_desc(Column::Id).limit(fetch_size(filter.limit)).all(db).await?;
    with_lines(db, rows).await
}

/// What a sale's ids name: its branch, warehouse, registered customer and seller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaleNames {
    pub branch_code: String,
    pub branch_name: String,
    pub warehouse_code: String,
    pub warehouse_name: String,
    /// The registered customer's name; none for a walk-in buyer.
    pub customer_name: Option<String>,
    pub sold_by_name: String,
}

/// The names a page of sales shows, read for the whole page in two queries rather
/// than one look-up per row: per sale, and per part sold its SKU and name.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub sales: HashMap<Uuid, SaleNames>,
    pub parts: HashMap<Uuid, (String, String)>,
}

pub async fn names(db: &impl ConnectionTrait, sales: &[PartSale]) -> Result<Names, StoreError> {
    if sales.is_empty() {
        return Ok(Names::default());
    }
    let mut q = Query::select();
    q.expr_as(Expr::col((Entity, Column::Id)), "sale_id")
        .expr_as(Expr::col((Branches, B::Code)), "branch_code")
        .expr_as(Expr::col((Branches, B::Name)), "branch_name")
        .expr_as(Expr::col((Warehouses, W::Code)), "warehouse_code")
        .expr_as(Expr::col((Warehouses, W::Name)), "warehouse_name")
        .expr_as(Expr::col((Customers, C::Name)), "customer_name")
        .expr_as(Expr::col((Users, U::DisplayName)), "sold_by_name")
        .from(Entity)
        .inner_join(Branches, Expr::col((Branches, B::Id)).equals((Entity, Column::BranchId)))
        .inner_join(Warehouses, Expr::col((Warehouses, W::Id)).equals((Entity, Column::WarehouseId)))
        .inner_join(Users, Expr::col((Users, U::Id)).equals((Entity, Column::SoldBy)))
        .left_join(Customers, Expr::col((Customers, C::Id)).equals((Entity, Column::CustomerId)))
        .and_where(Expr::col((Entity, Column::Id)).is_in(sales.iter().map(|s| s.id)));
    let by_sale = db
        .query_all(&q)
        .await?
        .iter()
        .map(|r| {
            let names = SaleNames {
                branch_code: r.try_get("", "branch_code")?,
                branch_name: r.try_get("", "branch_name")?,
                warehouse_code: r.try_get("", "warehouse_code")?,
                warehouse_name: r.try_get("", "warehouse_name")?,
                customer_name: r.try_get("", "customer_name")?,
                sold_by_name: r.try_get("", "sold_by_name")?,
            };
            Ok((r.try_get("", "sale_id")?, names))
        })
        .collect::<Result<HashMap<_, _>, StoreError>>()?;
    let part_ids: BTreeSet<Uuid> = sales.iter().flat_map(|s| s.lines.iter().map(|l| l.part_id)).collect();
    let parts: Vec<(Uuid, String, String)> = Parts::find()
        .select_only()
        .column(P::Id)
        .column(P::Sku)
        .column(P::Name)
        .filter(P::Id.is_in(part_ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(Names { sales: by_sale, parts: parts.into_iter().map(|(id, sku, name)| (id, (sku, name))).collect() })
}
