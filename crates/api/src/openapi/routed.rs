//! The routing table and the document list the same endpoints: every operation in
//! the document reaches the handler actix registered at that very path, whatever
//! actix answers the document lists at the path that answered, and actix holds no
//! resource at a path the document does not have. A handler states its path twice
//! (`#[get(...)]` for actix, `path = ...` for the document); this is where the two
//! must agree.
use std::collections::BTreeSet;

use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{App, HttpRequest, HttpResponse, test, web};
use utoipa::openapi::PathItem;

use super::document;
use crate::routes;

/// What the test app answers when no resource took the request.
const UNROUTED: StatusCode = StatusCode::IM_A_TEAPOT;
/// The pattern of the resource that took the request, as actix registered it.
const MATCHED_PATTERN: HeaderName = HeaderName::from_static("x-matched-pattern");

/// Every method a path item can describe.
const METHODS: [Method; 7] =
    [Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE, Method::HEAD, Method::OPTIONS];

fn documents(item: &PathItem, method: &Method) -> bool {
    let operation = match *method {
        Method::GET => &item.get,
        Method::POST => &item.post,
        Method::PUT => &item.put,
        Method::PATCH => &item.patch,
        Method::DELETE => &item.delete,
        Method::HEAD => &item.head,
        Method::OPTIONS => &item.options,
        _ => return false,
    };
    operation.is_some()
}

/// The template with each `{parameter}` filled in. A handler that gets this far
/// fails on its extractors (the test app has no state), which is fine: only the
/// resource that took the request matters here.
fn concrete(template: &str) -> String {
    template
        .split('/')
        .map(|segment| match (segment.find('{'), segment.find('}')) {
            (Some(open), Some(close)) => format!("{}1{}", &segment[..open], &segment[close + 1..]),
            _ => segment.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The pattern as the document writes it: `{id:[0-9a-f-]+}` becomes `{id}`.
fn without_constraints(pattern: &str) -> String {
    let mut plain = String::with_capacity(pattern.len());
    let mut depth = 0;
    let mut in_constraint = false;
    for c in pattern.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ':' if depth == 1 => in_constraint = true,
            _ => {}
        }
        if depth == 0 {
            in_constraint = false;
        }
        if !in_constraint {
            plain.push(c);
        }
    }
    plain
}

/// The patterns of every resource actix registered. actix lists them nowhere
/// public, but `ResourceMap`'s `Debug` names each resource's pattern as
/// `patterns: Single("...")`.
fn registered_patterns(resource_map: &str) -> BTreeSet<String> {
    const MARK: &str = "patterns: Single(\"";
    resource_map
        .split(MARK)
        .skip(1)
        .filter_map(|rest| rest.split_once("\")").map(|(pattern, _)| without_constraints(pattern)))
        .filter(|pattern| !pattern.is_empty())
        .collect()
}

async fn unrouted(req: HttpRequest) -> HttpResponse {
    HttpResponse::build(UNROUTED).body(format!("{:?}", req.resource_map()))
}

#[actix_web::test]
async fn every_documented_operation_is_routed_and_nothing_else_is() {
    let app = test::init_service(App::new().configure(routes::configure).default_service(web::to(unrouted)).wrap_fn(
        |req, srv| {
            let answer = srv.call(req);
            async move {
                let mut answer: ServiceResponse = answer.await?;
                let pattern = answer.request().match_pattern().unwrap_or_default();
                if let Ok(value) = HeaderValue::from_str(&pattern) {
                    answer.headers_mut().insert(MATCHED_PATTERN, value);
                }
                Ok(answer)
            }
        },
    ))
    .await;
    let spec = document();
    let mut disagreements = Vec::new();
    let mut operations = 0;
    for (template, item) in &spec.paths.paths {
        let uri = concrete(template);
        for method in METHODS {
            let request = test::TestRequest::default().method(method.clone()).uri(&uri).to_request();
            let answer = test::call_service(&app, request).await;
            let documented = documents(item, &method);
            if answer.status() == UNROUTED {
                if documented {
                    disagreements.push(format!("{method} {template} is documented but not routed"));
                }
                continue;
            }
            let pattern = answer.headers().get(&MATCHED_PATTERN).and_then(|v| v.to_str().ok()).unwrap_or("");
            let matched = without_constraints(pattern);
            if documented && matched != *template {
                disagreements.push(format!("{method} {template} is routed to {pattern}"));
            } else if documented {
                operations += 1;
            } else if !spec.paths.paths.get(&matched).is_some_and(|other| documents(other, &method)) {
                // `/imports/{kind}` and `/imports/{id}` take the same requests: what one
                // answers, the document lists under the other.
                disagreements.push(format!("{method} {uri} is routed to {pattern}, which the document does not list"));
            }
        }
    }
    assert!(disagreements.is_empty(), "the routes and the document disagree:\n{}", disagreements.join("\n"));
    assert!(operations >= 175, "only {operations} operations found");

    let probe = test::TestRequest::get().uri("/no/such/route").to_request();
    let resource_map = String::from_utf8_lossy(&test::call_and_read_body(&app, probe).await).into_owned();
    let registered = registered_patterns(&resource_map);
    let documented: BTreeSet<String> = spec.paths.paths.keys().cloned().collect();
    let undocumented: Vec<&String> = registered.difference(&documented).collect();
    assert!(undocumented.is_empty(), "routed but not in the document: {undocumented:?}");
    assert_eq!(registered.len(), documented.len(), "every documented path is a registered resource");
}
