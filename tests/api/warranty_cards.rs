//! Warranty cards: batches per brand, activation on a unit, voiding.
use aftersales_persistence::serials::{self, NewUnit, UnitFacts};
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::catalogue::{brand_id, model_id};

/// Registers a unit straight in the registry (the serials API has its own tests).
async fn unit(app: &TestApp, token: &str, sku: &str, serial: &str) -> String {
    let model: Uuid = model_id(app, token, sku).await.parse().unwrap_or_default();
    let brand = aftersales_persistence::catalogue::models::find(&app.db, model)
        .await
        .map(|m| m.brand_id.uuid())
        .unwrap_or_default();
    let new = NewUnit {
        id: Uuid::now_v7(),
        brand_id: brand,
        model_id: model,
        serial: serial.into(),
        serial_key: serial.into(),
        facts: UnitFacts { sale_date: chrono::NaiveDate::from_ymd_opt(2026, 2, 1), ..Default::default() },
    };
    serials::insert(&app.db, new, chrono::Utc::now()).await.map(|u| u.id.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

async fn issue(app: &TestApp, token: &str, brand: &str, prefix: &str, count: u32) -> Value {
    let body = json!({"brand_id": brand, "prefix": prefix, "count": count});
    let response = app.post("/api/v1/warranty-cards/batches", token, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    json(response).await
}

#[tokio::test]
async fn batches_number_on_from_the_last_card_of_their_prefix() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let daikin = brand_id(&app, &token, "DAIKIN").await;
    let first = issue(&app, &token, &daikin, "DK", 3).await;
    assert_eq!(
        (first["first_number"].as_str(), first["last_number"].as_str()),
        (Some("DK000000018"), Some("DK000000034"))
    );
    let second = issue(&app, &token, &daikin, "DK", 2).await;
    assert_eq!(second["first_number"], "DK000000042");
    let card = json(app.get("/api/v1/warranty-cards/dk-0000-0004-2", &token).await).await;
    assert_eq!(card["status"], "issued");
    let tech = app.token("tech.hn01").await;
    let refused = app
        .post("/api/v1/warranty-cards/batches", &tech, &json!({"brand_id": daikin, "prefix": "DK", "count": 1}))
        .await;
    assert_problem(refused, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn activating_a_card_registers_the_unit_once() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let clerk = app.token("clerk.hn01").await;
    let daikin = brand_id(&app, &token, "DAIKIN").await;
    issue(&app, &token, &daikin, "DK", 3).await;
    let unit_a = unit(&app, &token, "FTKB25WVMV", "DKA0001").await;
    let unit_b = unit(&app, &token, "FTKB25WVMV", "DKA0002").await;
    let activate = |number: &'static str, unit: &str| {
        let body = json!({"serial_id": unit, "activated_on": "2026-03-01"});
        let app = &app;
        let clerk = clerk.clone();
        async move { app.post(&format!("/api/v1/warranty-cards/{number}/activate"), &clerk, &body).await }
    };
    let done = json(activate("DK000000018", &unit_a).await).await;
    assert_eq!((done["status"].as_str(), done["activated_on"].as_str()), (Some("activated"), Some("2026-03-01")));
    let registered = serials::find(&app.db, unit_a.parse().unwrap_or_default()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(registered.warranty_card_number.as_deref(), Some("DK000000018"));
    assert_eq!(registered.registration_date, chrono::NaiveDate::from_ymd_opt(2026, 3, 1));
    let events = serials::events::of_unit(&app.db, registered.id.uuid()).await.unwrap_or_default();
    assert_eq!(events.last().map(|e| e.kind.as_str()), Some("card_activated"));

    // Used cards, units that already have one, and mistyped numbers are refused.
    assert_problem(activate("DK000000018", &unit_b).await, StatusCode::CONFLICT, "conflict").await;
    assert_problem(activate("DK000000026", &unit_a).await, StatusCode::CONFLICT, "conflict").await;
    assert_problem(activate("DK000000019", &unit_b).await, StatusCode::NOT_FOUND, "not_found").await;
    let samsung = brand_id(&app, &token, "SAMSUNG").await;
    issue(&app, &token, &samsung, "SS", 1).await;
    assert_problem(activate("SS000000018", &unit_b).await, StatusCode::CONFLICT, "conflict").await;
}

#[tokio::test]
async fn two_counters_activating_one_card_at_once_do_not_both_win() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let clerk = app.token("clerk.hn01").await;
    let daikin = brand_id(&app, &token, "DAIKIN").await;
    issue(&app, &token, &daikin, "DK", 1).await;
    let a = unit(&app, &token, "FTKB25WVMV", "RACE1").await;
    let b = unit(&app, &token, "FTKB25WVMV", "RACE2").await;
    let path = "/api/v1/warranty-cards/DK000000018/activate";
    let (body_a, body_b) =
        (json!({"serial_id": a, "activated_on": "2026-03-01"}), json!({"serial_id": b, "activated_on": "2026-03-01"}));
    let (ra, rb) = tokio::join!(app.post(path, &clerk, &body_a), app.post(path, &clerk, &body_b));
    let mut statuses = [ra.status().as_u16(), rb.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409]);
}

#[tokio::test]
async fn a_voided_card_cannot_be_activated() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let daikin = brand_id(&app, &token, "DAIKIN").await;
    issue(&app, &token, &daikin, "DK", 1).await;
    let voided =
        app.post("/api/v1/warranty-cards/DK000000018/void", &token, &json!({"reason": "Damaged in printing"})).await;
    assert_eq!(json(voided).await["status"], "void");
    let a = unit(&app, &token, "FTKB25WVMV", "VOID1").await;
    let r = app
        .post(
            "/api/v1/warranty-cards/DK000000018/activate",
            &token,
            &json!({"serial_id": a, "activated_on": "2026-03-01"}),
        )
        .await;
    assert_problem(r, StatusCode::CONFLICT, "conflict").await;
}
