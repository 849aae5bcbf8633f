//! Evaluating a registered unit by `serial_id`: its dates, contracts and component
//! swaps come from the registry.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::catalogue::model_id;
use crate::serials::register;
use crate::tickets::daikin_policy;

async fn evaluate(app: &TestApp, token: &str, body: &Value) -> Value {
    let response = app.post("/api/v1/warranty/evaluate", token, body).await;
    assert_eq!(response.status(), StatusCode::OK, "{body}");
    json(response).await
}

fn parts(decision: &Value) -> &Value {
    decision["legs"].as_array().and_then(|legs| legs.iter().find(|l| l["leg"] == "parts")).unwrap_or(&Value::Null)
}

async fn daikin_unit(app: &TestApp, token: &str, serial: &str) -> String {
    let model = model_id(app, token, "FTKB25WVMV").await;
    let unit = register(app, token, &json!({"model_id": model, "serial": serial, "sale_date": "2026-01-10"})).await;
    unit["id"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_swapped_compressor_is_covered_by_its_repair_warranty() {
    let app = spawn_app().await;
    daikin_policy(&app).await;
    let clerk = app.token("clerk.hn01").await;
    let id = daikin_unit(&app, &clerk, "SW-1").await;
    let claim = json!({"serial_id": id, "claim": {"date": "2027-04-01", "component_code": "compressor"}});
    assert_eq!(parts(&evaluate(&app, &clerk, &claim).await)["covered"], false, "out of the 12 months");

    let swap = json!({"component_code": "compressor", "old_part_serial": "CMP-1", "new_part_serial": "CMP-2",
        "swapped_on": "2027-03-01", "reference": "RO-HN01-2027-000042"});
    let response = app.post(&format!("/api/v1/serials/{id}/component-swaps"), &clerk, &swap).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(json(response).await["warranty_days"], 90, "the policy's repair warranty");

    let decision = evaluate(&app, &clerk, &claim).await;
    assert_eq!(parts(&decision)["covered"], true, "{decision}");
    assert_eq!(parts(&decision)["source"]["kind"], "repair_warranty");
    assert_eq!(parts(&decision)["source"]["reference"], "RO-HN01-2027-000042");
    let board = json!({"serial_id": id, "claim": {"date": "2027-04-01", "component_code": "pcb"}});
    assert_eq!(parts(&evaluate(&app, &clerk, &board).await)["covered"], false, "only the compressor was swapped");

    let bad = json!({"component_code": "door", "swapped_on": "2027-03-01", "reference": "RO-1"});
    let problem = app.post(&format!("/api/v1/serials/{id}/component-swaps"), &clerk, &bad).await;
    let problem = assert_problem(problem, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "component_code");
}

#[tokio::test]
async fn a_contract_extends_cover_when_evaluated_by_serial() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    daikin_policy(&app).await;
    let id = daikin_unit(&app, &admin, "EW-1").await;
    let claim = json!({"serial_id": id, "claim": {"date": "2027-06-01", "component_code": "pcb"}});
    assert_eq!(parts(&evaluate(&app, &admin, &claim).await)["covered"], false);

    let contract = json!({"reference": "EW-2027-0007", "kind": "extended_warranty", "legs": ["parts", "labour"],
        "starts_on": "2027-01-10", "ends_on": "2028-01-09"});
    let path = format!("/api/v1/serials/{id}/contracts");
    let clerk = app.token("clerk.hn01").await;
    assert_problem(app.post(&path, &clerk, &contract).await, StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(app.post(&path, &admin, &contract).await.status(), StatusCode::CREATED);
    let listed = json(app.get(&path, &clerk).await).await;
    assert_eq!(listed[0]["reference"], "EW-2027-0007");

    let decision = evaluate(&app, &admin, &claim).await;
    assert_eq!(parts(&decision)["covered"], true, "{decision}");
    assert_eq!(parts(&decision)["source"]["kind"], "contract");
    assert_eq!(parts(&decision)["expires_on"], "2028-01-09");

    let backwards = json!({"reference": "EW-X", "kind": "service_contract", "legs": ["travel"],
        "starts_on": "2027-01-10", "ends_on": "2026-01-09"});
    let problem = assert_problem(
        app.post(&path, &admin, &backwards).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "ends_on");
    let history = json(app.get("/api/v1/serials/ew1/history", &admin).await).await;
    let kinds: Vec<&str> =
        history[0]["events"].as_array().into_iter().flatten().filter_map(|e| e["kind"].as_str()).collect();
    assert_eq!(kinds, ["registered", "contract_added"]);
}

#[tokio::test]
async fn bad_inputs_name_their_field() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let model = model_id(&app, &admin, "FTKB25WVMV").await;
    let nobody = "0193a4f2-7b1c-7cde-8f00-000000000bad";
    let cases = [
        ("/api/v1/serials", json!({"model_id": model, "serial": "SN#1"}), "serial"),
        ("/api/v1/serials", json!({"model_id": nobody, "serial": "SN1"}), "model_id"),
        (
            "/api/v1/serials",
            json!({"model_id": model, "serial": "SN1", "owner_customer_id": nobody}),
            "owner_customer_id",
        ),
        ("/api/v1/warranty/evaluate", json!({"claim": {"date": "2027-01-01"}}), "unit"),
        ("/api/v1/warranty/evaluate", json!({"serial_id": nobody, "claim": {"date": "2027-01-01"}}), "serial_id"),
        (
            "/api/v1/warranty/evaluate",
            json!({"serial_id": nobody, "unit": {"model_id": model}, "claim": {"date": "2027-01-01"}}),
            "serial_id",
        ),
    ];
    for (path, body, field) in cases {
        let problem =
            assert_problem(app.post(path, &admin, &body).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
                .await;
        assert_eq!(problem["errors"][0]["field"], field, "{body}");
    }
    let bad_phone = app.get("/api/v1/serials?phone=abc", &admin).await;
    let problem = assert_problem(bad_phone, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "phone");
    assert!(app.get("/api/v1/serials?serial=SN1", &admin).await.status().is_success());
}
