//! The log itself: a page of entries at a time, "More" appending the next page
//! while the API gives a cursor. Each entry says when, who, what and which record,
//! and opens onto its before and after.

use aftersales_api_types::audit::AuditEntryDto;
use leptos::prelude::*;
use serde_json::Value;
use uuid::Uuid;

use super::Names;
use super::diff::Diff;
use super::filters::AuditFilters;
use super::words::{action_words, entity_words};
use crate::api;
use crate::components::problem::ErrorsView;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};

#[component]
pub fn Entries(names: Names, filters: AuditFilters) -> impl IntoView {
    // The cursor of every page asked for so far; `None` is the first page.
    let pages = RwSignal::new(vec![None::<String>]);
    let filters = StoredValue::new(filters.api_pairs());
    view! {
        <ol id="audit-list" class="audit-list plain-list">
            <For each=move || pages.get() key=|cursor| cursor.clone() let:cursor>
                <EntryPage names filters cursor pages />
            </For>
        </ol>
    }
}

#[component]
fn EntryPage(
    names: Names,
    filters: StoredValue<Vec<(&'static str, String)>>,
    cursor: Option<String>,
    pages: RwSignal<Vec<Option<String>>>,
) -> impl IntoView {
    let first = cursor.is_none();
    let data = LocalResource::new(move || api::audit::list(names.session, filters.get_value(), cursor.clone()));
    let used = RwSignal::new(false);
    view! {
        <Transition fallback=|| view! { <li class="muted">{t("table.loading")}</li> }>
            <ErrorBoundary fallback=|errors| view! { <li><ErrorsView errors /></li> }>
                {move || Suspend::new(async move {
                    data.await.map(|page| {
                        let empty = (first && page.items.is_empty()).then(|| view! {
                            <li id="audit-empty" class="muted">{t("audit.empty")}</li>
                        });
                        let more = page.next_cursor.map(|next| view! {
                            <Show when=move || !used.get()>
                                <li class="more-row">
                                    <button type="button" id="audit-more" class="button more" on:click={
                                        let next = next.clone();
                                        move |_| {
                                            used.set(true);
                                            pages.update(|p| p.push(Some(next.clone())));
                                        }
                                    }>{t("table.more")}</button>
                                </li>
                            </Show>
                        });
                        view! {
                            {page.items.into_iter().map(|entry| view! { <Entry names entry /> }).collect_view()}
                            {empty}
                            {more}
                        }
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// The record's own name or number, as its before or after carries it.
fn record_name(entry: &AuditEntryDto) -> Option<String> {
    const NAMING: [&str; 8] =
        ["number", "display_name", "name", "part_name", "serial", "code", "username", "file_name"];
    let from = |snapshot: &Option<Value>| {
        let object = snapshot.as_ref()?.as_object()?;
        NAMING.iter().find_map(|k| object.get(*k).and_then(Value::as_str).map(str::to_owned))
    };
    from(&entry.after).or_else(|| from(&entry.before))
}

/// Where a record of this kind is shown, if it has a page.
fn record_href(entity: &str, id: &str) -> Option<String> {
    let page = match entity {
        "ticket" => "tickets",
        "customer" => "customers",
        "purchase_order" => "purchase-orders",
        "transfer" => "transfers",
        "stocktake" => "stocktakes",
        "warranty_policy" => "warranty-policies",
        _ => return None,
    };
    Uuid::parse_str(id).ok().map(|id| format!("/{page}/{id}"))
}

#[component]
fn Entry(names: Names, entry: AuditEntryDto) -> impl IntoView {
    let i18n = use_i18n();
    let at = entry.at;
    let who = entry.actor_id.map(|id| names.user(id).unwrap_or_else(|| id.to_string()));
    let who = move || who.clone().unwrap_or_else(|| i18n.text("audit.system").to_owned());
    let action = entry.action.clone();
    let entity = entry.entity.clone();
    let what = move || action_words(i18n, &action);
    let kind = move || entity_words(i18n, &entity);
    let name = record_name(&entry)
        .or_else(|| match entry.entity.as_str() {
            "user" => Uuid::parse_str(&entry.entity_id).ok().and_then(|id| names.user(id)),
            "branch" => Uuid::parse_str(&entry.entity_id).ok().and_then(|id| names.branch(id)),
            _ => None,
        })
        .unwrap_or_else(|| entry.entity_id.clone());
    let record = match record_href(&entry.entity, &entry.entity_id) {
        Some(href) => view! { <a href=href><bdi>{name}</bdi></a> }.into_any(),
        None => view! { <bdi>{name}</bdi> }.into_any(),
    };
    let branch = entry.branch_id.and_then(|b| names.branch(b));
    view! {
        <li class="audit-entry card" data-id=entry.id.to_string() data-action=entry.action.clone()
            data-entity=entry.entity.clone() data-entity-id=entry.entity_id.clone()>
            <p class="audit-head">
                <time datetime=iso_instant(at)>{move || i18n.date_time(at)}</time>
                " · "
                <strong class="audit-actor"><bdi>{who}</bdi></strong>
            </p>
            <p class="audit-what">
                <span class="audit-action">{what}</span>
                " — "
                <span class="audit-entity">{kind}</span>
                " "
                <span class="audit-record">{record}</span>
            </p>
            {branch.map(|b| view! { <p class="audit-branch muted"><bdi>{b}</bdi></p> })}
            <Diff before=entry.before after=entry.after />
        </li>
    }
}
