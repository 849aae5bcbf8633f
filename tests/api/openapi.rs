//! The committed spec must be what the code generates (regenerate with
//! `cargo run -q -p aftersales-api -- openapi > openapi/openapi.json`).
use aftersales_api::routes::openapi_json;

#[test]
fn the_committed_openapi_document_matches_the_code() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/openapi.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = format!("{}\n", openapi_json());
    assert!(
        committed == generated,
        "openapi/openapi.json is out of date: run `cargo run -q -p aftersales-api -- openapi > openapi/openapi.json`"
    );
}

#[test]
fn every_operation_has_an_id_a_tag_a_summary_and_described_responses() {
    let spec: serde_json::Value = serde_json::from_str(&openapi_json()).unwrap_or_default();
    let paths = spec["paths"].as_object().cloned().unwrap_or_default();
    assert!(paths.len() >= 13);
    for (path, item) in paths {
        for (method, op) in item.as_object().cloned().unwrap_or_default() {
            let name = format!("{method} {path}");
            assert!(op["operationId"].is_string(), "{name}: operationId");
            assert!(op["tags"].as_array().is_some_and(|t| !t.is_empty()), "{name}: tag");
            assert!(op["summary"].as_str().is_some_and(|s| !s.is_empty()), "{name}: summary");
            for (status, response) in op["responses"].as_object().cloned().unwrap_or_default() {
                assert!(
                    response["description"].as_str().is_some_and(|d| !d.is_empty()),
                    "{name} {status}: description"
                );
            }
            assert!(op["responses"]["500"].is_object(), "{name}: error responses");
        }
    }
    assert!(spec["components"]["securitySchemes"]["bearer"].is_object());
}
