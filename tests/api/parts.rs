//! The parts catalogue: SKUs per brand, compatible models, prices, who may change it.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::catalogue::{brand_id, model_id};

fn header(response: &Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

fn vnd(amount: &str) -> Value {
    json!({"amount": amount, "currency": "VND"})
}

/// A Daikin control board fitting the given models.
fn board(brand: &str, sku: &str, models: &[&str]) -> Value {
    json!({"brand_id": brand, "sku": sku, "name": "Bo mạch điều khiển dàn lạnh", "component_code": "pcb",
           "unit": "pcs", "serialised": true, "standard_cost": vnd("1250000"), "price": vnd("1850000"),
           "reorder_point": 2, "model_ids": models})
}

/// The field names of a 422 answer.
async fn refused_fields(response: Response) -> Vec<String> {
    let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect()
}

fn skus(page: &Value) -> Vec<String> {
    page["items"].as_array().into_iter().flatten().filter_map(|p| p["sku"].as_str().map(str::to_owned)).collect()
}

async fn new_brand(app: &TestApp, token: &str, code: &str) -> String {
    let response = app.post("/api/v1/brands", token, &json!({"code": code, "name": code})).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    json(response).await["id"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_warehouse_keeper_adds_a_part_that_fits_two_models_and_everyone_reads_it() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let admin = app.token("admin").await;
    let daikin = brand_id(&app, &admin, "DAIKIN").await;
    let small = model_id(&app, &admin, "FTKB25WVMV").await;
    let large = model_id(&app, &admin, "FTKB35WVMV").await;

    let response = app.post("/api/v1/parts", &keeper, &board(&daikin, " 2p469361-9 ", &[&small, &large, &small])).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(header(&response, "etag"), "\"1\"");
    let location = header(&response, "location");
    let part = json(response).await;
    assert_eq!(location, format!("/api/v1/parts/{}", part["id"].as_str().unwrap_or_default()));
    assert_eq!(part["sku"], "2P469361-9", "trimmed and upper-cased");
    assert_eq!(part["price"], vnd("1850000"));
    assert_eq!(part["standard_cost"], vnd("1250000"));
    assert_eq!(part["serialised"], true);
    assert_eq!(part["active"], true);
    let mut expected = vec![small.clone(), large.clone()];
    expected.sort();
    assert_eq!(part["model_ids"], json!(expected), "each model once");

    let tech = app.token("tech.hn01").await;
    let fetched = app.get(&location, &tech).await;
    assert_eq!(fetched.status(), StatusCode::OK);
    assert_eq!(json(fetched).await, part);

    // Found by the models it fits, its component, and its name typed without diacritics.
    for filter in [format!("model_id={large}"), "component_code=pcb".into(), "q=BO%20MACH%20dieu".into()] {
        let page = json(app.get(&format!("/api/v1/parts?{filter}&limit=200"), &tech).await).await;
        assert!(skus(&page).contains(&"2P469361-9".to_owned()), "{filter}: {page}");
    }
    let midea = model_id(&app, &admin, "MSAFB-10CRDN8").await;
    let page = json(app.get(&format!("/api/v1/parts?model_id={midea}&limit=200"), &tech).await).await;
    assert!(!skus(&page).contains(&"2P469361-9".to_owned()), "a Midea model does not take it: {page}");
    let page = json(app.get("/api/v1/parts?q=compressor%20xyz&limit=200", &tech).await).await;
    assert_eq!(page["items"], json!([]));
}

#[tokio::test]
async fn a_sku_is_unique_per_brand_only() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let daikin = brand_id(&app, &admin, "DAIKIN").await;
    let samsung = brand_id(&app, &admin, "SAMSUNG").await;
    assert_eq!(app.post("/api/v1/parts", &admin, &board(&daikin, "X-100", &[])).await.status(), StatusCode::CREATED);
    let again = app.post("/api/v1/parts", &admin, &board(&daikin, " x-100", &[])).await;
    let problem = assert_problem(again, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains("X-100")), "{problem}");
    assert_eq!(app.post("/api/v1/parts", &admin, &board(&samsung, "X-100", &[])).await.status(), StatusCode::CREATED);

    // Renaming another part onto a taken SKU is refused too.
    let other = json(app.post("/api/v1/parts", &admin, &board(&daikin, "X-200", &[])).await).await;
    let path = format!("/api/v1/parts/{}", other["id"].as_str().unwrap_or_default());
    assert_problem(app.patch(&path, &admin, &json!({"sku": "x-100"})).await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(json(app.get(&path, &admin).await).await["sku"], "X-200");
}

#[tokio::test]
async fn bad_fields_are_refused_by_name_and_nothing_is_stored() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let daikin = brand_id(&app, &admin, "DAIKIN").await;
    let small = model_id(&app, &admin, "FTKB25WVMV").await;
    let samsung_fridge = model_id(&app, &admin, "RT38CG6584B1").await;
    let unknown = "0193a4f2-7b1c-7cde-8f00-000000000000";

    let mut part = board(&daikin, "BAD-1", &[&small, &samsung_fridge, unknown]);
    assert_eq!(refused_fields(app.post("/api/v1/parts", &admin, &part).await).await, ["model_ids[1]", "model_ids[2]"]);
    part["model_ids"] = json!([]);
    part["brand_id"] = json!(unknown);
    assert_eq!(refused_fields(app.post("/api/v1/parts", &admin, &part).await).await, ["brand_id"]);
    part["brand_id"] = json!(daikin);

    let cases = [
        ("reorder_point", json!(-1), "reorder_point"),
        ("price", vnd("1850000.5"), "price.amount"),
        ("price", json!({"amount": "12.50", "currency": "USD"}), "price.currency"),
        ("unit", json!("Pcs"), "unit"),
        ("component_code", json!("PCB board"), "component_code"),
        ("sku", json!("no spaces inside"), "sku"),
        ("name", json!("  "), "name"),
    ];
    for (key, value, field) in cases {
        let mut bad = part.clone();
        bad[key] = value;
        assert_eq!(refused_fields(app.post("/api/v1/parts", &admin, &bad).await).await, [field], "{key}");
    }
    let page = json(app.get(&format!("/api/v1/parts?brand_id={daikin}&q=bad-1"), &admin).await).await;
    assert_eq!(page["items"], json!([]), "nothing half-written");
}

