//! Step 6: how the request reached us — channel, whether the branch took it in or
//! it was sent down by the manufacturer or a centre, its priority, the partner's
//! own reference, and the visit the customer asked for.

use aftersales_api_types::tickets::{Channel, Origin, Priority};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::Draft;
use crate::components::problem::FieldErrors;
use crate::i18n::{I18n, local_instant, t};

const CHANNELS: [(Channel, &str); 5] = [
    (Channel::Counter, "channel.counter"),
    (Channel::Phone, "channel.phone"),
    (Channel::SelfService, "channel.self_service"),
    (Channel::Ecommerce, "channel.ecommerce"),
    (Channel::PartnerApi, "channel.partner_api"),
];
const ORIGINS: [(Origin, &str); 2] =
    [(Origin::OwnIntake, "origin.own_intake"), (Origin::Dispatched, "origin.dispatched")];
const PRIORITIES: [(Priority, &str); 4] = [
    (Priority::Low, "priority.low"),
    (Priority::Normal, "priority.normal"),
    (Priority::High, "priority.high"),
    (Priority::Urgent, "priority.urgent"),
];

/// A visit from one instant to another.
pub type Window = (DateTime<Utc>, DateTime<Utc>);

/// What the request step gathers.
#[derive(Clone, Copy)]
pub struct Request {
    pub channel: RwSignal<Channel>,
    pub origin: RwSignal<Origin>,
    pub priority: RwSignal<Priority>,
    pub external_reference: RwSignal<String>,
    pub day: RwSignal<String>,
    pub from: RwSignal<String>,
    pub to: RwSignal<String>,
}

impl Request {
    pub fn new() -> Self {
        Self {
            channel: RwSignal::new(Channel::Counter),
            origin: RwSignal::new(Origin::OwnIntake),
            priority: RwSignal::new(Priority::Normal),
            external_reference: RwSignal::new(String::new()),
            day: RwSignal::new(String::new()),
            from: RwSignal::new(String::new()),
            to: RwSignal::new(String::new()),
        }
    }

    /// The visit asked for: none when nothing is typed, `Err` when it is half
    /// typed or ends before it starts.
    pub fn window(self, i18n: I18n) -> Result<Option<Window>, ()> {
        let (day, from, to) = (self.day.get_untracked(), self.from.get_untracked(), self.to.get_untracked());
        if [&day, &from, &to].iter().all(|s| s.trim().is_empty()) {
            return Ok(None);
        }
        let day = i18n.parse_date(&day).ok_or(())?;
        match (local_instant(day, &from), local_instant(day, &to)) {
            (Some(start), Some(end)) if start < end => Ok(Some((start, end))),
            _ => Err(()),
        }
    }
}

/// A `<select>` of one of the request's choices.
#[component]
fn Choice<T>(
    id: &'static str,
    label: &'static str,
    value: RwSignal<T>,
    options: &'static [(T, &'static str)],
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let index = move || options.iter().position(|(o, _)| *o == value.get()).unwrap_or(0).to_string();
    view! {
        <div class="field">
            <label for=id>{t(label)}</label>
            <select id=id prop:value=index
                on:change=move |ev| {
                    if let Some((o, _)) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| options.get(i)) {
                        value.set(*o);
                    }
                }>
                {options.iter().enumerate().map(|(i, (_, key))| view! { <option value=i.to_string()>{t(key)}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn RequestStep(draft: Draft) -> impl IntoView {
    let request = draft.request;
    let problem = draft.problem_signal();
    view! {
        <li class="card intake-step" aria-labelledby="intake-step-request">
            <h2 id="intake-step-request">{t("intake.step.request")}</h2>
            <div class="field-row">
                <Choice id="intake-channel" label="intake.channel" value=request.channel options=&CHANNELS />
                <Choice id="intake-origin" label="intake.origin" value=request.origin options=&ORIGINS />
                <Choice id="intake-priority" label="intake.priority" value=request.priority options=&PRIORITIES />
            </div>
            <div class="field">
                <label for="intake-external-reference">{t("intake.external_reference")}</label>
                <input id="intake-external-reference" type="text" maxlength="64" autocomplete="off"
                    bind:value=request.external_reference />
                <FieldErrors problem field="external_reference" id="intake-external-reference" />
            </div>
            <fieldset class="field">
                <legend>{t("intake.requested_window")}</legend>
                <div class="field-row">
                    <div class="field">
                        <label for="intake-requested-day">{t("intake.requested_day")}</label>
                        <input id="intake-requested-day" type="text" inputmode="numeric" autocomplete="off"
                            bind:value=request.day placeholder=t("date.input_hint") />
                    </div>
                    <div class="field">
                        <label for="intake-requested-from">{t("intake.requested_from")}</label>
                        <input id="intake-requested-from" type="time" bind:value=request.from />
                    </div>
                    <div class="field">
                        <label for="intake-requested-to">{t("intake.requested_to")}</label>
                        <input id="intake-requested-to" type="time" bind:value=request.to />
                    </div>
                </div>
                <FieldErrors problem field="requested_to" id="intake-requested-to" />
            </fieldset>
        </li>
    }
}
