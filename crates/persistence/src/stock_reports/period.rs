//! Reports over a period of local days, summed from the ledger. Each branch keeps
//! its own calendar, so the period is one window of instants per time zone, and a
//! movement counts when it falls in the window of its warehouse's branch.
use crate::money::currency;
use aftersales_domain::money::Currency;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::report::{Flow, Position};
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Func, Order, Query, SelectStatement};
use uuid::Uuid;

use super::{ReportFilter, WarehousePart, group_by_line, read_line, select_line, sum, warehouses_of};
use crate::StoreError;
use crate::entities::parts::{Column as P, Entity as Parts};
use crate::entities::stock_movements::{Column as M, Entity as Movements};
use crate::entities::tickets::{Column as T, Entity as Tickets};
use crate::entities::users::{Column as U, Entity as Users};
use crate::entities::warehouses::{Column as W, Entity as Warehouses};

/// The period as instants in one time zone: `start` included, `end` not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub time_zone: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// What moved of a part in a warehouse by one kind of movement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindFlow {
    pub line: WarehousePart,
    pub kind: MovementKind,
    pub flow: Flow,
}

/// A part in a warehouse as the ledger had it when the period began.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    pub line: WarehousePart,
    pub position: Position,
}

/// Movements at the report's warehouses within the period (`before` false) or
/// before it began (`before` true), each against its own branch's window.
fn when(filter: &ReportFilter, windows: &[Window], before: bool) -> Condition {
    let at = || Expr::col((Movements, M::At));
    windows.iter().fold(Condition::any(), |any, w| {
        let here = Expr::col((Movements, M::WarehouseId)).in_subquery(warehouses_of(filter, Some(&w.time_zone)));
        let time = if before {
            Condition::all().add(at().lt(w.start))
        } else {
            Condition::all().add(at().gte(w.start)).add(at().lt(w.end))
        };
        any.add(time.add(here))
    })
}

/// The ledger joined to the warehouse and part of each row.
fn ledger_lines(filter: &ReportFilter, windows: &[Window], before: bool) -> SelectStatement {
    let mut q = Query::select();
    select_line(&mut q);
    q.from(Movements)
        .inner_join(Warehouses, Expr::col((Warehouses, W::Id)).equals((Movements, M::WarehouseId)))
        .inner_join(Parts, Expr::col((Parts, P::Id)).equals((Movements, M::PartId)))
        .cond_where(when(filter, windows, before));
    group_by_line(&mut q);
    q
}

/// `CAST(SUM(CASE WHEN column > 0 THEN column ELSE 0 END) AS BIGINT)` (or `< 0`).
fn sum_signed(column: M, positive: bool) -> sea_orm::sea_query::Expr {
    let c = || Expr::col((Movements, column));
    let side = if positive { c().gt(0) } else { c().lt(0) };
    sum(Expr::case(side, c()).finally(0))
}

/// Per warehouse, part and kind of movement: how many movements, and the
/// quantities and values in and out, within the period; at most `limit` rows.
pub async fn flows(
    db: &impl ConnectionTrait,
    filter: &ReportFilter,
    windows: &[Window],
    limit: u64,
) -> Result<Vec<KindFlow>, StoreError> {
    if windows.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = ledger_lines(filter, windows, false);
    q.expr_as(Expr::col((Movements, M::Kind)), "kind")
        .expr_as(Func::count(Expr::col((Movements, M::Id))), "count")
        .expr_as(sum_signed(M::QuantityDelta, true), "quantity_in")
        .expr_as(sum_signed(M::QuantityDelta, false), "quantity_out")
        .expr_as(sum_signed(M::ValueDeltaMinor, true), "value_in")
        .expr_as(sum_signed(M::ValueDeltaMinor, false), "value_out")
        .group_by_col((Movements, M::Kind))
        .order_by((Warehouses, W::Code), Order::Asc)
        .order_by((Parts, P::Sku), Order::Asc)
        .order_by((Movements, M::Kind), Order::Asc)
        .limit(limit);
    db.query_all(&q)
        .await?
        .iter()
        .map(|r| {
            let kind: String = r.try_get("", "kind")?;
            Ok(KindFlow {
                line: read_line(r)?,
                kind: MovementKind::parse(&kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("movement kind `{kind}`")))?,
                flow: Flow {
                    count: r.try_get("", "count")?,
                    quantity_in: r.try_get("", "quantity_in")?,
                    quantity_out: -r.try_get::<i64>("", "quantity_out")?,
                    value_in_minor: r.try_get("", "value_in")?,
                    value_out_minor: -r.try_get::<i64>("", "value_out")?,
                },
            })
        })
        .collect()
}

