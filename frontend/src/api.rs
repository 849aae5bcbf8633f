//! The typed client of the REST API: one async function per endpoint, all under
//! `/api/v1` on the page's own origin.
//!
//! Calls that need a signed-in user attach `Authorization: Bearer <access token>`.
//! When the server answers 401, the client trades the refresh token for a new pair
//! (once, shared by every call that failed at the same moment: a refresh token works
//! only once) and retries the call once. Every failure comes back as an [`ApiError`]
//! that carries an RFC 9457 problem, so pages show one kind of error.

use std::cell::RefCell;
use std::fmt;

use aftersales_api_types::Page;
use aftersales_api_types::auth::{LoginRequest, MeDto, RefreshRequest, TokenResponse};
use aftersales_api_types::branches::BranchDto;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::tracking::PublicTracking;
use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use gloo_net::http::{Method, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::session::Session;

pub mod attachments;
pub mod audit;
pub mod catalogue;
pub mod customers;
pub mod dashboard;
pub mod defective_parts;
pub mod dispatch;
pub mod imports;
pub mod intake;
pub mod orders;
pub mod part_sales;
pub mod partners;
pub mod parts;
pub mod purchasing;
pub mod reference;
pub mod reports;
pub mod rtv;
pub mod serials;
pub mod settings;
pub mod stock;
pub mod ticket;
pub mod ticket_parts;
pub mod tickets;
pub mod transfers;
pub mod warranty;
pub mod warranty_cards;
pub mod webhooks;
pub mod work;
pub mod workflows;

/// Where every endpoint lives.
pub const API_BASE: &str = "/api/v1";

/// What a form sends: a new record, or a change to one (id, the version it
/// read, the body).
#[derive(Debug, Clone)]
pub enum Save<C, U> {
    Create(C),
    Update(Uuid, i64, U),
}

/// A failed call: the server's problem document, or one made up here when the
/// server could not be reached or answered something that is not a problem.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub problem: Problem,
}

impl ApiError {
    fn local(status: u16, code: &str, title: &str, detail: impl Into<String>) -> Self {
        Self {
            problem: Problem {
                problem_type: "about:blank".to_owned(),
                title: title.to_owned(),
                status,
                code: code.to_owned(),
                detail: Some(detail.into()),
                errors: Vec::new(),
            },
        }
    }

    /// The request never got an answer (offline, server down, CORS …).
    fn network(err: impl fmt::Display) -> Self {
        Self::local(0, "network_error", "The server could not be reached", err.to_string())
    }

    /// An answer this client does not understand.
    fn unexpected(status: u16, err: impl fmt::Display) -> Self {
        Self::local(status, "unexpected_response", "Unexpected answer from the server", err.to_string())
    }

    /// The user must sign in (again).
    pub fn is_unauthorized(&self) -> bool {
        self.problem.status == 401
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem.detail {
            Some(detail) => write!(f, "{}: {}", self.problem.title, detail),
            None => f.write_str(&self.problem.title),
        }
    }
}

impl std::error::Error for ApiError {}

