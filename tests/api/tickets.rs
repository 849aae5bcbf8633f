//! Service tickets over HTTP: intake (with the warranty decided and stored), gapless
//! numbers under concurrency, finding tickets, scoping and the repeat-repair flag.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use chrono::{Datelike, Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::catalogue::{brand_id, model_id};
use crate::customers::{create, customer};
use crate::serials::register;

pub fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

/// Takes a ticket in and returns its body.
pub async fn intake(app: &TestApp, token: &str, body: &Value) -> Value {
    let response = app.post("/api/v1/tickets", token, body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{body}");
    json(response).await
}

/// A Daikin brand policy: 12 months of parts and labour from the sale.
pub async fn daikin_policy(app: &TestApp) {
    let admin = app.token("admin").await;
    let daikin = brand_id(app, &admin, "DAIKIN").await;
    let terms = json!({
        "effective_from": "2020-01-01", "start_basis": "sale", "manufacture_grace_days": 90,
        "legs": [{"leg": "parts", "months": 12}, {"leg": "labour", "months": 12}, {"leg": "travel", "months": 6}],
        "component_overrides": [], "exclusions": ["liquid_damage"], "repair_warranty_days": 90
    });
    let body = json!({"name": "Daikin 12 months", "scope": {"kind": "brand", "id": daikin}, "terms": terms});
    assert_eq!(app.post("/api/v1/warranty-policies", &admin, &body).await.status(), StatusCode::CREATED);
}

/// A Daikin air conditioner sold `days_ago`, owned by a new customer of HN01.
pub async fn sold_unit(app: &TestApp, clerk: &str, serial: &str, days_ago: i64) -> (Value, Value) {
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let phone = format!("0912 {:03} {:03}", serial.len() * 7 % 1000, days_ago % 1000);
    let owner = create(app, clerk, &customer(&hn01, &format!("Owner of {serial}"), &phone)).await;
    let model = model_id(app, clerk, "FTKB25WVMV").await;
    let sold = (Utc::now() - Duration::days(days_ago)).date_naive().to_string();
    let unit = register(
        app,
        clerk,
        &json!({"model_id": model, "serial": serial, "sale_date": sold, "owner_customer_id": id_of(&owner)}),
    )
    .await;
    (unit, owner)
}

/// A repair at HN01 counter for an existing customer and a registered unit.
pub fn repair(branch: &str, customer_id: &str, serial: &str) -> Value {
    json!({"branch_id": branch, "kind": "repair", "channel": "counter", "customer_id": customer_id,
        "unit": {"serial": serial}, "fault_description": "Blows warm air", "accessories": ["remote control"]})
}

pub async fn timeline_kinds(app: &TestApp, token: &str, id: &str) -> Vec<String> {
    let response = app.get(&format!("/api/v1/tickets/{id}/timeline"), token).await;
    assert_eq!(response.status(), StatusCode::OK);
    let events = json(response).await;
    events.as_array().into_iter().flatten().filter_map(|e| e["kind"].as_str().map(str::to_owned)).collect()
}

#[tokio::test]
async fn a_repair_taken_in_at_the_counter_stores_the_warranty_decision() {
    let app = spawn_app().await;
    daikin_policy(&app).await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let (unit, owner) = sold_unit(&app, &clerk, "TK-0001", 40).await;

    let response = app.post("/api/v1/tickets", &clerk, &repair(&hn01, &id_of(&owner), "tk 0001")).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(response.headers().get("etag").and_then(|v| v.to_str().ok()), Some("\"1\""));
    let ticket = json(response).await;
    let year = Utc::now().year();
    assert_eq!(ticket["number"], format!("RO-HN01-{year}-000001"));
    assert_eq!(ticket["stage"], "received");
    assert_eq!(ticket["stage_category"], "open");
    assert_eq!(ticket["serial_id"], unit["id"]);
    assert_eq!(ticket["model_id"], unit["model_id"]);
    assert_eq!(ticket["warranty_status"], "covered", "{ticket}");
    assert_eq!(ticket["warranty"]["policy"]["name"], "Daikin 12 months");
    assert_eq!(ticket["warranty"]["start"]["basis"], "sale");
    assert_eq!(ticket["tracking_code"].as_str().map(str::len), Some(12));
    assert_eq!(ticket["accessories"], json!(["remote control"]));
    assert_eq!(ticket["sealed"], false);

    // The ticket read back is the one answered, with the names its page shows.
    let mut fetched = json(app.get(&format!("/api/v1/tickets/{}", id_of(&ticket)), &clerk).await).await;
    let names = fetched.as_object_mut().and_then(|t| t.remove("names")).unwrap_or_default();
    assert_eq!(fetched, ticket);
    assert_eq!((names["serial"].clone(), names["branch_code"].clone()), (json!("TK-0001"), json!("HN01")), "{names}");
    assert_eq!(timeline_kinds(&app, &clerk, &id_of(&ticket)).await, vec!["created"]);
}

#[tokio::test]
async fn a_unit_out_of_warranty_and_an_unregistered_unit_are_told_apart() {
    let app = spawn_app().await;
    daikin_policy(&app).await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let (_, owner) = sold_unit(&app, &clerk, "OLD-1", 800).await;
    let old = intake(&app, &clerk, &repair(&hn01, &id_of(&owner), "OLD-1")).await;
    assert_eq!(old["warranty_status"], "not_covered");
    assert_eq!(old["warranty"]["legs"][0]["covered"], false);

    let model = model_id(&app, &clerk, "FTKB25WVMV").await;
    let body = json!({"branch_id": hn01, "kind": "repair", "channel": "phone", "customer_id": id_of(&owner),
        "model_id": model});
    let unregistered = intake(&app, &clerk, &body).await;
    assert_eq!(unregistered["warranty_status"], "unknown");
    assert_eq!(unregistered["warranty"], Value::Null);
    assert_eq!(unregistered["serial_id"], Value::Null);
}

#[tokio::test]
async fn a_new_customer_is_registered_with_the_ticket_and_bad_input_stores_nothing() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let model = model_id(&app, &clerk, "FTKB25WVMV").await;
    let body = json!({"branch_id": hn01, "kind": "installation", "channel": "ecommerce", "origin": "dispatched",
        "external_reference": "SHOPEE-2211-778", "model_id": model,
        "new_customer": {"kind": "individual", "name": "Lê Thị Mai", "phones": [{"number": "0987 654 321"}]},
        "requested_from": "2026-12-01T01:00:00Z", "requested_to": "2026-12-01T05:00:00Z"});
    let ticket = intake(&app, &clerk, &body).await;
    assert_eq!(ticket["stage"], "unprocessed", "the installation workflow starts there");
    assert!(ticket["number"].as_str().unwrap_or_default().starts_with("IN-HN01-"));
    let customer = json(
        app.get(&format!("/api/v1/customers/{}", ticket["customer_id"].as_str().unwrap_or_default()), &clerk).await,
    )
    .await;
    assert_eq!(customer["name"], "Lê Thị Mai");
    assert_eq!(customer["source"], "ecommerce");
    assert_eq!(timeline_kinds(&app, &clerk, &id_of(&ticket)).await, vec!["created", "customer_registered"]);

    // The same phone again is the same person: 409, and neither customer nor ticket is stored.
    let before = json(app.get("/api/v1/tickets?limit=200", &clerk).await).await["items"].as_array().map(Vec::len);
    assert_problem(app.post("/api/v1/tickets", &clerk, &body).await, StatusCode::CONFLICT, "conflict").await;
    let bad_window = json!({"branch_id": hn01, "kind": "repair", "channel": "counter",
        "customer_id": ticket["customer_id"], "requested_from": "2026-12-02T00:00:00Z", "requested_to": "2026-12-01T00:00:00Z"});
    let problem = assert_problem(
        app.post("/api/v1/tickets", &clerk, &bad_window).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "requested_to");
    let unknown = json!({"branch_id": hn01, "kind": "repair", "channel": "counter",
        "customer_id": ticket["customer_id"], "unit": {"serial": "NO-SUCH-UNIT"}});
    let problem = assert_problem(
        app.post("/api/v1/tickets", &clerk, &unknown).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "unit.serial");
    let after = json(app.get("/api/v1/tickets?limit=200", &clerk).await).await["items"].as_array().map(Vec::len);
    assert_eq!(before, after);
}

