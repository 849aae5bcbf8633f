//! After the work: callbacks to the customer and complaints, over HTTP. Tickets
//! get to `completed` the way they do at a service desk: dispatched, codes and
//! labour recorded, every stage change through `POST /api/v1/tickets/{id}/transitions`.
mod callbacks;
mod complaints;

use std::sync::atomic::{AtomicU32, Ordering};

use aftersales_tests::{TestApp, json};
use chrono::{Duration, Utc};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::catalogue::{category_id, id_in, model_id};
use crate::customers::{create, customer};
use crate::dispatch::send_technician;
pub use crate::tickets::daikin_policy;

static NEXT_PHONE: AtomicU32 = AtomicU32::new(100_001);

pub fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

/// A ticket of `kind` at HN01 for a new customer: for a registered unit sold
/// `sold_days_ago` (warranty decided at intake), or for a bare model.
pub async fn take_in(app: &TestApp, clerk: &str, kind: &str, sold_days_ago: Option<i64>) -> Value {
    let hn01 = app.branch_id(&app.token("admin").await, "HN01").await;
    let phone = format!("0912 {:06}", NEXT_PHONE.fetch_add(1, Ordering::Relaxed));
    let owner = create(app, clerk, &customer(&hn01, "Lê Thị Thu", &phone)).await;
    let model = model_id(app, clerk, "FTKB25WVMV").await;
    let mut body = json!({"branch_id": hn01, "kind": kind, "channel": "phone", "customer_id": id_of(&owner)});
    match sold_days_ago {
        Some(days) => {
            let sale_date = (Utc::now() - Duration::days(days)).date_naive().to_string();
            let serial = format!("FU-{}", &Uuid::now_v7().simple().to_string()[20..]);
            let unit = crate::serials::register(
                app,
                clerk,
                &json!({"model_id": model, "serial": serial, "sale_date": sale_date, "owner_customer_id": id_of(&owner)}),
            )
            .await;
            body["unit"] = json!({"serial_id": id_of(&unit)});
        }
        None => body["model_id"] = json!(model),
    }
    let response = app.post("/api/v1/tickets", clerk, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{body}");
    json(response).await
}

/// Records the diagnosis and the resolution from the air conditioner's code lists,
/// as the technician would.
pub async fn record_codes(app: &TestApp, token: &str, ticket: &str) {
    let body = json!({"diagnosis_code": "GAS_LEAK", "resolution_code": "RECHARGED_GAS"});
    let response = app.patch(&format!("/api/v1/tickets/{ticket}"), token, &body).await;
    assert_eq!(response.status(), StatusCode::OK, "codes on {ticket}");
}

/// One line of the catalogue's air-conditioner service `code` on the ticket.
pub async fn add_labour(app: &TestApp, token: &str, ticket: &str, code: &str) {
    let ac = category_id(app, token, "air_conditioner").await;
    let item = id_in(app, token, &format!("/api/v1/service-items?category_id={ac}"), "code", code).await;
    let response =
        app.post(&format!("/api/v1/tickets/{ticket}/labour"), token, &json!({"service_item_id": item})).await;
    assert_eq!(response.status(), StatusCode::CREATED, "labour {code} on {ticket}");
}

/// Moves the ticket one step; returns the response.
pub async fn step(app: &TestApp, token: &str, ticket: &str, to: &str) -> Response {
    app.post(&format!("/api/v1/tickets/{ticket}/transitions"), token, &json!({"to": to})).await
}

async fn step_ok(app: &TestApp, token: &str, ticket: &str, to: &str) -> Value {
    let response = step(app, token, ticket, to).await;
    assert_eq!(response.status(), StatusCode::OK, "to {to}");
    json(response).await
}

/// A maintenance ticket dispatched to tech.hn01 and walked to `completed` with
/// one maintenance cleaning (250 000 đồng) on it, as the technician would; the
/// completion creates its callback task.
pub async fn completed_maintenance(app: &TestApp, clerk: &str, sold_days_ago: Option<i64>) -> Value {
    let ticket = take_in(app, clerk, "maintenance", sold_days_ago).await;
    let id = id_of(&ticket);
    send_technician(app, &id, "tech.hn01").await;
    let tech = app.token("tech.hn01").await;
    step_ok(app, &tech, &id, "in_service").await;
    add_labour(app, &tech, &id, "AC_CLEAN").await;
    step_ok(app, &tech, &id, "completed").await
}

/// A repair ticket dispatched to tech.hn01, diagnosed, repaired (a gas recharge)
/// and walked to `completed`; the completion creates its callback task.
pub async fn completed_repair(app: &TestApp, clerk: &str) -> Value {
    let ticket = take_in(app, clerk, "repair", None).await;
    let id = id_of(&ticket);
    send_technician(app, &id, "tech.hn01").await;
    let tech = app.token("tech.hn01").await;
    record_codes(app, &tech, &id).await;
    step_ok(app, &tech, &id, "diagnosed").await;
    step_ok(app, &tech, &id, "in_repair").await;
    add_labour(app, &tech, &id, "AC_GAS").await;
    step_ok(app, &tech, &id, "completed").await
}

/// A return/exchange ticket dispatched to tech.hn01 and walked to `completed` (it
/// has no callback).
pub async fn completed_return(app: &TestApp, clerk: &str) -> Value {
    let ticket = take_in(app, clerk, "return_exchange", None).await;
    let id = id_of(&ticket);
    send_technician(app, &id, "tech.hn01").await;
    record_codes(app, &app.token("tech.hn01").await, &id).await;
    step_ok(app, clerk, &id, "inspected").await;
    step_ok(app, clerk, &id, "completed").await
}

/// The kinds of the ticket's timeline events, oldest first, with their notes.
pub async fn timeline(app: &TestApp, token: &str, ticket: &str) -> Vec<(String, String)> {
    let events = json(app.get(&format!("/api/v1/tickets/{ticket}/timeline"), token).await).await;
    events
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| (e["kind"].as_str().unwrap_or_default().to_owned(), e["note"].as_str().unwrap_or_default().to_owned()))
        .collect()
}

pub async fn send(app: &TestApp, method: Method, path: &str, token: &str, if_match: &str, body: &Value) -> Response {
    app.request(method, path, Some(token))
        .header("if-match", if_match)
        .json(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}
