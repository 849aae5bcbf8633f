//! Public tracking by code (no sign-in, nothing personal, rate limited), the QR
//! code of the tracking link and the printable intake receipt.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app_with};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

pub const CUSTOMER: &str = "Lê Thị Thu";
pub const PHONE: &str = "0987 654 321";
/// A demo unit (Daikin FTKB25WVMV, sold in Hà Nội).
pub const SERIAL: &str = "K3J-10042";

/// A ticket of HN01 for a new customer with a phone, on the demo unit.
pub fn intake(branch: &str, kind: &str, condition_notes: &str) -> Value {
    json!({
        "branch_id": branch, "kind": kind, "channel": "counter",
        "new_customer": {"kind": "individual", "name": CUSTOMER, "phones": [{"number": PHONE}]},
        "unit": {"serial": SERIAL},
        "fault_description": "Blows warm air since Monday",
        "accessories": ["remote control", "wall bracket"],
        "condition_notes": condition_notes,
        "expected_on": "2026-12-01"
    })
}

/// Takes a ticket in as clerk.hn01 and returns (clerk token, ticket).
pub async fn take_in(app: &TestApp, kind: &str, condition_notes: &str) -> (String, Value) {
    let clerk = app.token("clerk.hn01").await;
    let me = json(app.get("/api/v1/auth/me", &clerk).await).await;
    let hn01 = me["branch_id"].as_str().unwrap_or_default().to_owned();
    let response = app.post("/api/v1/tickets", &clerk, &intake(&hn01, kind, condition_notes)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    (clerk, json(response).await)
}

async fn public_get(app: &TestApp, path: &str) -> Response {
    app.request(Method::GET, path, None).send().await.unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

fn header(response: &Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// `ABCDEF234567` as a person might type it: `abcd-ef23-4567`.
fn typed(code: &str) -> String {
    code.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).to_lowercase()).collect::<Vec<_>>().join("-")
}

#[tokio::test]
async fn a_customer_follows_the_ticket_by_code_and_sees_nothing_personal() {
    let app = spawn_app_with(|c| c.track_per_ip_per_minute = 6).await;
    let (_, ticket) = take_in(&app, "repair", "scratch on the left side").await;
    let code = ticket["tracking_code"].as_str().unwrap_or_default().to_owned();
    assert_eq!(code.len(), 12);

    let response = public_get(&app, &format!("/api/v1/public/track/{}", typed(&code))).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "cache-control"), "no-store");
    let text = response.text().await.unwrap_or_default();
    for secret in [CUSTOMER, PHONE, "987654321", SERIAL, "K3J", "scratch", "warm air", "remote", "technician", "price"]
    {
        assert!(!text.contains(secret), "`{secret}` leaked: {text}");
    }
    let view: Value = serde_json::from_str(&text).unwrap_or_default();
    let mut keys: Vec<&str> = view.as_object().into_iter().flatten().map(|(k, _)| k.as_str()).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["branch", "closed", "expected_on", "kind", "lang", "number", "received_at", "stage", "timeline"],
        "only these facts are public"
    );
    assert_eq!(view["number"], ticket["number"]);
    assert_eq!(view["kind"], "repair");
    assert_eq!(view["stage"], json!({"category": "open", "name": "Received"}));
    assert_eq!(view["closed"], false);
    assert_eq!(view["expected_on"], "2026-12-01");
    assert_eq!(view["branch"]["code"], "HN01");
    let timeline = view["timeline"].as_array().cloned().unwrap_or_default();
    assert_eq!(timeline.len(), 1);
    assert_eq!((&timeline[0]["category"], &timeline[0]["name"]), (&json!("open"), &json!("Received")));

    let vi = json(public_get(&app, &format!("/api/v1/public/track/{code}?lang=vi")).await).await;
    assert_eq!(vi["stage"]["name"], "Đã tiếp nhận");
    assert_eq!(vi["timeline"][0]["name"], "Đã tiếp nhận");
    assert_eq!(vi["lang"], "vi");

    // A well-formed code of no ticket and a malformed one get the same answer.
    let other = if code.starts_with('2') { "3" } else { "2" };
    let wrong = format!("{other}{}", &code[1..]);
    let wrong = assert_problem(
        public_get(&app, &format!("/api/v1/public/track/{wrong}")).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let malformed =
        assert_problem(public_get(&app, "/api/v1/public/track/not-a-code").await, StatusCode::NOT_FOUND, "not_found")
            .await;
    assert_eq!(wrong, malformed);

    // Six look-ups a minute from one address; the seventh waits.
    let mut limited = None;
    for _ in 0..6 {
        let response = public_get(&app, &format!("/api/v1/public/track/{code}")).await;
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = Some(response);
            break;
        }
        assert_eq!(response.status(), StatusCode::OK);
    }
    let limited = limited.unwrap_or_else(|| panic!("never rate limited"));
    let retry_after: u64 = header(&limited, "retry-after").parse().unwrap_or_default();
    assert!(retry_after >= 1);
    assert_problem(limited, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
}

