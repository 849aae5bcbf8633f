//! Parts on service tickets over HTTP: reserved and issued by the warehouse,
//! recorded as used or returned by the technician before the repair completes,
//! charged to the manufacturer or the customer by the ticket's warranty, and the old
//! part owed back until it is handed in to the quarantine shelf.
use aftersales_tests::{TestApp, json, spawn_app};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use crate::catalogue::{category_id, id_in};
use crate::dispatch::send_technician;
use crate::tickets::{daikin_policy, id_of, intake, repair, sold_unit};

mod defective;
mod vendor;
mod walks;

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
        let lines = json(self.app.get(&path, &self.keeper).await).await["items"].take();
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
