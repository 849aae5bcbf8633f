//! The filter bar: who, what, which record, and the period (days in the reader's
//! calendar). "Show" puts the filters in the address; "Clear" drops them.

use aftersales_api_types::problem::Problem;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::Names;
use super::filters::AuditFilters;
use super::words::{ENTITIES, action_words, all_actions, entity_words};
use crate::components::problem::{FieldErrors, browser_problem};
use crate::components::screen::invalid;
use crate::i18n::{t, use_i18n};

#[component]
pub fn FilterForm(names: Names, filters: Memo<AuditFilters>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let go = StoredValue::new_local(move |next: AuditFilters| navigate(&next.href(), NavigateOptions::default()));
    let start = filters.get_untracked();
    let actor = RwSignal::new(start.actor_id);
    let action = RwSignal::new(start.action.clone());
    let entity = RwSignal::new(start.entity.clone());
    let entity_id = RwSignal::new(start.entity_id.clone());
    let (from, to) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let problem = RwSignal::new(None::<Problem>);
    // The fields follow the address (back and forward) and show the days in the
    // language's calendar, again after a switch.
    Effect::new(move |_| {
        let shown = filters.get();
        actor.set(shown.actor_id);
        action.set(shown.action.clone());
        entity.set(shown.entity.clone());
        entity_id.set(shown.entity_id.clone());
        from.set(shown.from.map(|d| i18n.date_input_value(d)).unwrap_or_default());
        to.set(shown.to.map(|d| i18n.date_input_value(d)).unwrap_or_default());
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = |text: String| (!text.trim().is_empty()).then(|| i18n.parse_date(&text));
        let (first, last) = (day(from.get_untracked()), day(to.get_untracked()));
        let unreadable: Vec<_> = [("from", first), ("to", last)]
            .into_iter()
            .filter(|(_, d)| matches!(d, Some(None)))
            .map(|(field, _)| (field, "audit.error.date"))
            .collect();
        if !unreadable.is_empty() {
            problem.set(Some(browser_problem(&unreadable)));
            return;
        }
        problem.set(None);
        let next = AuditFilters {
            actor_id: actor.get_untracked(),
            action: action.get_untracked(),
            entity: entity.get_untracked(),
            entity_id: entity_id.get_untracked().trim().to_owned(),
            from: first.flatten(),
            to: last.flatten(),
        };
        go.with_value(|go| go(next));
    };
    let clear = move |_| {
        problem.set(None);
        go.with_value(|go| go(AuditFilters::default()));
    };
    let user_options = names.users.with_value(|users| {
        users
            .iter()
            .map(|u| {
                let id = u.id;
                view! {
                    <option value=id.to_string() data-username=u.username.clone() selected=move || actor.get() == Some(id)>
                        {format!("{} ({})", u.display_name, u.username)}
                    </option>
                }
            })
            .collect_view()
    });
    let action_options = all_actions()
        .map(|(code, _, _)| {
            let (shown, value, picked) = (code.clone(), code.clone(), code);
            view! {
                <option value=value selected=move || action.get() == picked>{move || action_words(i18n, &shown)}</option>
            }
        })
        .collect_view();
    let entity_options = ENTITIES
        .iter()
        .map(|e| {
            let e = *e;
            view! { <option value=e selected=move || entity.get() == e>{move || entity_words(i18n, e)}</option> }
        })
        .collect_view();
    view! {
        <form id="audit-filters" class="card audit-filters" role="search" on:submit=submit>
            <div class="field">
                <label for="audit-actor">{t("audit.who")}</label>
                <select id="audit-actor" on:change=move |ev| actor.set(Uuid::parse_str(&event_target_value(&ev)).ok())>
                    <option value="" selected=move || actor.get().is_none()>{t("audit.anyone")}</option>
                    {user_options}
                </select>
            </div>
            <div class="field">
                <label for="audit-action">{t("audit.what")}</label>
                <select id="audit-action" on:change=move |ev| action.set(event_target_value(&ev))>
                    <option value="" selected=move || action.get().is_empty()>{t("audit.any_action")}</option>
                    {action_options}
                </select>
            </div>
            <div class="field">
                <label for="audit-entity">{t("audit.entity")}</label>
                <select id="audit-entity" on:change=move |ev| entity.set(event_target_value(&ev))>
                    <option value="" selected=move || entity.get().is_empty()>{t("audit.any_entity")}</option>
                    {entity_options}
                </select>
            </div>
            <div class="field">
                <label for="audit-entity-id">{t("audit.entity_id")}</label>
                <input id="audit-entity-id" type="text" maxlength="64" dir="ltr" prop:value=entity_id
                    on:input=move |ev| entity_id.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="audit-from">{t("audit.from")}</label>
                <input id="audit-from" type="text" inputmode="numeric" prop:value=from
                    aria-invalid=invalid(problem, "from") aria-describedby="audit-from-error"
                    on:input=move |ev| from.set(event_target_value(&ev)) />
                <FieldErrors problem=problem.into() field="from" id="audit-from" />
            </div>
            <div class="field">
                <label for="audit-to">{t("audit.to")}</label>
                <input id="audit-to" type="text" inputmode="numeric" prop:value=to
                    aria-invalid=invalid(problem, "to") aria-describedby="audit-to-error"
                    on:input=move |ev| to.set(event_target_value(&ev)) />
                <FieldErrors problem=problem.into() field="to" id="audit-to" />
            </div>
            <div class="actions">
                <button id="audit-show" type="submit" class="button primary">{t("audit.show")}</button>
                <button id="audit-clear" type="button" class="button secondary" on:click=clear>{t("audit.clear")}</button>
            </div>
        </form>
    }
}