#[tokio::test]
async fn the_tracking_link_comes_as_svg_and_png_qr_codes_for_staff_only() {
    let app = spawn_app_with(|c| c.public_url = "https://service.example.com/".into()).await;
    let (clerk, ticket) = take_in(&app, "repair", "").await;
    let id = ticket["id"].as_str().unwrap_or_default();

    let svg = app.get(&format!("/api/v1/tickets/{id}/qr.svg"), &clerk).await;
    assert_eq!(svg.status(), StatusCode::OK);
    assert_eq!(header(&svg, "content-type"), "image/svg+xml");
    let svg = svg.text().await.unwrap_or_default();
    assert!(svg.contains("<svg") && svg.contains("<path"), "{svg}");

    let png = app.get(&format!("/api/v1/tickets/{id}/qr.png"), &clerk).await;
    assert_eq!(png.status(), StatusCode::OK);
    assert_eq!(header(&png, "content-type"), "image/png");
    let bytes = png.bytes().await.unwrap_or_default();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "PNG magic");

    let anonymous = public_get(&app, &format!("/api/v1/tickets/{id}/qr.png")).await;
    assert_problem(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let tehran = app.token("clerk.teh01").await;
    let elsewhere = app.get(&format!("/api/v1/tickets/{id}/qr.svg"), &tehran).await;
    assert_problem(elsewhere, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn the_receipt_prints_what_was_taken_in_escaped_and_in_the_customers_language() {
    let app = spawn_app_with(|c| c.public_url = "https://service.example.com".into()).await;
    let (clerk, ticket) = take_in(&app, "repair", "<script>alert('x')</script> dent").await;
    let id = ticket["id"].as_str().unwrap_or_default();
    let code = ticket["tracking_code"].as_str().unwrap_or_default();

    let response = app.get(&format!("/api/v1/tickets/{id}/receipt"), &clerk).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(header(&response, "content-type").starts_with("text/html"));
    assert!(header(&response, "content-security-policy").contains("default-src 'none'"));
    let html = response.text().await.unwrap_or_default();
    let number = ticket["number"].as_str().unwrap_or_default();
    let grouped = format!("{}-{}-{}", &code[..4], &code[4..8], &code[8..]);
    for expected in
        [number, grouped.as_str(), CUSTOMER, PHONE, SERIAL, "FTKB25WVMV", "remote control", "Blows warm air"]
    {
        assert!(html.contains(expected), "`{expected}` missing");
    }
    assert!(html.contains(&format!("https://service.example.com/track/{code}")));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; dent"));
    assert!(!html.contains("<script"), "stored markup must not become markup");
    assert!(html.contains("<svg") && html.contains("@media print") && html.contains("Customer&#39;s signature"));
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\""));

    let persian =
        app.get(&format!("/api/v1/tickets/{id}/receipt?lang=fa"), &clerk).await.text().await.unwrap_or_default();
    assert!(persian.contains("<html lang=\"fa\" dir=\"rtl\""));
    assert!(persian.contains("کد پیگیری") && persian.contains(&grouped));
    let bad = app.get(&format!("/api/v1/tickets/{id}/receipt?lang=de"), &clerk).await;
    assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}
