//! The serial registry over HTTP: registering units, finding them by any key,
//! owners, component swaps, contracts, history, and evaluation by `serial_id`.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::catalogue::{brand_id, model_id};
use crate::customers::{create, customer};

/// Registers a unit and returns its body.
pub async fn register(app: &TestApp, token: &str, body: &Value) -> Value {
    let response = app.post("/api/v1/serials", token, body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{body}");
    json(response).await
}

fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

async fn found(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let response = app.get(&format!("/api/v1/serials?{query}"), token).await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    let page = json(response).await;
    page["items"].as_array().into_iter().flatten().map(id_of).collect()
}

fn first_field(problem: &Value) -> String {
    problem["errors"][0]["field"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_unit_is_found_by_serial_card_document_and_owner_phone() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let owner = create(&app, &clerk, &customer(&hn01, "Trần Văn Minh", "0912 345 678")).await;
    let model = model_id(&app, &clerk, "FTKB25WVMV").await;
    let body = json!({"model_id": model, "serial": " K3J-00042 ", "lot": "2025-10A", "sale_date": "2026-01-10",
        "sale_document": "INV-2026-0042", "seller": "Điện Máy Xanh", "warranty_card_number": "WC-000042",
        "owner_customer_id": id_of(&owner)});
    let response = app.post("/api/v1/serials", &clerk, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(header(&response, "etag"), "\"1\"");
    let location = header(&response, "location");
    let unit = json(response).await;
    let id = id_of(&unit);
    assert_eq!(location, format!("/api/v1/serials/{id}"));
    assert_eq!(unit["serial"], "K3J-00042");
    assert_eq!(unit["serial_key"], "K3J00042");
    assert_eq!(unit["brand_id"], brand_id(&app, &clerk, "DAIKIN").await);
    let fetched = app.get(&location, &clerk).await;
    assert_eq!(header(&fetched, "etag"), "\"1\"");
    assert_eq!(json(fetched).await, unit);

    let tech = app.token("tech.hn01").await;
    for query in [
        "serial=k3j-00042",
        "serial=K3J00042",
        "warranty_card=WC-000042",
        "document=INV-2026-0042",
        "phone=%DB%B0%DB%B9%DB%B1%DB%B2%20%DB%B3%DB%B4%DB%B5%20%DB%B6%DB%B7%DB%B8",
    ] {
        assert_eq!(found(&app, &clerk, query).await, vec![id.clone()], "{query}");
    }
    assert!(found(&app, &tech, &format!("model_id={model}")).await.contains(&id), "any signed-in user reads");
    assert!(found(&app, &clerk, "serial=K3J00043").await.is_empty());
    assert!(found(&app, &clerk, "phone=0988000111").await.is_empty());
}

#[tokio::test]
async fn a_serial_is_unique_within_its_brand_only() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let daikin_1 = model_id(&app, &admin, "FTKB25WVMV").await;
    let daikin_2 = model_id(&app, &admin, "FTKB35WVMV").await;
    let samsung = model_id(&app, &admin, "RT38CG6584B1").await;
    let first =
        register(&app, &admin, &json!({"model_id": daikin_1, "serial": "AB-1001", "warranty_card_number": "C1"})).await;
    let again = app.post("/api/v1/serials", &admin, &json!({"model_id": daikin_2, "serial": "ab 1001"})).await;
    assert_problem(again, StatusCode::CONFLICT, "conflict").await;
    let card = json!({"model_id": daikin_2, "serial": "AB-1002", "warranty_card_number": "C1"});
    assert_problem(app.post("/api/v1/serials", &admin, &card).await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(found(&app, &admin, "serial=AB1001").await, vec![id_of(&first)]);
    assert!(found(&app, &admin, "serial=AB1002").await.is_empty(), "nothing of the refused unit is stored");

    let other = register(&app, &admin, &json!({"model_id": samsung, "serial": "AB1001"})).await;
    assert_eq!(found(&app, &admin, "serial=ab-1001").await.len(), 2);
    let both = json(app.get("/api/v1/serials/AB-1001/history", &admin).await).await;
    assert_eq!(both.as_array().map(Vec::len), Some(2));
    let samsung_brand = brand_id(&app, &admin, "SAMSUNG").await;
    let one = app.get(&format!("/api/v1/serials/ab1001/history?brand_id={samsung_brand}"), &admin).await;
    let one = json(one).await;
    assert_eq!(one.as_array().map(Vec::len), Some(1));
    assert_eq!(one[0]["unit"]["id"], id_of(&other));
    assert_problem(app.get("/api/v1/serials/ZZ-404/history", &admin).await, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn facts_and_owners_change_with_a_history_in_order() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let first = create(&app, &clerk, &customer(&hn01, "Phạm Thu Hà", "0903 111 222")).await;
    let second = create(&app, &clerk, &customer(&hn01, "Lê Quang Huy", "0903 333 444")).await;
    let model = model_id(&app, &clerk, "FTKB25WVMV").await;
    let unit = register(
        &app,
        &clerk,
        &json!({"model_id": model, "serial": "H-77", "sale_date": "2026-02-01",
        "owner_customer_id": id_of(&first)}),
    )
    .await;
    let path = format!("/api/v1/serials/{}", id_of(&unit));
    let change = json!({"installation_date": "2026-02-03", "installation_address": "5 Láng Hạ, Hà Nội",
        "sale_document": "INV-77"});
    let response =
        app.request(Method::PATCH, &path, Some(&clerk)).header("If-Match", "\"1\"").json(&change).send().await;
    let response = response.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "etag"), "\"2\"");
    let stale = app.request(Method::PATCH, &path, Some(&clerk)).header("If-Match", "\"1\"").json(&json!({"lot": "L"}));
    let stale = stale.send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;

    let hand_over = json!({"customer_id": id_of(&second), "from_date": "2027-05-01", "note": "sold with the flat"});
    let response = app.post(&format!("{path}/owner"), &clerk, &hand_over).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "etag"), "\"3\"");
    assert_eq!(json(response).await["owner_customer_id"], id_of(&second));
    let too_early = json!({"customer_id": id_of(&first), "from_date": "2027-04-01"});
    let problem = assert_problem(
        app.post(&format!("{path}/owner"), &clerk, &too_early).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(first_field(&problem), "from_date");

    let history = json(app.get("/api/v1/serials/h77/history", &clerk).await).await;
    let h = &history[0];
    assert_eq!(h["unit"]["installation_address"], "5 Láng Hạ, Hà Nội");
    assert_eq!(h["owners"][0]["customer_id"], id_of(&first));
    assert_eq!(h["owners"][0]["from_date"], "2026-02-01");
    assert_eq!(h["owners"][0]["to_date"], "2027-05-01");
    assert_eq!(h["owners"][1]["customer_id"], id_of(&second));
    assert_eq!(h["owners"][1]["to_date"], Value::Null);
    let kinds: Vec<&str> = h["events"].as_array().into_iter().flatten().filter_map(|e| e["kind"].as_str()).collect();
    assert_eq!(kinds, ["registered", "sale_recorded", "installed", "owner_changed"]);

    let audit = json(app.get("/api/v1/audit?entity=serial", &admin).await).await;
    let actions: Vec<&str> =
        audit["items"].as_array().into_iter().flatten().filter_map(|r| r["action"].as_str()).collect();
    for action in ["serial.register", "serial.update", "serial.owner_change"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
}
