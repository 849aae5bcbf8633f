//! Fixtures shared by the stock-document tests (transfers, purchase orders):
//! more parts and warehouses, demo warehouses by code, and users of other branches.
use aftersales_tests::{TestApp, json};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::catalogue::brand_id;
use crate::stock::Shelf;

/// A second part of the same brand (Daikin, VND).
pub async fn part(app: &TestApp, code: &str) -> String {
    let admin = app.token("admin").await;
    let daikin = brand_id(app, &admin, "DAIKIN").await;
    let body = json!({"brand_id": daikin, "sku": format!("PRT-{code}"), "name": "Board", "unit": "pcs",
        "serialised": false, "standard_cost": {"amount": "1000", "currency": "VND"},
        "price": {"amount": "2000", "currency": "VND"}, "reorder_point": 1});
    let response = app.post("/api/v1/parts", &admin, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "part {code}");
    id(&json(response).await)
}

/// A new outlet warehouse at HN01.
pub async fn warehouse(app: &TestApp, code: &str) -> String {
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let body = json!({"branch_id": hn01, "code": code, "name": "Shelf", "kind": "outlet"});
    let response = app.post("/api/v1/warehouses", &admin, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "warehouse {code}");
    id(&json(response).await)
}

/// A demo warehouse's id by its code.
pub async fn demo_warehouse(app: &TestApp, code: &str) -> String {
    let admin = app.token("admin").await;
    let page = json(app.get("/api/v1/warehouses?limit=200", &admin).await).await;
    let items = page["items"].as_array().cloned().unwrap_or_default();
    items.iter().find(|w| w["code"] == code).map(id).unwrap_or_else(|| panic!("no warehouse {code}"))
}

pub fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

pub fn at(warehouse: &str, part: &str) -> Shelf {
    Shelf { warehouse: warehouse.to_owned(), part: part.to_owned() }
}

/// A user of another branch with the given roles, signed in.
pub async fn stranger(app: &TestApp, username: &str, branch: &str, role: &str) -> String {
    let admin = app.token("admin").await;
    let branch_id = app.branch_id(&admin, branch).await;
    let body = json!({"username": username, "display_name": "Keeper", "branch_id": branch_id,
        "roles": [role], "password": "a long enough password"});
    assert_eq!(app.post("/api/v1/users", &admin, &body).await.status(), StatusCode::CREATED, "user");
    let response = app.try_login(username, "a long enough password").await;
    json(response).await["access_token"].as_str().unwrap_or_default().to_owned()
}
