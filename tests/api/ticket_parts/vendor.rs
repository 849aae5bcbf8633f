//! The old part's way back to the manufacturer: handed in, packed into a
//! return-to-vendor shipment of its brand, shipped out of the quarantine shelf, and
//! written off when the manufacturer acknowledges it; or scrapped with a reason.
use aftersales_tests::{assert_problem, json};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{Bench, fields, kinds};
use crate::catalogue::brand_id;
use crate::tickets::id_of;

async fn pack(b: &Bench, brand: &str, ids: &[&str]) -> reqwest::Response {
    let body = json!({"warehouse_id": b.quarantine, "brand_id": brand, "defective_part_ids": ids});
    b.app.post("/api/v1/rtv-shipments", &b.keeper, &body).await
}

async fn hand_in(b: &Bench, id: &str) {
    let path = format!("/api/v1/defective-parts/{id}/receive");
    let received = b.app.post(&path, &b.keeper, &json!({"warehouse_id": b.quarantine})).await;
    assert_eq!(received.status(), StatusCode::OK, "handed in");
}

fn code(problem: &Value) -> &str {
    problem["errors"][0]["code"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn an_old_part_goes_back_to_the_manufacturer_and_is_written_off_on_its_acknowledgement() {
    let b = Bench::new("TP-RTV", 40).await;
    b.stock_in(&b.main, 2).await;
    b.done(&b.keeper, "issue", &b.main, 2).await;
    let first = json(b.record(&b.tech, 1, 0, 1).await).await;
    let second = json(b.record(&b.tech, 1, 0, 1).await).await;
    let shipped_one = id_of(&first["defective_parts"][0]);
    let scrapped_one = id_of(&second["defective_parts"][0]);
    assert_ne!(shipped_one, scrapped_one, "each recording owes its own old part");
    hand_in(&b, &shipped_one).await;

    let daikin = brand_id(&b.app, &b.keeper, "DAIKIN").await;
    let samsung = brand_id(&b.app, &b.keeper, "SAMSUNG").await;
    let problem = assert_problem(
        pack(&b, &daikin, &[&shipped_one, &scrapped_one]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!((fields(&problem), code(&problem)), (vec!["defective_part_ids[1]".to_owned()], "not_received"));
    let problem = assert_problem(
        pack(&b, &samsung, &[&shipped_one]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(code(&problem), "other_brand", "one shipment goes to one manufacturer");
    hand_in(&b, &scrapped_one).await;

    let packed = pack(&b, &daikin, &[&shipped_one]).await;
    assert_eq!(packed.status(), StatusCode::CREATED);
    let packed = json(packed).await;
    let shipment = id_of(&packed);
    assert_eq!((packed["status"].as_str(), packed["quantity"].as_i64()), (Some("draft"), Some(1)));
    assert!(packed["number"].as_str().unwrap_or_default().starts_with("RTV-HN01-"), "{}", packed["number"]);
    assert_eq!(packed["parts"][0]["rtv_shipment_id"], shipment.as_str());
    let problem =
        assert_problem(pack(&b, &daikin, &[&shipped_one]).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .await;
    assert_eq!(code(&problem), "already_batched");

    // A packed part is not scrapped; one on the shelf is, with its reason.
    let scrap = |id: &str| format!("/api/v1/defective-parts/{id}/scrap");
    let reason = json!({"reason": "burnt, no claim"});
    assert_problem(b.app.post(&scrap(&shipped_one), &b.keeper, &reason).await, StatusCode::CONFLICT, "conflict").await;
    let scrapped = b.app.post(&scrap(&scrapped_one), &b.keeper, &reason).await;
    assert_eq!(scrapped.status(), StatusCode::OK);
    let scrapped = json(scrapped).await;
    assert_eq!(scrapped["defective_part"]["status"], "scrapped");
    assert_eq!(scrapped["defective_part"]["close_reason"], "burnt, no claim");
    assert_eq!(scrapped["movement"]["kind"], "write_off");
    assert_eq!(b.stock(&b.quarantine).await, (1, 0), "the packed part is still on the shelf");

    let path = |step: &str| format!("/api/v1/rtv-shipments/{shipment}/{step}");
    let rma = json!({"reference": "RMA-2026-0042"});
    let early = b.app.post(&path("acknowledge"), &b.keeper, &json!({"reference": "CN-1"})).await;
    assert_problem(early, StatusCode::CONFLICT, "conflict").await;
    assert_problem(b.app.post(&path("ship"), &b.tech, &rma).await, StatusCode::FORBIDDEN, "forbidden").await;
    let shipped = b.app.post(&path("ship"), &b.keeper, &rma).await;
    assert_eq!(shipped.status(), StatusCode::OK);
    let shipped = json(shipped).await;
    assert_eq!(
        (shipped["status"].as_str(), shipped["ship_reference"].as_str()),
        (Some("shipped"), Some("RMA-2026-0042"))
    );
    assert_eq!(shipped["parts"][0]["status"], "shipped");
    assert_eq!(b.stock(&b.quarantine).await, (0, 0), "the shelf is empty");
    assert_eq!(
        kinds(&b.ledger(&b.quarantine).await),
        vec![("defective_return", 1), ("defective_return", 1), ("write_off", -1), ("return_to_vendor", -1)]
    );
    assert_problem(b.app.post(&path("ship"), &b.keeper, &rma).await, StatusCode::CONFLICT, "conflict").await;

    let acknowledged = b.app.post(&path("acknowledge"), &b.keeper, &json!({"reference": "CN-7781"})).await;
    assert_eq!(acknowledged.status(), StatusCode::OK);
    let acknowledged = json(acknowledged).await;
    assert_eq!(acknowledged["status"], "acknowledged");
    assert_eq!(acknowledged["parts"][0]["status"], "written_off");
    let reason = acknowledged["parts"][0]["close_reason"].as_str().unwrap_or_default();
    assert!(reason.contains("CN-7781"), "{reason}");
    let closed = json(b.app.get("/api/v1/defective-parts?status=written_off", &b.keeper).await).await;
    assert_eq!(closed["items"][0]["id"], shipped_one.as_str());
    let listed = json(b.app.get("/api/v1/rtv-shipments?status=acknowledged", &b.keeper).await).await;
    assert_eq!(listed["items"][0]["id"], shipment.as_str());

    let tehran = b.app.token("clerk.teh01").await;
    let elsewhere = b.app.get(&format!("/api/v1/rtv-shipments/{shipment}"), &tehran).await;
    assert_problem(elsewhere, StatusCode::NOT_FOUND, "not_found").await;
}
