//! The product catalogue: brands, categories, models and components.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

/// The id of the one item of a list page whose `key` is `value`.
pub async fn id_in(app: &TestApp, token: &str, path: &str, key: &str, value: &str) -> String {
    let page = json(app.get(path, token).await).await;
    page["items"]
        .as_array()
        .and_then(|items| items.iter().find(|item| item[key] == value))
        .and_then(|item| item["id"].as_str())
        .unwrap_or_else(|| panic!("no {key}={value} in {path}: {page}"))
        .to_owned()
}

pub async fn brand_id(app: &TestApp, token: &str, code: &str) -> String {
    id_in(app, token, &format!("/api/v1/brands?q={code}"), "code", code).await
}

pub async fn category_id(app: &TestApp, token: &str, code: &str) -> String {
    id_in(app, token, &format!("/api/v1/product-categories?q={code}"), "code", code).await
}

pub async fn model_id(app: &TestApp, token: &str, sku: &str) -> String {
    id_in(app, token, &format!("/api/v1/product-models?q={sku}"), "sku", sku).await
}

pub async fn delete(app: &TestApp, path: &str, token: &str) -> Response {
    app.request(Method::DELETE, path, Some(token)).send().await.unwrap_or_else(|e| panic!("DELETE {path}: {e}"))
}

