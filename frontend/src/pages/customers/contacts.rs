//! The repeatable parts of the customer form: phones, e-mails and addresses, each a
//! list of rows the user can add to and remove from. Field errors of a row are named
//! by its place in the request (`phones[1].number`) and shown under its input.

use aftersales_api_types::customers::{AddressDto, EmailDto, PhoneInput};
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// Up to this many of each kind of contact (the API's limit).
pub const MAX_ROWS: usize = 5;

/// One row: a key that stays while the list changes, and its text fields.
#[derive(Debug, Clone, Copy)]
pub struct Row<const N: usize> {
    pub key: u64,
    pub fields: [RwSignal<String>; N],
}

impl<const N: usize> Row<N> {
    pub fn new(values: [String; N]) -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let key = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Self { key, fields: values.map(RwSignal::new) }
    }

    fn value(&self, i: usize) -> String {
        self.fields[i].get_untracked().trim().to_owned()
    }

    fn optional(&self, i: usize) -> Option<String> {
        Some(self.value(i)).filter(|v| !v.is_empty())
    }

    fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.get_untracked().trim().is_empty())
    }
}

pub type PhoneRow = Row<2>;
pub type EmailRow = Row<2>;
pub type AddressRow = Row<8>;

/// What a contact list is: its JSON name, the fields of a row (JSON name, catalogue
/// key of the label, whether the row's input is wide), and the key of its heading.
pub struct Spec {
    pub list: &'static str,
    pub title: &'static str,
    pub add: &'static str,
    pub fields: &'static [(&'static str, &'static str)],
}

pub const PHONES: Spec = Spec {
    list: "phones",
    title: "customers.phones",
    add: "customers.add_phone",
    fields: &[("number", "customers.phone_number"), ("label", "customers.contact_label")],
};

pub const EMAILS: Spec = Spec {
    list: "emails",
    title: "customers.emails",
    add: "customers.add_email",
    fields: &[("address", "customers.email_address"), ("label", "customers.contact_label")],
};

pub const ADDRESSES: Spec = Spec {
    list: "addresses",
    title: "customers.addresses",
    add: "customers.add_address",
    fields: &[
        ("label", "customers.contact_label"),
        ("line1", "customers.line1"),
        ("line2", "customers.line2"),
        ("district", "customers.district"),
        ("city", "customers.city"),
        ("province", "customers.province"),
        ("postal_code", "customers.postal_code"),
        ("country", "customers.country"),
    ],
};

pub fn phones_of(rows: &[PhoneRow]) -> Vec<PhoneInput> {
    rows.iter().filter(|r| !r.is_blank()).map(|r| PhoneInput { number: r.value(0), label: r.optional(1) }).collect()
}

pub fn emails_of(rows: &[EmailRow]) -> Vec<EmailDto> {
    rows.iter().filter(|r| !r.is_blank()).map(|r| EmailDto { address: r.value(0), label: r.optional(1) }).collect()
}

pub fn addresses_of(rows: &[AddressRow]) -> Vec<AddressDto> {
    rows.iter()
        .filter(|r| !r.is_blank())
        .map(|r| AddressDto {
            label: r.optional(0),
            line1: r.value(1),
            line2: r.optional(2),
            district: r.optional(3),
            city: r.optional(4),
            province: r.optional(5),
            postal_code: r.optional(6),
            country: r.value(7).to_uppercase(),
        })
        .collect()
}

/// A fieldset of contact rows with "add" and "remove" buttons.
#[component]
pub fn ContactList<const N: usize>(
    spec: &'static Spec,
    rows: RwSignal<Vec<Row<N>>>,
    problem: Signal<Option<Problem>>,
    /// A new, empty row (e.g. with the country filled in).
    blank: fn() -> Row<N>,
) -> impl IntoView {
    let add = move |_| rows.update(|r| r.push(blank()));
    let list = spec.list;
    view! {
        <fieldset class="contact-list" id=format!("customer-{list}")>
            <legend>{t(spec.title)}</legend>
            <FieldMessage problem field=Signal::derive(move || list.to_owned()) id=format!("customer-{list}") />
            <For each=move || rows.get() key=|row| row.key let:row>
                <ContactRow spec rows row />
            </For>
            <Show when=move || rows.with(|r| r.len() < MAX_ROWS)>
                <button type="button" class="button secondary add-row" id=format!("customer-add-{list}") on:click=add>
                    {t(spec.add)}
                </button>
            </Show>
        </fieldset>
    }
}

#[component]
fn ContactRow<const N: usize>(spec: &'static Spec, rows: RwSignal<Vec<Row<N>>>, row: Row<N>) -> impl IntoView {
    let key = row.key;
    let index = Memo::new(move |_| rows.with(|r| r.iter().position(|x| x.key == key).unwrap_or(0)));
    let list = spec.list;
    let remove = move |_| rows.update(|r| r.retain(|x| x.key != key));
    let inputs = spec
        .fields
        .iter()
        .enumerate()
        .map(|(i, &(name, label))| {
            let value = row.fields[i];
            let id = move || format!("customer-{list}-{}-{name}", index.get());
            let field = Signal::derive(move || format!("{list}[{}].{name}", index.get()));
            let invalid = move || problem_names(problem_of_context(), &field.get()).to_string();
            view! {
                <div class="field">
                    <label for=id>{t(label)}</label>
                    <input id=id type="text" autocomplete="off" bind:value=value data-field=name
                        aria-invalid=invalid aria-describedby=move || format!("{}-error", id()) />
                    <FieldMessage problem=problem_of_context() field id=Signal::derive(id) />
                </div>
            }
        })
        .collect_view();
    let i18n = use_i18n();
    view! {
        <div class="contact-row" data-index=move || index.get().to_string()>
            {inputs}
            <button type="button" class="button link remove-row" on:click=remove
                aria-label=move || format!("{} {}", i18n.text("customers.remove"), index.get() + 1)>
                {t("customers.remove")}
            </button>
        </div>
    }
}

/// The form's problem, provided by the form to its rows.
#[derive(Debug, Clone, Copy)]
pub struct FormProblem(pub Signal<Option<Problem>>);

fn problem_of_context() -> Signal<Option<Problem>> {
    use_context::<FormProblem>().map(|p| p.0).unwrap_or_else(|| Signal::derive(|| None))
}

fn problem_names(problem: Signal<Option<Problem>>, field: &str) -> bool {
    problem.with(|p| p.as_ref().is_some_and(|p| p.errors.iter().any(|e| e.field == field)))
}

/// The messages of one field (named at run time) under its input (`<id>-error`).
#[component]
pub fn FieldMessage(
    problem: Signal<Option<Problem>>,
    #[prop(into)] field: Signal<String>,
    #[prop(into)] id: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let messages = move || {
        let field = field.get();
        problem.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.errors
                        .iter()
                        .filter(|e| e.field == field)
                        .map(|e| i18n.text_dynamic(&e.message).map_or_else(|| e.message.clone(), str::to_owned))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || !messages().is_empty()>
            <p class="field-error" id=move || format!("{}-error", id.get()) data-field=move || field.get() role="alert">
                {move || messages().join(" ")}
            </p>
        </Show>
    }
}
