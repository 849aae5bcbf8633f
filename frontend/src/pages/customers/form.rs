//! The customer form, for registering (`POST /customers`) and changing
//! (`PATCH /customers/{id}` with `If-Match`). Mistakes are shown next to their
//! fields, found here first and by the server otherwise; what was typed stays.

use aftersales_api_types::branches::BranchDto;
use aftersales_api_types::customers::{CreateCustomer, CustomerDto, CustomerKind, CustomerSource, UpdateCustomer};
use aftersales_api_types::problem::{FieldError, Problem};
use aftersales_api_types::users::Locale as CustomerLocale;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::contacts::{
    ADDRESSES, AddressRow, ContactList, EMAILS, EmailRow, FieldMessage, FormProblem, PHONES, PhoneRow, addresses_of,
    emails_of, phones_of,
};
use super::filters::{KINDS, SOURCES, kind_key, source_key};
use crate::api;
use crate::components::problem::{ProblemView, without_fields};
use crate::i18n::{Locale, t, use_i18n};
use crate::query::{from_wire, wire};
use crate::session::use_session;

const LOCALES: [CustomerLocale; 4] = [CustomerLocale::En, CustomerLocale::Vi, CustomerLocale::Fa, CustomerLocale::Zh];

fn blank_phone() -> PhoneRow {
    PhoneRow::new([String::new(), String::new()])
}

fn blank_email() -> EmailRow {
    EmailRow::new([String::new(), String::new()])
}

fn blank_address() -> AddressRow {
    AddressRow::new(Default::default())
}