fn header(response: &Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

async fn created(response: Response) -> (String, Value) {
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(header(&response, "etag"), "\"1\"");
    let location = header(&response, "location");
    (location, json(response).await)
}

#[tokio::test]
async fn an_admin_builds_a_brand_category_model_and_its_components() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let brand = json!({"code": "LG", "name": "LG Electronics", "country": "KR"});
    let (brand_url, brand) = created(app.post("/api/v1/brands", &token, &brand).await).await;
    assert_eq!(brand_url, format!("/api/v1/brands/{}", brand["id"].as_str().unwrap_or_default()));
    assert_eq!(brand["active"], true);
    let category = json!({"code": "microwave", "name": "Microwave ovens"});
    let (_, category) = created(app.post("/api/v1/product-categories", &token, &category).await).await;
    assert_eq!(category["parent_id"], Value::Null);

    let model = json!({"brand_id": brand["id"], "category_id": category["id"], "sku": "  ms2336gih ",
                       "name": "LG 23 L microwave"});
    let (model_url, model) = created(app.post("/api/v1/product-models", &token, &model).await).await;
    assert_eq!(model["sku"], "MS2336GIH", "trimmed and upper-cased");
    assert_eq!(model["needs_installation"], false);
    let fetched = app.get(&model_url, &token).await;
    assert_eq!(header(&fetched, "etag"), "\"1\"");
    assert_eq!(json(fetched).await, model);

    let components = format!("{model_url}/components");
    for (code, name) in [("magnetron", "Magnetron"), ("door", "Door assembly")] {
        let (location, component) =
            created(app.post(&components, &token, &json!({"code": code, "name": name})).await).await;
        assert_eq!(location, format!("{components}/{}", component["id"].as_str().unwrap_or_default()));
        assert_eq!(component["model_id"], model["id"]);
        let fetched = app.get(&location, &token).await;
        assert_eq!(header(&fetched, "etag"), "\"1\"");
        assert_eq!(json(fetched).await, component);
    }
    let listed = json(app.get(&components, &token).await).await;
    let codes: Vec<&str> =
        listed["items"].as_array().into_iter().flatten().filter_map(|c| c["code"].as_str()).collect();
    assert_eq!(codes, vec!["door", "magnetron"]);
    // A component is found only under its own model.
    let door = listed["items"][0]["id"].as_str().unwrap_or_default().to_owned();
    let other = model_id(&app, &token, "QA55Q60D").await;
    let r = app.get(&format!("/api/v1/product-models/{other}/components/{door}"), &token).await;
    assert_problem(r, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn codes_and_skus_are_unique_where_they_should_be() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let duplicate_brand = json!({"code": "DAIKIN", "name": "Daikin again"});
    assert_problem(app.post("/api/v1/brands", &token, &duplicate_brand).await, StatusCode::CONFLICT, "conflict").await;
    let duplicate_category = json!({"code": "television", "name": "TVs"});
    let r = app.post("/api/v1/product-categories", &token, &duplicate_category).await;
    assert_problem(r, StatusCode::CONFLICT, "conflict").await;

    let daikin = brand_id(&app, &token, "DAIKIN").await;
    let midea = brand_id(&app, &token, "MIDEA").await;
    let aircon = category_id(&app, &token, "air_conditioner").await;
    // FTKB25WVMV is a demo Daikin model; a different spelling is the same SKU.
    let same_sku =
        |brand: &str| json!({"brand_id": brand, "category_id": aircon, "sku": " ftkb25wvmv", "name": "Copy"});
    let r = app.post("/api/v1/product-models", &token, &same_sku(&daikin)).await;
    let problem = assert_problem(r, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains("SKU")), "{problem}");
    let other_brand = app.post("/api/v1/product-models", &token, &same_sku(&midea)).await;
    assert_eq!(other_brand.status(), StatusCode::CREATED);

    // Component codes are unique within a model, not across models.
    let daikin_model = model_id(&app, &token, "FTKB25WVMV").await;
    let compressor = json!({"code": "compressor", "name": "Compressor"});
    let path = format!("/api/v1/product-models/{daikin_model}/components");
    assert_problem(app.post(&path, &token, &compressor).await, StatusCode::CONFLICT, "conflict").await;
    let new_model = json(other_brand).await["id"].as_str().unwrap_or_default().to_owned();
    let path = format!("/api/v1/product-models/{new_model}/components");
    assert_eq!(app.post(&path, &token, &compressor).await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn bad_references_and_values_name_the_field() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let problem = assert_problem(
        app.post("/api/v1/brands", &token, &json!({"code": "ACME", "name": "Acme", "country": "XX"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "country");

    let aircon = category_id(&app, &token, "air_conditioner").await;
    let unknown =
        json!({"brand_id": "0193a4f2-7b1c-7cde-8f00-000000000000", "category_id": aircon, "sku": "X1", "name": "X"});
    let problem = assert_problem(
        app.post("/api/v1/product-models", &token, &unknown).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "brand_id");
    assert_eq!(problem["errors"][0]["code"], "unknown_brand");

    // A retired brand gets no new models.
    let haier = brand_id(&app, &token, "HAIER").await;
    assert_eq!(
        app.patch(&format!("/api/v1/brands/{haier}"), &token, &json!({"active": false})).await.status(),
        StatusCode::OK
    );
    let retired = json!({"brand_id": haier, "category_id": aircon, "sku": "AS25", "name": "Haier AC"});
    let problem = assert_problem(
        app.post("/api/v1/product-models", &token, &retired).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "inactive_brand");

    let spaced = json!({"brand_id": haier, "category_id": aircon, "sku": "AS 25", "name": "Haier AC"});
    let problem = assert_problem(
        app.post("/api/v1/product-models", &token, &spaced).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "sku");
}

#[tokio::test]
async fn categories_refuse_cycles_and_stay_shallow() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let mut ids: Vec<String> = Vec::new();
    for code in ["appliances", "cooling", "split_ac"] {
        let body = json!({"code": code, "name": code, "parent_id": ids.last()});
        let (_, category) = created(app.post("/api/v1/product-categories", &token, &body).await).await;
        ids.push(category["id"].as_str().unwrap_or_default().to_owned());
    }
    let too_deep = json!({"code": "wall_split", "name": "Wall split", "parent_id": ids[2]});
    let r = app.post("/api/v1/product-categories", &token, &too_deep).await;
    assert_problem(r, StatusCode::CONFLICT, "conflict").await;

    let top = format!("/api/v1/product-categories/{}", ids[0]);
    for below in [&ids[0], &ids[2]] {
        let r = app.patch(&top, &token, &json!({"parent_id": below})).await;
        assert_problem(r, StatusCode::CONFLICT, "conflict").await;
    }
    let unknown = app.patch(&top, &token, &json!({"parent_id": "0193a4f2-7b1c-7cde-8f00-000000000000"})).await;
    assert_problem(unknown, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    // Lifting the bottom one to the top is fine, and the sub-category filter sees it go.
    let bottom = format!("/api/v1/product-categories/{}", ids[2]);
    assert_eq!(json(app.patch(&bottom, &token, &json!({"parent_id": null})).await).await["parent_id"], Value::Null);
    let children = json(app.get(&format!("/api/v1/product-categories?parent_id={}", ids[1]), &token).await).await;
    assert_eq!(children["items"], json!([]));
    // A category with sub-categories cannot be deleted; an empty one can.
    assert_problem(delete(&app, &top, &token).await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(delete(&app, &bottom, &token).await.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn a_stale_if_match_is_a_412_and_changes_nothing() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let model = model_id(&app, &token, "QA55Q60D").await;
    let path = format!("/api/v1/product-models/{model}");
    let send = |name: &str| {
        app.request(Method::PATCH, &path, Some(&token)).header("if-match", "\"1\"").json(&json!({"name": name})).send()
    };
    let first = send("Samsung 55\" QLED Q60D (2024)").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(header(&first, "etag"), "\"2\"");
    let second = send("Lost update").await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(second, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
    assert_eq!(json(app.get(&path, &token).await).await["name"], "Samsung 55\" QLED Q60D (2024)");

    let components = json(app.get(&format!("{path}/components"), &token).await).await;
    let panel = components["items"][1]["id"].as_str().unwrap_or_default().to_owned();
    let component = format!("{path}/components/{panel}");
    let stale = app.request(Method::PATCH, &component, Some(&token)).header("if-match", "\"7\"");
    let r = stale.json(&json!({"name": "Panel"})).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(r, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
}

#[tokio::test]
async fn everyone_reads_the_catalogue_but_only_admins_and_managers_change_it() {
    let app = spawn_app().await;
    let tech = app.token("tech.hn01").await;
    for path in ["/api/v1/brands", "/api/v1/product-categories", "/api/v1/product-models"] {
        let page = json(app.get(path, &tech).await).await;
        assert_eq!(page["items"].as_array().map(Vec::is_empty), Some(false), "{path}");
    }
    let daikin = brand_id(&app, &tech, "DAIKIN").await;
    assert_eq!(app.get(&format!("/api/v1/brands/{daikin}"), &tech).await.status(), StatusCode::OK);
    let brand = json!({"code": "TOSHIBA", "name": "Toshiba", "country": "JP"});
    assert_problem(app.post("/api/v1/brands", &tech, &brand).await, StatusCode::FORBIDDEN, "forbidden").await;
    let r = app.patch(&format!("/api/v1/brands/{daikin}"), &tech, &json!({"name": "Mine"})).await;
    assert_problem(r, StatusCode::FORBIDDEN, "forbidden").await;
    let manager = app.token("manager.hn").await;
    assert_eq!(app.post("/api/v1/brands", &manager, &brand).await.status(), StatusCode::CREATED);
}