/// One request, kept as data so it can be sent again after a refresh.
struct Call {
    method: Method,
    path: String,
    query: Vec<(&'static str, String)>,
    headers: Vec<(&'static str, String)>,
    body: Option<Body>,
}

/// What a call sends: a JSON document, or a file's bytes as they are.
enum Body {
    Json(String),
    File { media_type: String, bytes: Vec<u8> },
}

impl Call {
    fn new(method: Method, path: impl Into<String>) -> Self {
        Self { method, path: path.into(), query: Vec::new(), headers: Vec::new(), body: None }
    }

    fn query(mut self, name: &'static str, value: Option<String>) -> Self {
        if let Some(value) = value {
            self.query.push((name, value));
        }
        self
    }

    /// Every `(name, value)` pair as a query parameter, in order.
    fn queries(mut self, pairs: impl IntoIterator<Item = (&'static str, String)>) -> Self {
        self.query.extend(pairs);
        self
    }

    /// A request header, sent again unchanged on a retry.
    fn header(mut self, name: &'static str, value: String) -> Self {
        self.headers.push((name, value));
        self
    }

    /// `If-Match` of a record read at `version` (its ETag): 412 if it changed since.
    fn if_match(self, version: i64) -> Self {
        self.header("If-Match", format!("\"{version}\""))
    }

    /// `Idempotency-Key` chosen by the caller, so a retry of the same submit is
    /// answered with the first answer.
    fn idempotency_key(self, key: Uuid) -> Self {
        self.header("Idempotency-Key", key.to_string())
    }

    /// A fresh `Idempotency-Key` for this submit: a retry after a lost answer is safe.
    fn fresh_idempotency_key(self) -> Self {
        self.idempotency_key(Uuid::now_v7())
    }

    fn json(mut self, body: &impl Serialize) -> Result<Self, ApiError> {
        let text = serde_json::to_string(body).map_err(|e| ApiError::unexpected(0, e))?;
        self.body = Some(Body::Json(text));
        Ok(self)
    }

    /// A file as the body, sent with its own media type.
    fn file(mut self, media_type: String, bytes: Vec<u8>) -> Self {
        self.body = Some(Body::File { media_type, bytes });
        self
    }

    async fn send(&self, access_token: Option<&str>) -> Result<Response, ApiError> {
        let mut builder = RequestBuilder::new(&format!("{API_BASE}{}", self.path))
            .method(self.method.clone())
            .header("Accept", "application/json, application/problem+json");
        if !self.query.is_empty() {
            builder = builder.query(self.query.iter().map(|(k, v)| (*k, v.as_str())));
        }
        for (name, value) in &self.headers {
            builder = builder.header(name, value);
        }
        if let Some(token) = access_token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        let request = match &self.body {
            Some(Body::Json(text)) => builder.header("Content-Type", "application/json").body(text.clone()),
            Some(Body::File { media_type, bytes }) => {
                builder.header("Content-Type", media_type).body(js_sys::Uint8Array::from(bytes.as_slice()))
            }
            None => builder.build(),
        }
        .map_err(ApiError::network)?;
        request.send().await.map_err(ApiError::network)
    }
}

/// Turns an answer into `T`, or into the problem it carries.
async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    if response.ok() {
        return response.json::<T>().await.map_err(|e| ApiError::unexpected(status, e));
    }
    Err(problem_of(response).await)
}

async fn problem_of(response: Response) -> ApiError {
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    match serde_json::from_str::<Problem>(&text) {
        Ok(problem) => ApiError { problem },
        Err(_) => ApiError::unexpected(status, format!("HTTP {status} {}", response.status_text())),
    }
}

/// Sends a call as the signed-in user; on 401 refreshes once and retries once.
async fn send_authed(session: Session, call: &Call) -> Result<Response, ApiError> {
    let token = session.access_token();
    let response = call.send(token.as_deref()).await?;
    if response.status() != 401 {
        return Ok(response);
    }
    let current = session.access_token();
    if current.is_some() && current != token {
        // Another call refreshed the tokens while this one was on its way.
        return call.send(current.as_deref()).await;
    }
    match refresh_shared(session).await {
        Ok(()) => call.send(session.access_token().as_deref()).await,
        // The refresh failed: the first answer says best why the call failed.
        Err(_) => Ok(response),
    }
}

/// Sends a call as the signed-in user: its answer if it succeeded, its problem
/// otherwise.
async fn authed_answer(session: Session, call: &Call) -> Result<Response, ApiError> {
    let response = send_authed(session, call).await?;
    if response.ok() {
        return Ok(response);
    }
    let problem = problem_of(response).await;
    if problem.is_unauthorized() {
        // Neither the token nor a refresh worked: ask for the password again, in
        // place, so nothing typed on the page is lost.
        session.expire();
    }
    Err(problem)
}

async fn authed<T: DeserializeOwned>(session: Session, call: Call) -> Result<T, ApiError> {
    decode(authed_answer(session, &call).await?).await
}

/// Sends a call as the signed-in user and reads the file it answers.
async fn file_bytes(session: Session, call: Call) -> Result<Vec<u8>, ApiError> {
    let response = authed_answer(session, &call).await?;
    let status = response.status();
    response.binary().await.map_err(|e| ApiError::unexpected(status, e))
}

/// Sends a call as the signed-in user and hands the file it answers to the
/// browser's downloads as `file_name` (a link cannot carry the bearer token).
async fn download(session: Session, call: Call, file_name: &str) -> Result<(), ApiError> {
    let bytes = file_bytes(session, call).await?;
    save_file(&bytes, file_name).map_err(|e| ApiError::unexpected(200, format!("{e:?}")))
}

/// Offers `bytes` as a file: an object URL clicked through a hidden link.
fn save_file(bytes: &[u8], file_name: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// How many pages of a list are read at most (200 rows each).
const MAX_PAGES: usize = 25;

/// Every page of a list endpoint with these filters, 200 rows at a time (at most
/// [`MAX_PAGES`] pages).
async fn every_page<T: DeserializeOwned>(
    session: Session,
    path: &str,
    filters: &[(&'static str, String)],
) -> Result<Vec<T>, ApiError> {
    let mut items = Vec::new();
    let mut cursor = None;
    for _ in 0..MAX_PAGES {
        let call = Call::new(Method::GET, path)
            .queries(filters.iter().cloned())
            .query("limit", Some("200".to_owned()))
            .query("cursor", cursor);
        let page: Page<T> = authed(session, call).await?;
        items.extend(page.items);
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    Ok(items)
}

type RefreshFuture = Shared<LocalBoxFuture<'static, Result<(), ApiError>>>;

thread_local! {
    /// The refresh under way, if any, so that calls failing together refresh once.
    static REFRESHING: RefCell<Option<RefreshFuture>> = const { RefCell::new(None) };
}

async fn refresh_shared(session: Session) -> Result<(), ApiError> {
    let fut = REFRESHING.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                async move {
                    let result = refresh_now(session).await;
                    REFRESHING.with(|cell| cell.borrow_mut().take());
                    result
                }
                .boxed_local()
                .shared()
            })
            .clone()
    });
    fut.await
}

async fn refresh_now(session: Session) -> Result<(), ApiError> {
    let Some(refresh_token) = session.refresh_token() else {
        return Err(ApiError::local(401, "unauthenticated", "Please sign in", "No session"));
    };
    let tokens = refresh(&RefreshRequest { refresh_token }).await?;
    let access_token = tokens.access_token.clone();
    // Kept at once: the old refresh token is spent.
    session.renew(tokens);
    // The roles may have changed since sign-in. If this read fails, what was known stays.
    if let Ok(me) = me_as(&access_token).await {
        session.set_me(me);
    }
    Ok(())
}

/// Signs in: trades the username and password for tokens, reads with them what the
/// user may do, and remembers both, so every page knows what to offer from the start.
pub async fn sign_in(session: Session, request: &LoginRequest) -> Result<(), ApiError> {
    let tokens = login(request).await?;
    let me = me_as(&tokens.access_token).await?;
    session.sign_in(tokens, me.permissions);
    Ok(())
}

/// `POST /auth/login`: trades a username and password for tokens.
pub async fn login(request: &LoginRequest) -> Result<TokenResponse, ApiError> {
    let call = Call::new(Method::POST, "/auth/login").json(request)?;
    decode(call.send(None).await?).await
}

/// `POST /auth/refresh`: trades a refresh token for a new pair.
pub async fn refresh(request: &RefreshRequest) -> Result<TokenResponse, ApiError> {
    let call = Call::new(Method::POST, "/auth/refresh").json(request)?;
    decode(call.send(None).await?).await
}

/// `POST /auth/logout`: ends the session of this refresh token on the server.
/// Not retried: the caller forgets the session whatever the answer.
pub async fn logout(session: Session) -> Result<(), ApiError> {
    let Some(refresh_token) = session.refresh_token() else {
        return Ok(());
    };
    let call = Call::new(Method::POST, "/auth/logout").json(&RefreshRequest { refresh_token })?;
    let response = call.send(session.access_token().as_deref()).await?;
    if response.ok() { Ok(()) } else { Err(problem_of(response).await) }
}

/// `GET /auth/me`: the signed-in user and what they may do.
pub async fn me(session: Session) -> Result<MeDto, ApiError> {
    authed(session, Call::new(Method::GET, "/auth/me")).await
}

/// `GET /auth/me` with a pair of tokens not remembered yet.
async fn me_as(access_token: &str) -> Result<MeDto, ApiError> {
    decode(Call::new(Method::GET, "/auth/me").send(Some(access_token)).await?).await
}

/// `GET /branches/{id}`: one branch.
pub async fn branch(session: Session, id: String) -> Result<BranchDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/branches/{id}"))).await
}

/// A failed tracking look-up: the problem, and for a 429 how many seconds the
/// server asks to wait (its `Retry-After`).
#[derive(Debug, Clone, PartialEq)]
pub struct TrackError {
    pub error: ApiError,
    pub retry_after: Option<u64>,
}

/// `GET /public/track/{code}?lang=…`: a ticket's progress, without signing in.
pub async fn track(code: &str, lang: &str) -> Result<PublicTracking, TrackError> {
    let path = format!("/public/track/{}", String::from(js_sys::encode_uri_component(code)));
    let call = Call::new(Method::GET, path).query("lang", Some(lang.to_owned()));
    let response = call.send(None).await.map_err(|error| TrackError { error, retry_after: None })?;
    let retry_after = response.headers().get("Retry-After").and_then(|v| v.trim().parse::<u64>().ok());
    decode(response).await.map_err(|error| TrackError { error, retry_after })
}