#[tokio::test]
async fn a_part_is_updated_with_if_match_and_retired_not_deleted() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let daikin = brand_id(&app, &admin, "DAIKIN").await;
    let small = model_id(&app, &admin, "FTKB25WVMV").await;
    let large = model_id(&app, &admin, "FTKB35WVMV").await;
    let part = json(app.post("/api/v1/parts", &admin, &board(&daikin, "UPD-1", &[&small])).await).await;
    let path = format!("/api/v1/parts/{}", part["id"].as_str().unwrap_or_default());
    let send = |body: Value, version: &str| {
        app.request(Method::PATCH, &path, Some(&admin)).header("if-match", version).json(&body).send()
    };

    let changed = send(json!({"price": vnd("1950000"), "reorder_point": 3, "model_ids": [large]}), "\"1\"")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(changed.status(), StatusCode::OK);
    assert_eq!(header(&changed, "etag"), "\"2\"");
    let changed = json(changed).await;
    assert_eq!(changed["price"], vnd("1950000"));
    assert_eq!(changed["standard_cost"], vnd("1250000"), "unchanged");
    assert_eq!(changed["reorder_point"], 3);
    assert_eq!(changed["model_ids"], json!([large]));

    let stale = send(json!({"name": "Lost update"}), "\"1\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
    assert_eq!(json(app.get(&path, &admin).await).await["name"], "Bo mạch điều khiển dàn lạnh");

    // One price alone stays in the part's currency; both together may change it.
    let usd = json!({"amount": "80.00", "currency": "USD"});
    let r = send(json!({"price": usd}), "\"2\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(refused_fields(r).await, ["price.currency"]);
    let samsung_fridge = model_id(&app, &admin, "RT38CG6584B1").await;
    let r = send(json!({"model_ids": [small, samsung_fridge]}), "\"2\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(refused_fields(r).await, ["model_ids[1]"]);

    let retired =
        send(json!({"active": false, "component_code": null}), "\"2\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(retired.status(), StatusCode::OK);
    let retired = json(retired).await;
    assert_eq!(retired["active"], false);
    assert_eq!(retired["component_code"], Value::Null);
    let active = json(app.get(&format!("/api/v1/parts?brand_id={daikin}&active=true&limit=200"), &admin).await).await;
    assert!(!skus(&active).contains(&"UPD-1".to_owned()));
    let inactive = json(app.get(&format!("/api/v1/parts?brand_id={daikin}&active=false"), &admin).await).await;
    assert_eq!(skus(&inactive), ["UPD-1"]);
    let delete = app.request(Method::DELETE, &path, Some(&admin)).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(delete.status(), StatusCode::METHOD_NOT_ALLOWED, "parts are retired, not deleted");

    let audit = json(app.get("/api/v1/audit?entity=part&limit=200", &admin).await).await;
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["entity_id"] == part["id"])
        .filter_map(|r| r["action"].as_str())
        .collect();
    assert_eq!(actions, ["part.update", "part.update", "part.create"]);
}

#[tokio::test]
async fn the_catalogue_pages_by_sku() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let brand = new_brand(&app, &admin, "PAGER").await;
    for sku in ["C-3", "A-1", "B-2", "E-5", "D-4"] {
        assert_eq!(app.post("/api/v1/parts", &admin, &board(&brand, sku, &[])).await.status(), StatusCode::CREATED);
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/parts?brand_id={brand}&limit=2&cursor={c}"),
            None => format!("/api/v1/parts?brand_id={brand}&limit=2"),
        };
        let page = json(app.get(&path, &admin).await).await;
        seen.extend(skus(&page));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen, ["A-1", "B-2", "C-3", "D-4", "E-5"]);
    // A search pages the same way.
    let first = json(app.get(&format!("/api/v1/parts?brand_id={brand}&q=-&limit=3"), &admin).await).await;
    assert_eq!(skus(&first), ["A-1", "B-2", "C-3"]);
    let cursor = first["next_cursor"].as_str().unwrap_or_default();
    let rest =
        json(app.get(&format!("/api/v1/parts?brand_id={brand}&q=-&limit=3&cursor={cursor}"), &admin).await).await;
    assert_eq!(skus(&rest), ["D-4", "E-5"]);
    assert_eq!(rest["next_cursor"], Value::Null);
}

