//! The names a page of tickets shows (customer, unit, technician, branch), read for
//! the whole page in one query rather than one look-up per row.
use std::collections::HashMap;

use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::branches::{Column as B, Entity as Branches};
use crate::entities::customers::{Column as C, Entity as Customers};
use crate::entities::product_models::{Column as M, Entity as Models};
use crate::entities::serials::{Column as S, Entity as Serials};
use crate::entities::tickets::{Column as T, Entity as Tickets};
use crate::entities::users::{Column as U, Entity as Users};

/// What a ticket's ids name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketNames {
    /// e.g. `RO-HN01-2026-000123`.
    pub number: String,
    pub customer_name: String,
    pub branch_code: String,
    pub branch_name: String,
    /// The model's code (SKU) and name, when the ticket has a model.
    pub model_code: Option<String>,
    pub model_name: Option<String>,
    /// The unit's serial as printed, when the unit is registered.
    pub serial: Option<String>,
    /// The assigned technician's display name.
    pub technician_name: Option<String>,
}

/// The names of each of the tickets `ids`, by ticket id.
pub async fn of_tickets(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<HashMap<Uuid, TicketNames>, StoreError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut q = Query::select();
    q.expr_as(Expr::col((Tickets, T::Id)), "ticket_id")
        .expr_as(Expr::col((Tickets, T::Number)), "number")
        .expr_as(Expr::col((Customers, C::Name)), "customer_name")
        .expr_as(Expr::col((Branches, B::Code)), "branch_code")
        .expr_as(Expr::col((Branches, B::Name)), "branch_name")
        .expr_as(Expr::col((Models, M::Sku)), "model_code")
        .expr_as(Expr::col((Models, M::Name)), "model_name")
        .expr_as(Expr::col((Serials, S::Serial)), "serial")
        .expr_as(Expr::col((Users, U::DisplayName)), "technician_name")
        .from(Tickets)
        .inner_join(Customers, Expr::col((Customers, C::Id)).equals((Tickets, T::CustomerId)))
        .inner_join(Branches, Expr::col((Branches, B::Id)).equals((Tickets, T::BranchId)))
        .left_join(Models, Expr::col((Models, M::Id)).equals((Tickets, T::ModelId)))
        .left_join(Serials, Expr::col((Serials, S::Id)).equals((Tickets, T::SerialId)))
        .left_join(Users, Expr::col((Users, U::Id)).equals((Tickets, T::TechnicianId)))
        .and_where(Expr::col((Tickets, T::Id)).is_in(ids.iter().copied()));
    db.query_all(&q)
        .await?
        .iter()
        .map(|r| {
            let names = TicketNames {
                number: r.try_get("", "number")?,
                customer_name: r.try_get("", "customer_name")?,
                branch_code: r.try_get("", "branch_code")?,
                branch_name: r.try_get("", "branch_name")?,
                model_code: r.try_get("", "model_code")?,
                model_name: r.try_get("", "model_name")?,
                serial: r.try_get("", "serial")?,
                technician_name: r.try_get("", "technician_name")?,
            };
            Ok((r.try_get("", "ticket_id")?, names))
        })
        .collect()
}
