//! The callback after a job: the script, the task the completion creates, answers,
//! contradictions, unanswered calls and the work list.
use aftersales_persistence::{ConnectionTrait, Statement};
use aftersales_tests::{assert_problem, json, spawn_app};
use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{completed_maintenance, completed_repair, daikin_policy, id_of, send, step, take_in, timeline};

fn good_answers(charged: bool) -> Value {
    json!({"unit_working": true, "technician_attitude": 5, "service_quality": 4, "was_charged": charged,
        "comments": "  Quick and tidy  "})
}

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| c["ticket_id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn the_script_lists_the_questions_in_order_with_their_kinds() {
    let app = spawn_app().await;
    let tech = app.token("tech.hn01").await;
    let response = app.get("/api/v1/callback-script", &tech).await;
    assert_eq!(response.status(), StatusCode::OK);
    let script = json(response).await;
    let codes: Vec<&str> = script.as_array().into_iter().flatten().filter_map(|q| q["code"].as_str()).collect();
    assert_eq!(
        codes,
        vec!["unit_working", "on_time", "technician_attitude", "service_quality", "was_charged", "comments"]
    );
    assert_eq!(script[0]["kind"], "yes_no");
    assert_eq!(script[0]["required"], true);
    assert_eq!(script[2]["kind"], "score");
    assert_eq!(script[5]["kind"], "text");
    assert_eq!(script[5]["required"], false);
}

#[tokio::test]
async fn answers_are_stored_and_the_satisfaction_goes_on_the_ticket() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let early = take_in(&app, &clerk, "maintenance", None).await;
    let early_path = format!("/api/v1/tickets/{}/callback", id_of(&early));
    assert_problem(app.get(&early_path, &clerk).await, StatusCode::NOT_FOUND, "not_found").await;
    let refused = app.post(&early_path, &clerk, &json!({"reached": true, "answers": good_answers(false)})).await;
    let problem = assert_problem(refused, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains("not completed")), "{problem}");

    // Not under warranty: the customer pays the labour, so "charged" is no contradiction.
    let ticket = completed_maintenance(&app, &clerk, None).await;
    let id = id_of(&ticket);
    assert_eq!(ticket["warranty_status"], "unknown");
    let path = format!("/api/v1/tickets/{id}/callback");
    let task = json(app.get(&path, &app.token("tech.hn01").await).await).await;
    assert_eq!(task["status"], "pending", "{task}");
    assert_eq!(task["ticket_number"], ticket["number"]);
    assert_eq!(task["attempts"], 0);
    assert_eq!(task["overdue"], false);
    let due = task["due_at"].as_str().and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok());
    assert!(due.is_some_and(|d| d > Utc::now() + Duration::hours(47)), "due after callback_due_hours: {task}");

    let body = json!({"reached": true, "answers": good_answers(true)});
    let stale = send(&app, Method::POST, &path, &clerk, "\"1\"", &body).await;
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
    assert_eq!(json(app.get(&path, &clerk).await).await["status"], "pending", "nothing stored on 412");

    let etag = format!("\"{}\"", ticket["version"]);
    let body = json!({"reached": true, "answers": good_answers(true), "notes": "Spoke to the owner"});
    let response = send(&app, Method::POST, &path, &clerk, &etag, &body).await;
    assert_eq!(response.status(), StatusCode::OK);
    let done = json(response).await;
    assert_eq!(done["status"], "done");
    assert_eq!(done["satisfaction_score"], 5, "(5 + 4) / 2 rounds to 5");
    assert_eq!(done["answers"]["was_charged"], true);
    assert_eq!(done["answers"]["comments"], "Quick and tidy");
    assert_eq!(done["contradictions"], json!([]));
    assert_eq!(done["notes"], "Spoke to the owner");
    assert_eq!(json(app.get(&path, &clerk).await).await, done);

    let after = json(app.get(&format!("/api/v1/tickets/{id}"), &clerk).await).await;
    assert_eq!(after["satisfaction_score"], 5);
    assert_eq!(after["flags"]["contradiction"], false);
    let events = timeline(&app, &clerk, &id).await;
    let recorded = events.iter().find(|(kind, _)| kind == "callback_recorded").map(|(_, note)| note.as_str());
    let answers = recorded
        .and_then(|note| note.strip_prefix("satisfaction 5/5; contradictions: none; answers: "))
        .and_then(|rest| rest.strip_suffix("; notes: Spoke to the owner"))
        .unwrap_or_else(|| panic!("callback_recorded: {recorded:?}"));
    let answers: Value = serde_json::from_str(answers).unwrap_or_else(|e| panic!("{answers}: {e}"));
    assert_eq!(answers, done["answers"], "the timeline keeps the answers");
    assert!(!events.iter().any(|(kind, _)| kind == "flagged_contradiction"));

    let again = app.post(&path, &clerk, &json!({"reached": true, "answers": good_answers(false)})).await;
    assert_problem(again, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(step(&app, &clerk, &id, "callback").await.status(), StatusCode::OK);
    assert_eq!(step(&app, &clerk, &id, "closed").await.status(), StatusCode::OK, "callback_done holds");
}

