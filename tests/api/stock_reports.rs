//! Stock reports over HTTP: each one's numbers agree with the ledger and with
//! sums done by hand, a period is cut at the branch's local midnight, the XLSX
//! download opens with the same numbers, and nobody sees another branch's stock.
mod parts_used;
mod period;

use aftersales_api::use_cases::stock::ledger::move_stock;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::Movement;
use aftersales_domain::stock::ledger::MovementMeta;
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::catalogue::{brand_id, model_id};
use crate::customers::{create, customer};
use crate::stock::{Shelf, receive, shelf};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn uuid(s: &str) -> Uuid {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn str_of(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// A second part (reorder point 2) in the shelf's warehouse, as `Shelf`.
async fn another_part(app: &TestApp, shelf: &Shelf, code: &str) -> Shelf {
    let admin = app.token("admin").await;
    let daikin = brand_id(app, &admin, "DAIKIN").await;
    let part = json!({"brand_id": daikin, "sku": format!("FAN-{code}"), "name": "Fan motor", "unit": "pcs",
        "serialised": false, "standard_cost": {"amount": "500000", "currency": "VND"},
        "price": {"amount": "800000", "currency": "VND"}, "reorder_point": 2});
    let response = app.post("/api/v1/parts", &admin, &part).await;
    assert_eq!(response.status(), StatusCode::CREATED, "part");
    Shelf { warehouse: shelf.warehouse.clone(), part: str_of(&json(response).await["id"]) }
}

/// A repair ticket at HN01; its id and number.
async fn ticket(app: &TestApp, phone: &str) -> (String, String) {
    let admin = app.token("admin").await;
    let clerk = app.token("clerk.hn01").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let owner = create(app, &clerk, &customer(&hn01, "Đỗ Minh Quân", phone)).await;
    let model = model_id(app, &clerk, "FTKB25WVMV").await;
    let body = json!({"branch_id": hn01, "kind": "repair", "channel": "counter",
        "customer_id": owner["id"], "model_id": model});
    let response = app.post("/api/v1/tickets", &clerk, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let ticket = json(response).await;
    (str_of(&ticket["id"]), str_of(&ticket["number"]))
}

async fn issue(app: &TestApp, token: &str, shelf: &Shelf, quantity: i64, ticket_id: Option<&str>) {
    let body = json!({"warehouse_id": shelf.warehouse, "part_id": shelf.part, "quantity": quantity,
        "ticket_id": ticket_id});
    assert_eq!(app.post("/api/v1/stock/issues", token, &body).await.status(), StatusCode::CREATED);
}

/// A movement written straight to the ledger at a chosen instant (the API always
/// moves stock now), through the same rules as the API.
async fn moved_at(app: &TestApp, shelf: &Shelf, kind: MovementKind, quantity: i64, cost: Option<i64>, at: &str) {
    let at: DateTime<Utc> = at.parse().unwrap_or_else(|e| panic!("{at}: {e}"));
    moved(app, shelf, kind, quantity, cost, None, at).await;
}

async fn moved(
    app: &TestApp,
    shelf: &Shelf,
    kind: MovementKind,
    quantity: i64,
    cost: Option<i64>,
    ticket_id: Option<&str>,
    at: DateTime<Utc>,
) {
    let movement = Movement { kind, quantity, unit_cost_minor: cost, from_reservation: false };
    let meta = MovementMeta { ticket_id: ticket_id.map(uuid).map(Into::into), ..MovementMeta::default() };
    move_stock(&app.db, uuid(&shelf.warehouse), uuid(&shelf.part), movement, meta, at)
        .await
        .unwrap_or_else(|e| panic!("store: {e}"))
        .unwrap_or_else(|e| panic!("refused: {e}"));
}

/// The shelf's ledger from `/stock/movements`.
async fn ledger_rows(app: &TestApp, token: &str, shelf: &Shelf) -> Vec<Value> {
    let path = format!("/api/v1/stock/movements?warehouse_id={}&part_id={}&limit=200", shelf.warehouse, shelf.part);
    let page = json(app.get(&path, token).await).await;
    page["items"].as_array().cloned().unwrap_or_default()
}

fn sum(rows: &[Value], key: &str) -> i64 {
    rows.iter().map(|r| r[key].as_i64().unwrap_or_default()).sum()
}

/// The lines of `report[list]` about the shelf's part (and warehouse).
fn lines_of(report: &Value, list: &str, shelf: &Shelf) -> Vec<Value> {
    let all = report[list].as_array().cloned().unwrap_or_default();
    all.into_iter()
        .filter(|l| l["part_id"] == shelf.part.as_str() && l["warehouse_id"] == shelf.warehouse.as_str())
        .collect()
}

async fn report(app: &TestApp, token: &str, path: &str) -> Value {
    let response = app.get(path, token).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    json(response).await
}

/// Downloads a workbook, checks it is one, and opens it.
async fn workbook(app: &TestApp, token: &str, path: &str) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    let response = app.get(path, token).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(header("content-type"), XLSX);
    assert!(header("content-disposition").starts_with("attachment"), "{}", header("content-disposition"));
    let bytes = response.bytes().await.unwrap_or_else(|e| panic!("{e}")).to_vec();
    Xlsx::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("not a workbook: {e}"))
}

fn cell(book: &mut Xlsx<std::io::Cursor<Vec<u8>>>, sheet: &str, at: (u32, u32)) -> Data {
    let range = book.worksheet_range(sheet).unwrap_or_else(|e| panic!("{sheet}: {e}"));
    range.get_value(at).cloned().unwrap_or(Data::Empty)
}

#[tokio::test]
async fn stock_on_hand_is_the_ledger_per_part_with_warehouse_totals() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let compressor = shelf(&app, "SOH").await;
    let fan = another_part(&app, &compressor, "SOH").await;
    let (ticket_id, _) = ticket(&app, "0912 300 001").await;
    assert_eq!(receive(&app, &keeper, &compressor, 10, "1000000").await.status(), StatusCode::CREATED);
    assert_eq!(receive(&app, &keeper, &compressor, 5, "1300000").await.status(), StatusCode::CREATED);
    issue(&app, &keeper, &compressor, 4, Some(&ticket_id)).await;
    moved(&app, &compressor, MovementKind::Sale, 1, None, None, Utc::now()).await;
    assert_eq!(receive(&app, &keeper, &fan, 3, "500000").await.status(), StatusCode::CREATED);

    let path = format!("/api/v1/reports/stock-on-hand?warehouse_id={}", compressor.warehouse);
    let soh = report(&app, &keeper, &path).await;
    // 15 in at an average of 1 100 000; 5 out at that average.
    let line = &lines_of(&soh, "lines", &compressor)[0];
    assert_eq!(
        (line["on_hand"].as_i64(), line["reserved"].as_i64(), line["available"].as_i64()),
        (Some(10), Some(0), Some(10))
    );
    assert_eq!(
        (line["value_minor"].as_i64(), line["average_cost_minor"].as_i64()),
        (Some(11_000_000), Some(1_100_000))
    );
    assert_eq!((line["currency"].as_str(), line["sku"].as_str()), (Some("VND"), Some("CMP-SOH")));
    let rows = ledger_rows(&app, &keeper, &compressor).await;
    assert_eq!((sum(&rows, "quantity"), sum(&rows, "value_delta_minor")), (10, 11_000_000), "the ledger agrees");
    assert_eq!(soh["lines"].as_array().map(Vec::len), Some(2), "compressor and fan");
    let totals = soh["totals"].as_array().cloned().unwrap_or_default();
    assert_eq!(totals.len(), 1);
    assert_eq!((totals[0]["on_hand"].as_i64(), totals[0]["value_minor"].as_i64()), (Some(13), Some(12_500_000)));

    // The whole of the keeper's branch shows the same lines among others.
    let everything = report(&app, &keeper, "/api/v1/reports/stock-on-hand").await;
    assert_eq!(lines_of(&everything, "lines", &compressor), lines_of(&soh, "lines", &compressor));

    let mut book =
        workbook(&app, &keeper, &format!("/api/v1/reports/stock-on-hand.xlsx?warehouse_id={}", compressor.warehouse))
            .await;
    assert_eq!(cell(&mut book, "stock_on_hand", (0, 3)), Data::String("on_hand".into()));
    assert_eq!(cell(&mut book, "stock_on_hand", (1, 1)), Data::String("CMP-SOH".into()));
    assert_eq!(cell(&mut book, "stock_on_hand", (1, 3)), Data::Float(10.0));
    assert_eq!(cell(&mut book, "stock_on_hand", (1, 7)), Data::Float(11_000_000.0), "value");
    assert_eq!(cell(&mut book, "warehouse_totals", (1, 3)), Data::Float(12_500_000.0));
}