/// The form. Without `existing` it registers a customer and opens their page; with
/// it, it saves the changes and hands the saved customer to `saved`.
#[component]
pub fn CustomerForm(
    existing: Option<CustomerDto>,
    /// Branches to choose from (empty when the user may not list branches).
    branches: Vec<BranchDto>,
    #[prop(optional)] saved: Option<Callback<CustomerDto>>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let own_branch = session.user().map(|u| u.branch_id);
    let c = existing.clone();
    let editing = c.as_ref().map(|c| (c.id, c.version));
    let stored_branch = c.as_ref().map(|c| c.branch_id);
    let branch =
        RwSignal::new(c.as_ref().map(|c| c.branch_id).or(own_branch).map(|b| b.to_string()).unwrap_or_default());
    let kind = RwSignal::new(wire(&c.as_ref().map_or(CustomerKind::Individual, |c| c.kind)));
    let name = RwSignal::new(c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let tax_id = RwSignal::new(c.as_ref().and_then(|c| c.tax_id.clone()).unwrap_or_default());
    let locale = RwSignal::new(wire(&c.as_ref().map_or_else(|| ui_locale(i18n.locale()), |c| c.locale)));
    let source = RwSignal::new(wire(&c.as_ref().map_or(CustomerSource::WalkIn, |c| c.source)));
    let notes = RwSignal::new(c.as_ref().and_then(|c| c.notes.clone()).unwrap_or_default());
    let phones = RwSignal::new(match &c {
        Some(c) if !c.phones.is_empty() => {
            c.phones.iter().map(|p| PhoneRow::new([p.number.clone(), p.label.clone().unwrap_or_default()])).collect()
        }
        _ => vec![blank_phone()],
    });
    let emails = RwSignal::new(c.as_ref().map_or_else(Vec::new, |c| {
        c.emails.iter().map(|e| EmailRow::new([e.address.clone(), e.label.clone().unwrap_or_default()])).collect()
    }));
    let addresses = RwSignal::new(c.as_ref().map_or_else(Vec::new, |c| {
        c.addresses
            .iter()
            .map(|a| {
                let o = |v: &Option<String>| v.clone().unwrap_or_default();
                AddressRow::new([
                    o(&a.label),
                    a.line1.clone(),
                    o(&a.line2),
                    o(&a.district),
                    o(&a.city),
                    o(&a.province),
                    o(&a.postal_code),
                    a.country.clone(),
                ])
            })
            .collect()
    }));
    let allow_duplicate = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let problem_signal: Signal<Option<Problem>> = problem.into();
    provide_context(FormProblem(problem_signal));

    let save = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        let text = |s: RwSignal<String>| s.get_untracked().trim().to_owned();
        let optional = move |s: RwSignal<String>| Some(text(s)).filter(|v| !v.is_empty());
        let branch_id = Uuid::parse_str(&branch.get_untracked()).ok();
        let kind = from_wire::<CustomerKind>(&kind.get_untracked()).unwrap_or(CustomerKind::Individual);
        let locale = from_wire::<CustomerLocale>(&locale.get_untracked()).unwrap_or_default();
        let source = from_wire::<CustomerSource>(&source.get_untracked()).unwrap_or_default();
        let (name, tax_id, notes) = (text(name), optional(tax_id), optional(notes));
        let phones = phones.with_untracked(|r| phones_of(r));
        let emails = emails.with_untracked(|r| emails_of(r));
        let addresses = addresses.with_untracked(|r| addresses_of(r));
        let allow_duplicate = allow_duplicate.get_untracked();
        async move {
            let found = check(i18n.text("problem.validation_failed"), branch_id, &name, phones.len());
            if found.is_some() {
                problem.try_set(found);
                return;
            }
            let result = match editing {
                None => {
                    let request = CreateCustomer {
                        branch_id: branch_id.unwrap_or_default(),
                        kind,
                        name,
                        tax_id,
                        locale,
                        source,
                        notes,
                        phones,
                        emails,
                        addresses,
                        allow_duplicate,
                    };
                    api::customers::create(session, &request).await
                }
                Some((id, version)) => {
                    let request = UpdateCustomer {
                        // Sent only when changed: a move is a decision, not a side effect.
                        branch_id: branch_id.filter(|b| Some(*b) != stored_branch),
                        kind: Some(kind),
                        name: Some(name),
                        tax_id: Some(tax_id),
                        locale: Some(locale),
                        source: Some(source),
                        notes: Some(notes),
                        phones: Some(phones),
                        emails: Some(emails),
                        addresses: Some(addresses),
                        allow_duplicate,
                    };
                    api::customers::update(session, id, version, &request).await
                }
            };
            match result {
                Ok(customer) => {
                    problem.try_set(None);
                    match saved {
                        Some(saved) => saved.run(customer),
                        None => navigate(&format!("/customers/{}", customer.id), Default::default()),
                    }
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch_local(());
    };

    let form_problem = move || {
        problem.get().map(|p| {
            let conflict = p.status == 409;
            view! {
                <div id="customer-problem" class="alert" role="alert">
                    <ProblemView problem=without_fields(&p) />
                    {conflict.then(|| view! { <p>{t("customers.duplicate_hint")}</p> })}
                </div>
            }
        })
    };
    let invalid = move |field: &'static str| {
        move || problem.with(|p| p.as_ref().is_some_and(|p| p.errors.iter().any(|e| e.field == field))).to_string()
    };
    let branch_options = if branches.is_empty() {
        let own = own_branch.map(|b| b.to_string()).unwrap_or_default();
        view! { <option value=own>{t("customers.my_branch")}</option> }.into_any()
    } else {
        branches
            .into_iter()
            .map(|b| view! { <option value=b.id.to_string() data-code=b.code.clone()>{format!("{} — {}", b.code, b.name)}</option> })
            .collect_view()
            .into_any()
    };
    let title = if editing.is_some() { "customers.edit_title" } else { "customers.new_title" };
    view! {
        <form id="customer-form" class="card customer-form" on:submit=submit novalidate>
            <h2 id="customer-form-title">{t(title)}</h2>
            {form_problem}
            <div class="form-grid">
                <div class="field">
                    <label for="customer-name">{t("customers.name")}</label>
                    <input id="customer-name" type="text" maxlength="200" autocomplete="off" bind:value=name
                        aria-invalid=invalid("name") aria-describedby="customer-name-error" />
                    <FieldMessage problem=problem_signal field="name" id="customer-name" />
                </div>
                <div class="field">
                    <label for="customer-kind">{t("customers.kind")}</label>
                    <select id="customer-kind" bind:value=kind>
                        {KINDS.into_iter().map(|k| view! { <option value=wire(&k)>{t(kind_key(k))}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="customer-branch">{t("customers.branch")}</label>
                    <select id="customer-branch" bind:value=branch aria-invalid=invalid("branch_id")>
                        {branch_options}
                    </select>
                    <FieldMessage problem=problem_signal field="branch_id" id="customer-branch" />
                </div>
                <div class="field">
                    <label for="customer-tax-id">{t("customers.tax_id")}</label>
                    <input id="customer-tax-id" type="text" maxlength="32" autocomplete="off" bind:value=tax_id
                        aria-invalid=invalid("tax_id") aria-describedby="customer-tax-id-error" />
                    <FieldMessage problem=problem_signal field="tax_id" id="customer-tax-id" />
                </div>
                <div class="field">
                    <label for="customer-locale">{t("customers.locale")}</label>
                    <select id="customer-locale" bind:value=locale>
                        {LOCALES.into_iter().map(|l| {
                            let code = wire(&l);
                            let label = Locale::from_code(&code).map_or_else(|| code.clone(), |l| l.native_name().to_owned());
                            view! { <option value=code>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="customer-source">{t("customers.source")}</label>
                    <select id="customer-source" bind:value=source>
                        {SOURCES.into_iter().map(|s| view! { <option value=wire(&s)>{t(source_key(s))}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <ContactList spec=&PHONES rows=phones problem=problem_signal blank=blank_phone />
            <ContactList spec=&EMAILS rows=emails problem=problem_signal blank=blank_email />
            <ContactList spec=&ADDRESSES rows=addresses problem=problem_signal blank=blank_address />
            <div class="field">
                <label for="customer-notes">{t("customers.notes")}</label>
                <textarea id="customer-notes" maxlength="2000" rows="3" bind:value=notes
                    aria-invalid=invalid("notes") aria-describedby="customer-notes-error"></textarea>
                <FieldMessage problem=problem_signal field="notes" id="customer-notes" />
            </div>
            <div class="field checkbox">
                <input id="customer-allow-duplicate" type="checkbox" bind:checked=allow_duplicate />
                <label for="customer-allow-duplicate">{t("customers.allow_duplicate")}</label>
            </div>
            <button id="customer-submit" type="submit" class="button primary" disabled=move || save.pending().get()>
                {move || i18n.text(if save.pending().get() { "customers.saving" } else { "customers.save" })}
            </button>
        </form>
    }
}

/// The customer's language when none is chosen: the one the office works in.
fn ui_locale(locale: Locale) -> CustomerLocale {
    from_wire(locale.code()).unwrap_or_default()
}

/// What the browser can tell before asking the server.
fn check(title: &str, branch_id: Option<Uuid>, name: &str, phones: usize) -> Option<Problem> {
    let mut errors = Vec::new();
    let mut fail = |field: &str, key: &str| {
        errors.push(FieldError::new(field.to_owned(), "required".to_owned(), key.to_owned()));
    };
    if branch_id.is_none() {
        fail("branch_id", "customers.error.branch");
    }
    if name.is_empty() {
        fail("name", "customers.error.name");
    }
    if phones == 0 {
        fail("phones", "customers.error.phones");
    }
    (!errors.is_empty()).then(|| Problem {
        problem_type: "about:blank".to_owned(),
        title: title.to_owned(),
        status: 422,
        code: "validation_failed".to_owned(),
        detail: None,
        errors,
    })
}