#[tokio::test]
async fn paying_for_a_covered_repair_flags_the_ticket() {
    let app = spawn_app().await;
    daikin_policy(&app).await;
    let clerk = app.token("clerk.hn01").await;
    let ticket = completed_maintenance(&app, &clerk, Some(30)).await;
    let id = id_of(&ticket);
    assert_eq!(ticket["warranty_status"], "covered", "sold a month ago: {ticket}");
    let path = format!("/api/v1/tickets/{id}/callback");
    let response = app.post(&path, &clerk, &json!({"reached": true, "answers": good_answers(true)})).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(json(response).await["contradictions"], json!(["charged_on_covered_repair"]));

    let after = json(app.get(&format!("/api/v1/tickets/{id}"), &clerk).await).await;
    assert_eq!(after["flags"]["contradiction"], true);
    assert!(
        timeline(&app, &clerk, &id)
            .await
            .contains(&("flagged_contradiction".into(), "charged_on_covered_repair".into()))
    );
    let flagged = json(app.get("/api/v1/tickets?contradiction=true", &clerk).await).await;
    let flagged_ids: Vec<String> = flagged["items"].as_array().into_iter().flatten().map(id_of).collect();
    assert_eq!(flagged_ids, vec![id]);
}

#[tokio::test]
async fn bad_answers_are_refused_naming_each_one_and_nothing_is_stored() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let ticket = completed_maintenance(&app, &clerk, None).await;
    let path = format!("/api/v1/tickets/{}/callback", id_of(&ticket));
    let answers = json!({"unit_working": "yes", "technician_attitude": 9, "service_quality": [4],
        "favourite_colour": "blue", "comments": 5});
    let response = app.post(&path, &clerk, &json!({"reached": true, "answers": answers})).await;
    let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let mut fields: Vec<&str> =
        problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str()).collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        vec![
            "answers.comments",
            "answers.favourite_colour",
            "answers.service_quality",
            "answers.technician_attitude",
            "answers.unit_working",
            "answers.was_charged",
        ]
    );
    assert_eq!(json(app.get(&path, &clerk).await).await["status"], "pending");
    let after = json(app.get(&format!("/api/v1/tickets/{}", id_of(&ticket)), &clerk).await).await;
    assert_eq!(after["satisfaction_score"], Value::Null);
}

