//! Partners and their API keys: a key shown once and kept as a digest, tickets
//! taken in and moved with a key, each shop seeing only its own tickets (another's
//! is a 404), the per-key limit, staff sign-in untouched by wrong keys, and the
//! partner's external reference: unique per partner, a filter and a search.
use aftersales_api::auth::refresh::hash_token;
use aftersales_persistence::{ConnectionTrait, Statement};
use aftersales_tests::{TestApp, assert_problem, json, spawn_app, spawn_app_with};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::tickets::{daikin_policy, id_of, sold_unit};

/// Creates a partner of HN01 and returns its body.
pub(crate) async fn partner(app: &TestApp, admin: &str, code: &str, kind: &str, extra: Value) -> Value {
    let hn01 = app.branch_id(admin, "HN01").await;
    let mut body = json!({"branch_id": hn01, "code": code, "name": format!("Partner {code}"), "kind": kind});
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    let response = app.post("/api/v1/partners", admin, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{body}");
    json(response).await
}

/// Creates a key and returns the whole answer (`key` and `secret`).
pub(crate) async fn new_key(app: &TestApp, admin: &str, partner: &Value, scopes: &[&str]) -> Value {
    let body = json!({"name": "integration", "scopes": scopes});
    let response = app.post(&format!("/api/v1/partners/{}/api-keys", id_of(partner)), admin, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{body}");
    json(response).await
}

/// A shop and a key of it with both ticket scopes: (partner, secret).
async fn shop(app: &TestApp, admin: &str, code: &str) -> (Value, String) {
    let shop = partner(app, admin, code, "repair_shop", json!({})).await;
    let created = new_key(app, admin, &shop, &["tickets:read", "tickets:write"]).await;
    (shop, secret(&created))
}

pub(crate) fn secret(created: &Value) -> String {
    created["secret"].as_str().unwrap_or_default().to_owned()
}

/// A request with the key as a bearer token.
pub(crate) async fn with_key(app: &TestApp, method: Method, path: &str, key: &str, body: Option<&Value>) -> Response {
    let mut request = app.request(method, path, Some(key));
    if let Some(body) = body {
        request = request.json(body);
    }
    request.send().await.unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A repair for a new customer at HN01, as a partner's system sends it.
pub(crate) fn partner_repair(hn01: &str, reference: Option<&str>, phone: &str) -> Value {
    json!({"branch_id": hn01, "kind": "repair", "channel": "partner_api", "external_reference": reference,
        "fault_description": "No cooling",
        "new_customer": {"kind": "individual", "name": "Vũ Thị Lan", "phones": [{"number": phone}]}})
}

pub(crate) async fn take_in(app: &TestApp, key: &str, body: &Value) -> Response {
    with_key(app, Method::POST, "/api/v1/tickets", key, Some(body)).await
}

pub(crate) async fn created(response: Response) -> Value {
    assert_eq!(response.status(), StatusCode::CREATED);
    json(response).await
}

async fn list_ids(app: &TestApp, key: &str, query: &str) -> Vec<String> {
    let response = with_key(app, Method::GET, &format!("/api/v1/tickets{query}"), key, None).await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    let page = json(response).await;
    page["items"].as_array().into_iter().flatten().map(id_of).collect()
}

async fn one_text(app: &TestApp, sql: &str) -> Vec<String> {
    let backend = app.db.get_database_backend();
    let rows = app.db.query_all_raw(Statement::from_string(backend, sql.to_owned())).await.unwrap_or_default();
    rows.iter().map(|r| r.try_get_by_index::<String>(0).unwrap_or_default()).collect()
}

#[tokio::test]
async fn a_key_is_shown_once_and_kept_only_as_its_digest() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let shop = partner(&app, &admin, "SHOP-A", "repair_shop", json!({"contact_email": "a@example.com"})).await;
    let created = new_key(&app, &admin, &shop, &["tickets:read"]).await;
    let secret = secret(&created);
    let prefix = created["key"]["prefix"].as_str().unwrap_or_default().to_owned();
    assert!(secret.starts_with("ask_live_") && secret.starts_with(&prefix), "{created}");
    assert_eq!(secret.len(), "ask_live_".len() + 8 + 1 + 64);

    let listed = app.get(&format!("/api/v1/partners/{}/api-keys", id_of(&shop)), &admin).await;
    assert_eq!(listed.status(), StatusCode::OK);
    let text = listed.text().await.unwrap_or_default();
    assert!(text.contains(&prefix), "{text}");
    assert!(!text.contains(&secret[prefix.len()..]), "the list must not show the secret: {text}");

    let stored = one_text(&app, "SELECT key_hash FROM api_keys").await;
    assert_eq!(stored, vec![hash_token(&secret)]);
    let prefixes = one_text(&app, "SELECT prefix FROM api_keys").await;
    assert_eq!(prefixes, vec![prefix]);
    let user = one_text(&app, "SELECT username FROM users WHERE username LIKE 'partner:%'").await;
    assert_eq!(user, vec!["partner:shop-a".to_owned()], "the partner's technical user");
    let login = app.try_login("partner:shop-a", &secret).await;
    assert_eq!(login.status(), StatusCode::UNAUTHORIZED, "the technical user cannot sign in");
    let staff = json(app.get("/api/v1/users?limit=200", &admin).await).await;
    let names: Vec<&str> =
        staff["items"].as_array().into_iter().flatten().filter_map(|u| u["username"].as_str()).collect();
    assert!(names.contains(&"admin") && !names.iter().any(|n| n.starts_with("partner:")), "{names:?}");
}

#[tokio::test]
async fn a_key_takes_in_a_ticket_and_reads_it_but_not_what_its_scopes_leave_out() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let (_, key) = shop(&app, &admin, "SHOP-A").await;

    let ticket = created(take_in(&app, &key, &partner_repair(&hn01, Some("ORD-1"), "0913 000 001")).await).await;
    assert_eq!(ticket["external_reference"], "ORD-1");
    let by_header = app
        .client
        .get(app.url(&format!("/api/v1/tickets/{}", id_of(&ticket))))
        .header("X-Api-Key", &key)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(by_header.status(), StatusCode::OK, "X-Api-Key works as well as a bearer key");
    let timeline = format!("/api/v1/tickets/{}/timeline", id_of(&ticket));
    assert_eq!(with_key(&app, Method::GET, &timeline, &key, None).await.status(), StatusCode::OK);

    let staff_only = with_key(&app, Method::GET, "/api/v1/customers", &key, None).await;
    assert_problem(staff_only, StatusCode::FORBIDDEN, "forbidden").await;
    let partners = with_key(&app, Method::GET, "/api/v1/partners", &key, None).await;
    assert_problem(partners, StatusCode::FORBIDDEN, "forbidden").await;

    let reader = partner(&app, &admin, "SHOP-R", "repair_shop", json!({})).await;
    let read_only = secret(&new_key(&app, &admin, &reader, &["tickets:read"]).await);
    let refused = take_in(&app, &read_only, &partner_repair(&hn01, None, "0913 000 002")).await;
    assert_problem(refused, StatusCode::FORBIDDEN, "forbidden").await;
    assert!(list_ids(&app, &read_only, "").await.is_empty(), "a reader sees none of another shop's tickets");
}

#[tokio::test]
async fn a_revoked_an_expired_an_unknown_key_and_one_of_an_inactive_partner_are_refused() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let (shop, key) = shop(&app, &admin, "SHOP-A").await;
    assert_eq!(with_key(&app, Method::GET, "/api/v1/tickets", &key, None).await.status(), StatusCode::OK);

    let keys = json(app.get(&format!("/api/v1/partners/{}/api-keys", id_of(&shop)), &admin).await).await;
    let key_id = id_of(&keys[0]);
    assert!(keys[0]["last_used_at"].is_string(), "its use is noted: {keys}");
    let revoke = format!("/api/v1/partners/{}/api-keys/{key_id}/revoke", id_of(&shop));
    let revoked = json(app.post(&revoke, &admin, &json!({})).await).await;
    assert!(revoked["revoked_at"].is_string(), "{revoked}");
    assert_problem(
        with_key(&app, Method::GET, "/api/v1/tickets", &key, None).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;

    let soon = (chrono::Utc::now() + chrono::Duration::milliseconds(1500)).to_rfc3339();
    let body = json!({"name": "short-lived", "scopes": ["tickets:read"], "expires_at": soon});
    let response = app.post(&format!("/api/v1/partners/{}/api-keys", id_of(&shop)), &admin, &body).await;
    let short = secret(&json(response).await);
    assert_eq!(with_key(&app, Method::GET, "/api/v1/tickets", &short, None).await.status(), StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(1600)).await;
    let expired = with_key(&app, Method::GET, "/api/v1/tickets", &short, None).await;
    assert_problem(expired, StatusCode::UNAUTHORIZED, "unauthenticated").await;

    let past = json!({"name": "x", "scopes": ["tickets:read"], "expires_at": "2020-01-01T00:00:00Z"});
    let response = app.post(&format!("/api/v1/partners/{}/api-keys", id_of(&shop)), &admin, &past).await;
    assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    let fresh = secret(&new_key(&app, &admin, &shop, &["tickets:read"]).await);
    let forged = format!("{}{}", &fresh[..fresh.len() - 1], if fresh.ends_with('0') { '1' } else { '0' });
    assert_problem(
        with_key(&app, Method::GET, "/api/v1/tickets", &forged, None).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    let off = app.patch(&format!("/api/v1/partners/{}", id_of(&shop)), &admin, &json!({"active": false})).await;
    assert_eq!(off.status(), StatusCode::OK);
    assert_problem(
        with_key(&app, Method::GET, "/api/v1/tickets", &fresh, None).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
}

#[tokio::test]
async fn a_shop_sees_only_its_own_tickets_and_another_shops_ticket_is_not_found() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let (_, a) = shop(&app, &admin, "SHOP-A").await;
    let (_, b) = shop(&app, &admin, "SHOP-B").await;
    let of_a = created(take_in(&app, &a, &partner_repair(&hn01, Some("A-1"), "0913 000 011")).await).await;
    let of_b = created(take_in(&app, &b, &partner_repair(&hn01, Some("B-1"), "0913 000 012")).await).await;

    let peek = with_key(&app, Method::GET, &format!("/api/v1/tickets/{}", id_of(&of_b)), &a, None).await;
    assert_problem(peek, StatusCode::NOT_FOUND, "not_found").await;
    let nudge = json!({"to": "cancelled", "note": "not mine"});
    let path = format!("/api/v1/tickets/{}/transitions", id_of(&of_b));
    assert_problem(with_key(&app, Method::POST, &path, &a, Some(&nudge)).await, StatusCode::NOT_FOUND, "not_found")
        .await;
    assert_eq!(list_ids(&app, &a, "").await, vec![id_of(&of_a)]);
    assert_eq!(list_ids(&app, &b, "").await, vec![id_of(&of_b)]);
    assert!(list_ids(&app, &a, "?external_reference=B-1").await.is_empty());
    let staff = list_ids(&app, &admin, "").await;
    assert!(staff.contains(&id_of(&of_a)) && staff.contains(&id_of(&of_b)), "staff see both");
}

#[tokio::test]
async fn a_ticket_given_to_a_shop_is_then_seen_and_moved_by_that_shop_alone() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let (_, a) = shop(&app, &admin, "SHOP-A").await;
    let (shop_b, b) = shop(&app, &admin, "SHOP-B").await;
    let clerk = app.token("clerk.hn01").await;
    let ticket = crate::tickets::intake(&app, &clerk, &partner_repair(&hn01, None, "0913 000 021")).await;
    let path = format!("/api/v1/tickets/{}", id_of(&ticket));
    assert_problem(with_key(&app, Method::GET, &path, &b, None).await, StatusCode::NOT_FOUND, "not_found").await;

    let dispatcher = app.token("dispatcher.hn01").await;
    let give = |body: Value| {
        let (app, dispatcher, path) = (&app, dispatcher.clone(), format!("{path}/partner"));
        async move { app.post(&path, &dispatcher, &body).await }
    };
    let manufacturer = partner(&app, &admin, "MAKER", "manufacturer", json!({})).await;
    let not_a_shop = give(json!({"partner_id": id_of(&manufacturer)})).await;
    assert_problem(not_a_shop, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let given = give(json!({"partner_id": id_of(&shop_b)})).await;
    assert_eq!(given.status(), StatusCode::OK);
    assert_eq!(json(given).await["service_partner_id"], id_of(&shop_b));
    let by_clerk = app.post(&format!("{path}/partner"), &clerk, &json!({"partner_id": null})).await;
    assert_problem(by_clerk, StatusCode::FORBIDDEN, "forbidden").await;

    assert_eq!(with_key(&app, Method::GET, &path, &b, None).await.status(), StatusCode::OK);
    assert_eq!(list_ids(&app, &b, "").await, vec![id_of(&ticket)]);
    assert_problem(with_key(&app, Method::GET, &path, &a, None).await, StatusCode::NOT_FOUND, "not_found").await;

    let steps = format!("{path}/transitions");
    let guarded = with_key(&app, Method::POST, &steps, &b, Some(&json!({"to": "diagnosed"}))).await;
    assert_problem(guarded, StatusCode::CONFLICT, "guard_failed").await;
    let cancel = json!({"to": "cancelled", "note": "unit not repairable"});
    let moved = with_key(&app, Method::POST, &steps, &b, Some(&cancel)).await;
    assert_eq!(moved.status(), StatusCode::OK);
    assert_eq!(json(moved).await["stage"], "cancelled");
    let timeline = json(app.get(&format!("{path}/timeline"), &clerk).await).await;
    let fields: Vec<&str> = timeline.as_array().into_iter().flatten().filter_map(|e| e["field"].as_str()).collect();
    assert!(fields.contains(&"service_partner_id"), "{timeline}");
}

#[tokio::test]
async fn each_key_is_limited_per_minute_with_retry_after() {
    let app = spawn_app_with(|c| c.api_key_per_minute = 3).await;
    let admin = app.token("admin").await;
    let (shop, key) = shop(&app, &admin, "SHOP-A").await;
    for _ in 0..3 {
        assert_eq!(with_key(&app, Method::GET, "/api/v1/tickets", &key, None).await.status(), StatusCode::OK);
    }
    let limited = with_key(&app, Method::GET, "/api/v1/tickets", &key, None).await;
    let wait: u64 = limited
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or_default();
    assert!(wait >= 1, "Retry-After: {wait}");
    assert_problem(limited, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;

    let other = secret(&new_key(&app, &admin, &shop, &["tickets:read"]).await);
    let fresh = with_key(&app, Method::GET, "/api/v1/tickets", &other, None).await;
    assert_eq!(fresh.status(), StatusCode::OK, "another key has its own allowance");
    assert_eq!(app.get("/api/v1/tickets", &admin).await.status(), StatusCode::OK, "staff are not limited by keys");
}

#[tokio::test]
async fn wrong_keys_never_lock_a_staff_account_or_use_the_sign_in_allowance() {
    let app = spawn_app_with(|c| {
        c.login_per_ip_per_minute = 3;
        c.login_max_failures = 2;
    })
    .await;
    let admin = app.token("admin").await;
    let (_, key) = shop(&app, &admin, "SHOP-A").await;
    let wrong_secret = format!("{}{}", &key[..18], "0".repeat(64));
    let attempts =
        ["ask_live_00000000_".to_owned() + &"f".repeat(64), wrong_secret, "ask_admin".into(), "admin".into()];
    for attempt in attempts.iter().cycle().take(20) {
        let bearer = with_key(&app, Method::GET, "/api/v1/tickets", attempt, None).await;
        assert_eq!(bearer.status(), StatusCode::UNAUTHORIZED, "{attempt}");
        let header = app.client.get(app.url("/api/v1/tickets")).header("X-Api-Key", attempt).send().await;
        assert_eq!(header.map(|r| r.status()).ok(), Some(StatusCode::UNAUTHORIZED), "{attempt}");
    }
    let login = app.try_login("admin", aftersales_tests::DEMO_PASSWORD).await;
    assert_eq!(login.status(), StatusCode::OK, "the admin still signs in");
    assert_eq!(with_key(&app, Method::GET, "/api/v1/tickets", &key, None).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_external_reference_names_one_ticket_per_partner_and_finds_it() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let (_, a) = shop(&app, &admin, "SHOP-A").await;
    let (_, b) = shop(&app, &admin, "SHOP-B").await;
    let first = created(take_in(&app, &a, &partner_repair(&hn01, Some("ORD-7"), "0913 000 031")).await).await;
    let again = take_in(&app, &a, &partner_repair(&hn01, Some("ORD-7"), "0913 000 032")).await;
    let problem = assert_problem(again, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(problem["errors"][0]["field"], "external_reference", "{problem}");
    let of_b = created(take_in(&app, &b, &partner_repair(&hn01, Some("ORD-7"), "0913 000 033")).await).await;
    let clerk = app.token("clerk.hn01").await;
    let staff_1 = crate::tickets::intake(&app, &clerk, &partner_repair(&hn01, Some("ORD-7"), "0913 000 034")).await;
    let staff_2 = crate::tickets::intake(&app, &clerk, &partner_repair(&hn01, Some("ORD-7"), "0913 000 035")).await;

    // Concurrent retries of one order: exactly one ticket.
    let racers =
        (0..6).map(|i| {
            let (app, a, hn01) = (&app, a.clone(), hn01.clone());
            async move {
                take_in(app, &a, &partner_repair(&hn01, Some("ORD-RACE"), &format!("0913 100 00{i}"))).await.status()
            }
        });
    let statuses = futures_util::future::join_all(racers).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CREATED).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT), "{statuses:?}");

    assert_eq!(list_ids(&app, &a, "?external_reference=ORD-7").await, vec![id_of(&first)]);
    assert_eq!(list_ids(&app, &b, "?external_reference=ORD-7").await, vec![id_of(&of_b)]);
    let mut all = list_ids(&app, &admin, "?external_reference=ORD-7").await;
    let mut expected = vec![id_of(&first), id_of(&of_b), id_of(&staff_1), id_of(&staff_2)];
    all.sort();
    expected.sort();
    assert_eq!(all, expected);
    let mut searched = list_ids(&app, &admin, "?q=ORD-7").await;
    searched.sort();
    assert_eq!(searched, expected, "q= finds the order number as typed");
    assert_eq!(list_ids(&app, &a, "?q=ORD-7").await, vec![id_of(&first)], "a key's search stays in its sight");
}

#[tokio::test]
async fn a_manufacturer_reads_its_brands_warranty_tickets_and_changes_nothing() {
    let app = spawn_app().await;
    daikin_policy(&app).await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let (unit, owner) = sold_unit(&app, &clerk, "MF-0001", 30).await;
    let covered = crate::tickets::intake(&app, &clerk, &crate::tickets::repair(&hn01, &id_of(&owner), "MF-0001")).await;
    assert_eq!(covered["warranty_status"], "covered", "{unit}");
    let other = crate::tickets::intake(&app, &clerk, &partner_repair(&hn01, None, "0913 000 041")).await;

    let daikin = crate::catalogue::brand_id(&app, &admin, "DAIKIN").await;
    let maker = partner(&app, &admin, "DAIKIN-VN", "manufacturer", json!({"brand_ids": [daikin]})).await;
    let body = json!({"name": "w", "scopes": ["tickets:write"]});
    let refused = app.post(&format!("/api/v1/partners/{}/api-keys", id_of(&maker)), &admin, &body).await;
    assert_problem(refused, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let key = secret(&new_key(&app, &admin, &maker, &["tickets:read"]).await);

    assert_eq!(list_ids(&app, &key, "").await, vec![id_of(&covered)]);
    let path = format!("/api/v1/tickets/{}", id_of(&other));
    assert_problem(with_key(&app, Method::GET, &path, &key, None).await, StatusCode::NOT_FOUND, "not_found").await;
    let steps = format!("/api/v1/tickets/{}/transitions", id_of(&covered));
    let change = with_key(&app, Method::POST, &steps, &key, Some(&json!({"to": "cancelled", "note": "x"}))).await;
    assert_problem(change, StatusCode::FORBIDDEN, "forbidden").await;
}
