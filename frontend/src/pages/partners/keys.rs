//! A partner's API keys: create one (its secret shown this once, with a copy
//! button and a warning), list them by prefix with scopes, expiry and last use,
//! and revoke one after a confirmation.

use aftersales_api_types::partners::{ApiKeyDto, ApiScope, CreateApiKey, CreatedApiKey, PartnerDto, PartnerKind};
use aftersales_api_types::problem::Problem;
use chrono::{NaiveTime, TimeZone, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api;
use crate::components::problem::{FieldErrors, ProblemView};
use crate::components::screen::{form_problem, invalid};
use crate::components::table::ListTable;
use crate::i18n::date::parse_date;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

const COLUMNS: &[&str] = &[
    "settings.name",
    "partners.prefix",
    "partners.scopes",
    "partners.expires",
    "partners.last_used",
    "settings.actions",
];

/// The scopes a partner of this kind may give its keys: a manufacturer only reads.
fn scopes_for(kind: PartnerKind) -> Vec<ApiScope> {
    match kind {
        PartnerKind::Manufacturer => vec![ApiScope::TicketsRead],
        _ => ApiScope::ALL.to_vec(),
    }
}

#[component]
pub fn KeysPanel(partner: PartnerDto, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let partner_id = partner.id;
    let changes = RwSignal::new(0u32);
    let shown = RwSignal::new(None::<CreatedApiKey>);
    let list = LocalResource::new(move || {
        let _ = changes.get();
        api::partners::keys(session, partner_id)
    });
    let name = RwSignal::new(String::new());
    let expires = RwSignal::new(String::new());
    let chosen = RwSignal::new(vec![ApiScope::TicketsRead]);
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();
    let create = Action::new_local(move |body: &CreateApiKey| {
        let body = body.clone();
        async move {
            match api::partners::create_key(session, partner_id, &body).await {
                Ok(created) => {
                    shown.try_set(Some(created));
                    name.try_set(String::new());
                    changes.try_update(|n| *n += 1);
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = expires.get_untracked();
        let expires_at = match typed.trim() {
            "" => None,
            text => match parse_date(i18n.locale(), text) {
                Some(day) => Some(Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN))),
                None => {
                    let found = [("expires_at", "partners.error.expires")];
                    problem.set(Some(crate::components::problem::browser_problem(&found)));
                    return;
                }
            },
        };
        problem.set(None);
        shown.set(None);
        create.dispatch_local(CreateApiKey { name: name.get_untracked(), scopes: chosen.get_untracked(), expires_at });
    };
    let scope_boxes = scopes_for(partner.kind)
        .into_iter()
        .map(|scope| {
            let id = format!("key-scope-{}", scope.as_str().replace(':', "-"));
            view! {
                <div class="field check">
                    <input id=id.clone() type="checkbox" value=scope.as_str()
                        prop:checked=move || chosen.with(|c| c.contains(&scope))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| { c.retain(|s| *s != scope); if on { c.push(scope); } });
                        } />
                    <label for=id><code>{scope.as_str()}</code></label>
                </div>
            }
        })
        .collect_view();
    let title = format!("{} — {}", partner.code, partner.name);
    view! {
        <section id="partner-keys" class="card partner-keys" aria-labelledby="partner-keys-title">
            <h2 id="partner-keys-title">{t("partners.keys")}": "<bdi>{title}</bdi></h2>
            {move || shown.get().map(|created| view! {
                <SecretOnce id="key" secret=created.secret on_done=Callback::new(move |()| shown.set(None))>
                    <p><strong>{t("partners.secret_once")}</strong></p>
                </SecretOnce>
            })}
            <form id="key-form" class="settings-form" on:submit=submit novalidate>
                <h3>{t("partners.new_key")}</h3>
                {form_problem(problem, "key-problem")}
                <div class="form-grid">
                    <div class="field">
                        <label for="key-name">{t("settings.name")}</label>
                        <input id="key-name" type="text" maxlength="120" autocomplete="off" bind:value=name
                            aria-invalid=invalid(problem, "name") aria-describedby="key-name-error" />
                        <FieldErrors problem=errors field="name" id="key-name" />
                    </div>
                    <div class="field">
                        <label for="key-expires">{t("partners.expires_optional")}</label>
                        <input id="key-expires" type="text" dir="ltr" autocomplete="off" bind:value=expires
                            aria-invalid=invalid(problem, "expires_at") aria-describedby="key-expires-error" />
                        <FieldErrors problem=errors field="expires_at" id="key-expires" />
                    </div>
                    <fieldset class="wide settings-checks" aria-invalid=invalid(problem, "scopes") aria-describedby="key-scopes-error">
                        <legend>{t("partners.scopes")}</legend>
                        {scope_boxes}
                        <FieldErrors problem=errors field="scopes" id="key-scopes" />
                    </fieldset>
                </div>
                <div class="form-actions">
                    <button id="key-create" type="submit" class="button primary" disabled=move || create.pending().get()>
                        {t("partners.create_key")}
                    </button>
                    <button id="keys-close" type="button" class="button" on:click=move |_| on_close.run(())>
                        {t("partners.close")}
                    </button>
                </div>
            </form>
            <ListTable id="key-table" caption="partners.keys" columns=COLUMNS empty="partners.no_keys" list
                row=move |k| key_row(partner_id, changes, k).into_any() />
        </section>
    }
}

/// A secret just made (an API key's, a webhook endpoint's signing secret), shown
/// this once under `children` (the warning), with a copy button. Its elements'
/// ids start with `id`: `{id}-secret`, `{id}-secret-value`, `{id}-copy`,
/// `{id}-secret-done`.
#[component]
pub(super) fn SecretOnce(id: &'static str, secret: String, on_done: Callback<()>, children: Children) -> impl IntoView {
    let shown = secret.clone();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        copy_text(&secret);
        copied.set(true);
    };
    view! {
        <div id=format!("{id}-secret") class="alert warning" role="alert">
            {children()}
            <p><code id=format!("{id}-secret-value") dir="ltr" class="secret">{shown}</code></p>
            <div class="form-actions">
                <button id=format!("{id}-copy") type="button" class="button" on:click=copy>
                    {move || if copied.get() { t("partners.copied") } else { t("partners.copy") }}
                </button>
                <button id=format!("{id}-secret-done") type="button" class="button" on:click=move |_| on_done.run(())>
                    {t("partners.secret_saved")}
                </button>
            </div>
        </div>
    }
}

