//! The spec is good enough for a generated client: list pages refer to their item
//! schema, closed sets are enums, always-sent fields are required, uploads are
//! binary bodies; and a JSON body is read whole or refused.
use aftersales_api::routes::openapi_json;
use aftersales_api_types::vocab::ProblemCode;
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, Response, StatusCode};
use serde_json::Value;

use crate::tracking::take_in;

fn spec() -> Value {
    serde_json::from_str(&openapi_json()).unwrap_or_default()
}

fn schema<'a>(spec: &'a Value, name: &str) -> &'a Value {
    &spec["components"]["schemas"][name]
}

/// The enum a property names, following one `$ref` (and the array's items).
fn enum_of(spec: &Value, property: &Value) -> Vec<String> {
    let property = if property["items"].is_object() { &property["items"] } else { property };
    let target = match property["$ref"].as_str() {
        Some(r) => schema(spec, r.rsplit('/').next().unwrap_or_default()),
        None => property,
    };
    target["enum"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect()
}

#[test]
fn every_list_page_refers_to_its_item_schema() {
    let spec = spec();
    let schemas = spec["components"]["schemas"].as_object().cloned().unwrap_or_default();
    let pages: Vec<&String> = schemas.keys().filter(|n| n.starts_with("Page_")).collect();
    assert!(pages.len() >= 20, "{pages:?}");
    for page in pages {
        let item = page.trim_start_matches("Page_");
        let items = &schemas[page]["properties"]["items"];
        assert_eq!(items["type"], "array", "{page}");
        assert_eq!(items["items"]["$ref"], format!("#/components/schemas/{item}"), "{page}");
        assert!(schemas.contains_key(item), "{page}: {item} is not in the document");
    }
    let tickets = &spec["paths"]["/api/v1/tickets"]["get"]["responses"]["200"]["content"]["application/json"];
    assert_eq!(tickets["schema"]["$ref"], "#/components/schemas/Page_TicketDto");
}

#[test]
fn the_problem_code_is_an_enum_of_every_code_the_server_gives() {
    let spec = spec();
    let codes = enum_of(&spec, &schema(&spec, "Problem")["properties"]["code"]);
    let expected: Vec<String> = ProblemCode::ALL.iter().map(|c| c.as_str().to_owned()).collect();
    assert_eq!(codes, expected);
    assert!(codes.iter().any(|c| c == "validation_failed") && codes.iter().any(|c| c == "guard_failed"));
}

#[test]
fn closed_sets_of_values_are_enums() {
    let spec = spec();
    let cases = [
        ("TicketEventDto", "kind", "stage_changed"),
        ("SerialEventDto", "kind", "owner_changed"),
        ("GuardState", "guard", "callback_done"),
        ("NextStep", "roles", "technician"),
        ("ImportJobDto", "status", "succeeded"),
        ("ImportJobDto", "kind", "serials"),
        ("MovementDto", "kind", "issue_to_ticket"),
        ("DispatchWarning", "code", "missing_skill"),
        ("AttachmentDto", "media_type", "application/pdf"),
    ];
    for (name, field, example) in cases {
        let values = enum_of(&spec, &schema(&spec, name)["properties"][field]);
        assert!(values.iter().any(|v| v == example), "{name}.{field}: {values:?}");
    }
}

#[test]
fn fields_always_sent_are_required_even_when_null() {
    let spec = spec();
    let ticket = schema(&spec, "TicketDto");
    let required: Vec<&str> = ticket["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    for field in ["technician_id", "closed_at", "warranty", "external_reference"] {
        assert!(required.contains(&field), "TicketDto.{field} is not required: {required:?}");
    }
    let technician = ticket["properties"]["technician_id"].to_string();
    assert!(technician.contains("null"), "technician_id must stay nullable: {technician}");
    // A field left out when empty stays optional.
    let problem = schema(&spec, "Problem")["required"].to_string();
    assert!(!problem.contains("\"errors\""), "{problem}");
}

#[test]
fn file_uploads_are_binary_bodies() {
    let spec = spec();
    for (path, op) in [("/api/v1/tickets/{id}/attachments", "post"), ("/api/v1/imports/{kind}", "post")] {
        let content = spec["paths"][path][op]["requestBody"]["content"].as_object().cloned().unwrap_or_default();
        let body = &content["application/octet-stream"]["schema"];
        assert_eq!(body["type"], "string", "{path}: {content:?}");
        assert_eq!(body["format"], "binary", "{path}");
    }
    let download = &spec["paths"]["/api/v1/exports/serials.xlsx"]["get"]["responses"]["200"]["content"];
    let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    assert_eq!(download[xlsx]["schema"]["format"], "binary");
}

async fn send_raw(app: &TestApp, method: Method, path: &str, token: &str, content_type: &str, body: &[u8]) -> Response {
    app.request(method, path, Some(token))
        .header("content-type", content_type)
        .body(body.to_vec())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[tokio::test]
async fn a_json_body_with_anything_after_its_value_is_a_400_and_nothing_is_stored() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let two = br#"{"code":"spec_a","name":"Spec A"}{"code":"spec_b","name":"Spec B"}"#;
    let refused = send_raw(&app, Method::POST, "/api/v1/skills", &admin, "application/json", two).await;
    let problem = assert_problem(refused, StatusCode::BAD_REQUEST, "malformed_request").await;
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains("after its JSON value")), "{problem}");
    let skills = json(app.get("/api/v1/skills?limit=200", &admin).await).await.to_string();
    assert!(!skills.contains("spec_a") && !skills.contains("spec_b"), "{skills}");

    let trailing = br#"{"username":"admin","password":"demo-password"} x"#;
    let login = send_raw(&app, Method::POST, "/api/v1/auth/login", &admin, "application/json", trailing).await;
    assert_problem(login, StatusCode::BAD_REQUEST, "malformed_request").await;

    let (clerk, ticket) = take_in(&app, "repair", "").await;
    let path = format!("/api/v1/tickets/{}", ticket["id"].as_str().unwrap_or_default());
    let patch = br#"{"condition_notes":"scratched"}[]"#;
    let refused = send_raw(&app, Method::PATCH, &path, &clerk, "application/json", patch).await;
    assert_problem(refused, StatusCode::BAD_REQUEST, "malformed_request").await;
    let after = json(app.get(&path, &clerk).await).await;
    assert_ne!(after["condition_notes"], "scratched");

    // Whitespace after the value is still one value.
    let spaced = b"{\"code\":\"spec_c\",\"name\":\"Spec C\"}\r\n\t ";
    let created = send_raw(&app, Method::POST, "/api/v1/skills", &admin, "application/json", spaced).await;
    assert_eq!(created.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn files_sent_as_octet_stream_are_told_by_their_content() {
    let app = spawn_app().await;
    let (clerk, ticket) = take_in(&app, "repair", "").await;
    let path = format!("/api/v1/tickets/{}/attachments?purpose=document", ticket["id"].as_str().unwrap_or_default());
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n".to_vec();
    let attached = send_raw(&app, Method::POST, &path, &clerk, "application/octet-stream", &pdf).await;
    assert_eq!(attached.status(), StatusCode::CREATED);
    let attached = json(attached).await;
    assert_eq!(attached["media_type"], "application/pdf");
    assert_eq!(attached["file_name"], "document.pdf");
    let unknown = send_raw(&app, Method::POST, &path, &clerk, "application/octet-stream", b"just text").await;
    assert_problem(unknown, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    let admin = app.token("admin").await;
    let csv = b"brand_code,category_code,sku,name,needs_installation\nDAIKIN,air_conditioner,SPEC-1,Spec unit,false\n";
    let job = send_raw(
        &app,
        Method::POST,
        "/api/v1/imports/product_models?dry_run=true",
        &admin,
        "application/octet-stream",
        csv,
    )
    .await;
    assert_eq!(job.status(), StatusCode::ACCEPTED);
    let job = json(job).await;
    assert_eq!(job["kind"], "product_models");
    assert_eq!(job["total_rows"], 1, "{job}");
}
