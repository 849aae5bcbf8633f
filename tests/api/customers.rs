//! Customers: creating, reading, changing and deleting, with duplicate detection
//! across phone formats and an audit row for every change.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// A customer of `branch` with one phone number.
pub fn customer(branch: &str, name: &str, phone: &str) -> Value {
    json!({"branch_id": branch, "kind": "individual", "name": name, "phones": [{"number": phone}]})
}

/// Creates a customer and returns its body.
pub async fn create(app: &TestApp, token: &str, body: &Value) -> Value {
    let response = app.post("/api/v1/customers", token, body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{body}");
    json(response).await
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

fn audit_actions(page: &Value) -> Vec<String> {
    page["items"].as_array().into_iter().flatten().filter_map(|r| r["action"].as_str().map(str::to_owned)).collect()
}

#[tokio::test]
async fn a_clerk_registers_an_individual_and_a_company() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.login("clerk.hn01").await;
    let person = json!({"branch_id": hn01, "kind": "individual", "name": "  Nguyễn Văn Đức ", "locale": "vi",
        "phones": [{"number": "+84 912-345-678", "label": "mobile"}], "emails": [{"address": "Duc.Nguyen@Example.VN"}],
        "addresses": [{"line1": "12 Trần Duy Hưng", "district": "Cầu Giấy", "city": "Hà Nội", "country": "VN"}]});
    let response = app.post("/api/v1/customers", &clerk.access_token, &person).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = header(&response, "location");
    assert_eq!(header(&response, "etag"), "\"1\"");
    let body = json(response).await;
    let id = body["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(location, format!("/api/v1/customers/{id}"));
    assert_eq!(body["name"], "Nguyễn Văn Đức");
    assert_eq!(body["source"], "walk_in");
    assert_eq!(
        body["phones"][0],
        json!({"number": "+84 912-345-678", "normalized": "+84912345678", "label": "mobile"})
    );
    assert_eq!(body["emails"][0]["address"], "duc.nguyen@example.vn");
    assert_eq!(body["addresses"][0]["country"], "VN");

    let fetched = app.get(&location, &clerk.access_token).await;
    assert_eq!(header(&fetched, "etag"), "\"1\"");
    assert_eq!(json(fetched).await, body);

    let company = json!({"branch_id": hn01, "kind": "company", "name": "Công ty TNHH Sao Mai", "tax_id": "0109876543",
        "source": "partner", "phones": [{"number": "024 3999 8888"}]});
    let company = create(&app, &clerk.access_token, &company).await;
    assert_eq!(company["kind"], "company");
    assert_eq!(company["tax_id"], "0109876543");
    assert_eq!(company["emails"], json!([]));

    let audit = json(app.get(&format!("/api/v1/audit?entity=customer&entity_id={id}"), &admin).await).await;
    assert_eq!(audit_actions(&audit), vec!["customer.create"]);
    assert_eq!(audit["items"][0]["actor_id"], clerk.user.id.to_string());
    assert_eq!(audit["items"][0]["branch_id"], hn01.as_str());
}

#[tokio::test]
async fn every_failing_field_of_a_bad_customer_is_named() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let bad = json!({"branch_id": hn01, "kind": "individual", "name": " ", "tax_id": "MST#1",
        "notes": "x".repeat(2001), "phones": [{"number": "12"}, {"number": "call me"}],
        "emails": [{"address": "not-an-email"}], "addresses": [{"line1": "", "country": "vn"}]});
    let problem = assert_problem(
        app.post("/api/v1/customers", &admin, &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> =
        problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str()).collect();
    for field in [
        "name",
        "tax_id",
        "notes",
        "phones[0].number",
        "phones[1].number",
        "emails[0].address",
        "addresses[0].line1",
        "addresses[0].country",
    ] {
        assert!(fields.contains(&field), "{field} missing from {problem}");
    }

    let no_phone = json!({"branch_id": hn01, "kind": "company", "name": "Sao Mai", "phones": []});
    let problem = assert_problem(
        app.post("/api/v1/customers", &admin, &no_phone).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "phones");

    // Rules the schema cannot express: a country that does not exist, one number twice.
    let semantic = json!({"branch_id": hn01, "kind": "individual", "name": "Lê Thị Thu",
        "phones": [{"number": "0912 000 111"}, {"number": "0912-000-111"}], "emails": [{"address": "a@b.vn"}, {"address": "A@B.vn"}],
        "addresses": [{"line1": "1 Phố Huế", "country": "ZZ"}]});
    let problem = assert_problem(
        app.post("/api/v1/customers", &admin, &semantic).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let named: Vec<(&str, &str)> = problem["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| Some((e["field"].as_str()?, e["code"].as_str()?)))
        .collect();
    assert_eq!(
        named,
        vec![
            ("phones[1].number", "duplicate"),
            ("emails[1].address", "duplicate"),
            ("addresses[0].country", "unknown_country")
        ]
    );
}

#[tokio::test]
async fn a_known_phone_in_another_format_is_a_409_naming_the_customer_unless_allowed() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let audit_before = json(app.get("/api/v1/audit?entity=customer&limit=200", &admin).await).await;
    let first = create(&app, &clerk, &customer(&hn01, "Phạm Minh Châu", "+84 912-345-678")).await;
    let first_id = first["id"].as_str().unwrap_or_default();

    let again = customer(&hn01, "Pham Minh Chau", "0084912345678");
    let problem =
        assert_problem(app.post("/api/v1/customers", &clerk, &again).await, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().unwrap_or_default().contains(first_id), "{problem}");
    // Nothing was written: no customer, no audit row.
    let audit_after = json(app.get("/api/v1/audit?entity=customer&limit=200", &admin).await).await;
    assert_eq!(audit_actions(&audit_after).len(), audit_actions(&audit_before).len() + 1);

    let mut allowed = again.clone();
    allowed["allow_duplicate"] = json!(true);
    create(&app, &clerk, &allowed).await;
    let found = json(app.get("/api/v1/customers/duplicates?phone=%2B84%20912%20345%20678", &clerk).await).await;
    assert_eq!(found["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(found["items"][0]["id"], first_id);

    // E-mail addresses are compared in lower case.
    let mut by_mail = customer(&hn01, "Đặng Văn Lâm", "0977 000 001");
    by_mail["emails"] = json!([{"address": "lam@example.vn"}]);
    let lam = create(&app, &clerk, &by_mail).await;
    let mut same_mail = customer(&hn01, "Dang Van Lam", "0977 000 002");
    same_mail["emails"] = json!([{"address": "LAM@example.vn"}]);
    let problem =
        assert_problem(app.post("/api/v1/customers", &clerk, &same_mail).await, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().unwrap_or_default().contains(lam["id"].as_str().unwrap_or("?")));
    let found = json(app.get("/api/v1/customers/duplicates?email=Lam%40Example.vn", &clerk).await).await;
    assert_eq!(found["items"][0]["id"], lam["id"]);
}

#[tokio::test]
async fn an_update_into_a_known_phone_is_a_409_but_keeping_ones_own_is_not() {
    let app = spawn_app().await;
    let token = app.token("clerk.hn01").await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let a = create(&app, &token, &customer(&hn01, "Vũ Thị Ánh", "0912 555 000")).await;
    let b = create(&app, &token, &customer(&hn01, "Vũ Văn Bình", "0912 555 111")).await;
    let path = format!("/api/v1/customers/{}", b["id"].as_str().unwrap_or_default());
    let into_a = json!({"phones": [{"number": "0912.555.000"}]});
    let problem = assert_problem(app.patch(&path, &token, &into_a).await, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().unwrap_or_default().contains(a["id"].as_str().unwrap_or("?")));
    let relabel = json!({"phones": [{"number": "0912 555 111", "label": "home"}], "notes": "Gọi sau 17h"});
    let response = app.patch(&path, &token, &relabel).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = json(response).await;
    assert_eq!(body["phones"][0]["label"], "home");
    assert_eq!(body["version"], 2);
}

#[tokio::test]
async fn a_stale_if_match_is_a_412_and_changes_nothing() {
    let app = spawn_app().await;
    let token = app.token("clerk.hn01").await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let c = create(&app, &token, &customer(&hn01, "Hồ Thị Gấm", "0912 777 888")).await;
    let path = format!("/api/v1/customers/{}", c["id"].as_str().unwrap_or_default());
    let send = |name: &str| {
        app.request(Method::PATCH, &path, Some(&token)).header("if-match", "\"1\"").json(&json!({"name": name})).send()
    };
    let first = send("Hồ Thị Gấm (mới)").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(header(&first, "etag"), "\"2\"");
    let second = send("Someone else").await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(second, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
    assert_eq!(json(app.get(&path, &token).await).await["name"], "Hồ Thị Gấm (mới)");
}

#[tokio::test]
async fn a_deleted_customer_is_gone_with_its_contacts_and_audited() {
    let app = spawn_app().await;
    let token = app.token("clerk.hn01").await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let c = create(&app, &token, &customer(&hn01, "Mai Văn Tiến", "0912 999 000")).await;
    let id = c["id"].as_str().unwrap_or_default();
    let path = format!("/api/v1/customers/{id}");
    let deleted = app.request(Method::DELETE, &path, Some(&token)).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    assert_problem(app.get(&path, &token).await, StatusCode::NOT_FOUND, "not_found").await;
    let found = json(app.get("/api/v1/customers/duplicates?phone=0912999000", &token).await).await;
    assert_eq!(found["items"], json!([]));
    // The number is free again.
    create(&app, &token, &customer(&hn01, "Mai Văn Tiến", "0912 999 000")).await;
    let audit = json(app.get(&format!("/api/v1/audit?entity=customer&entity_id={id}"), &admin).await).await;
    assert_eq!(audit_actions(&audit), vec!["customer.delete", "customer.create"]);
    assert_eq!(audit["items"][0]["before"]["name"], "Mai Văn Tiến");
}
