//! The entitlement decision over HTTP on worked cases: the same rules as
//! `crates/domain/src/warranty/worked_cases.rs`, end to end on a real database.
use aftersales_tests::{json, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::catalogue::model_id;
use crate::warranty::publish_policies;

struct Case {
    name: &'static str,
    sku: &'static str,
    unit: Value,
    claim: Value,
    extra: Value,
    /// Parts, labour, travel covered?
    covered: (bool, bool, bool),
    parts_until: Option<&'static str>,
    warning: Option<&'static str>,
    policy: Option<&'static str>,
}

fn case(name: &'static str, sku: &'static str, unit: Value, claim: Value, covered: (bool, bool, bool)) -> Case {
    Case { name, sku, unit, claim, extra: json!({}), covered, parts_until: None, warning: None, policy: None }
}

fn sold(on: &str) -> Value {
    json!({"sale_date": on})
}

fn on(day: &str) -> Value {
    json!({"date": day})
}

fn cases() -> Vec<Case> {
    let daikin = "FTKB25WVMV";
    vec![
        Case {
            parts_until: Some("2028-01-09"),
            policy: Some("Daikin standard"),
            ..case("01 new unit, every leg", daikin, sold("2026-01-10"), on("2026-06-01"), (true, true, true))
        },
        case("02 travel lapses first", daikin, sold("2026-01-10"), on("2026-07-10"), (true, true, false)),
        case("03 labour lapses before parts", daikin, sold("2026-01-10"), on("2027-01-10"), (true, false, false)),
        Case {
            parts_until: Some("2028-01-09"),
            ..case("04 every term expired", daikin, sold("2026-01-10"), on("2028-01-10"), (false, false, false))
        },
        Case {
            parts_until: Some("2031-01-09"),
            ..case(
                "05 compressor override",
                daikin,
                sold("2026-01-10"),
                json!({"date": "2029-05-01", "component_code": "compressor"}),
                (true, false, false),
            )
        },
        case(
            "06 liquid damage excluded",
            daikin,
            sold("2026-01-10"),
            json!({"date": "2026-03-01", "conditions": ["liquid_damage"]}),
            (false, false, false),
        ),
        Case {
            extra: json!({"contracts": [{"kind": "extended_warranty", "legs": ["parts", "labour"], "starts_on": "2028-01-10", "ends_on": "2029-01-09"}]}),
            parts_until: Some("2029-01-09"),
            ..case("07 extended warranty contract", daikin, sold("2026-01-10"), on("2028-06-01"), (true, true, false))
        },
        Case {
            extra: json!({"prior_repairs": [{"reference": "RO-HN01-2028-000042", "component_code": "pcb", "replaced_on": "2028-03-01", "warranty_days": 90}]}),
            parts_until: Some("2028-05-30"),
            ..case(
                "08 repair warranty on a replaced part",
                daikin,
                sold("2026-01-10"),
                json!({"date": "2028-04-15", "component_code": "pcb"}),
                (true, true, false),
            )
        },
        Case {
            warning: Some("basis_date_missing"),
            parts_until: Some("2026-12-29"),
            ..case(
                "09 no sale date: manufacture + 90 days",
                daikin,
                json!({"manufacture_date": "2025-10-01"}),
                on("2026-06-01"),
                (true, true, true),
            )
        },
        Case {
            policy: Some("Refrigerators delivered"),
            ..case(
                "10 category policy from delivery beats the brand",
                "RT38CG6584B1",
                json!({"sale_date": "2026-01-10", "delivery_date": "2026-02-15"}),
                on("2026-08-10"),
                (true, true, true),
            )
        },
        Case {
            policy: Some("Samsung standard"),
            ..case(
                "10b the brand policy still speaks for other categories",
                "QA55Q60D",
                json!({"sale_date": "2026-01-10", "delivery_date": "2026-02-15"}),
                on("2026-08-10"),
                (true, true, false),
            )
        },
        Case {
            policy: Some("FTKB35 installed"),
            ..case(
                "11 model policy from installation beats the brand",
                "FTKB35WVMV",
                json!({"sale_date": "2026-01-10", "installation_date": "2026-03-01"}),
                on("2026-08-31"),
                (true, true, true),
            )
        },
        Case {
            warning: Some("basis_date_missing"),
            ..case(
                "12 no installation date: delivery used",
                "FTKB35WVMV",
                json!({"sale_date": "2026-01-10", "delivery_date": "2026-02-01"}),
                on("2026-07-31"),
                (true, true, true),
            )
        },
        case(
            "13 counted from registration",
            "MSAFB-10CRDN8",
            json!({"sale_date": "2026-01-10", "registration_date": "2026-04-01"}),
            on("2027-03-31"),
            (true, true, false),
        ),
        case(
            "14 counted from manufacture + 30 days",
            "HW90-BP14959S8",
            json!({"sale_date": "2026-05-01", "manufacture_date": "2026-01-01"}),
            on("2027-01-30"),
            (true, true, false),
        ),
        Case {
            policy: Some("Daikin standard"),
            ..case(
                "15 version in force at sale: v1, 12 months of parts",
                daikin,
                sold("2025-12-20"),
                on("2027-06-01"),
                (false, false, false),
            )
        },
        Case {
            warning: Some("no_policy"),
            ..case("16 sold before any policy", daikin, sold("2023-06-01"), on("2023-07-01"), (false, false, false))
        },
        Case {
            warning: Some("no_start_date"),
            ..case("17 no date at all", daikin, json!({}), on("2026-02-01"), (false, false, false))
        },
        Case {
            warning: Some("claim_before_start"),
            ..case("18 claim before the sale", daikin, sold("2026-03-01"), on("2026-02-01"), (false, false, false))
        },
        case("19 leap-day sale, calendar months", daikin, sold("2028-02-29"), on("2029-02-28"), (true, false, false)),
    ]
}

#[tokio::test]
async fn the_worked_cases_decide_as_written() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    publish_policies(&app, &token).await;
    let mut failures = Vec::new();
    for c in cases() {
        let mut unit = c.unit.clone();
        unit["model_id"] = json!(model_id(&app, &token, c.sku).await);
        let mut body = json!({"unit": unit, "claim": c.claim});
        for (k, v) in c.extra.as_object().cloned().unwrap_or_default() {
            body[k] = v;
        }
        let response = app.post("/api/v1/warranty/evaluate", &token, &body).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", c.name);
        let d = json(response).await;
        let leg = |name: &str| {
            d["legs"].as_array().into_iter().flatten().find(|l| l["leg"] == name).cloned().unwrap_or_default()
        };
        let got = (leg("parts")["covered"] == true, leg("labour")["covered"] == true, leg("travel")["covered"] == true);
        let mut wrong = Vec::new();
        if got != c.covered {
            wrong.push(format!("covered {got:?}, expected {:?}", c.covered));
        }
        if let Some(until) = c.parts_until
            && leg("parts")["expires_on"] != until
        {
            wrong.push(format!("parts until {}, expected {until}", leg("parts")["expires_on"]));
        }
        if let Some(code) = c.warning
            && !d["warnings"].as_array().into_iter().flatten().any(|w| w["code"] == code)
        {
            wrong.push(format!("no warning {code} in {}", d["warnings"]));
        }
        if let Some(name) = c.policy
            && d["policy"]["name"] != name
        {
            wrong.push(format!("policy {}, expected {name}", d["policy"]["name"]));
        }
        if leg("parts")["reasons"].as_array().is_none_or(|r| r.is_empty()) {
            wrong.push("the parts leg gives no reason".into());
        }
        if !wrong.is_empty() {
            failures.push(format!("{}: {}", c.name, wrong.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn a_decision_names_its_rules_and_explains_itself() {
    let app = spawn_app().await;
    let token = app.token("clerk.hn01").await;
    let admin = app.token("admin").await;
    publish_policies(&app, &admin).await;
    let model = model_id(&app, &token, "FTKB25WVMV").await;
    let body = json!({"unit": {"model_id": model, "sale_date": "2026-01-10"}, "claim": {"date": "2029-05-01", "component_code": "compressor"}});
    let d = json(app.post("/api/v1/warranty/evaluate", &token, &body).await).await;
    let parts = &d["legs"][0];
    assert_eq!(parts["source"]["kind"], "component_override");
    assert_eq!(parts["source"]["policy_version"], 2);
    assert!(parts["rule_ids"][0].as_str().is_some_and(|r| r.ends_with("@v2/compressor/parts")), "{parts}");
    let reason = parts["reasons"][0].as_str().unwrap_or_default();
    assert!(
        reason.contains("60 months from the sale date 2026-01-10") && reason.contains("covered until 2031-01-09"),
        "{reason}"
    );
    assert_eq!(
        parts["explained"][0],
        json!({
            "code": "covered", "leg": "parts", "cover": "component_override", "policy_name": "Daikin standard",
            "policy_version": 2, "component_code": "compressor", "months": 60, "basis": "sale",
            "from": "2026-01-10", "until": "2031-01-09"
        }),
        "the reason as data, for clients that word it in their reader's language"
    );
    let labour = &d["legs"][1]["explained"];
    assert_eq!(
        (labour[0]["code"].clone(), labour[0]["until"].clone()),
        (json!("expired"), json!("2027-01-09")),
        "{labour}"
    );
    assert_eq!(d["start"], json!({"basis": "sale", "date": "2026-01-10"}));
}