#[tokio::test]
async fn technicians_and_clerks_read_parts_but_cannot_change_them() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let daikin = brand_id(&app, &admin, "DAIKIN").await;
    let part = json(app.post("/api/v1/parts", &admin, &board(&daikin, "PERM-1", &[])).await).await;
    let path = format!("/api/v1/parts/{}", part["id"].as_str().unwrap_or_default());
    for user in ["tech.hn01", "clerk.hn01"] {
        let token = app.token(user).await;
        assert_eq!(app.get("/api/v1/parts", &token).await.status(), StatusCode::OK, "{user}");
        let refused = app.post("/api/v1/parts", &token, &board(&daikin, "PERM-2", &[])).await;
        assert_problem(refused, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.patch(&path, &token, &json!({"active": false})).await, StatusCode::FORBIDDEN, "forbidden")
            .await;
    }
    let manager = app.token("manager.hn").await;
    assert_eq!(app.patch(&path, &manager, &json!({"reorder_point": 5})).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_demo_catalogue_has_parts_for_the_daikin_air_conditioners() {
    let app = spawn_app().await;
    let tech = app.token("tech.hn01").await;
    let large = model_id(&app, &tech, "FTKB35WVMV").await;
    let page = json(app.get(&format!("/api/v1/parts?model_id={large}"), &tech).await).await;
    assert_eq!(skus(&page), ["DK-CMP-FTKB", "DK-RMC-ARC480"]);
    let compressor = &page["items"][0];
    assert_eq!(compressor["component_code"], "compressor");
    assert_eq!(compressor["price"], vnd("4500000"));
    let page = json(app.get("/api/v1/parts?q=thermostat", &tech).await).await;
    assert_eq!(skus(&page), ["SS-THM-RT38"]);
}
