//! The upload form: what the file holds, the file, "Check" (a dry run) and, once a
//! check found nothing wrong, "Import". Either starts a job on the server, which is
//! then read again every moment until it is done.

use aftersales_api_types::imports::{ImportJobDto, ImportKindName};
use aftersales_api_types::problem::Problem;
use aftersales_domain::imports::ImportKind;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::kind_key;
use crate::api;
use crate::api::imports::{KINDS, kind_code, media_type_of};
use crate::components::problem::{FieldErrors, browser_problem};
use crate::components::screen::{form_problem, invalid};
use crate::i18n::t;
use crate::session::Session;

/// What the file picker offers.
const ACCEPTED: &str = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// How long to wait between two reads of a running job, in milliseconds.
const POLL_MS: i32 = 400;

fn domain_kind(kind: ImportKindName) -> ImportKind {
    match kind {
        ImportKindName::ProductModels => ImportKind::ProductModels,
        ImportKindName::Serials => ImportKind::Serials,
    }
}

#[component]
pub fn UploadForm(session: Session, current: RwSignal<Option<ImportJobDto>>, finished: RwSignal<u32>) -> impl IntoView {
    let kind = RwSignal::new(ImportKindName::Serials);
    let picked = NodeRef::<Input>::new();
    let problem = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);
    // The picked file passed a check and may be imported.
    let checked = RwSignal::new(false);
    let run = move |dry_run: bool| {
        let file = picked.get_untracked().and_then(|input| input.files()).and_then(|files| files.get(0));
        let kind = kind.get_untracked();
        problem.set(None);
        let Some(file) = file else {
            problem.set(Some(browser_problem(&[("file", "imports.choose_file")])));
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let job = upload(session, kind, dry_run, &file, problem).await;
            if let Some(job) = job {
                current.try_set(Some(job.clone()));
                let done = follow(session, job, current).await;
                checked.try_set(dry_run && done.is_some_and(|j| j.status == "succeeded"));
                finished.try_update(|n| *n += 1);
            }
            busy.try_set(false);
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run(true);
    };
    let columns = move || {
        let kind = domain_kind(kind.get());
        let required = kind.required();
        kind.columns()
            .iter()
            .map(|c| {
                let strong = required.contains(c);
                view! {
                    <li class:required=strong>
                        <code>{*c}</code>
                        {strong.then(|| view! { <span class="required-mark" aria-hidden="true">"*"</span> })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <form id="import-form" class="card imports-section" on:submit=submit>
            <h2 id="import-form-title">{t("imports.upload.title")}</h2>
            {form_problem(problem, "import-problem")}
            <div class="field">
                <label for="import-kind">{t("imports.kind")}</label>
                <select id="import-kind" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(k) = KINDS.into_iter().find(|k| kind_code(*k) == value) {
                        kind.set(k);
                        checked.set(false);
                    }
                }>
                    {KINDS.into_iter().map(|k| view! {
                        <option value=kind_code(k) selected=move || kind.get() == k>{t(kind_key(kind_code(k)))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="import-columns">
                <p class="hint">{t("imports.columns")}</p>
                <ul id="import-columns" class="chips plain-list">{columns}</ul>
            </div>
            <div class="field">
                <label for="import-file">{t("imports.file")}</label>
                <input type="file" id="import-file" accept=ACCEPTED node_ref=picked
                    on:change=move |_| checked.set(false)
                    aria-invalid=invalid(problem, "file") aria-describedby="import-file-error" />
                <FieldErrors problem=problem.into() field="file" id="import-file" />
            </div>
            <div class="actions">
                <button type="submit" id="import-check" class="button" prop:disabled=move || busy.get()>
                    {t("imports.check")}
                </button>
                <button type="button" id="import-run" class="button primary"
                    prop:disabled=move || busy.get() || !checked.get()
                    on:click=move |_| run(false)>
                    {t("imports.run")}
                </button>
            </div>
            <p class="hint">{t("imports.check_first")}</p>
        </form>
    }
}

/// Reads the picked file and sends it; a problem lands in `problem`.
async fn upload(
    session: Session,
    kind: ImportKindName,
    dry_run: bool,
    file: &web_sys::File,
    problem: RwSignal<Option<Problem>>,
) -> Option<ImportJobDto> {
    let name = file.name();
    let media_type = media_type_of(&name, &file.type_());
    let Some(bytes) = bytes_of(file).await else {
        problem.try_set(Some(browser_problem(&[("file", "imports.unreadable")])));
        return None;
    };
    match api::imports::start(session, kind, dry_run, name, media_type, bytes).await {
        Ok(job) => Some(job),
        Err(e) => {
            problem.try_set(Some(e.problem));
            None
        }
    }
}

/// Reads the job again until it is no longer running; each read is shown.
async fn follow(
    session: Session,
    mut job: ImportJobDto,
    current: RwSignal<Option<ImportJobDto>>,
) -> Option<ImportJobDto> {
    while job.status == "running" {
        sleep(POLL_MS).await;
        job = api::imports::job(session, job.id).await.ok()?;
        // `Some` back: the page is gone, and nobody reads on.
        if current.try_set(Some(job.clone())).is_some() {
            return None;
        }
    }
    Some(job)
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The bytes of a file the user picked.
async fn bytes_of(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    let buffer: js_sys::ArrayBuffer = buffer.dyn_into().ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
