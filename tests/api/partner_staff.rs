//! A shop's own staff signed in as users of their partner: made only as clerks
//! and technicians of the partner's branch, they see and take in only the
//! shop's tickets (the shop's key sees what they take in), and none of the
//! network's own work (its customers, other tickets).
use aftersales_tests::{TestApp, json, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::partners::{created, new_key, partner, partner_repair, secret, with_key};
use crate::tickets::{id_of, intake};

fn staff_body(username: &str, branch: &str, partner: &Value, roles: &[&str]) -> Value {
    json!({"username": username, "display_name": "Lê Văn Thợ", "branch_id": branch, "roles": roles,
        "partner_id": id_of(partner), "password": "shop-password-1"})
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect()
}

async fn sign_in(app: &TestApp, username: &str) -> String {
    let signed_in = json(app.try_login(username, "shop-password-1").await).await;
    signed_in["access_token"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_shops_staff_member_sees_and_takes_in_only_the_shops_tickets() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let (hn01, hn02) = (app.branch_id(&admin, "HN01").await, app.branch_id(&admin, "HN02").await);
    let shop = partner(&app, &admin, "SHOP-ST", "repair_shop", json!({})).await;

    let as_admin = app.post("/api/v1/users", &admin, &staff_body("shop.boss", &hn01, &shop, &["admin"])).await;
    assert_eq!(as_admin.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&json(as_admin).await), ["roles"]);
    let elsewhere = app.post("/api/v1/users", &admin, &staff_body("shop.far", &hn02, &shop, &["clerk"])).await;
    assert_eq!(elsewhere.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&json(elsewhere).await), ["branch_id"]);
    let made =
        app.post("/api/v1/users", &admin, &staff_body("shop.clerk", &hn01, &shop, &["clerk", "technician"])).await;
    assert_eq!(made.status(), StatusCode::CREATED);
    assert_eq!(json(made).await["partner_id"], id_of(&shop));

    let token = sign_in(&app, "shop.clerk").await;
    let me = json(app.get("/api/v1/auth/me", &token).await).await;
    let may: Vec<&str> = me["permissions"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    assert!(may.contains(&"manage_tickets") && may.contains(&"work_tickets"), "{may:?}");
    assert!(!may.contains(&"view_customers") && !may.contains(&"view_stock"), "only the shop's work: {may:?}");

    // The network's own ticket at the same branch is not theirs to see.
    let clerk = app.token("clerk.hn01").await;
    let network = intake(&app, &clerk, &partner_repair(&hn01, None, "0913 000 701")).await;
    let hidden = app.get(&format!("/api/v1/tickets/{}", id_of(&network)), &token).await;
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);

    // What they take in is the shop's: in their list, and seen by the shop's key.
    let mut body = partner_repair(&hn01, Some("SHOP-JOB-1"), "0913 000 702");
    body["channel"] = json!("counter");
    let taken = created(app.post("/api/v1/tickets", &token, &body).await).await;
    let listed = json(app.get("/api/v1/tickets", &token).await).await;
    let ids: Vec<String> = listed["items"].as_array().into_iter().flatten().map(id_of).collect();
    assert_eq!(ids, [id_of(&taken)]);
    let key = secret(&new_key(&app, &admin, &shop, &["tickets:read"]).await);
    let by_key = with_key(&app, Method::GET, &format!("/api/v1/tickets/{}", id_of(&taken)), &key, None).await;
    assert_eq!(by_key.status(), StatusCode::OK);

    // The branch's customers are the network's, not the shop's.
    assert_eq!(app.get("/api/v1/customers", &token).await.status(), StatusCode::FORBIDDEN);
}