#[tokio::test]
async fn twenty_concurrent_intakes_at_one_branch_get_twenty_consecutive_numbers() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let owner = create(&app, &clerk, &customer(&hn01, "Phạm Văn Nam", "0903 111 222")).await;
    let body = json!({"branch_id": hn01, "kind": "repair", "channel": "counter", "customer_id": id_of(&owner)});
    let intakes = (0..20).map(|_| app.post("/api/v1/tickets", &clerk, &body));
    let responses = futures_util::future::join_all(intakes).await;
    let mut numbers = Vec::new();
    for response in responses {
        assert_eq!(response.status(), StatusCode::CREATED);
        numbers.push(json(response).await["number"].as_str().unwrap_or_default().to_owned());
    }
    numbers.sort();
    let year = Utc::now().year();
    let expected: Vec<String> = (1..=20).map(|n| format!("RO-HN01-{year}-{n:06}")).collect();
    assert_eq!(numbers, expected);
    // Another kind and another branch count on their own.
    let teh = app.token("clerk.teh01").await;
    let teh01 = app.branch_id(&admin, "TEH01").await;
    let owner = create(&app, &teh, &customer(&teh01, "Reza Karimi", "0912 765 4321")).await;
    let body = json!({"branch_id": teh01, "kind": "maintenance", "channel": "phone", "customer_id": id_of(&owner)});
    assert_eq!(intake(&app, &teh, &body).await["number"], format!("MT-TEH01-{year}-000001"));
}