#[tokio::test]
async fn a_clerk_of_tehran_sees_tehran_s_stock_and_none_of_hanoi_s() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let tehran = app.token("clerk.teh01").await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let teh01 = app.branch_id(&admin, "TEH01").await;
    let shelf = shelf(&app, "SCOPE").await;
    assert_eq!(receive(&app, &keeper, &shelf, 1, "1000000").await.status(), StatusCode::CREATED);
    let body = json!({"branch_id": teh01, "code": "WH-TEH", "name": "Kho Vanak", "kind": "outlet"});
    let response = app.post("/api/v1/warehouses", &admin, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let in_tehran = Shelf { warehouse: str_of(&json(response).await["id"]), part: shelf.part.clone() };
    assert_eq!(receive(&app, &admin, &in_tehran, 1, "1000000").await.status(), StatusCode::CREATED);
    let period = |base: &str| {
        let today = Utc::now().date_naive();
        format!("{base}?from={}&to={}", today - Duration::days(1), today + Duration::days(1))
    };

    let soh = report(&app, &tehran, "/api/v1/reports/stock-on-hand").await;
    assert!(soh["lines"].as_array().is_some_and(|l| l.iter().all(|l| l["warehouse_id"] != shelf.warehouse.as_str())));
    assert_eq!(lines_of(&soh, "lines", &in_tehran).len(), 1, "Tehran sees its own");
    let moves = report(&app, &tehran, &period("/api/v1/reports/stock-movements")).await;
    assert_eq!(lines_of(&moves, "movements", &shelf), Vec::<Value>::new());
    assert_eq!(lines_of(&moves, "movements", &in_tehran).len(), 1);
    assert_eq!(moves["time_zones"], json!(["Asia/Tehran"]));
    let network = report(&app, &admin, &period("/api/v1/reports/stock-movements")).await;
    assert_eq!(network["time_zones"], json!(["Asia/Ho_Chi_Minh", "Asia/Tehran"]), "each branch's own days");
    assert_eq!(lines_of(&network, "movements", &shelf).len() + lines_of(&network, "movements", &in_tehran).len(), 2);
    let seen = report(&app, &keeper, &period("/api/v1/reports/stock-movements")).await;
    assert_eq!(lines_of(&seen, "movements", &shelf).len(), 1, "while Hà Nội sees the receipt");
    // Reorder point 2: Tehran counts its one unit, not Hà Nội's; the network has two.
    let below = |report: Value| {
        let lines = report["lines"].as_array().cloned().unwrap_or_default();
        let part = lines.into_iter().find(|l| l["part_id"] == shelf.part.as_str());
        part.map(|p| (p["on_hand"].as_i64(), p["shortfall"].as_i64()))
    };
    let path = "/api/v1/reports/below-reorder-point";
    assert_eq!(below(report(&app, &tehran, path).await), Some((Some(1), Some(1))));
    assert_eq!(below(report(&app, &admin, path).await), None);

    for path in [
        format!("/api/v1/reports/stock-on-hand?warehouse_id={}", shelf.warehouse),
        format!("/api/v1/reports/below-reorder-point.xlsx?warehouse_id={}", shelf.warehouse),
        format!("{}&warehouse_id={}", period("/api/v1/reports/parts-used"), shelf.warehouse),
    ] {
        let problem =
            assert_problem(app.get(&path, &tehran).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem["errors"][0]["field"], "warehouse_id", "{path}");
    }
    let problem = assert_problem(
        app.get(&format!("/api/v1/reports/stock-on-hand?branch_id={hn01}"), &tehran).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "branch_id");

    // Even the head office cannot ask for one branch and another's warehouse.
    let path = format!("/api/v1/reports/stock-on-hand?branch_id={teh01}&warehouse_id={}", shelf.warehouse);
    let problem =
        assert_problem(app.get(&path, &admin).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "warehouse_id");
    let whole_network = report(&app, &admin, "/api/v1/reports/stock-on-hand").await;
    assert_eq!(lines_of(&whole_network, "lines", &shelf).len(), 1, "while the head office sees it");
}
