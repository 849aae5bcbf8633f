//! The filter bar of the ticket list. It shows the filters of the URL and changes
//! them by navigating to the page's address with the new query string.

use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use super::filters::TicketFilters;
use crate::i18n::labels::{
    STAGE_CATEGORIES, TICKET_KINDS, WARRANTY_STATUSES, stage_category_key, ticket_kind_key, warranty_status_key,
};
use crate::i18n::{t, use_i18n};
use crate::query::{from_wire, wire};

#[component]
pub fn FilterForm(filters: Memo<TicketFilters>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let apply = move |change: &dyn Fn(&mut TicketFilters)| {
        let mut next = filters.get_untracked();
        change(&mut next);
        navigate(&next.href(), NavigateOptions::default());
    };
    let apply = StoredValue::new_local(apply);
    let set = move |change: &dyn Fn(&mut TicketFilters)| apply.with_value(|apply| apply(change));

    let search = NodeRef::<Input>::new();
    let from = NodeRef::<Input>::new();
    let to = NodeRef::<Input>::new();
    let (bad_date, set_bad_date) = signal(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = search.get().map(|i| i.value()).unwrap_or_default();
        let read = |node: NodeRef<Input>| {
            let text = node.get().map(|i| i.value()).unwrap_or_default();
            if text.trim().is_empty() { Ok(None) } else { i18n.parse_date(&text).map(Some).ok_or(()) }
        };
        let (Ok(from_day), Ok(to_day)) = (read(from), read(to)) else {
            set_bad_date.set(true);
            return;
        };
        set_bad_date.set(false);
        set(&|f| {
            f.q = q.trim().to_owned();
            f.from = from_day;
            f.to = to_day;
        });
    };
    let clear = move |_| {
        set_bad_date.set(false);
        set(&|f| *f = TicketFilters::default());
    };
    let day_value = move |day: Option<chrono::NaiveDate>| day.map(|d| i18n.date_input_value(d)).unwrap_or_default();

    view! {
        <form id="ticket-filters" class="card ticket-filters" role="search" on:submit=submit novalidate>
            <div class="field search-field">
                <label for="ticket-q">{t("tickets.search")}</label>
                <input id="ticket-q" type="search" autocomplete="off" node_ref=search
                    prop:value=move || filters.get().q />
            </div>
            <div class="field">
                <label for="ticket-kind">{t("tickets.kind")}</label>
                <select id="ticket-kind" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set(&|f| f.kind = from_wire(&v));
                }>
                    <option value="" selected=move || filters.get().kind.is_none()>{t("tickets.any")}</option>
                    {TICKET_KINDS.into_iter().map(|k| view! {
                        <option value=wire(&k) selected=move || filters.get().kind == Some(k)>{t(ticket_kind_key(k))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="ticket-category">{t("tickets.stage")}</label>
                <select id="ticket-category" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set(&|f| f.stage_category = from_wire(&v));
                }>
                    <option value="" selected=move || filters.get().stage_category.is_none()>{t("tickets.any")}</option>
                    {STAGE_CATEGORIES.into_iter().map(|c| view! {
                        <option value=wire(&c) selected=move || filters.get().stage_category == Some(c)>{t(stage_category_key(c))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="ticket-warranty">{t("tickets.warranty")}</label>
                <select id="ticket-warranty" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set(&|f| f.warranty_status = from_wire(&v));
                }>
                    <option value="" selected=move || filters.get().warranty_status.is_none()>{t("tickets.any")}</option>
                    {WARRANTY_STATUSES.into_iter().map(|w| view! {
                        <option value=wire(&w) selected=move || filters.get().warranty_status == Some(w)>{t(warranty_status_key(w))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="ticket-from">{t("tickets.created_from")}</label>
                <input id="ticket-from" type="text" inputmode="numeric" autocomplete="off" node_ref=from
                    placeholder=t("date.input_hint") aria-invalid=move || bad_date.get().to_string()
                    prop:value=move || day_value(filters.get().from) />
            </div>
            <div class="field">
                <label for="ticket-to">{t("tickets.created_to")}</label>
                <input id="ticket-to" type="text" inputmode="numeric" autocomplete="off" node_ref=to
                    placeholder=t("date.input_hint") aria-invalid=move || bad_date.get().to_string()
                    prop:value=move || day_value(filters.get().to) />
            </div>
            <div class="field">
                <label for="ticket-sort">{t("tickets.sort")}</label>
                <select id="ticket-sort" on:change=move |ev| {
                    let oldest = event_target_value(&ev) == "oldest";
                    set(&|f| f.oldest_first = oldest);
                }>
                    <option value="newest" selected=move || !filters.get().oldest_first>{t("tickets.sort_newest")}</option>
                    <option value="oldest" selected=move || filters.get().oldest_first>{t("tickets.sort_oldest")}</option>
                </select>
            </div>
            <fieldset class="checks">
                <legend class="visually-hidden">{t("tickets.flags")}</legend>
                <label>
                    <input id="ticket-unassigned" type="checkbox" prop:checked=move || filters.get().unassigned
                        on:change=move |ev| { let on = event_target_checked(&ev); set(&|f| f.unassigned = on); } />
                    {t("tickets.only_unassigned")}
                </label>
                <label>
                    <input id="ticket-repeat" type="checkbox" prop:checked=move || filters.get().repeat_repair
                        on:change=move |ev| { let on = event_target_checked(&ev); set(&|f| f.repeat_repair = on); } />
                    {t("tickets.only_repeat")}
                </label>
                <label>
                    <input id="ticket-contradiction" type="checkbox" prop:checked=move || filters.get().contradiction
                        on:change=move |ev| { let on = event_target_checked(&ev); set(&|f| f.contradiction = on); } />
                    {t("tickets.only_contradiction")}
                </label>
            </fieldset>
            <Show when=move || bad_date.get()>
                <p class="field-error" role="alert">{t("tickets.bad_date")}</p>
            </Show>
            <div class="actions">
                <button id="ticket-search" type="submit" class="button">{t("tickets.apply")}</button>
                <button id="ticket-clear" type="button" class="button secondary" on:click=clear>{t("tickets.clear")}</button>
            </div>
        </form>
    }
}
