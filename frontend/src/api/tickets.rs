//! Tickets (`GET /tickets`) and the names a ticket row shows: its customer, unit and
//! technician, each read once per page load and remembered.

use std::cell::RefCell;
use std::collections::HashMap;

use aftersales_api_types::Page;
use aftersales_api_types::tickets::TicketDto;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed};
use crate::pages::tickets::filters::TicketFilters;
use crate::session::Session;

/// `GET /tickets` with the page's filters: one page of tickets.
pub async fn list(
    session: Session,
    filters: TicketFilters,
    cursor: Option<String>,
) -> Result<Page<TicketDto>, ApiError> {
    let mut call = Call::new(Method::GET, "/tickets");
    for (name, value) in filters.pairs() {
        match name {
            // Days become instants: from local midnight, to the next local midnight.
            "from" | "to" | "sort" => {}
            _ => call = call.query(name, Some(value)),
        }
    }
    call = call
        .query("created_from", filters.from.map(|d| local_midnight(d).to_rfc3339()))
        .query("created_to", filters.to.and_then(|d| d.succ_opt()).map(|d| local_midnight(d).to_rfc3339()))
        .query("sort", Some(if filters.oldest_first { "oldest" } else { "newest" }.to_owned()))
        .query("cursor", cursor);
    authed(session, call).await
}

/// The start of a day in the browser's time zone.
fn local_midnight(day: NaiveDate) -> DateTime<Utc> {
    // Calendar parts are small integers: exact as f64 / u32 / i32.
    #[allow(clippy::cast_possible_wrap)]
    let date = js_sys::Date::new_with_year_month_day(day.year().unsigned_abs(), day.month0() as i32, day.day() as i32);
    #[allow(clippy::cast_possible_truncation)]
    let millis = date.get_time() as i64;
    DateTime::<Utc>::from_timestamp_millis(millis).unwrap_or_default()
}

thread_local! {
    /// Names already read, by API path; `None` when the user may not read it.
    static NAMES: RefCell<HashMap<String, Option<String>>> = RefCell::new(HashMap::new());
}

/// One text field of `GET {path}`, remembered; `None` if it cannot be read.
async fn name_of(session: Session, path: String, field: &'static str) -> Option<String> {
    if let Some(known) = NAMES.with(|n| n.borrow().get(&path).cloned()) {
        return known;
    }
    let value: Result<serde_json::Value, ApiError> = authed(session, Call::new(Method::GET, path.clone())).await;
    let name = value.ok().and_then(|v| v.get(field).and_then(|f| f.as_str()).map(str::to_owned));
    NAMES.with(|n| n.borrow_mut().insert(path, name.clone()));
    name
}

/// A model's name (`GET /product-models/{id}`).
pub async fn model_name(session: Session, id: Uuid) -> Option<String> {
    name_of(session, format!("/product-models/{id}"), "name").await
}

/// A unit's serial as printed (`GET /serials/{id}`).
pub async fn serial_text(session: Session, id: Uuid) -> Option<String> {
    name_of(session, format!("/serials/{id}"), "serial").await
}

/// A user's display name (`GET /users/{id}`; only some roles may read it).
pub async fn user_name(session: Session, id: Uuid) -> Option<String> {
    name_of(session, format!("/users/{id}"), "display_name").await
}
