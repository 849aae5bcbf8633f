//! Finding customers however their names and numbers were typed, and only within
//! one's own part of the network.
use aftersales_tests::{assert_problem, json, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::customers::{create, customer};

fn names(page: &Value) -> Vec<String> {
    page["items"].as_array().into_iter().flatten().filter_map(|c| c["name"].as_str().map(str::to_owned)).collect()
}

/// `q` percent-encoded for a query string.
fn query(q: &str) -> String {
    let mut out = String::new();
    for byte in q.bytes() {
        if byte.is_ascii_alphanumeric() {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[tokio::test]
async fn a_search_finds_names_without_diacritics_in_arabic_letters_and_by_persian_digits() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let teh01 = app.branch_id(&admin, "TEH01").await;
    create(&app, &admin, &customer(&hn01, "Nguyễn Văn Đức", "+84 912 345 678")).await;
    create(&app, &admin, &customer(&hn01, "Nguyễn Văn Dũng", "+84 912 345 999")).await;
    let mut ali = customer(&teh01, "علی محمدی", "0912 345 6789");
    ali["emails"] = json!([{"address": "ali.mohammadi@example.ir"}]);
    create(&app, &admin, &ali).await;

    let search = |q: &str| {
        let path = format!("/api/v1/customers?q={}", query(q));
        let app = &app;
        let admin = &admin;
        async move { names(&json(app.get(&path, admin).await).await) }
    };
    assert_eq!(search("nguyen van duc").await, vec!["Nguyễn Văn Đức"]);
    assert_eq!(search("NGUYỄN VĂN").await, vec!["Nguyễn Văn Dũng", "Nguyễn Văn Đức"]);
    assert_eq!(search("علي").await, vec!["علی محمدی"]);
    assert_eq!(search("۰۹۱۲ ۳۴۵ ۶۷۸۹").await, vec!["علی محمدی"]);
    // Digits only, so a local number would also find "…0912345678…": the country code narrows it.
    assert_eq!(search("+84 912-345-678").await, vec!["Nguyễn Văn Đức"]);
    assert_eq!(search("ALI.MOHAMMADI@").await, vec!["علی محمدی"]);
    assert_eq!(search("王小明").await, vec!["王小明"]);
    assert_eq!(search("%").await, Vec::<String>::new());

    let companies = json(app.get("/api/v1/customers?kind=company", &admin).await).await;
    assert_eq!(names(&companies), vec!["Công ty TNHH Điện lạnh Thăng Long"]);
    let by_phone = json(app.get("/api/v1/customers?source=phone", &admin).await).await;
    assert_eq!(names(&by_phone), vec!["Trần Quốc Bảo"]);
}

#[tokio::test]
async fn the_customer_list_pages_newest_first_without_gaps_or_repeats() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/customers?limit=2&cursor={c}"),
            None => "/api/v1/customers?limit=2".to_owned(),
        };
        let page = json(app.get(&path, &admin).await).await;
        for c in page["items"].as_array().cloned().unwrap_or_default() {
            seen.push(c["id"].as_str().unwrap_or_default().to_owned());
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 5, "the demo customers");
    let mut sorted = seen.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.dedup();
    assert_eq!(seen, sorted);
    let forged = app.get("/api/v1/customers?cursor=bm90LWFuLWlk", &admin).await;
    assert_problem(forged, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}

#[tokio::test]
async fn a_clerk_of_hanoi_neither_sees_nor_changes_a_customer_of_tehran() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let teh01 = app.branch_id(&admin, "TEH01").await;
    let tehran = create(&app, &admin, &customer(&teh01, "رضا کریمی", "0912 100 2000")).await;
    let path = format!("/api/v1/customers/{}", tehran["id"].as_str().unwrap_or_default());
    let clerk = app.token("clerk.hn01").await;

    assert_problem(app.get(&path, &clerk).await, StatusCode::NOT_FOUND, "not_found").await;
    assert_problem(app.patch(&path, &clerk, &json!({"name": "Taken"})).await, StatusCode::NOT_FOUND, "not_found").await;
    let delete = app.request(Method::DELETE, &path, Some(&clerk)).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(delete, StatusCode::NOT_FOUND, "not_found").await;
    let listed = names(&json(app.get("/api/v1/customers?limit=200", &clerk).await).await);
    assert_eq!(listed, vec!["Công ty TNHH Điện lạnh Thăng Long", "Nguyễn Thị Hoa"]);
    // The same number in Tehran is no duplicate for Hà Nội, and is not revealed.
    let found = json(app.get("/api/v1/customers/duplicates?phone=09121002000", &clerk).await).await;
    assert_eq!(found["items"], json!([]));

    let intruder = customer(&teh01, "Spy", "0912 100 3000");
    let problem = assert_problem(
        app.post("/api/v1/customers", &clerk, &intruder).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "branch_id");
    assert_eq!(json(app.get(&path, &admin).await).await["name"], "رضا کریمی");
}

#[tokio::test]
async fn technicians_read_customers_and_the_warehouse_does_not() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let tech = app.token("tech.hn01").await;
    assert_eq!(app.get("/api/v1/customers", &tech).await.status(), StatusCode::OK);
    let body = customer(&hn01, "Lý Thị Nga", "0912 300 400");
    assert_problem(app.post("/api/v1/customers", &tech, &body).await, StatusCode::FORBIDDEN, "forbidden").await;
    let warehouse = app.token("warehouse.hn01").await;
    assert_problem(app.get("/api/v1/customers", &warehouse).await, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn a_duplicate_check_needs_a_phone_or_an_e_mail() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let problem = assert_problem(
        app.get("/api/v1/customers/duplicates", &clerk).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "phone");
    let found = json(app.get("/api/v1/customers/duplicates?phone=%2B84903111222", &clerk).await).await;
    assert_eq!(names(&found), vec!["Nguyễn Thị Hoa"]);
    // "duplicates" is no customer id: another method on it is refused, not looked up.
    let patch = app.patch("/api/v1/customers/duplicates", &clerk, &json!({"name": "x"})).await;
    assert_eq!(patch.headers().get("allow").and_then(|v| v.to_str().ok()), Some("GET"));
    assert_problem(patch, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
}
