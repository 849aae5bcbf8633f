//! The ticket's files (`/tickets/{id}/attachments`): photos shown small, every file
//! to download, and an upload from a phone's camera or a file, with its purpose.
//! An installation is completed only once the returned installation card is here;
//! the next-steps section links to this one when that is what holds it back.

use aftersales_api_types::attachments::{AttachmentDto, AttachmentPurpose};
use aftersales_api_types::auth::Permission;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::tickets::TicketKind;
use leptos::html::Input;
use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::JsCast;

use super::TicketView;
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, browser_problem};
use crate::components::screen::{form_problem, invalid};
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::session::Session;

/// What the server takes (`AttachmentDto::media_type`).
const ACCEPTED: &str = "image/jpeg,image/png,image/webp,application/pdf";

fn purpose_key(purpose: AttachmentPurpose) -> &'static str {
    match purpose {
        AttachmentPurpose::Photo => "attachments.purpose.photo",
        AttachmentPurpose::Document => "attachments.purpose.document",
        AttachmentPurpose::InstallationCard => "attachments.purpose.installation_card",
        AttachmentPurpose::Invoice => "attachments.purpose.invoice",
    }
}

#[component]
pub fn AttachmentsSection(view: TicketView) -> impl IntoView {
    let i18n = use_i18n();
    let session = view.session;
    let files = LocalResource::new(move || {
        let _ = view.changes.get();
        api::attachments::list(session, view.id)
    });
    // An installation's card is what its clerk attaches most.
    let installation = view.ticket.with_untracked(|t| t.kind == TicketKind::Installation);
    let purpose =
        RwSignal::new(if installation { AttachmentPurpose::InstallationCard } else { AttachmentPurpose::Photo });
    let picked = NodeRef::<Input>::new();
    let problem = RwSignal::new(None::<Problem>);
    let attached = RwSignal::new(None::<String>);
    let upload = Action::new_local(move |(): &()| {
        let file = picked.get_untracked().and_then(|input| input.files()).and_then(|files| files.get(0));
        let purpose = purpose.get_untracked();
        async move {
            let Some(file) = file else {
                problem.try_set(Some(browser_problem(&[("file", "attachments.choose_file")])));
                return;
            };
            let (name, media_type) = (file.name(), file.type_());
            // The browser may refuse a file moved or deleted since it was picked.
            let Some(bytes) = bytes_of(&file).await else {
                problem.try_set(Some(browser_problem(&[("file", "attachments.unreadable")])));
                return;
            };
            match api::attachments::upload(session, view.id, purpose, name, media_type, bytes).await {
                Ok(file) => {
                    attached.try_set(Some(file.file_name));
                    if let Some(input) = picked.get_untracked() {
                        input.set_value("");
                    }
                    // The list and the steps (whose guard may now hold) are read again.
                    view.changes.try_update(|n| *n += 1);
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        attached.set(None);
        upload.dispatch_local(());
    };
    let list = move || match files.get() {
        None => view! { <p class="muted">{t("table.loading")}</p> }.into_any(),
        Some(Err(e)) => view! { <ProblemView problem=e.problem /> }.into_any(),
        Some(Ok(files)) if files.is_empty() => {
            view! { <p id="attachments-none" class="muted">{t("attachments.none")}</p> }.into_any()
        }
        Some(Ok(files)) => view! {
            <ul id="attachments-list" class="attachments plain-list">
                {files.into_iter().map(|file| view! { <FileRow session file /> }).collect_view()}
            </ul>
        }
        .into_any(),
    };
    let may_attach = move || session.may(Permission::WorkTickets);
    let form = move || {
        may_attach().then(|| {
            view! {
                <form id="attachments-form" class="inline-form" on:submit=submit>
                    <div class="field">
                        <label for="attachments-purpose">{t("attachments.purpose")}</label>
                        <select id="attachments-purpose"
                            on:change=move |ev| {
                                if let Some(p) = AttachmentPurpose::parse(&event_target_value(&ev)) {
                                    purpose.set(p);
                                }
                            }>
                            {AttachmentPurpose::ALL.into_iter().map(|p| view! {
                                <option value=p.as_str() selected=move || purpose.get() == p>{t(purpose_key(p))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="attachments-file">{t("attachments.file")}</label>
                        <input type="file" id="attachments-file" accept=ACCEPTED node_ref=picked
                            aria-invalid=invalid(problem, "file") aria-describedby="attachments-file-error" />
                        <FieldErrors problem=problem.into() field="file" id="attachments-file" />
                    </div>
                    <button type="submit" id="attachments-upload" class="button" prop:disabled=move || upload.pending().get()>
                        {move || if upload.pending().get() { t("attachments.uploading")() } else { t("attachments.upload")() }}
                    </button>
                </form>
            }
        })
    };
    view! {
        <section id="ticket-attachments" class="card ticket-section" aria-labelledby="ticket-attachments-title">
            <h2 id="ticket-attachments-title">{t("attachments.title")}</h2>
            {move || attached.get().map(|name| view! {
                <p id="attachments-attached" class="notice" role="status">
                    {move || i18n.format("attachments.attached", &[("name", &name)])}
                </p>
            })}
            {form_problem(problem, "attachments-problem")}
            {list}
            {form}
        </section>
    }
}

/// One file: a small picture of a photo, its purpose, name, size and time, and a
/// download button.
#[component]
fn FileRow(session: Session, file: AttachmentDto) -> impl IntoView {
    let i18n = use_i18n();
    let picture = file.media_type.starts_with("image/").then(|| {
        view! { <Thumbnail session ticket=file.ticket_id attachment=file.id media_type=file.media_type.clone() alt=file.file_name.clone() /> }
    });
    let size_kib = (file.size_bytes + 1023) / 1024;
    let uploaded_at = file.uploaded_at;
    let purpose = file.purpose;
    let name = file.file_name.clone();
    let saving = Action::new_local(move |file: &AttachmentDto| {
        let file = file.clone();
        async move { api::attachments::save(session, &file).await }
    });
    let row = file.clone();
    view! {
        <li class="attachment" data-purpose=purpose.as_str()>
            {picture}
            <div class="attachment-facts">
                <strong>{t(purpose_key(purpose))}</strong>
                <bdi class="attachment-name">{name}</bdi>
                <small class="muted">
                    {move || i18n.format("attachments.size_kib", &[("size", &i18n.number(size_kib))])}
                    " · "
                    <time datetime=iso_instant(uploaded_at)>{move || i18n.date_time(uploaded_at)}</time>
                </small>
            </div>
            <button type="button" class="button secondary" on:click=move |_| { saving.dispatch_local(row.clone()); }>
                {t("attachments.download")}
            </button>
            {move || saving.value().get().and_then(Result::err).map(|e| view! { <ProblemView problem=e.problem /> })}
        </li>
    }
}

/// A photo, read with the bearer token (an `<img src>` cannot carry it) and shown
/// from an object URL, which is let go when the row goes.
#[component]
fn Thumbnail(session: Session, ticket: Uuid, attachment: Uuid, media_type: String, alt: String) -> impl IntoView {
    let made = StoredValue::new(None::<String>);
    let url = LocalResource::new(move || {
        let media_type = media_type.clone();
        async move {
            let bytes = api::attachments::content(session, ticket, attachment).await.ok()?;
            let url = object_url(&bytes, &media_type).ok()?;
            made.try_set_value(Some(url.clone()));
            Some(url)
        }
    });
    on_cleanup(move || {
        if let Some(Some(url)) = made.try_get_value() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    move || url.get().flatten().map(|src| view! { <img class="attachment-thumb" src=src alt=alt.clone() /> })
}

/// An object URL for `bytes` of `media_type`.
fn object_url(bytes: &[u8], media_type: &str) -> Result<String, wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// The bytes of a file the user picked.
async fn bytes_of(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    let buffer: js_sys::ArrayBuffer = buffer.dyn_into().ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
