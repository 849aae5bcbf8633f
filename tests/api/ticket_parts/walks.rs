//! Reserving, issuing and reconciling a ticket's parts, who pays for them, and what
//! is refused.
use aftersales_tests::{assert_problem, json};
use chrono::{DateTime, Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::json;

use super::{Bench, counts, fields, kinds, step};
use crate::tickets::timeline_kinds;

#[tokio::test]
async fn a_covered_repair_reserves_issues_and_reconciles_its_parts_before_completing() {
    let b = Bench::new("TP-WALK", 40).await;
    b.stock_in(&b.main, 3).await;

    let reserved = b.done(&b.keeper, "reserve", &b.main, 2).await;
    assert_eq!(counts(&reserved["line"]), [2, 0, 0, 0, 0, 0]);
    assert_eq!((reserved["stock"]["reserved"].clone(), reserved["stock"]["available"].clone()), (json!(2), json!(1)));
    let short = b.act(&b.keeper, "reserve", &b.main, 2).await;
    let problem = assert_problem(short, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(problem["detail"], "not enough stock: 1 available, 2 requested");
    assert_eq!(problem["errors"][0]["code"], "insufficient_stock");
    assert_eq!(problem["errors"][0]["message"], "1 available");

    let issued = b.done(&b.keeper, "issue", &b.main, 2).await;
    assert_eq!(counts(&issued["line"]), [0, 2, 0, 0, 0, 2]);
    assert_eq!(issued["line"]["issued_value"], json!({"amount": "6400000", "currency": "VND"}));
    assert_eq!(b.stock(&b.main).await, (1, 0), "the reservation leaves with the parts");

    // Two compressors handed over and not accounted for: the repair cannot complete.
    let refused =
        assert_problem(step(&b.app, &b.tech, &b.ticket, "completed").await, StatusCode::CONFLICT, "guard_failed").await;
    assert_eq!(fields(&refused), vec!["parts_reconciled"]);

    let recorded = b.record(&b.tech, 1, 1, 1).await;
    assert_eq!(recorded.status(), StatusCode::OK);
    let recorded = json(recorded).await;
    assert_eq!(counts(&recorded["line"]), [0, 2, 1, 1, 1, 0]);
    assert_eq!(recorded["movements"][0]["kind"], "return_unused");
    let owed = &recorded["defective_parts"][0];
    assert_eq!(
        (owed["status"].clone(), owed["quantity"].clone(), owed["technician_id"].clone()),
        (json!("owed"), json!(1), json!(b.tech_id))
    );
    let due: DateTime<Utc> = owed["due_at"].as_str().unwrap_or_default().parse().unwrap_or_else(|e| panic!("{e}"));
    let expected = Utc::now() + Duration::days(14);
    assert!((due - expected).num_minutes().abs() < 5, "due in defective_return_days: {due}");

    let completed = step(&b.app, &b.tech, &b.ticket, "completed").await;
    assert_eq!(completed.status(), StatusCode::OK);

    // The unused compressor is back on the shelf, nothing promised, and the ledger adds up.
    assert_eq!(b.stock(&b.main).await, (2, 0));
    let ledger = b.ledger(&b.main).await;
    assert_eq!(kinds(&ledger), vec![("receipt", 3), ("issue_to_ticket", -2), ("return_unused", 1)]);
    assert_eq!(ledger.iter().map(|(_, q)| q).sum::<i64>(), 2);

    let parts = b.parts().await;
    assert_eq!(parts["lines"][0]["charge_to"], "manufacturer", "a covered repair claims its parts");
    assert_eq!(parts["manufacturer_claim_totals"], json!([{"amount": "4500000", "currency": "VND"}]));
    assert_eq!(parts["customer_totals"], json!([]));
    assert_eq!(parts["outstanding"], 0);
    let timeline = timeline_kinds(&b.app, &b.tech, &b.ticket).await;
    for kind in ["parts_reserved", "parts_issued", "parts_used", "parts_returned", "defective_recorded"] {
        assert!(timeline.contains(&kind.to_owned()), "{kind} missing from {timeline:?}");
    }
}

#[tokio::test]
async fn an_uncovered_repair_bills_the_customer_and_a_technician_issues_only_from_their_own_van() {
    let b = Bench::new("TP-OLD", 800).await;
    let ticket = json(b.app.get(&format!("/api/v1/tickets/{}", b.ticket), &b.tech).await).await;
    assert_eq!(ticket["warranty_status"], "not_covered");
    b.stock_in(&b.main, 2).await;
    b.stock_in(&b.van, 2).await;

    let from_shelf = b.act(&b.tech, "issue", &b.main, 1).await;
    assert_problem(from_shelf, StatusCode::FORBIDDEN, "forbidden").await;
    let clerk = b.app.token("clerk.hn01").await;
    assert_problem(b.act(&clerk, "issue", &b.van, 1).await, StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(b.stock(&b.main).await, (2, 0));

    // A retry with the same key issues once.
    let body = json!({"warehouse_id": b.van, "part_id": b.part, "quantity": 1});
    let send = || {
        b.app
            .request(Method::POST, &b.path("issue"), Some(&b.tech))
            .header("Idempotency-Key", "van-0001")
            .json(&body)
            .send()
    };
    let first = send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first.status(), StatusCode::OK);
    let again = send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.headers().get("idempotent-replayed").and_then(|v| v.to_str().ok()), Some("true"));
    assert_eq!(json(again).await, json(first).await);
    assert_eq!(b.stock(&b.van).await, (1, 0), "issued once");

    assert_eq!(b.record(&b.tech, 1, 0, 0).await.status(), StatusCode::OK);
    let parts = b.parts().await;
    assert_eq!(parts["lines"][0]["charge_to"], "customer");
    assert_eq!(parts["customer_totals"], json!([{"amount": "4500000", "currency": "VND"}]));
    assert_eq!(parts["manufacturer_claim_totals"], json!([]));
    assert_eq!(step(&b.app, &b.tech, &b.ticket, "completed").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn recording_more_than_was_issued_is_refused_and_leaves_nothing_behind() {
    let b = Bench::new("TP-OVER", 40).await;
    b.stock_in(&b.main, 2).await;
    b.done(&b.keeper, "issue", &b.main, 2).await;
    let before = (b.parts().await, b.stock(&b.main).await, b.ledger(&b.main).await);

    for ((used, returned, defective), field) in
        [((3, 0, 0), "used"), ((2, 1, 0), "returned_unused"), ((0, 1, 1), "defective"), ((0, 0, 0), "used")]
    {
        let refused = b.record(&b.tech, used, returned, defective).await;
        let problem = assert_problem(refused, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(fields(&problem), vec![field], "{used}/{returned}/{defective}");
    }
    let never_issued = json!({"part_id": b.main, "used": 1});
    let problem = assert_problem(
        b.app.post(&b.path("outcome"), &b.tech, &never_issued).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(fields(&problem), vec!["part_id"]);
    let keeper_records = b.record(&b.keeper, 1, 0, 0).await;
    assert_problem(keeper_records, StatusCode::FORBIDDEN, "forbidden").await;

    assert_eq!((b.parts().await, b.stock(&b.main).await, b.ledger(&b.main).await), before);
    let owed = json(b.app.get("/api/v1/defective-parts", &b.keeper).await).await;
    assert_eq!(owed["items"], json!([]));
    assert!(!timeline_kinds(&b.app, &b.tech, &b.ticket).await.contains(&"parts_used".to_owned()));
    let refused =
        assert_problem(step(&b.app, &b.tech, &b.ticket, "completed").await, StatusCode::CONFLICT, "guard_failed").await;
    assert_eq!(fields(&refused), vec!["parts_reconciled"]);
}

#[tokio::test]
async fn a_released_reservation_frees_the_stock_and_a_closed_ticket_takes_no_parts() {
    let b = Bench::new("TP-FREE", 40).await;
    b.stock_in(&b.main, 3).await;
    b.done(&b.keeper, "reserve", &b.main, 2).await;
    let released = b.done(&b.keeper, "release", &b.main, 1).await;
    assert_eq!(counts(&released["line"])[0], 1);
    assert_eq!(b.stock(&b.main).await, (3, 1));
    let problem = assert_problem(b.act(&b.keeper, "release", &b.main, 2).await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(problem["detail"], "only 1 reserved for this ticket at HN01-MAIN, 2 requested");
    assert_eq!(
        (problem["errors"][0]["field"].clone(), problem["errors"][0]["code"].clone()),
        (json!("quantity"), json!("not_reserved"))
    );
    assert_eq!(problem["errors"][0]["message"], "1 reserved");
    b.done(&b.keeper, "release", &b.main, 1).await;
    assert_eq!(b.stock(&b.main).await, (3, 0));
    assert_eq!(b.ledger(&b.main).await.len(), 1, "promises move nothing in the ledger");
    let quarantine = b.act(&b.keeper, "issue", &b.quarantine, 1).await;
    let problem = assert_problem(quarantine, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(fields(&problem), vec!["warehouse_id"]);

    // Nothing issued, nothing to reconcile: the repair completes, then closes.
    let clerk = b.app.token("clerk.hn01").await;
    assert_eq!(step(&b.app, &b.tech, &b.ticket, "completed").await.status(), StatusCode::OK);
    assert_eq!(step(&b.app, &clerk, &b.ticket, "callback").await.status(), StatusCode::OK);
    let answers = json!({"reached": true, "answers": {"unit_working": true, "on_time": true,
        "technician_attitude": 5, "service_quality": 5, "was_charged": false}});
    let called = b.app.post(&format!("/api/v1/tickets/{}/callback", b.ticket), &clerk, &answers).await;
    assert_eq!(called.status(), StatusCode::OK);
    assert_eq!(step(&b.app, &clerk, &b.ticket, "closed").await.status(), StatusCode::OK);
    assert_problem(b.act(&b.keeper, "reserve", &b.main, 1).await, StatusCode::CONFLICT, "conflict").await;
    assert_problem(b.act(&b.keeper, "issue", &b.main, 1).await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(b.stock(&b.main).await, (3, 0));
}

#[tokio::test]
async fn two_keepers_issuing_the_last_reserved_units_at_once_issue_them_once() {
    let b = Bench::new("TP-RACE", 40).await;
    b.stock_in(&b.main, 2).await;
    b.done(&b.keeper, "reserve", &b.main, 2).await;
    let manager = b.app.token("manager.hn").await;

    let issues = (0..8).map(|i| b.act(if i % 2 == 0 { &b.keeper } else { &manager }, "issue", &b.main, 2));
    let responses = futures_util::future::join_all(issues).await;
    let (mut issued, mut refused) = (0, 0);
    for response in responses {
        match response.status() {
            StatusCode::OK => issued += 1,
            StatusCode::CONFLICT => {
                assert_eq!(json(response).await["detail"], "not enough stock: 0 available, 2 requested");
                refused += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!((issued, refused), (1, 7));
    assert_eq!(counts(&b.parts().await["lines"][0]), [0, 2, 0, 0, 0, 2]);
    assert_eq!(b.stock(&b.main).await, (0, 0));
    assert_eq!(kinds(&b.ledger(&b.main).await), vec![("receipt", 2), ("issue_to_ticket", -2)]);
}

#[tokio::test]
async fn an_unused_part_comes_back_at_the_cost_it_left_with() {
    let b = Bench::new("TP-BACK", 40).await;
    b.stock_in(&b.main, 1).await;
    b.done(&b.keeper, "issue", &b.main, 1).await;
    let value = || async {
        let path = format!("/api/v1/stock?warehouse_id={}&part_id={}", b.main, b.part);
        json(b.app.get(&path, &b.keeper).await).await["items"][0]["value_minor"].as_i64().unwrap_or(-1)
    };
    assert_eq!(value().await, 0, "the shelf is empty");
    assert_eq!(b.record(&b.tech, 0, 1, 0).await.status(), StatusCode::OK);
    assert_eq!(b.stock(&b.main).await, (1, 0));
    assert_eq!(value().await, 3_200_000, "not at the empty shelf's average of 0");
}
