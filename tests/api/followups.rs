//! After the work: callbacks to the customer and complaints, over HTTP.
//!
//! Getting a ticket to `completed` needs a technician, labour lines and
//! diagnosis/resolution codes. The endpoints that record those (dispatch, labour,
//! fault-code lists) are not in this branch yet, so the helpers marked STAND-IN
//! write those facts through the repositories; every stage change still goes
//! through `POST /api/v1/tickets/{id}/transitions`. Replace the stand-ins with the
//! real endpoints when they are merged.
mod callbacks;
mod complaints;

use std::sync::atomic::{AtomicU32, Ordering};

use aftersales_persistence::tickets;
use aftersales_persistence::{ConnectionTrait, Statement};
use aftersales_tests::{TestApp, json};
use chrono::{Duration, Utc};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::catalogue::model_id;
use crate::customers::{create, customer};

static NEXT_PHONE: AtomicU32 = AtomicU32::new(100_001);

pub fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

fn uuid(text: &str) -> Uuid {
    Uuid::parse_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
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

/// A Daikin brand-wide policy: 12 months of parts and labour from the sale (the
/// demo data has no policy).
pub async fn daikin_policy(app: &TestApp) {
    let admin = app.token("admin").await;
    let daikin = crate::catalogue::brand_id(app, &admin, "DAIKIN").await;
    let terms = json!({
        "effective_from": "2020-01-01", "start_basis": "sale", "manufacture_grace_days": 90,
        "legs": [{"leg": "parts", "months": 12}, {"leg": "labour", "months": 12}, {"leg": "travel", "months": 6}],
        "component_overrides": [], "exclusions": [], "repair_warranty_days": 90
    });
    let body = json!({"name": "Daikin 12 months", "scope": {"kind": "brand", "id": daikin}, "terms": terms});
    assert_eq!(app.post("/api/v1/warranty-policies", &admin, &body).await.status(), StatusCode::CREATED);
}

/// STAND-IN for dispatch: puts a technician on the ticket.
pub async fn assign_technician_directly(app: &TestApp, ticket: &str, technician: Uuid) {
    let mut t = tickets::find(&app.db, uuid(ticket)).await.unwrap_or_else(|e| panic!("{e}"));
    t.technician_id = Some(technician);
    tickets::save(&app.db, t.version, None, &t, Utc::now()).await.unwrap_or_else(|e| panic!("{e}"));
}

/// STAND-IN for the fault-code lists: records diagnosis and resolution codes.
pub async fn record_codes_directly(app: &TestApp, ticket: &str) {
    let mut t = tickets::find(&app.db, uuid(ticket)).await.unwrap_or_else(|e| panic!("{e}"));
    t.diagnosis_code = Some("DEFECT".into());
    t.resolution_code = Some("EXCHANGED".into());
    tickets::save(&app.db, t.version, None, &t, Utc::now()).await.unwrap_or_else(|e| panic!("{e}"));
}

/// STAND-IN for the labour endpoint: one labour line of `quantity` × `unit_price` đồng.
pub async fn add_labour_directly(app: &TestApp, ticket: &str, quantity: i32, unit_price: i64) {
    let backend = app.db.get_database_backend();
    let marks: Vec<String> = (1..=9)
        .map(|i| if backend == aftersales_persistence::DbBackend::Postgres { format!("${i}") } else { "?".into() })
        .collect();
    let sql = format!(
        "INSERT INTO ticket_labour_lines (id, ticket_id, code, description, quantity, unit_price_minor, currency, \
         minutes, created_at) VALUES ({})",
        marks.join(", ")
    );
    let values = vec![
        Uuid::now_v7().into(),
        uuid(ticket).into(),
        "AC-SERVICE".into(),
        "Clean and service an air conditioner".into(),
        quantity.into(),
        unit_price.into(),
        "VND".into(),
        60_i32.into(),
        Utc::now().into(),
    ];
    app.db.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await.unwrap_or_else(|e| panic!("{e}"));
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

/// A maintenance ticket walked to `completed` with one labour line, as the
/// technician tech.hn01 would; the completion creates its callback task.
pub async fn completed_maintenance(app: &TestApp, clerk: &str, sold_days_ago: Option<i64>, labour_price: i64) -> Value {
    let ticket = take_in(app, clerk, "maintenance", sold_days_ago).await;
    let id = id_of(&ticket);
    let tech = app.login("tech.hn01").await;
    assign_technician_directly(app, &id, tech.user.id).await;
    step_ok(app, &tech.access_token, &id, "in_service").await;
    add_labour_directly(app, &id, 1, labour_price).await;
    step_ok(app, &tech.access_token, &id, "completed").await
}

/// A return/exchange ticket walked to `completed` (it has no callback).
pub async fn completed_return(app: &TestApp, clerk: &str) -> Value {
    let ticket = take_in(app, clerk, "return_exchange", None).await;
    let id = id_of(&ticket);
    assign_technician_directly(app, &id, app.login("tech.hn01").await.user.id).await;
    record_codes_directly(app, &id).await;
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