#[tokio::test]
async fn three_unanswered_calls_make_the_customer_unreachable_and_let_the_ticket_close() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let ticket = completed_maintenance(&app, &clerk, None).await;
    let id = id_of(&ticket);
    let path = format!("/api/v1/tickets/{id}/callback");
    assert_eq!(step(&app, &clerk, &id, "callback").await.status(), StatusCode::OK);
    for attempt in 1..=2 {
        let task = json(app.post(&path, &clerk, &json!({"reached": false, "notes": "rang out"})).await).await;
        assert_eq!((task["status"].clone(), task["attempts"].clone()), (json!("pending"), json!(attempt)));
    }
    let refused = assert_problem(step(&app, &clerk, &id, "closed").await, StatusCode::CONFLICT, "guard_failed").await;
    assert_eq!(refused["errors"][0]["field"], "callback_done");

    let task = json(app.post(&path, &clerk, &json!({"reached": false})).await).await;
    assert_eq!((task["status"].clone(), task["attempts"].clone()), (json!("unreachable"), json!(3)));
    let listed = json(app.get("/api/v1/callbacks?status=unreachable", &clerk).await).await;
    assert_eq!(ids(&listed), vec![id.clone()]);
    let me = json(app.get("/api/v1/auth/me", &clerk).await).await;
    let names = &listed["items"][0]["names"];
    assert_eq!(names["settled_by_name"], me["display_name"], "who gave up on the customer");
    assert_eq!(names["ticket_number"], ticket["number"]);
    assert!(names["customer_name"].as_str().is_some_and(|n| !n.is_empty()));
    let mine =
        json(app.get(&format!("/api/v1/callbacks?done_by={}", me["id"].as_str().unwrap_or_default()), &clerk).await)
            .await;
    assert_eq!(ids(&mine), vec![id.clone()], "one agent's calls");
    let dispatcher = json(app.get("/api/v1/auth/me", &app.token("dispatcher.hn01").await).await).await;
    let theirs = format!("/api/v1/callbacks?done_by={}", dispatcher["id"].as_str().unwrap_or_default());
    assert!(ids(&json(app.get(&theirs, &clerk).await).await).is_empty(), "another agent made no calls");
    let events = timeline(&app, &clerk, &id).await;
    assert!(events.contains(&("callback_attempted".into(), "call 1 of 3 unanswered: rang out".into())));
    assert!(events.contains(&("callback_unreachable".into(), "call 3 of 3 unanswered".into())));

    let fourth = app.post(&path, &clerk, &json!({"reached": false})).await;
    assert_problem(fourth, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(step(&app, &clerk, &id, "closed").await.status(), StatusCode::OK, "unreachable settles the callback");
    let sealed = app.post(&path, &clerk, &json!({"reached": true, "answers": good_answers(false)})).await;
    assert_problem(sealed, StatusCode::CONFLICT, "conflict").await;
}

