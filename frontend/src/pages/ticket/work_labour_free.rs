//! A free labour line: work that is not in the service catalogue, with its own
//! code, description, price and minutes. Only the office records one (the server
//! answers 403 to a technician); its currency is the ticket's branch's.

use aftersales_api_types::labour::AddLabourLine;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::service_items::Money;
use leptos::prelude::*;

use super::work_common::whole_number;
use crate::components::problem::FieldErrors;
use crate::components::screen::opt;
use crate::i18n::number::{latin_digits, parse_amount};
use crate::i18n::t;

/// The value of the service chooser's "free line" option.
pub const FREE: &str = "free";

/// What is typed for a free line.
#[derive(Clone, Copy)]
pub struct FreeLine {
    code: RwSignal<String>,
    description: RwSignal<String>,
    price: RwSignal<String>,
    minutes: RwSignal<String>,
}

impl FreeLine {
    pub fn new() -> Self {
        Self {
            code: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            price: RwSignal::new(String::new()),
            minutes: RwSignal::new(String::new()),
        }
    }

    pub fn clear(self) {
        for field in [self.code, self.description, self.price, self.minutes] {
            field.try_set(String::new());
        }
    }

    /// The request's own fields, or the `(field, catalogue key)` of the first one
    /// that is missing or malformed.
    pub fn request(self, currency: &str, quantity: i32) -> Result<AddLabourLine, (&'static str, &'static str)> {
        let code = opt(&self.code.get_untracked())
            .filter(|c| c.len() <= 32 && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'))
            .ok_or(("code", "work.error.free_code"))?;
        let description = opt(&self.description.get_untracked())
            .filter(|d| d.chars().count() <= 200)
            .ok_or(("description", "work.error.free_description"))?;
        let amount = latin_digits(self.price.get_untracked().trim());
        parse_amount(&amount, currency)
            .filter(|minor| *minor >= 0)
            .ok_or(("unit_price.amount", "work.error.free_price"))?;
        let minutes = whole_number(&self.minutes.get_untracked(), 0, 10_000)
            .map_err(|()| ("minutes", "work.error.free_minutes"))?;
        Ok(AddLabourLine {
            code: Some(code),
            description: Some(description),
            unit_price: Some(Money { amount, currency: currency.to_owned() }),
            minutes,
            quantity: Some(quantity),
            ..AddLabourLine::default()
        })
    }
}

/// The fields of a free line, shown while "free line" is chosen.
#[component]
pub fn FreeLineFields(line: FreeLine, currency: Signal<String>, problem: Signal<Option<Problem>>) -> impl IntoView {
    view! {
        <div class="field">
            <label for="work-free-code">{t("work.free_code")}</label>
            <input id="work-free-code" type="text" autocomplete="off" maxlength="32" bind:value=line.code />
            <FieldErrors problem field="code" id="work-free-code" />
        </div>
        <div class="field wide">
            <label for="work-free-description">{t("work.free_description")}</label>
            <input id="work-free-description" type="text" maxlength="200" bind:value=line.description />
            <FieldErrors problem field="description" id="work-free-description" />
        </div>
        <div class="field">
            <label for="work-free-price">{move || format!("{} ({})", t("work.free_price")(), currency.get())}</label>
            <input id="work-free-price" type="text" inputmode="decimal" autocomplete="off" bind:value=line.price />
            <FieldErrors problem field="unit_price.amount" id="work-free-price" />
        </div>
        <div class="field">
            <label for="work-free-minutes">{t("work.free_minutes")}</label>
            <input id="work-free-minutes" type="text" inputmode="numeric" autocomplete="off" bind:value=line.minutes />
            <FieldErrors problem field="minutes" id="work-free-minutes" />
        </div>
    }
}
