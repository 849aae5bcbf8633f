//! The code lists and the service catalogue: admins maintain them (versions,
//! unique codes), everyone on tickets reads them, and intake and ticket changes
//! accept only active codes of the unit's product category.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::header::IF_MATCH;
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::catalogue::{category_id, delete, id_in, model_id};

pub fn header(response: &Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

pub fn fields(problem: &Value) -> Vec<String> {
    problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect()
}

/// A PATCH with `If-Match`.
pub async fn patch_if(app: &TestApp, path: &str, token: &str, version: &str, body: &Value) -> Response {
    app.request(Method::PATCH, path, Some(token))
        .header(IF_MATCH, format!("\"{version}\""))
        .json(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("PATCH {path}: {e}"))
}

/// Takes in a ticket of `kind` for a Daikin FTKB25WVMV (not in the registry) at HN01.
pub async fn intake(app: &TestApp, clerk: &str, kind: &str, fault_codes: Value) -> Response {
    let branch = app.branch_id(&app.token("admin").await, "HN01").await;
    let model = model_id(app, clerk, "FTKB25WVMV").await;
    let body = json!({"branch_id": branch, "kind": kind, "channel": "counter", "model_id": model,
        "new_customer": {"kind": "individual", "name": "Phạm Quốc Huy", "phones": [{"number": "0913 222 333"}],
            "allow_duplicate": true},
        "fault_codes": fault_codes});
    app.post("/api/v1/tickets", clerk, &body).await
}

/// A new ticket of `kind`, as the clerk of HN01 took it in.
pub async fn ticket(app: &TestApp, clerk: &str, kind: &str) -> Value {
    let response = intake(app, clerk, kind, json!([])).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    json(response).await
}

fn code(kind: &str, category: &str, code: &str, en: &str) -> Value {
    json!({"kind": kind, "category_id": category, "code": code, "names": {"en": en, "vi": "Không lên nguồn"}})
}

#[tokio::test]
async fn admins_keep_the_code_lists_with_versions_and_unique_codes() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let ac = category_id(&app, &admin, "air_conditioner").await;

    let response = app.post("/api/v1/fault-codes", &admin, &code("symptom", &ac, " no_power ", "No power")).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(header(&response, "etag"), "\"1\"");
    let location = header(&response, "location");
    let created = json(response).await;
    assert_eq!(created["code"], "NO_POWER");
    assert_eq!(created["names"], json!({"en": "No power", "vi": "Không lên nguồn"}));
    assert_eq!(location, format!("/api/v1/fault-codes/{}", created["id"].as_str().unwrap_or_default()));

    let again = app.post("/api/v1/fault-codes", &admin, &code("symptom", &ac, "NO_POWER", "Dead")).await;
    let problem = assert_problem(again, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().unwrap_or_default().contains("NO_POWER"), "{problem}");
    // The same code is another code in another list.
    let diagnosis = app.post("/api/v1/fault-codes", &admin, &code("diagnosis", &ac, "NO_POWER", "Dead")).await;
    assert_eq!(diagnosis.status(), StatusCode::CREATED);

    for (body, field) in [
        (code("symptom", &ac, "no-power", "x"), "code"),
        (json!({"kind": "symptom", "category_id": ac, "code": "X1", "names": {"vi": "x"}}), "names.en"),
        (json!({"kind": "symptom", "category_id": ac, "code": "X1", "names": {"en": "x", "de": "y"}}), "names.de"),
        (code("symptom", created["id"].as_str().unwrap_or_default(), "X1", "x"), "category_id"),
    ] {
        let problem = assert_problem(
            app.post("/api/v1/fault-codes", &admin, &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(fields(&problem), vec![field.to_owned()], "{body}");
    }

    // Everyone on tickets reads the lists; only admins change them.
    let tech = app.token("tech.hn01").await;
    let page = json(app.get(&format!("/api/v1/fault-codes?kind=symptom&category_id={ac}"), &tech).await).await;
    let codes: Vec<&str> = page["items"].as_array().into_iter().flatten().filter_map(|c| c["code"].as_str()).collect();
    assert_eq!(codes, ["NOISE", "NO_COOLING", "NO_POWER", "WATER_LEAK"]);
    let manager = app.token("manager.hn").await;
    let refused = app.post("/api/v1/fault-codes", &manager, &code("symptom", &ac, "HUM", "Hum")).await;
    assert_problem(refused, StatusCode::FORBIDDEN, "forbidden").await;
    let refused = app.patch(&location, &tech, &json!({"active": false})).await;
    assert_problem(refused, StatusCode::FORBIDDEN, "forbidden").await;

    let renamed = patch_if(&app, &location, &admin, "1", &json!({"names": {"en": "Does not power on"}})).await;
    assert_eq!(renamed.status(), StatusCode::OK);
    assert_eq!(header(&renamed, "etag"), "\"2\"");
    assert_eq!(json(renamed).await["names"], json!({"en": "Does not power on"}));
    let stale = patch_if(&app, &location, &admin, "1", &json!({"active": false})).await;
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
    assert_eq!(json(app.get(&location, &tech).await).await["active"], true);

    assert_eq!(delete(&app, &location, &admin).await.status(), StatusCode::NO_CONTENT);
    assert_problem(app.get(&location, &admin).await, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn service_items_are_priced_exactly_and_kept_by_admins() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let ac = category_id(&app, &admin, "air_conditioner").await;
    let item = |code: &str, amount: &str, currency: &str| {
        json!({"category_id": ac, "code": code, "names": {"en": "Travel", "zh": "上门费"},
            "price": {"amount": amount, "currency": currency}, "standard_minutes": 20})
    };
    let response = app.post("/api/v1/service-items", &admin, &item("ac_travel", "12.5", "USD")).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = header(&response, "location");
    let created = json(response).await;
    assert_eq!(created["code"], "AC_TRAVEL");
    assert_eq!(created["price"], json!({"amount": "12.50", "currency": "USD"}));

    let duplicate = app.post("/api/v1/service-items", &admin, &item("AC_TRAVEL", "1", "USD")).await;
    let problem = assert_problem(duplicate, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().unwrap_or_default().contains("AC_TRAVEL"), "{problem}");
    for (body, field) in [
        (item("AC_X", "1000.5", "VND"), "price.amount"),
        (item("AC_X", "12.345", "USD"), "price.amount"),
        (item("AC_X", "-1", "VND"), "price.amount"),
        (item("AC_X", "1000", "XYZ"), "price.currency"),
    ] {
        let response = app.post("/api/v1/service-items", &admin, &body).await;
        let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(fields(&problem), vec![field.to_owned()], "{body}");
    }

    let clerk = app.token("clerk.hn01").await;
    let gas = id_in(&app, &clerk, &format!("/api/v1/service-items?category_id={ac}"), "code", "AC_GAS").await;
    let seeded = json(app.get(&format!("/api/v1/service-items/{gas}"), &clerk).await).await;
    assert_eq!(seeded["price"], json!({"amount": "450000", "currency": "VND"}));
    assert_eq!(seeded["standard_minutes"], 45);
    assert_eq!(seeded["names"]["vi"], "Nạp gas");
    let refused = app.post("/api/v1/service-items", &clerk, &item("AC_Y", "1", "VND")).await;
    assert_problem(refused, StatusCode::FORBIDDEN, "forbidden").await;

    let changed = patch_if(&app, &location, &admin, "1", &json!({"price": {"amount": "15", "currency": "USD"}})).await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert_eq!(json(changed).await["price"], json!({"amount": "15.00", "currency": "USD"}));
    let stale = patch_if(&app, &location, &admin, "1", &json!({"standard_minutes": 5})).await;
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
    assert_eq!(delete(&app, &location, &admin).await.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn intake_takes_only_active_symptom_codes_of_the_units_category() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let response = intake(&app, &clerk, "repair", json!(["no_cooling", " WATER_LEAK "])).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(json(response).await["fault_codes"], json!(["NO_COOLING", "WATER_LEAK"]));

    for codes in [json!(["BOGUS"]), json!(["GAS_LEAK"])] {
        let response = intake(&app, &clerk, "repair", codes.clone()).await;
        let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(fields(&problem), vec!["fault_codes[0]".to_owned()], "{codes}");
    }

    // A retired code stays on record but is refused on new tickets.
    let admin = app.token("admin").await;
    let ac = category_id(&app, &admin, "air_conditioner").await;
    let noise =
        id_in(&app, &admin, &format!("/api/v1/fault-codes?kind=symptom&category_id={ac}"), "code", "NOISE").await;
    let retired = app.patch(&format!("/api/v1/fault-codes/{noise}"), &admin, &json!({"active": false})).await;
    assert_eq!(retired.status(), StatusCode::OK);
    let response = intake(&app, &clerk, "repair", json!(["NO_COOLING", "NOISE"])).await;
    let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(fields(&problem), vec!["fault_codes[1]".to_owned()]);
    // A symptom a ticket carries cannot be deleted; one no ticket carries can.
    let no_cooling =
        id_in(&app, &admin, &format!("/api/v1/fault-codes?kind=symptom&category_id={ac}"), "code", "NO_COOLING").await;
    let refused = delete(&app, &format!("/api/v1/fault-codes/{no_cooling}"), &admin).await;
    assert_problem(refused, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(delete(&app, &format!("/api/v1/fault-codes/{noise}"), &admin).await.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn the_technician_records_a_diagnosis_from_the_list_and_a_used_code_cannot_be_deleted() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let t = ticket(&app, &clerk, "repair").await;
    let path = format!("/api/v1/tickets/{}", t["id"].as_str().unwrap_or_default());
    let tech = app.token("tech.hn01").await;

    let response = app.patch(&path, &tech, &json!({"diagnosis_code": "gas_leak"})).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(json(response).await["diagnosis_code"], "GAS_LEAK");
    for wrong in ["NO_COOLING", "BOGUS"] {
        let response = app.patch(&path, &tech, &json!({"diagnosis_code": wrong})).await;
        let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(fields(&problem), vec!["diagnosis_code".to_owned()]);
    }
    assert_eq!(json(app.get(&path, &tech).await).await["diagnosis_code"], "GAS_LEAK");

    let admin = app.token("admin").await;
    let ac = category_id(&app, &admin, "air_conditioner").await;
    let list = format!("/api/v1/fault-codes?kind=diagnosis&category_id={ac}");
    let gas_leak = id_in(&app, &admin, &list, "code", "GAS_LEAK").await;
    let refused = delete(&app, &format!("/api/v1/fault-codes/{gas_leak}"), &admin).await;
    let problem = assert_problem(refused, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().unwrap_or_default().contains("active: false"), "{problem}");
    let unused = id_in(&app, &admin, &list, "code", "PCB_FAULT").await;
    assert_eq!(delete(&app, &format!("/api/v1/fault-codes/{unused}"), &admin).await.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn code_lists_page_by_code_without_gaps_or_repeats() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let ac = category_id(&app, &clerk, "air_conditioner").await;
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/fault-codes?category_id={ac}&limit=4&cursor={c}"),
            None => format!("/api/v1/fault-codes?category_id={ac}&limit=4"),
        };
        let page = json(app.get(&path, &clerk).await).await;
        for c in page["items"].as_array().into_iter().flatten() {
            seen.push((
                c["code"].as_str().unwrap_or_default().to_owned(),
                c["kind"].as_str().unwrap_or_default().to_owned(),
            ));
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 11, "{seen:?}");
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(seen, sorted);
    let forged = app.get("/api/v1/fault-codes?cursor=Zm9v", &clerk).await;
    let problem = assert_problem(forged, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(fields(&problem), vec!["cursor".to_owned()]);
}
