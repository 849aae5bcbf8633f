//! Warehouses: each belongs to a branch and is seen and managed within that
//! branch's part of the network; a van belongs to one of its technicians.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

fn header(response: &Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

async fn user_id(app: &TestApp, token: &str) -> String {
    id(&json(app.get("/api/v1/auth/me", token).await).await)
}

fn codes(page: &Value) -> Vec<String> {
    page["items"].as_array().into_iter().flatten().filter_map(|w| w["code"].as_str().map(str::to_owned)).collect()
}

async fn listed(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    codes(&json(app.get(&format!("/api/v1/warehouses?limit=200{query}"), token).await).await)
}

/// The `(field, code)` pairs of a 422 answer.
async fn refused(response: Response) -> Vec<(String, String)> {
    let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    problem["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            (e["field"].as_str().unwrap_or_default().to_owned(), e["code"].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

fn technician_refused(code: &str) -> Vec<(String, String)> {
    vec![("technician_id".to_owned(), code.to_owned())]
}

fn store(branch: &str, code: &str, kind: &str) -> Value {
    json!({"branch_id": branch, "code": code, "name": format!("Store {code}"), "kind": kind})
}

#[tokio::test]
async fn a_warehouse_keeper_manages_the_warehouses_of_their_own_outlet_only() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let keeper = app.token("warehouse.hn01").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let hn02 = app.branch_id(&admin, "HN02").await;

    let response = app.post("/api/v1/warehouses", &keeper, &store(&hn01, " hn01-spare ", "outlet")).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(header(&response, "etag"), "\"1\"");
    let location = header(&response, "location");
    let own = json(response).await;
    assert_eq!(location, format!("/api/v1/warehouses/{}", id(&own)));
    assert_eq!(own["code"], "HN01-SPARE", "trimmed and upper-cased");
    assert_eq!(own["kind"], "outlet");
    assert_eq!(own["technician_id"], Value::Null);
    assert_eq!(json(app.get(&location, &keeper).await).await, own);

    let elsewhere = app.post("/api/v1/warehouses", &keeper, &store(&hn02, "HN02-SPARE", "outlet")).await;
    assert_eq!(refused(elsewhere).await, [("branch_id".to_owned(), "unknown_branch".to_owned())]);
    let theirs = json(app.post("/api/v1/warehouses", &admin, &store(&hn02, "HN02-SPARE", "outlet")).await).await;
    let theirs_path = format!("/api/v1/warehouses/{}", id(&theirs));
    assert_problem(app.get(&theirs_path, &keeper).await, StatusCode::NOT_FOUND, "not_found").await;
    let renamed = app.patch(&theirs_path, &keeper, &json!({"name": "Mine now"})).await;
    assert_problem(renamed, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(json(app.get(&theirs_path, &admin).await).await["name"], "Store HN02-SPARE");

    let seen = listed(&app, &keeper, "").await;
    assert!(seen.contains(&"HN01-SPARE".to_owned()) && !seen.contains(&"HN02-SPARE".to_owned()), "{seen:?}");
    let manager = app.token("manager.hn").await;
    let seen = listed(&app, &manager, "").await;
    assert!(seen.contains(&"HN01-SPARE".to_owned()) && seen.contains(&"HN02-SPARE".to_owned()), "{seen:?}");
    assert_eq!(listed(&app, &manager, &format!("&branch_id={hn02}&kind=outlet")).await, ["HN02-SPARE"]);

    // Every change is in the audit log under the warehouse's branch.
    let audit = json(app.get(&format!("/api/v1/audit?entity=warehouse&entity_id={}", id(&own)), &admin).await).await;
    assert_eq!(audit["items"][0]["action"], "warehouse.create");
    assert_eq!(audit["items"][0]["branch_id"], json!(hn01));
}

#[tokio::test]
async fn a_tehran_clerk_sees_none_of_the_hanoi_warehouses() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let teh01 = app.branch_id(&admin, "TEH01").await;
    let hanoi = json(app.post("/api/v1/warehouses", &admin, &store(&hn01, "HN01-X", "outlet")).await).await;
    let tehran = json(app.post("/api/v1/warehouses", &admin, &store(&teh01, "TEH01-X", "outlet")).await).await;
    let clerk = app.token("clerk.teh01").await;
    let seen = listed(&app, &clerk, "").await;
    assert!(seen.contains(&"TEH01-X".to_owned()), "{seen:?}");
    assert!(seen.iter().all(|code| !code.starts_with("HN")), "{seen:?}");
    assert_eq!(listed(&app, &clerk, &format!("&branch_id={hn01}")).await, Vec::<String>::new());
    let path = format!("/api/v1/warehouses/{}", id(&hanoi));
    assert_problem(app.get(&path, &clerk).await, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(app.get(&format!("/api/v1/warehouses/{}", id(&tehran)), &clerk).await.status(), StatusCode::OK);
    // Reading is not managing.
    let refused = app.post("/api/v1/warehouses", &clerk, &store(&teh01, "TEH01-Y", "outlet")).await;
    assert_problem(refused, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn a_van_belongs_to_an_active_technician_of_its_branch_and_only_vans_have_one() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let keeper = app.token("warehouse.hn01").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let hn02 = app.branch_id(&admin, "HN02").await;
    let tech = user_id(&app, &app.token("tech.hn01").await).await;
    let dispatcher = user_id(&app, &app.token("dispatcher.hn01").await).await;
    let other = json!({"username": "tech.hn02", "display_name": "Vũ Văn Cường", "branch_id": hn02,
                       "roles": ["technician"], "password": "tech-hn02-password"});
    let other = id(&json(app.post("/api/v1/users", &admin, &other).await).await);

    let with = |kind: &str, technician: Option<&str>| {
        let mut body = store(&hn01, "HN01-VAN-2", kind);
        body["technician_id"] = json!(technician);
        body
    };
    let (app_ref, keeper_ref) = (&app, &keeper);
    let post = move |body: Value| async move { app_ref.post("/api/v1/warehouses", keeper_ref, &body).await };
    assert_eq!(refused(post(with("van", None)).await).await, technician_refused("required"));
    assert_eq!(refused(post(with("outlet", Some(&tech))).await).await, technician_refused("only_vans"));
    assert_eq!(refused(post(with("van", Some(&dispatcher))).await).await, technician_refused("not_a_technician"));
    assert_eq!(refused(post(with("van", Some(&other))).await).await, technician_refused("unknown_technician"));
    assert!(!listed(&app, &admin, "&kind=van").await.contains(&"HN01-VAN-2".to_owned()), "nothing stored");

    let van = post(with("van", Some(&tech))).await;
    assert_eq!(van.status(), StatusCode::CREATED);
    let van = json(van).await;
    assert_eq!(van["technician_id"], json!(tech));
    // The demo seed gave the technician a van already.
    assert_eq!(listed(&app, &keeper, &format!("&technician_id={tech}")).await, ["HN01-VAN-2", "HN01-VAN-AN"]);

    // A van cannot stop being one while it still has a technician; cleared, it can.
    let path = format!("/api/v1/warehouses/{}", id(&van));
    assert_eq!(
        refused(app.patch(&path, &keeper, &json!({"kind": "outlet"})).await).await,
        technician_refused("only_vans")
    );
    assert_eq!(
        refused(app.patch(&path, &keeper, &json!({"technician_id": null})).await).await,
        technician_refused("required")
    );
    let shelf = app.patch(&path, &keeper, &json!({"kind": "outlet", "technician_id": null})).await;
    assert_eq!(shelf.status(), StatusCode::OK);
    let shelf = json(shelf).await;
    assert_eq!((shelf["kind"].clone(), shelf["technician_id"].clone()), (json!("outlet"), Value::Null));
    assert_eq!(listed(&app, &keeper, &format!("&technician_id={tech}")).await, ["HN01-VAN-AN"]);
}

#[tokio::test]
async fn codes_are_unique_changes_need_the_current_version_and_warehouses_are_retired() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let first = json(app.post("/api/v1/warehouses", &admin, &store(&hn01, "HN01-DUP", "defective")).await).await;
    let again = app.post("/api/v1/warehouses", &admin, &store(&hn01, "hn01-dup", "outlet")).await;
    let problem = assert_problem(again, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains("HN01-DUP")), "{problem}");
    let bad_kind = app.post("/api/v1/warehouses", &admin, &store(&hn01, "HN01-TRUCK", "truck")).await;
    assert_eq!(bad_kind.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let path = format!("/api/v1/warehouses/{}", id(&first));
    let send = |body: Value, version: &str| {
        app.request(Method::PATCH, &path, Some(&admin)).header("if-match", version).json(&body).send()
    };
    let renamed = send(json!({"name": "HN01 quarantine"}), "\"1\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(header(&renamed, "etag"), "\"2\"");
    let stale = send(json!({"name": "Lost update"}), "\"1\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
    assert_eq!(json(app.get(&path, &admin).await).await["name"], "HN01 quarantine");

    let retired = send(json!({"active": false}), "\"2\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json(retired).await["active"], false);
    assert!(!listed(&app, &admin, "&active=true").await.contains(&"HN01-DUP".to_owned()));
    assert_eq!(listed(&app, &admin, "&active=false").await, ["HN01-DUP"]);
    let delete = app.request(Method::DELETE, &path, Some(&admin)).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(delete.status(), StatusCode::METHOD_NOT_ALLOWED, "warehouses are retired, not deleted");

    let tech = app.token("tech.hn01").await;
    assert_eq!(app.get(&path, &tech).await.status(), StatusCode::OK, "technicians read their outlet's stores");
    let refused = app.post("/api/v1/warehouses", &tech, &store(&hn01, "HN01-MINE", "outlet")).await;
    assert_problem(refused, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn the_warehouse_list_pages_by_code() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let sh01 = app.branch_id(&admin, "SH01").await;
    for code in ["SH01-C", "SH01-A", "SH01-B"] {
        assert_eq!(
            app.post("/api/v1/warehouses", &admin, &store(&sh01, code, "outlet")).await.status(),
            StatusCode::CREATED
        );
    }
    let first = json(app.get(&format!("/api/v1/warehouses?branch_id={sh01}&limit=2"), &admin).await).await;
    assert_eq!(codes(&first), ["SH01-A", "SH01-B"]);
    let cursor = first["next_cursor"].as_str().unwrap_or_default();
    let rest =
        json(app.get(&format!("/api/v1/warehouses?branch_id={sh01}&limit=2&cursor={cursor}"), &admin).await).await;
    assert_eq!(codes(&rest), ["SH01-C"]);
    assert_eq!(rest["next_cursor"], Value::Null);
}

#[tokio::test]
async fn the_demo_network_has_a_chain_of_warehouses_each_seen_from_its_own_level() {
    let app = spawn_app().await;
    let outlet = ["HN01-DEF", "HN01-MAIN", "HN01-RET", "HN01-VAN-AN"];
    assert_eq!(listed(&app, &app.token("clerk.hn01").await, "").await, outlet);
    let region = ["HN01-DEF", "HN01-MAIN", "HN01-RET", "HN01-VAN-AN", "RC-HN-MAIN"];
    assert_eq!(listed(&app, &app.token("manager.hn").await, "").await, region);
    let all = ["HN01-DEF", "HN01-MAIN", "HN01-RET", "HN01-VAN-AN", "HQ-CENTRAL", "RC-HN-MAIN"];
    assert_eq!(listed(&app, &app.token("admin").await, "").await, all);
    let tech = app.token("tech.hn01").await;
    let me = user_id(&app, &tech).await;
    let vans = json(app.get("/api/v1/warehouses?kind=van", &tech).await).await;
    assert_eq!(vans["items"][0]["technician_id"], json!(me));
}
