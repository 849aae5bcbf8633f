//! The facts of a unit as a form edits them: the same fields when registering a
//! unit and when changing one.

use aftersales_api_types::problem::{FieldError, Problem};
use aftersales_api_types::serials::{SerialUnitDto, UpdateSerial};
use chrono::NaiveDate;
use leptos::prelude::*;

use super::fields::{DateField, TextField, day_text, read_day};
use crate::components::screen::opt;
use crate::i18n::I18n;

/// The fields as typed.
#[derive(Clone, Copy)]
pub struct FactsDraft {
    pub lot: RwSignal<String>,
    pub manufacture_date: RwSignal<String>,
    pub sale_date: RwSignal<String>,
    pub sale_document: RwSignal<String>,
    pub seller: RwSignal<String>,
    pub delivery_date: RwSignal<String>,
    pub installation_date: RwSignal<String>,
    pub installation_address: RwSignal<String>,
    pub registration_date: RwSignal<String>,
    pub warranty_card_number: RwSignal<String>,
}

/// The fields as read: each empty one is `None`.
pub struct Facts {
    pub lot: Option<String>,
    pub manufacture_date: Option<NaiveDate>,
    pub sale_date: Option<NaiveDate>,
    pub sale_document: Option<String>,
    pub seller: Option<String>,
    pub delivery_date: Option<NaiveDate>,
    pub installation_date: Option<NaiveDate>,
    pub installation_address: Option<String>,
    pub registration_date: Option<NaiveDate>,
    pub warranty_card_number: Option<String>,
}

impl FactsDraft {
    pub fn empty() -> Self {
        let s = || RwSignal::new(String::new());
        Self {
            lot: s(),
            manufacture_date: s(),
            sale_date: s(),
            sale_document: s(),
            seller: s(),
            delivery_date: s(),
            installation_date: s(),
            installation_address: s(),
            registration_date: s(),
            warranty_card_number: s(),
        }
    }

    /// Fills every field from the unit as it is.
    pub fn fill(&self, i18n: &I18n, u: &SerialUnitDto) {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        self.lot.set(text(&u.lot));
        self.manufacture_date.set(day_text(i18n, u.manufacture_date));
        self.sale_date.set(day_text(i18n, u.sale_date));
        self.sale_document.set(text(&u.sale_document));
        self.seller.set(text(&u.seller));
        self.delivery_date.set(day_text(i18n, u.delivery_date));
        self.installation_date.set(day_text(i18n, u.installation_date));
        self.installation_address.set(text(&u.installation_address));
        self.registration_date.set(day_text(i18n, u.registration_date));
        self.warranty_card_number.set(text(&u.warranty_card_number));
    }

    /// The facts, or the fields whose dates are not days.
    pub fn read(&self, i18n: &I18n, errors: &mut Vec<FieldError>) -> Facts {
        let text = |s: RwSignal<String>| opt(&s.get_untracked());
        let mut day = |s: RwSignal<String>, field: &str| read_day(i18n, &s.get_untracked(), field, errors);
        Facts {
            manufacture_date: day(self.manufacture_date, "manufacture_date"),
            sale_date: day(self.sale_date, "sale_date"),
            delivery_date: day(self.delivery_date, "delivery_date"),
            installation_date: day(self.installation_date, "installation_date"),
            registration_date: day(self.registration_date, "registration_date"),
            lot: text(self.lot),
            sale_document: text(self.sale_document),
            seller: text(self.seller),
            installation_address: text(self.installation_address),
            warranty_card_number: text(self.warranty_card_number),
        }
    }
}

impl Facts {
    /// Every fact as the form has it: an emptied field clears the fact.
    pub fn into_update(self) -> UpdateSerial {
        UpdateSerial {
            lot: Some(self.lot),
            manufacture_date: Some(self.manufacture_date),
            sale_date: Some(self.sale_date),
            sale_document: Some(self.sale_document),
            seller: Some(self.seller),
            delivery_date: Some(self.delivery_date),
            installation_date: Some(self.installation_date),
            installation_address: Some(self.installation_address),
            registration_date: Some(self.registration_date),
            warranty_card_number: Some(self.warranty_card_number),
        }
    }
}

/// The sale: day, document, seller.
#[component]
pub fn SaleFields(draft: FactsDraft, problem: RwSignal<Option<Problem>>) -> impl IntoView {
    view! {
        <DateField id="facts-sale-date" field="sale_date" label="serials.sale_date" value=draft.sale_date problem />
        <TextField id="facts-sale-document" field="sale_document" label="serials.sale_document"
            value=draft.sale_document problem maxlength=64 ltr=true />
        <TextField id="facts-seller" field="seller" label="serials.seller" value=draft.seller problem />
    }
}

/// The rest: manufacture, delivery, installation, registration and card.
#[component]
pub fn OtherFields(draft: FactsDraft, problem: RwSignal<Option<Problem>>) -> impl IntoView {
    view! {
        <DateField id="facts-delivery-date" field="delivery_date" label="serials.delivery_date"
            value=draft.delivery_date problem />
        <DateField id="facts-installation-date" field="installation_date" label="serials.installation_date"
            value=draft.installation_date problem />
        <TextField id="facts-installation-address" field="installation_address" label="serials.installation_address"
            value=draft.installation_address problem maxlength=400 />
        <DateField id="facts-registration-date" field="registration_date" label="serials.registration_date"
            value=draft.registration_date problem />
        <TextField id="facts-card" field="warranty_card_number" label="serials.warranty_card"
            value=draft.warranty_card_number problem maxlength=32 ltr=true />
        <DateField id="facts-manufacture-date" field="manufacture_date" label="serials.manufacture_date"
            value=draft.manufacture_date problem />
        <TextField id="facts-lot" field="lot" label="serials.lot" value=draft.lot problem maxlength=64 ltr=true />
    }
}