#[tokio::test]
async fn the_work_list_shows_overdue_callbacks_of_your_branches_only() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let late = id_of(&completed_maintenance(&app, &clerk, None).await);
    let fresh = id_of(&completed_maintenance(&app, &clerk, None).await);
    // No request moves time on: the late task's due time is put in the past in storage.
    let backend = app.db.get_database_backend();
    let mark = if backend == aftersales_persistence::DbBackend::Postgres { ["$1", "$2"] } else { ["?", "?"] };
    let sql = format!("UPDATE ticket_callbacks SET due_at = {} WHERE ticket_id = {}", mark[0], mark[1]);
    let values =
        vec![(Utc::now() - Duration::hours(2)).into(), uuid::Uuid::parse_str(&late).unwrap_or_default().into()];
    app.db.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await.unwrap_or_else(|e| panic!("{e}"));

    let all = json(app.get("/api/v1/callbacks", &clerk).await).await;
    assert_eq!(ids(&all), vec![late.clone(), fresh.clone()], "the earliest due first");
    assert_eq!(all["items"][0]["overdue"], true);
    let overdue = json(app.get("/api/v1/callbacks?overdue=true&status=pending", &clerk).await).await;
    assert_eq!(ids(&overdue), vec![late.clone()]);
    assert_eq!(ids(&json(app.get("/api/v1/callbacks?overdue=false", &clerk).await).await), vec![fresh.clone()]);
    let first = json(app.get("/api/v1/callbacks?limit=1", &clerk).await).await;
    let cursor = first["next_cursor"].as_str().unwrap_or_default().to_owned();
    let second = json(app.get(&format!("/api/v1/callbacks?limit=1&cursor={cursor}"), &clerk).await).await;
    assert_eq!((ids(&first), ids(&second)), (vec![late.clone()], vec![fresh]));

    assert_eq!(json(app.get("/api/v1/dashboard", &clerk).await).await["overdue_callbacks"], 1);

    let tehran = app.token("clerk.teh01").await;
    assert!(ids(&json(app.get("/api/v1/callbacks", &tehran).await).await).is_empty());
    assert_eq!(json(app.get("/api/v1/dashboard", &tehran).await).await["overdue_callbacks"], 0);
    let elsewhere = app.get(&format!("/api/v1/tickets/{late}/callback"), &tehran).await;
    assert_problem(elsewhere, StatusCode::NOT_FOUND, "not_found").await;
    let tech = app.token("tech.hn01").await;
    assert_problem(app.get("/api/v1/callbacks", &tech).await, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn a_unit_sent_back_to_the_bench_needs_a_new_call_once_it_is_repaired_again() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let tech = app.token("tech.hn01").await;
    let ticket = completed_repair(&app, &clerk).await;
    let id = id_of(&ticket);
    let path = format!("/api/v1/tickets/{id}/callback");
    let first = json(app.get(&path, &clerk).await).await;
    assert_eq!(step(&app, &clerk, &id, "callback").await.status(), StatusCode::OK);
    let mut still_broken = good_answers(false);
    still_broken["unit_working"] = json!(false);
    let body = json!({"reached": true, "answers": still_broken, "notes": "Still blows warm air"});
    let answered = json(app.post(&path, &clerk, &body).await).await;
    assert_eq!(answered["status"], "done", "{answered}");
    assert_eq!(answered["contradictions"], json!(["not_working_after_completion"]));
    let flagged = json(app.get(&format!("/api/v1/tickets/{id}"), &clerk).await).await;
    assert_eq!(flagged["flags"]["contradiction"], true);

    // Back to the bench (with a note), repaired and completed again.
    let transitions = format!("/api/v1/tickets/{id}/transitions");
    let silent = assert_problem(step(&app, &clerk, &id, "in_repair").await, StatusCode::CONFLICT, "guard_failed").await;
    assert_eq!(silent["errors"][0]["field"], "note_given");
    let back =
        app.post(&transitions, &clerk, &json!({"to": "in_repair", "note": "Customer says it is not cooling"})).await;
    assert_eq!(back.status(), StatusCode::OK);
    assert_eq!(step(&app, &tech, &id, "completed").await.status(), StatusCode::OK);

    let task = json(app.get(&path, &clerk).await).await;
    assert_eq!(task["id"], first["id"], "the ticket's one task, due again");
    assert_eq!(task["status"], "pending", "{task}");
    assert_eq!(task["attempts"], 0);
    for cleared in ["answers", "satisfaction_score", "notes", "done_by", "done_at"] {
        assert_eq!(task[cleared], Value::Null, "{cleared}: {task}");
    }
    assert_eq!(task["contradictions"], json!([]));
    let due = |t: &Value| t["due_at"].as_str().and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok());
    assert!(due(&task) > due(&first), "due anew: {task}");
    assert!(due(&task).is_some_and(|d| d > Utc::now() + Duration::hours(47)), "{task}");
    let pending = json(app.get("/api/v1/callbacks?status=pending", &clerk).await).await;
    assert_eq!(ids(&pending), vec![id.clone()]);

    let events = timeline(&app, &clerk, &id).await;
    let reopened: Vec<&String> =
        events.iter().filter(|(kind, _)| kind == "callback_reopened").map(|(_, n)| n).collect();
    assert_eq!(reopened.len(), 1, "{events:?}");
    assert!(reopened[0].starts_with("the work was completed again"), "{reopened:?}");
    let earlier = events.iter().find(|(kind, _)| kind == "callback_recorded").map(|(_, n)| n.as_str()).unwrap_or("");
    assert!(earlier.contains("\"unit_working\":false") && earlier.contains("Still blows warm air"), "{earlier}");

    // The second call has to be made before the ticket closes.
    assert_eq!(step(&app, &clerk, &id, "callback").await.status(), StatusCode::OK);
    let refused = assert_problem(step(&app, &clerk, &id, "closed").await, StatusCode::CONFLICT, "guard_failed").await;
    assert_eq!(refused["errors"][0]["field"], "callback_done");
    let again = app.post(&path, &clerk, &json!({"reached": true, "answers": good_answers(false)})).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(json(again).await["satisfaction_score"], 5);
    assert_eq!(step(&app, &clerk, &id, "closed").await.status(), StatusCode::OK);
}
