//! The product catalogue as a record: lists and their paging, deletion guarded by
//! references, and the audit trail of every change.
use aftersales_tests::{assert_problem, json, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::catalogue::{brand_id, category_id, delete, model_id};

fn skus(page: &Value) -> Vec<String> {
    page["items"].as_array().into_iter().flatten().filter_map(|m| m["sku"].as_str().map(str::to_owned)).collect()
}

#[tokio::test]
async fn model_lists_filter_by_brand_category_text_and_state_and_page_by_cursor() {
    let app = spawn_app().await;
    let token = app.token("clerk.hn01").await;
    let daikin = brand_id(&app, &token, "DAIKIN").await;
    let aircon = category_id(&app, &token, "air_conditioner").await;
    let list = |query: String| {
        let app = &app;
        let token = &token;
        async move { json(app.get(&format!("/api/v1/product-models?{query}"), token).await).await }
    };
    assert_eq!(skus(&list(format!("brand_id={daikin}")).await), vec!["FTKB25WVMV", "FTKB35WVMV"]);
    assert_eq!(skus(&list(format!("category_id={aircon}")).await), vec!["FTKB25WVMV", "FTKB35WVMV", "MSAFB-10CRDN8"]);
    assert_eq!(skus(&list("q=qled".into()).await), vec!["QA55Q60D"], "name, ignoring case");
    assert_eq!(skus(&list("q=ftkb35".into()).await), vec!["FTKB35WVMV"], "SKU, ignoring case");
    assert_eq!(skus(&list("active=false".into()).await), Vec::<String>::new());

    let mut seen = Vec::new();
    let mut query = "limit=4".to_owned();
    loop {
        let page = list(query.clone()).await;
        seen.extend(skus(&page));
        match page["next_cursor"].as_str() {
            Some(cursor) => query = format!("limit=4&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(seen, vec!["FTKB25WVMV", "FTKB35WVMV", "HW90-BP14959S8", "MSAFB-10CRDN8", "QA55Q60D", "RT38CG6584B1"]);
    let forged = app.get("/api/v1/product-models?cursor=Rk9P", &token).await;
    assert_problem(forged, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}

#[tokio::test]
async fn brand_and_category_lists_filter_and_page() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let midea = brand_id(&app, &admin, "MIDEA").await;
    assert_eq!(
        app.patch(&format!("/api/v1/brands/{midea}"), &admin, &json!({"active": false})).await.status(),
        StatusCode::OK
    );
    let codes = |page: Value| -> Vec<String> {
        page["items"].as_array().into_iter().flatten().filter_map(|b| b["code"].as_str().map(str::to_owned)).collect()
    };
    assert_eq!(codes(json(app.get("/api/v1/brands?q=sung", &admin).await).await), vec!["SAMSUNG"]);
    assert_eq!(
        codes(json(app.get("/api/v1/brands?active=true", &admin).await).await),
        vec!["DAIKIN", "HAIER", "SAMSUNG"]
    );
    assert_eq!(codes(json(app.get("/api/v1/brands?active=false", &admin).await).await), vec!["MIDEA"]);

    let first = json(app.get("/api/v1/product-categories?limit=3", &admin).await).await;
    let cursor = first["next_cursor"].as_str().unwrap_or_default().to_owned();
    assert_eq!(codes(first), vec!["air_conditioner", "refrigerator", "television"]);
    let rest = json(app.get(&format!("/api/v1/product-categories?limit=3&cursor={cursor}"), &admin).await).await;
    assert!(rest["next_cursor"].is_null());
    assert_eq!(codes(rest), vec!["washing_machine"]);
}

#[tokio::test]
async fn what_models_refer_to_cannot_be_deleted_and_a_model_takes_its_components_along() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let haier = brand_id(&app, &token, "HAIER").await;
    let washers = category_id(&app, &token, "washing_machine").await;
    let r = delete(&app, &format!("/api/v1/brands/{haier}"), &token).await;
    let problem = assert_problem(r, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains("models")), "{problem}");
    let r = delete(&app, &format!("/api/v1/product-categories/{washers}"), &token).await;
    assert_problem(r, StatusCode::CONFLICT, "conflict").await;

    let model = model_id(&app, &token, "HW90-BP14959S8").await;
    let components = json(app.get(&format!("/api/v1/product-models/{model}/components"), &token).await).await;
    let motor = components["items"][0]["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(delete(&app, &format!("/api/v1/product-models/{model}"), &token).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get(&format!("/api/v1/product-models/{model}"), &token).await.status(), StatusCode::NOT_FOUND);
    let gone = app.get(&format!("/api/v1/product-models/{model}/components"), &token).await;
    assert_problem(gone, StatusCode::NOT_FOUND, "not_found").await;
    let audit = json(app.get(&format!("/api/v1/audit?entity=product_component&entity_id={motor}"), &token).await).await;
    let actions: Vec<&str> =
        audit["items"].as_array().into_iter().flatten().filter_map(|r| r["action"].as_str()).collect();
    assert_eq!(actions, vec!["product_component.delete", "product_component.create"]);

    assert_eq!(delete(&app, &format!("/api/v1/brands/{haier}"), &token).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        delete(&app, &format!("/api/v1/product-categories/{washers}"), &token).await.status(),
        StatusCode::NO_CONTENT
    );
}

#[tokio::test]
async fn catalogue_changes_are_audited_company_wide_and_failures_leave_nothing() {
    let app = spawn_app().await;
    let tokens = app.login("admin").await;
    let token = &tokens.access_token;
    let count =
        || async { json(app.get("/api/v1/audit?limit=200", token).await).await["items"].as_array().map(Vec::len) };
    let before = count().await;
    let duplicate = json!({"code": "SAMSUNG", "name": "Samsung"});
    assert_eq!(app.post("/api/v1/brands", token, &duplicate).await.status(), StatusCode::CONFLICT);
    let daikin = brand_id(&app, token, "DAIKIN").await;
    let aircon = category_id(&app, token, "air_conditioner").await;
    let taken = json!({"brand_id": daikin, "category_id": aircon, "sku": "FTKB35WVMV", "name": "Copy"});
    assert_eq!(app.post("/api/v1/product-models", token, &taken).await.status(), StatusCode::CONFLICT);
    let model = model_id(&app, token, "FTKB35WVMV").await;
    let renamed_to_taken =
        app.patch(&format!("/api/v1/product-models/{model}"), token, &json!({"sku": "ftkb25wvmv"})).await;
    assert_problem(renamed_to_taken, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(count().await, before, "no audit row for a refused change");

    let response = app.patch(&format!("/api/v1/brands/{daikin}"), token, &json!({"country": null})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = json(app.get(&format!("/api/v1/audit?entity=brand&entity_id={daikin}"), token).await).await;
    let row = &page["items"][0];
    assert_eq!(row["action"], "brand.update");
    assert_eq!(row["actor_id"], tokens.user.id.to_string());
    assert_eq!(row["branch_id"], Value::Null);
    assert_eq!(row["before"]["country"], "JP");
    assert_eq!(row["after"]["country"], Value::Null);
}
