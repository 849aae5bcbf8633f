//! Parts on service tickets over HTTP: reserved and issued by the warehouse,
//! recorded as used or returned by the technician before the repair completes,
//! charged to the manufacturer or the customer by the ticket's warranty, and the old
//! part owed back until it is handed in to the quarantine shelf.
use aftersales_persistence::{ConnectionTrait, DbBackend, Statement};
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use chrono::{DateTime, Duration, Utc};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::catalogue::{category_id, id_in};
use crate::dispatch::send_technician;
use crate::tickets::{daikin_policy, id_of, intake, repair, sold_unit, timeline_kinds};

/// A repair of a Daikin air conditioner at HN01, worked by tech.hn01 up to the
/// last step (resolution and labour recorded), and the compressor on the shelves.
struct Bench {
    app: TestApp,
    keeper: String,
    tech: String,
    tech_id: String,
    ticket: String,
    part: String,
    main: String,
    van: String,
    quarantine: String,
}

impl Bench {
    async fn new(serial: &str, sold_days_ago: i64) -> Bench {
        let app = spawn_app().await;
        daikin_policy(&app).await;
        let admin = app.token("admin").await;
        let clerk = app.token("clerk.hn01").await;
        let keeper = app.token("warehouse.hn01").await;
        let tech = app.token("tech.hn01").await;
        let hn01 = app.branch_id(&admin, "HN01").await;
        let (_, owner) = sold_unit(&app, &clerk, serial, sold_days_ago).await;
        let ticket = id_of(&intake(&app, &clerk, &repair(&hn01, &id_of(&owner), serial)).await);
        let tech_id = send_technician(&app, &ticket, "tech.hn01").await;
        let path = format!("/api/v1/tickets/{ticket}");
        assert_eq!(app.patch(&path, &tech, &json!({"diagnosis_code": "GAS_LEAK"})).await.status(), StatusCode::OK);
        for to in ["diagnosed", "in_repair"] {
            assert_eq!(step(&app, &tech, &ticket, to).await.status(), StatusCode::OK, "to {to}");
        }
        let resolved = app.patch(&path, &tech, &json!({"resolution_code": "RECHARGED_GAS"})).await;
        assert_eq!(resolved.status(), StatusCode::OK);
        let ac = category_id(&app, &tech, "air_conditioner").await;
        let gas = id_in(&app, &tech, &format!("/api/v1/service-items?category_id={ac}"), "code", "AC_GAS").await;
        let labour = app.post(&format!("{path}/labour"), &tech, &json!({"service_item_id": gas})).await;
        assert_eq!(labour.status(), StatusCode::CREATED);
        let part = id_in(&app, &keeper, "/api/v1/parts?q=DK-CMP-FTKB", "sku", "DK-CMP-FTKB").await;
        let warehouse = |code: &'static str| id_in(&app, &keeper, "/api/v1/warehouses?limit=200", "code", code);
        let (main, van, quarantine) =
            (warehouse("HN01-MAIN").await, warehouse("HN01-VAN-AN").await, warehouse("HN01-DEF").await);
        Bench { app, keeper, tech, tech_id, ticket, part, main, van, quarantine }
    }

    async fn stock_in(&self, warehouse: &str, quantity: i64) {
        let body =
            json!({"warehouse_id": warehouse, "part_id": self.part, "quantity": quantity, "unit_cost": "3200000"});
        assert_eq!(self.app.post("/api/v1/stock/receipts", &self.keeper, &body).await.status(), StatusCode::CREATED);
    }

    fn path(&self, action: &str) -> String {
        format!("/api/v1/tickets/{}/parts/{action}", self.ticket)
    }

    async fn act(&self, token: &str, action: &str, warehouse: &str, quantity: i64) -> Response {
        let body = json!({"warehouse_id": warehouse, "part_id": self.part, "quantity": quantity});
        self.app.post(&self.path(action), token, &body).await
    }

    async fn done(&self, token: &str, action: &str, warehouse: &str, quantity: i64) -> Value {
        let response = self.act(token, action, warehouse, quantity).await;
        assert_eq!(response.status(), StatusCode::OK, "{action} {quantity}");
        json(response).await
    }

    async fn record(&self, token: &str, used: i64, returned_unused: i64, defective: i64) -> Response {
        let body =
            json!({"part_id": self.part, "used": used, "returned_unused": returned_unused, "defective": defective});
        self.app.post(&self.path("outcome"), token, &body).await
    }

    async fn parts(&self) -> Value {
        json(self.app.get(&format!("/api/v1/tickets/{}/parts", self.ticket), &self.keeper).await).await
    }

    /// On hand and reserved of the compressor in a warehouse.
    async fn stock(&self, warehouse: &str) -> (i64, i64) {
        let path = format!("/api/v1/stock?warehouse_id={warehouse}&part_id={}", self.part);
        let lines = json(self.app.get(&path, &self.keeper).await).await;
        (lines[0]["on_hand"].as_i64().unwrap_or_default(), lines[0]["reserved"].as_i64().unwrap_or_default())
    }