#[tokio::test]
async fn tickets_are_found_by_number_phone_and_serial_within_ones_own_branches() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let (_, owner) = sold_unit(&app, &clerk, "FIND-77", 10).await;
    let ticket = intake(&app, &clerk, &repair(&hn01, &id_of(&owner), "FIND-77")).await;
    let phone = owner["phones"][0]["number"].as_str().unwrap_or_default().replace(' ', "");
    let number = ticket["number"].as_str().unwrap_or_default().to_lowercase();
    for q in [number.as_str(), "find77", phone.as_str(), "owner of find"] {
        let page = json(app.get(&format!("/api/v1/tickets?q={}", urlencode(q)), &clerk).await).await;
        assert_eq!(page["items"].as_array().map(Vec::len), Some(1), "q={q}");
    }
    let filtered = json(app.get("/api/v1/tickets?kind=installation", &clerk).await).await;
    assert_eq!(filtered["items"].as_array().map(Vec::len), Some(0));
    let by_stage =
        json(app.get("/api/v1/tickets?stage_category=open&unassigned=true&warranty_status=not_covered", &clerk).await)
            .await;
    assert_eq!(by_stage["items"].as_array().map(Vec::len), Some(1), "no policy: not covered");

    // Tehran sees none of it, and gets 404 for the ticket itself.
    let teh = app.token("clerk.teh01").await;
    let page = json(app.get("/api/v1/tickets", &teh).await).await;
    assert_eq!(page["items"].as_array().map(Vec::len), Some(0));
    assert_problem(
        app.get(&format!("/api/v1/tickets/{}", id_of(&ticket)), &teh).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let bad = app.get("/api/v1/tickets?warranty_status=maybe", &clerk).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// How many tickets the list answers `q` with, for `token`.
async fn found(app: &TestApp, token: &str, q: &str) -> usize {
    let page = json(app.get(&format!("/api/v1/tickets?q={}", urlencode(q)), token).await).await;
    page["items"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn a_customers_tickets_are_found_by_their_phone_number_however_typed_and_after_it_changed() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let owner = create(&app, &clerk, &customer(&hn01, "Lý Thị Hoa", "+84 912 345 670")).await;
    let neighbour = create(&app, &clerk, &customer(&hn01, "Lý Văn Nam", "+84 912 345 671")).await;
    let repair =
        |c: &Value| json!({"branch_id": hn01, "kind": "repair", "channel": "counter", "customer_id": id_of(c)});
    intake(&app, &clerk, &repair(&owner)).await;
    intake(&app, &clerk, &repair(&owner)).await;
    intake(&app, &clerk, &repair(&neighbour)).await;
    for q in ["+84 912 345 670", "0912 345 670", "912-345-670", "(0912) 345.670"] {
        assert_eq!(found(&app, &clerk, q).await, 2, "q={q}");
    }
    assert_eq!(found(&app, &clerk, "0912 345 679").await, 0, "nobody has that number");
    // Part of a number is looked for anywhere in the text: both numbers hold it.
    assert_eq!(found(&app, &clerk, "912 345 6").await, 3);

    // A new number finds the customer's earlier tickets; the old one still finds the
    // tickets taken in with it.
    let path = format!("/api/v1/customers/{}", id_of(&owner));
    let changed = app.patch(&path, &clerk, &json!({"phones": [{"number": "0988 000 111"}]})).await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert_eq!(found(&app, &clerk, "0988 000 111").await, 2);
    assert_eq!(found(&app, &clerk, "0912 345 670").await, 2, "the tickets keep the number they were taken in with");

    // Another outlet's clerk finds none of them.
    let teh = app.token("clerk.teh01").await;
    assert_eq!(found(&app, &teh, "0988 000 111").await, 0);
}

fn urlencode(q: &str) -> String {
    q.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b == b'-' { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[tokio::test]
async fn a_unit_back_within_the_window_is_flagged_as_a_repeat_repair() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let (_, owner) = sold_unit(&app, &clerk, "RPT-1", 10).await;
    let first = intake(&app, &clerk, &repair(&hn01, &id_of(&owner), "RPT-1")).await;
    assert_eq!(first["flags"]["repeat_repair"], false);
    let second = intake(&app, &clerk, &repair(&hn01, &id_of(&owner), "RPT-1")).await;
    assert_eq!(second["flags"]["repeat_repair"], true);
    assert_eq!(second["repeat_of_ticket_id"], first["id"]);
    assert!(timeline_kinds(&app, &clerk, &id_of(&second)).await.contains(&"flagged_repeat_repair".to_owned()));
    let flagged = json(app.get("/api/v1/tickets?repeat_repair=true", &clerk).await).await;
    assert_eq!(flagged["items"].as_array().map(Vec::len), Some(1));

    // With the window off, a third visit is not flagged.
    let settings = json!({"repeat_repair_days": 0, "technician_daily_jobs": 6, "callback_due_hours": 48});
    let response = app.send_json(reqwest::Method::PUT, "/api/v1/settings/tickets", Some(&clerk), &settings).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "only admins change settings");
    let response = app.send_json(reqwest::Method::PUT, "/api/v1/settings/tickets", Some(&admin), &settings).await;
    assert_eq!(response.status(), StatusCode::OK);
    let third = intake(&app, &clerk, &repair(&hn01, &id_of(&owner), "RPT-1")).await;
    assert_eq!(third["flags"]["repeat_repair"], false);
}

#[tokio::test]
async fn the_ticket_list_and_page_name_the_customer_unit_technician_and_branch() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let (_, owner) = sold_unit(&app, &clerk, "NAMES-01", 10).await;
    let registered = intake(&app, &clerk, &repair(&hn01, &id_of(&owner), "NAMES-01")).await;
    let model = model_id(&app, &clerk, "FTKB25WVMV").await;
    let unregistered = intake(
        &app,
        &clerk,
        &json!({"branch_id": hn01, "kind": "repair", "channel": "counter", "customer_id": id_of(&owner),
            "model_id": model}),
    )
    .await;
    crate::dispatch::send_technician(&app, &id_of(&registered), "tech.hn01").await;
    let model_name = json(app.get(&format!("/api/v1/product-models/{model}"), &clerk).await).await["name"].clone();
    let branch_name = json(app.get(&format!("/api/v1/branches/{hn01}"), &admin).await).await["name"].clone();

    let page = json(app.get("/api/v1/tickets", &clerk).await).await;
    let row = |ticket: &Value| {
        page["items"].as_array().into_iter().flatten().find(|t| t["id"] == ticket["id"]).cloned().unwrap_or_default()
    };
    assert_eq!(
        row(&registered)["names"],
        json!({"customer_name": "Owner of NAMES-01", "branch_code": "HN01", "branch_name": branch_name,
            "model_code": "FTKB25WVMV", "model_name": model_name, "serial": "NAMES-01",
            "technician_name": "Nguyễn Văn An"}),
        "{page}"
    );
    assert_eq!(
        row(&unregistered)["names"],
        json!({"customer_name": "Owner of NAMES-01", "branch_code": "HN01", "branch_name": branch_name,
            "model_code": "FTKB25WVMV", "model_name": model_name, "serial": null, "technician_name": null}),
        "{page}"
    );
    // The ticket's own page reads the same names, though a clerk may not read
    // users one by one.
    let one = json(app.get(&format!("/api/v1/tickets/{}", id_of(&registered)), &clerk).await).await;
    assert_eq!(one["names"], row(&registered)["names"], "{one}");
    // So does its timeline, for the people in it.
    let events = json(app.get(&format!("/api/v1/tickets/{}/timeline", id_of(&registered)), &clerk).await).await;
    let sent = events.as_array().into_iter().flatten().find(|e| e["kind"] == "dispatched").cloned().unwrap_or_default();
    assert_eq!(sent["to_name"], "Nguyễn Văn An", "{events}");
    assert!(sent["actor_name"].as_str().is_some_and(|n| !n.is_empty()), "{sent}");
    let created = events.as_array().into_iter().flatten().find(|e| e["kind"] == "created").cloned().unwrap_or_default();
    assert_eq!(created["to_name"], Value::Null, "{created}");
}

#[tokio::test]
async fn everyone_may_read_their_own_branch_and_only_that_one_without_the_organisation_permission() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let hq = app.branch_id(&admin, "HQ").await;
    let tech = app.token("tech.hn01").await;
    let own = json(app.get(&format!("/api/v1/branches/{hn01}"), &tech).await).await;
    assert_eq!(own["code"], "HN01", "{own}");
    assert_problem(app.get(&format!("/api/v1/branches/{hq}"), &tech).await, StatusCode::FORBIDDEN, "forbidden").await;
}
