//! Warranty policies over HTTP. The worked cases of the entitlement decision are
//! in `warranty_cases.rs`.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::catalogue::{brand_id, category_id, model_id};

pub fn terms(from: &str, basis: &str, parts: u32) -> Value {
    json!({
        "effective_from": from, "start_basis": basis, "manufacture_grace_days": 90,
        "legs": [{"leg": "parts", "months": parts}, {"leg": "labour", "months": 12}, {"leg": "travel", "months": 6}],
        "component_overrides": [{"component_code": "compressor", "leg": "parts", "months": 60}],
        "exclusions": ["liquid_damage", "physical_damage"], "repair_warranty_days": 90
    })
}

pub async fn create_policy(app: &TestApp, token: &str, name: &str, kind: &str, id: &str, terms: Value) -> Value {
    let body = json!({"name": name, "scope": {"kind": kind, "id": id}, "terms": terms});
    let response = app.post("/api/v1/warranty-policies", token, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "creating {name}");
    json(response).await
}

/// The policies of the worked cases: Daikin brand-wide (v1 then v2), a Daikin model
/// counted from installation, Samsung brand-wide and Samsung refrigerators counted
/// from delivery, a Midea model counted from registration, a Haier model counted
/// from manufacture + 30 days.
pub async fn publish_policies(app: &TestApp, token: &str) {
    let daikin = brand_id(app, token, "DAIKIN").await;
    let standard =
        create_policy(app, token, "Daikin standard", "brand", &daikin, terms("2024-01-01", "sale", 12)).await;
    let id = standard["id"].as_str().unwrap_or_default();
    let v2 =
        app.post(&format!("/api/v1/warranty-policies/{id}/versions"), token, &terms("2026-01-01", "sale", 24)).await;
    assert_eq!(v2.status(), StatusCode::CREATED);
    let m2 = model_id(app, token, "FTKB35WVMV").await;
    create_policy(app, token, "FTKB35 installed", "model", &m2, terms("2020-01-01", "installation", 24)).await;
    let samsung = brand_id(app, token, "SAMSUNG").await;
    create_policy(app, token, "Samsung standard", "brand", &samsung, terms("2020-01-01", "sale", 24)).await;
    let fridges = category_id(app, token, "refrigerator").await;
    create_policy(app, token, "Refrigerators delivered", "category", &fridges, terms("2020-01-01", "delivery", 24))
        .await;
    let midea = model_id(app, token, "MSAFB-10CRDN8").await;
    create_policy(app, token, "Midea registered", "model", &midea, terms("2020-01-01", "registration", 24)).await;
    let haier = model_id(app, token, "HW90-BP14959S8").await;
    let mut made = terms("2020-01-01", "manufacture", 24);
    made["manufacture_grace_days"] = json!(30);
    create_policy(app, token, "Haier from the factory", "model", &haier, made).await;
}

#[tokio::test]
async fn a_version_must_start_after_the_latest_and_closes_it() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let daikin = brand_id(&app, &token, "DAIKIN").await;
    let policy = create_policy(&app, &token, "Daikin", "brand", &daikin, terms("2026-01-01", "sale", 24)).await;
    let path = format!("/api/v1/warranty-policies/{}/versions", policy["id"].as_str().unwrap_or_default());
    assert_problem(app.post(&path, &token, &terms("2026-01-01", "sale", 36)).await, StatusCode::CONFLICT, "conflict")
        .await;
    let published = json(app.post(&path, &token, &terms("2027-01-01", "sale", 36)).await).await;
    assert_eq!(published["versions"][0]["effective_to"], "2027-01-01");
    assert_eq!(published["versions"][1]["version"], 2);
    assert!(published["versions"][1]["effective_to"].is_null());
}

#[tokio::test]
async fn bad_policies_are_refused_field_by_field() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let daikin = brand_id(&app, &token, "DAIKIN").await;
    let mut twice = terms("2026-01-01", "sale", 24);
    twice["legs"] = json!([{"leg": "parts", "months": 24}, {"leg": "parts", "months": 12}]);
    twice["exclusions"] = json!(["Liquid Damage"]);
    let body = json!({"name": "Bad", "scope": {"kind": "brand", "id": daikin}, "terms": twice});
    let problem = assert_problem(
        app.post("/api/v1/warranty-policies", &token, &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> =
        problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str()).collect();
    assert_eq!(fields, vec!["terms.legs[1].leg", "terms.exclusions[0]"]);
    let nowhere =
        json!({"name": "Nowhere", "scope": {"kind": "model", "id": daikin}, "terms": terms("2026-01-01", "sale", 24)});
    let problem = assert_problem(
        app.post("/api/v1/warranty-policies", &token, &nowhere).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "scope.id");
    let clerk = app.token("clerk.hn01").await;
    let ok =
        json!({"name": "Fine", "scope": {"kind": "brand", "id": daikin}, "terms": terms("2026-01-01", "sale", 24)});
    assert_problem(app.post("/api/v1/warranty-policies", &clerk, &ok).await, StatusCode::FORBIDDEN, "forbidden").await;
    let missing = json!({"unit": {"model_id": daikin}, "claim": {"date": "2026-01-01"}});
    let problem = assert_problem(
        app.post("/api/v1/warranty/evaluate", &clerk, &missing).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "unit.model_id");
}
