//! Complaints: opened on a ticket (closed or not), listed, resolved once, and
//! holding a return/exchange ticket open while they are open.
use aftersales_tests::{assert_problem, json, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{completed_return, id_of, send, step, timeline};

fn close_step(steps: &Value) -> Value {
    steps.as_array().into_iter().flatten().find(|s| s["to"] == "closed").cloned().unwrap_or_default()
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

#[tokio::test]
async fn an_open_complaint_holds_the_ticket_open_until_it_is_resolved() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let ticket = completed_return(&app, &clerk).await;
    let id = id_of(&ticket);
    let complaints = format!("/api/v1/tickets/{id}/complaints");

    let bad = app.post(&complaints, &clerk, &json!({"category": "rudeness", "description": "x"})).await;
    assert_eq!(
        assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await["errors"][0]["field"],
        "category"
    );
    let blank = app.post(&complaints, &clerk, &json!({"category": "attitude", "description": "  "})).await;
    assert_problem(blank, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let tech = app.token("tech.hn01").await;
    let by_tech = app.post(&complaints, &tech, &json!({"category": "attitude", "description": "Rude"})).await;
    assert_problem(by_tech, StatusCode::FORBIDDEN, "forbidden").await;

    let body = json!({"category": "attitude", "description": " The technician was rude "});
    let response = app.post(&complaints, &clerk, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(header(&response, "etag"), "\"1\"");
    let location = header(&response, "location");
    let complaint = json(response).await;
    assert_eq!(location, format!("/api/v1/complaints/{}", id_of(&complaint)));
    assert_eq!(complaint["status"], "open");
    assert_eq!(complaint["description"], "The technician was rude");
    assert_eq!(complaint["technician_id"], ticket["technician_id"], "the ticket's technician by default");
    assert!(complaint["technician_id"].is_string());
    assert_eq!(complaint["branch_id"], ticket["branch_id"]);
    assert_eq!(json(app.get(&location, &clerk).await).await, complaint);

    let steps = json(app.get(&format!("/api/v1/tickets/{id}/transitions"), &clerk).await).await;
    let close = close_step(&steps);
    assert_eq!(
        close["guards"],
        json!([{"guard": "complaints_resolved", "holds": false,
        "explanation": "every complaint on the ticket must be resolved"}])
    );
    assert_eq!(close["allowed"], false);
    let refused = assert_problem(step(&app, &clerk, &id, "closed").await, StatusCode::CONFLICT, "guard_failed").await;
    assert_eq!(refused["errors"][0]["field"], "complaints_resolved");

    let mut listed = json(
        app.get(
            &format!(
                "/api/v1/complaints?status=open&technician_id={}",
                complaint["technician_id"].as_str().unwrap_or_default()
            ),
            &clerk,
        )
        .await,
    )
    .await;
    // The work list names what the ids point at; the rest is the complaint as read alone.
    let names = listed["items"][0].as_object_mut().and_then(|c| c.remove("names")).unwrap_or_default();
    assert_eq!(listed["items"], json!([complaint.clone()]));
    let shown = json(app.get(&format!("/api/v1/tickets/{id}"), &clerk).await).await;
    assert_eq!(names["ticket_number"], shown["number"]);
    assert_eq!(names["customer_name"], shown["names"]["customer_name"]);
    assert_eq!(names["branch_name"], shown["names"]["branch_name"]);
    assert_eq!(names["technician_name"], shown["names"]["technician_name"]);
    assert!(names["technician_name"].is_string());
    assert_eq!(names["settled_by_name"], Value::Null, "nobody has resolved it yet");
    assert_eq!(json(app.get("/api/v1/complaints?status=resolved", &clerk).await).await["items"], json!([]));
    let tehran = app.token("clerk.teh01").await;
    assert_eq!(json(app.get("/api/v1/complaints", &tehran).await).await["items"], json!([]));
    assert_problem(app.get(&location, &tehran).await, StatusCode::NOT_FOUND, "not_found").await;

    let resolve = format!("{location}/resolve");
    let verdict = json!({"resolution": "Apologised; the technician was coached", "outcome": "resolved"});
    let stale = send(&app, Method::POST, &resolve, &clerk, "\"7\"", &verdict).await;
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
    assert_eq!(json(app.get(&location, &clerk).await).await["status"], "open", "nothing stored on 412");
    let response = send(&app, Method::POST, &resolve, &clerk, "\"1\"", &verdict).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "etag"), "\"2\"");
    let resolved = json(response).await;
    assert_eq!(resolved["status"], "resolved");
    assert_eq!(resolved["resolution"], "Apologised; the technician was coached");
    assert!(resolved["resolved_at"].is_string());
    let twice = send(&app, Method::POST, &resolve, &clerk, "\"2\"", &verdict).await;
    assert_problem(twice, StatusCode::CONFLICT, "conflict").await;

    let steps = json(app.get(&format!("/api/v1/tickets/{id}/transitions"), &clerk).await).await;
    assert_eq!(close_step(&steps)["allowed"], true);
    assert_eq!(step(&app, &clerk, &id, "closed").await.status(), StatusCode::OK);
    let events = timeline(&app, &clerk, &id).await;
    assert!(events.contains(&("complaint_opened".into(), "attitude: The technician was rude".into())));
    assert!(events.contains(&("complaint_resolved".into(), "resolved: Apologised; the technician was coached".into())));
    let audit = json(
        app.get(&format!("/api/v1/audit?entity=complaint&entity_id={}", id_of(&complaint)), &app.token("admin").await)
            .await,
    )
    .await;
    let actions: Vec<&str> =
        audit["items"].as_array().into_iter().flatten().filter_map(|a| a["action"].as_str()).collect();
    assert_eq!(actions.len(), 2, "{audit}");
    assert!(actions.contains(&"complaint.open") && actions.contains(&"complaint.resolve"));
}

#[tokio::test]
async fn a_complaint_after_closing_leaves_the_sealed_ticket_as_it_was() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let ticket = completed_return(&app, &clerk).await;
    let id = id_of(&ticket);
    assert_eq!(json(step(&app, &clerk, &id, "closed").await).await["stage"], "closed");
    // As its page reads it, names and all.
    let closed = json(app.get(&format!("/api/v1/tickets/{id}"), &clerk).await).await;
    assert_eq!(closed["sealed"], true);

    let other = app.login("dispatcher.hn01").await.user.id;
    let body = json!({"category": "charge", "description": "Asked to pay for the exchange", "technician_id": other});
    let response = app.post(&format!("/api/v1/tickets/{id}/complaints"), &clerk, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let complaint = json(response).await;
    assert_eq!(complaint["technician_id"], json!(other));
    let unknown =
        json!({"category": "other", "description": "x", "technician_id": "01950000-0000-7000-8000-000000000000"});
    let refused = app.post(&format!("/api/v1/tickets/{id}/complaints"), &clerk, &unknown).await;
    let problem = assert_problem(refused, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "technician_id");

    let after = json(app.get(&format!("/api/v1/tickets/{id}"), &clerk).await).await;
    assert_eq!(after, closed, "the sealed ticket is untouched");
    assert_eq!(timeline(&app, &clerk, &id).await.last().map(|(kind, _)| kind.clone()), Some("complaint_opened".into()));
    let verdict = json!({"resolution": "Nothing was charged; the receipt shows 0", "outcome": "rejected"});
    let response = app.post(&format!("/api/v1/complaints/{}/resolve", id_of(&complaint)), &clerk, &verdict).await;
    assert_eq!(json(response).await["status"], "rejected");
    assert_eq!(json(app.get(&format!("/api/v1/tickets/{id}"), &clerk).await).await, closed);
    assert_eq!(
        timeline(&app, &clerk, &id).await.last().map(|(kind, _)| kind.clone()),
        Some("complaint_resolved".into())
    );
}
