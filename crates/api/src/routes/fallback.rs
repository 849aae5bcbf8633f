//! What no route took: a wrong method on a known path (405 with `Allow`), the web
//! app (GET outside `/api`), or an unknown route (404).
use actix_web::dev::ResourceDef;
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::ApiError;
use crate::spa;
use crate::state::AppState;

/// Path templates and their methods, to answer a wrong method with 405 and `Allow`.
pub struct RouteTable(Vec<(ResourceDef, Vec<Method>)>);

impl RouteTable {
    pub fn from_spec(spec: &utoipa::openapi::OpenApi) -> Self {
        let routes = spec
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let mut methods = Vec::new();
                let candidates = [
                    (item.get.is_some(), Method::GET),
                    (item.post.is_some(), Method::POST),
                    (item.put.is_some(), Method::PUT),
                    (item.patch.is_some(), Method::PATCH),
                    (item.delete.is_some(), Method::DELETE),
                ];
                for (present, method) in candidates {
                    if present {
                        methods.push(method);
                    }
                }
                let (template, constrained) = constrain_enums(path, item);
                (constrained, ResourceDef::new(template), methods)
            })
            .collect::<Vec<_>>();
        // `/imports/{kind}` (an enum) must be tried before `/imports/{id}`.
        let (first, rest): (Vec<_>, Vec<_>) = routes.into_iter().partition(|(constrained, ..)| *constrained);
        RouteTable(first.into_iter().chain(rest).map(|(_, def, methods)| (def, methods)).collect())
    }

    /// The spec lists paths in lexical order, so a literal segment
    /// (`/warranty-cards/batches`) is tried before a parameter (`/warranty-cards/{number}`):
    /// `{` sorts after every letter and digit.
    fn allowed(&self, path: &str) -> Option<&[Method]> {
        self.0.iter().find(|(def, _)| def.is_match(path)).map(|(_, m)| m.as_slice())
    }
}

/// The path template with each path parameter that is an enum narrowed to its
/// values (`{kind:(product_models|serials)}`), and whether any was.
fn constrain_enums(path: &str, item: &utoipa::openapi::PathItem) -> (String, bool) {
    use utoipa::openapi::{RefOr, Schema};
    let mut template = path.to_owned();
    let mut constrained = false;
    let operations = [&item.get, &item.post, &item.put, &item.patch, &item.delete];
    let params = operations.into_iter().flatten().filter_map(|op| op.parameters.as_ref()).flatten();
    for param in params {
        let RefOr::T(param) = param else { continue };
        let Some(RefOr::T(Schema::Object(object))) = &param.schema else { continue };
        let Some(values) = &object.enum_values else { continue };
        let names: Vec<&str> = values.iter().filter_map(|v| v.as_str()).collect();
        let plain = format!("{{{}}}", param.name);
        if !names.is_empty() && template.contains(&plain) {
            template = template.replace(&plain, &format!("{{{}:({})}}", param.name, names.join("|")));
            constrained = true;
        }
    }
    (template, constrained)
}

/// Anything no route took: a wrong method on a known path (405), the web app
/// (GET outside `/api`), or an unknown route (404).
pub async fn fallback(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    if let Some(methods) = state.routes.allowed(req.path())
        && !methods.contains(req.method())
    {
        let allow: Vec<&str> = methods.iter().map(Method::as_str).collect();
        return Err(ApiError::MethodNotAllowed { method: req.method().to_string(), allow: allow.join(", ") });
    }
    let is_api = req.path() == "/api" || req.path().starts_with("/api/");
    if !is_api
        && (req.method() == Method::GET || req.method() == Method::HEAD)
        && let Some(response) = spa::serve(&req, &state.config.static_dir).await
    {
        return Ok(response);
    }
    Err(ApiError::RouteNotFound(format!("{} {}", req.method(), req.path())))
}