/// Per warehouse and part, what the ledger held when the period began (the sum of
/// every movement before it); parts it held nothing of are left out.
pub async fn openings(
    db: &impl ConnectionTrait,
    filter: &ReportFilter,
    windows: &[Window],
    limit: u64,
) -> Result<Vec<Opening>, StoreError> {
    if windows.is_empty() {
        return Ok(Vec::new());
    }
    let quantity = || sum(Expr::col((Movements, M::QuantityDelta)));
    let value = || sum(Expr::col((Movements, M::ValueDeltaMinor)));
    let mut q = ledger_lines(filter, windows, true);
    q.expr_as(quantity(), "quantity")
        .expr_as(value(), "value_minor")
        .and_having(quantity().ne(0).or(value().ne(0)))
        .order_by((Warehouses, W::Code), Order::Asc)
        .order_by((Parts, P::Sku), Order::Asc)
        .limit(limit);
    db.query_all(&q)
        .await?
        .iter()
        .map(|r| {
            Ok(Opening {
                line: read_line(r)?,
                position: Position { quantity: r.try_get("", "quantity")?, value_minor: r.try_get("", "value_minor")? },
            })
        })
        .collect()
}

/// How parts used for tickets are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsedBy {
    Ticket,
    Technician,
}

/// Parts used for a ticket (or by a technician), in one currency: issued minus
/// returned unused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsedRow {
    /// `None` when grouped by technician.
    pub ticket_id: Option<Uuid>,
    pub ticket_number: Option<String>,
    /// The ticket's technician; `None` when nobody is assigned.
    pub technician_id: Option<Uuid>,
    pub technician_name: Option<String>,
    pub tickets: i64,
    pub currency: Currency,
    pub issued: i64,
    pub returned: i64,
    /// Issued minus returned.
    pub quantity: i64,
    /// What the used parts cost, in minor units of `currency`.
    pub value_minor: i64,
}

/// Parts issued to tickets net of unused returns within the period, from the
/// ledger (`issue_to_ticket` and `return_unused` rows with a ticket), per ticket or
/// per the ticket's technician, and per currency; at most `limit` rows.
pub async fn parts_used(
    db: &impl ConnectionTrait,
    filter: &ReportFilter,
    windows: &[Window],
    by: UsedBy,
    limit: u64,
) -> Result<Vec<UsedRow>, StoreError> {
    if windows.is_empty() {
        return Ok(Vec::new());
    }
    let kind_is = |k: MovementKind| Expr::col((Movements, M::Kind)).eq(k.as_str());
    let quantity = || Expr::col((Movements, M::QuantityDelta));
    let mut q = Query::select();
    q.expr_as(Expr::col((Tickets, T::TechnicianId)), "technician_id")
        .expr_as(Expr::col((Users, U::DisplayName)), "technician_name")
        .expr_as(Expr::col((Parts, P::Currency)), "currency")
        .expr_as(Func::count_distinct(Expr::col((Movements, M::TicketId))), "tickets")
        .expr_as(sum(Expr::case(kind_is(MovementKind::IssueToTicket), quantity()).finally(0)), "issued")
        .expr_as(sum(Expr::case(kind_is(MovementKind::ReturnUnused), quantity()).finally(0)), "returned")
        .expr_as(sum(quantity()), "quantity")
        .expr_as(sum(Expr::col((Movements, M::ValueDeltaMinor))), "value_minor")
        .from(Movements)
        .inner_join(Tickets, Expr::col((Tickets, T::Id)).equals((Movements, M::TicketId)))
        .inner_join(Parts, Expr::col((Parts, P::Id)).equals((Movements, M::PartId)))
        .left_join(Users, Expr::col((Users, U::Id)).equals((Tickets, T::TechnicianId)))
        .cond_where(
            Condition::all()
                .add(kind_is(MovementKind::IssueToTicket).or(kind_is(MovementKind::ReturnUnused)))
                .add(when(filter, windows, false)),
        )
        .group_by_col((Tickets, T::TechnicianId))
        .group_by_col((Users, U::DisplayName))
        .group_by_col((Parts, P::Currency));
    if by == UsedBy::Ticket {
        q.expr_as(Expr::col((Tickets, T::Id)), "ticket_id")
            .expr_as(Expr::col((Tickets, T::Number)), "ticket_number")
            .group_by_col((Tickets, T::Id))
            .group_by_col((Tickets, T::Number))
            .order_by((Tickets, T::Number), Order::Asc);
    } else {
        q.order_by((Users, U::DisplayName), Order::Asc).order_by((Tickets, T::TechnicianId), Order::Asc);
    }
    q.order_by((Parts, P::Currency), Order::Asc).limit(limit);
    db.query_all(&q)
        .await?
        .iter()
        .map(|r| {
            let (issued, returned): (i64, i64) = (r.try_get("", "issued")?, r.try_get("", "returned")?);
            let (ticket_id, ticket_number) = match by {
                UsedBy::Ticket => (Some(r.try_get("", "ticket_id")?), Some(r.try_get("", "ticket_number")?)),
                UsedBy::Technician => (None, None),
            };
            Ok(UsedRow {
                ticket_id,
                ticket_number,
                technician_id: r.try_get("", "technician_id")?,
                technician_name: r.try_get("", "technician_name")?,
                tickets: r.try_get("", "tickets")?,
                currency: currency(&r.try_get::<String>("", "currency")?)?,
                // Issues are negative in the ledger, returns positive.
                issued: -issued,
                returned,
                quantity: -r.try_get::<i64>("", "quantity")?,
                value_minor: -r.try_get::<i64>("", "value_minor")?,
            })
        })
        .collect()
}
