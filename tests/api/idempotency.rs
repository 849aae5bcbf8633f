//! `Idempotency-Key` on every POST that changes something: a retry gets the first
//! answer and does nothing twice, also when the retries arrive at the same moment
//! (on PostgreSQL as on SQLite); a key is per user, names one request, keeps only
//! successful answers, and is forgotten after its window.
use aftersales_api::idempotency::{KEEP_HOURS, NOT_RETRYABLE};
use aftersales_api::use_cases::forget_old_answers;
use aftersales_persistence::idempotency::{self, StoredAnswer};
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use chrono::{Duration, Utc};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

mod other_posts;

/// POST `body` to `path` as `token` under the key.
pub async fn post_keyed(app: &TestApp, path: &str, token: &str, key: &str, body: &Value) -> Response {
    app.request(Method::POST, path, Some(token))
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("POST {path}: {e}"))
}

pub fn header(response: &Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// An answer as the client sees it: status, `Location`, `ETag` and body.
pub async fn seen(response: Response) -> (StatusCode, String, String, Value) {
    let (status, location, etag) = (response.status(), header(&response, "location"), header(&response, "etag"));
    (status, location, etag, json(response).await)
}

/// A phone intake at HN01 for a new customer of the clerk's, and the clerk's token.
async fn intake_body(app: &TestApp, phone: &str) -> (String, Value) {
    let clerk = app.token("clerk.hn01").await;
    let hn01 = app.branch_id(&app.token("admin").await, "HN01").await;
    let customer = crate::customers::create(app, &clerk, &crate::customers::customer(&hn01, "Lê Thị Mai", phone)).await;
    let body = json!({"branch_id": hn01, "kind": "repair", "channel": "phone", "customer_id": customer["id"],
        "fault_description": "Does not cool"});
    (clerk, body)
}

async fn ticket_ids(app: &TestApp, token: &str) -> Vec<String> {
    let page = json(app.get("/api/v1/tickets?limit=100", token).await).await;
    page["items"].as_array().into_iter().flatten().map(|t| t["id"].as_str().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn ten_intakes_sent_at_once_with_one_key_take_in_one_ticket_and_all_get_it() {
    let app = spawn_app().await;
    let (clerk, body) = intake_body(&app, "0912 100 200").await;

    let sends = (0..10).map(|_| post_keyed(&app, "/api/v1/tickets", &clerk, "counter-7-0001", &body));
    let mut answers = Vec::new();
    for response in futures_util::future::join_all(sends).await {
        answers.push(seen(response).await);
    }

    let ids = ticket_ids(&app, &clerk).await;
    assert_eq!(ids.len(), 1, "one ticket for ten sends: {ids:?}");
    for (status, location, etag, ticket) in &answers {
        assert_eq!(*status, StatusCode::CREATED, "{ticket}");
        assert_eq!(ticket["id"], ids[0].as_str());
        assert_eq!(ticket, &answers[0].3, "every answer is the first, word for word");
        assert_eq!(location, &format!("/api/v1/tickets/{}", ids[0]));
        assert_eq!(etag, "\"1\"");
    }
}

#[tokio::test]
async fn a_retry_replays_the_first_answer_and_a_different_request_under_the_key_is_refused() {
    let app = spawn_app().await;
    let (clerk, body) = intake_body(&app, "0912 100 201").await;

    let first = post_keyed(&app, "/api/v1/tickets", &clerk, "retry-0001", &body).await;
    assert_eq!(header(&first, "idempotent-replayed"), "");
    let first = seen(first).await;
    assert_eq!(first.0, StatusCode::CREATED);
    // Spacing and key order are not what makes a request another one.
    let mut reordered = serde_json::Map::new();
    for (k, v) in body.as_object().into_iter().flatten().rev() {
        reordered.insert(k.clone(), v.clone());
    }
    let again = post_keyed(&app, "/api/v1/tickets", &clerk, "retry-0001", &Value::Object(reordered)).await;
    assert_eq!(header(&again, "idempotent-replayed"), "true");
    assert_eq!(seen(again).await, first, "the same status, headers and body");

    let mut other = body.clone();
    other["fault_description"] = json!("Noisy fan");
    let refused = post_keyed(&app, "/api/v1/tickets", &clerk, "retry-0001", &other).await;
    let problem = assert_problem(refused, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "Idempotency-Key");
    assert_eq!(problem["errors"][0]["code"], "reused");
    // The key names the path too: the same body elsewhere is another request.
    let customer = json!({"branch_id": body["branch_id"], "kind": "individual", "name": "X", "phones": [{"number": "0912 100 209"}]});
    let elsewhere = post_keyed(&app, "/api/v1/customers", &clerk, "retry-0001", &customer).await;
    assert_problem(elsewhere, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    assert_eq!(ticket_ids(&app, &clerk).await.len(), 1, "nothing written for the refused requests");
    let found = json(app.get("/api/v1/customers?q=0912100209", &clerk).await).await;
    assert_eq!(found["items"], json!([]), "nor a customer");
}

#[tokio::test]
async fn a_refused_request_is_not_kept_so_the_corrected_one_goes_through_under_the_same_key() {
    let app = spawn_app().await;
    let (clerk, body) = intake_body(&app, "0912 100 202").await;
    let mut wrong = body.clone();
    wrong["model_id"] = json!(Uuid::now_v7());

    for _ in 0..2 {
        let refused = post_keyed(&app, "/api/v1/tickets", &clerk, "fix-0001", &wrong).await;
        let problem = assert_problem(refused, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem["errors"][0]["field"], "model_id", "refused afresh each time, not replayed");
    }
    let fixed = post_keyed(&app, "/api/v1/tickets", &clerk, "fix-0001", &body).await;
    assert_eq!(fixed.status(), StatusCode::CREATED);
    assert_eq!(header(&fixed, "idempotent-replayed"), "");
    let ticket = json(fixed).await;
    assert_eq!(ticket_ids(&app, &clerk).await, vec![ticket["id"].as_str().unwrap_or_default().to_owned()]);
}

#[tokio::test]
async fn two_users_with_the_same_key_do_not_meet() {
    let app = spawn_app().await;
    let (clerk, body) = intake_body(&app, "0912 100 203").await;
    let admin = app.token("admin").await;

    let by_clerk = seen(post_keyed(&app, "/api/v1/tickets", &clerk, "order-42", &body).await).await;
    let by_admin = post_keyed(&app, "/api/v1/tickets", &admin, "order-42", &body).await;
    assert_eq!(header(&by_admin, "idempotent-replayed"), "");
    let by_admin = seen(by_admin).await;
    assert_eq!((by_clerk.0, by_admin.0), (StatusCode::CREATED, StatusCode::CREATED));
    assert_ne!(by_clerk.3["id"], by_admin.3["id"], "each user's key names their own request");
    assert_eq!(ticket_ids(&app, &admin).await.len(), 2);
}

#[tokio::test]
async fn kept_answers_are_forgotten_after_the_window() {
    let app = spawn_app().await;
    let (clerk, body) = intake_body(&app, "0912 100 204").await;
    let clerk_id =
        json(app.get("/api/v1/auth/me", &clerk).await).await["id"].as_str().unwrap_or_default().parse::<Uuid>();
    let clerk_id = clerk_id.unwrap_or_else(|e| panic!("my id: {e}"));
    assert_eq!(post_keyed(&app, "/api/v1/tickets", &clerk, "fresh-1", &body).await.status(), StatusCode::CREATED);
    let now = Utc::now();
    let old = StoredAnswer { request_hash: "h".into(), status: 201, body: "{}".into() };
    let kept_at = now - Duration::hours(KEEP_HOURS) - Duration::minutes(1);
    idempotency::store(&app.db, clerk_id, "old-1", old, kept_at).await.unwrap_or_else(|e| panic!("{e}"));
    let find = |key: &'static str| idempotency::find(&app.db, clerk_id, key);

    assert_eq!(forget_old_answers(&app.db, now).await.unwrap_or_else(|e| panic!("{e}")), 1);
    assert!(find("old-1").await.unwrap_or_else(|e| panic!("{e}")).is_none(), "older than the window: gone");
    assert!(find("fresh-1").await.unwrap_or_else(|e| panic!("{e}")).is_some(), "kept within the window");
    // Past the window, the same request under the same key is a new one.
    let later = now + Duration::hours(KEEP_HOURS) + Duration::minutes(1);
    assert_eq!(forget_old_answers(&app.db, later).await.unwrap_or_else(|e| panic!("{e}")), 1);
    let again = post_keyed(&app, "/api/v1/tickets", &clerk, "fresh-1", &body).await;
    assert_eq!((again.status(), header(&again, "idempotent-replayed")), (StatusCode::CREATED, String::new()));
    assert_eq!(ticket_ids(&app, &clerk).await.len(), 2);
}

#[test]
fn every_post_that_changes_something_declares_the_key_in_the_spec() {
    let spec = serde_json::to_value(aftersales_api::openapi::document()).unwrap_or_else(|e| panic!("{e}"));
    let paths = spec["paths"].as_object().cloned().unwrap_or_default();
    let posts: Vec<(&String, &Value)> =
        paths.iter().filter_map(|(p, item)| item.get("post").map(|op| (p, op))).collect();
    assert!(posts.len() > 50, "{} POST operations", posts.len());
    for (path, op) in posts {
        let declared: Vec<&Value> =
            op["parameters"].as_array().into_iter().flatten().filter(|p| p["name"] == "Idempotency-Key").collect();
        if NOT_RETRYABLE.contains(&path.as_str()) {
            assert!(declared.is_empty(), "{path} does not honour the key, so it does not declare it");
            continue;
        }
        assert_eq!(declared.len(), 1, "POST {path} declares Idempotency-Key once");
        let key = declared[0];
        assert_eq!((key["in"].as_str(), key["required"].as_bool()), (Some("header"), Some(false)), "{path}");
        assert_eq!(
            key["schema"],
            json!({"type": "string", "minLength": 1, "maxLength": 128, "pattern": "^[\\x21-\\x7E]+$"}),
            "{path}"
        );
        assert!(key["description"].as_str().is_some_and(|d| d.contains("first answer")), "{path}");
    }
}