    /// The kinds and quantities of the compressor's ledger rows in a warehouse.
    async fn ledger(&self, warehouse: &str) -> Vec<(String, i64)> {
        let path = format!("/api/v1/stock/movements?warehouse_id={warehouse}&part_id={}&limit=200", self.part);
        let page = json(self.app.get(&path, &self.keeper).await).await;
        page["items"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| (r["kind"].as_str().unwrap_or_default().to_owned(), r["quantity"].as_i64().unwrap_or_default()))
            .collect()
    }
}

async fn step(app: &TestApp, token: &str, ticket: &str, to: &str) -> Response {
    app.post(&format!("/api/v1/tickets/{ticket}/transitions"), token, &json!({"to": to})).await
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect()
}

fn counts(line: &Value) -> [i64; 6] {
    ["reserved", "issued", "used", "returned_unused", "defective_returned", "outstanding"]
        .map(|k| line[k].as_i64().unwrap_or(-1))
}

fn kinds(ledger: &[(String, i64)]) -> Vec<(&str, i64)> {
    ledger.iter().map(|(k, q)| (k.as_str(), *q)).collect()
}

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
async fn an_old_part_is_owed_until_handed_in_and_listed_overdue_after_its_due_date() {
    let b = Bench::new("TP-OWED", 40).await;
    b.stock_in(&b.main, 1).await;
    b.done(&b.keeper, "issue", &b.main, 1).await;
    let recorded = json(b.record(&b.tech, 1, 0, 1).await).await;
    let owed_id = id_of(&recorded["defective_parts"][0]);

    let mine = json(b.app.get(&format!("/api/v1/defective-parts?technician_id={}", b.tech_id), &b.keeper).await).await;
    assert_eq!(mine["items"][0]["id"], owed_id.as_str());
    assert_eq!(mine["items"][0]["overdue"], false);
    let arrears = json(b.app.get("/api/v1/defective-parts/overdue-by-technician", &b.keeper).await).await;
    assert_eq!(arrears, json!([]));

    // No request moves time on: the due date is put in the past in storage.
    let backend = b.app.db.get_database_backend();
    let mark = if backend == DbBackend::Postgres { ["$1", "$2"] } else { ["?", "?"] };
    let sql = format!("UPDATE defective_parts SET due_at = {} WHERE id = {}", mark[0], mark[1]);
    let due = Utc::now() - Duration::days(1);
    let values = vec![due.into(), uuid::Uuid::parse_str(&owed_id).unwrap_or_default().into()];
    b.app.db.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await.unwrap_or_else(|e| panic!("{e}"));

    let overdue = json(b.app.get("/api/v1/defective-parts?overdue=true&status=owed", &b.keeper).await).await;
    assert_eq!(overdue["items"][0]["id"], owed_id.as_str());
    assert_eq!(overdue["items"][0]["overdue"], true);
    let arrears = json(b.app.get("/api/v1/defective-parts/overdue-by-technician", &b.keeper).await).await;
    assert_eq!(arrears[0]["technician_id"], b.tech_id.as_str());
    assert_eq!((arrears[0]["count"].clone(), arrears[0]["quantity"].clone()), (json!(1), json!(1)));
    assert_eq!(arrears.as_array().map(Vec::len), Some(1));

    let path = format!("/api/v1/defective-parts/{owed_id}/receive");
    let to_shelf = b.app.post(&path, &b.keeper, &json!({"warehouse_id": b.main})).await;
    let problem = assert_problem(to_shelf, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(fields(&problem), vec!["warehouse_id"]);
    assert_problem(
        b.app.post(&path, &b.tech, &json!({"warehouse_id": b.quarantine})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    let received = b.app.post(&path, &b.keeper, &json!({"warehouse_id": b.quarantine})).await;
    assert_eq!(received.status(), StatusCode::OK);
    let received = json(received).await;
    assert_eq!(received["defective_part"]["status"], "received");
    assert_eq!(received["defective_part"]["received_warehouse_id"], b.quarantine.as_str());
    assert_eq!(received["movement"]["kind"], "defective_return");
    assert_eq!(received["stock"]["value_minor"], 0, "an old part is worth nothing on the quarantine shelf");
    assert_eq!(b.stock(&b.quarantine).await, (1, 0));
    let twice = b.app.post(&path, &b.keeper, &json!({"warehouse_id": b.quarantine})).await;
    assert_problem(twice, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(b.stock(&b.quarantine).await, (1, 0), "received once");

    let arrears = json(b.app.get("/api/v1/defective-parts/overdue-by-technician", &b.keeper).await).await;
    assert_eq!(arrears, json!([]));
    let tehran = b.app.token("clerk.teh01").await;
    let elsewhere = json(b.app.get("/api/v1/defective-parts", &tehran).await).await;
    assert_eq!(elsewhere["items"], json!([]), "another branch's old parts are not listed");
}