/// `navigator.clipboard.writeText(text)`, where the browser offers it.
fn copy_text(text: &str) {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else { return };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else { return };
    if let Ok(write) = write.dyn_into::<js_sys::Function>() {
        let _ = write.call1(&clipboard, &text.into());
    }
}

fn key_row(partner_id: uuid::Uuid, changes: RwSignal<u32>, key: ApiKeyDto) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let key_id = key.id;
    let revoke = Action::new_local(move |(): &()| async move {
        match api::partners::revoke_key(session, partner_id, key_id).await {
            Ok(_) => {
                changes.try_update(|n| *n += 1);
            }
            Err(e) => {
                asking.try_set(false);
                problem.try_set(Some(e.problem));
            }
        }
    });
    let scopes = key.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
    let expires = key.expires_at.map(|at| i18n.date_time(at)).unwrap_or_else(|| i18n.text("partners.never").to_owned());
    let last_used =
        key.last_used_at.map(|at| i18n.date_time(at)).unwrap_or_else(|| i18n.text("partners.never_used").to_owned());
    let revoked = key.revoked_at.map(|at| i18n.date_time(at));
    let is_revoked = revoked.is_some();
    view! {
        <tr data-id=key.id.to_string() data-prefix=key.prefix.clone() class:inactive=is_revoked>
            <td class="name">{key.name.clone()}</td>
            <td class="code"><code dir="ltr">{key.prefix.clone()}"…"</code></td>
            <td class="scopes"><bdi>{scopes}</bdi></td>
            <td class="expires">{expires}</td>
            <td class="last-used">{last_used}</td>
            <td class="actions">
                {match revoked {
                    Some(at) => view! { <span class="muted key-revoked">{t("partners.revoked")}" "{at}</span> }.into_any(),
                    None => view! {
                        <Show when=move || asking.get() fallback=move || view! {
                            <button type="button" class="button link danger key-revoke"
                                on:click=move |_| { problem.set(None); asking.set(true); }>{t("partners.revoke")}</button>
                        }>
                            <span class="settings-confirm" role="alert">
                                <span>{t("partners.confirm_revoke")}</span>
                                <button type="button" class="button link danger key-revoke-yes" disabled=move || revoke.pending().get()
                                    on:click=move |_| { revoke.dispatch_local(()); }>{t("partners.revoke_yes")}</button>
                                <button type="button" class="button link key-revoke-no" on:click=move |_| asking.set(false)>
                                    {t("settings.keep")}
                                </button>
                            </span>
                        </Show>
                    }.into_any(),
                }}
                {move || problem.get().map(|p| view! { <ProblemView problem=p /> })}
            </td>
        </tr>
    }
}
