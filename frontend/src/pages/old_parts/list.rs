//! The old parts (`GET /defective-parts`) with the filters the API has, kept in
//! the URL; those owed past due first, then the rest, each the earliest due first.

use std::collections::BTreeMap;

use aftersales_api_types::Page;
use aftersales_api_types::auth::Permission;
use aftersales_api_types::defective_parts::{DefectivePartDto, DefectiveStatus};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;
use wasm_bindgen::JsCast;

use super::actions::{Acting, Kind};
use super::filters::{OldPartFilters, STATUSES, status_key};
use super::{OldParts, due_words, now, status_badge};
use crate::api::{self, ApiError};
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::query::{from_wire, wire};
use crate::session::Session;

const COLUMNS: &[&str] = &[
    "old_parts.part",
    "old_parts.ticket",
    "old_parts.technician",
    "old_parts.quantity",
    "old_parts.due",
    "old_parts.how_overdue",
    "old_parts.status",
    "old_parts.where",
    "old_parts.actions",
];

#[component]
pub fn OldPartList(page: OldParts) -> impl IntoView {
    let session = page.session;
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(|q| OldPartFilters::from_query(|name| q.get(name))));
    let navigate = use_navigate();
    let apply = StoredValue::new_local(move |next: OldPartFilters| navigate(&next.href(), NavigateOptions::default()));
    let set = move |change: &dyn Fn(&mut OldPartFilters)| {
        let mut next = filters.get_untracked();
        change(&mut next);
        apply.with_value(|apply| apply(next));
    };
    // The technicians to choose from: those the user may list, else those who
    // owe parts past due; the one chosen stays a choice.
    let technicians = LocalResource::new(move || async move { technicians(session).await.unwrap_or_default() });
    let i18n = use_i18n();
    let technician_options = move || {
        let chosen = filters.get().technician_id;
        let mut known = technicians.get().map(|t| t.to_vec()).unwrap_or_default();
        if let Some(id) = chosen.filter(|id| !known.iter().any(|(k, _)| k == id)) {
            known.push((id, i18n.text("old_parts.chosen_technician").to_owned()));
        }
        known
            .into_iter()
            .map(|(id, name)| view! { <option value=id.to_string() selected=move || filters.get().technician_id == Some(id)>{name}</option> })
            .collect_view()
    };
    let table = move || {
        let current = StoredValue::new(filters.get());
        let row = move |part: DefectivePartDto| part_row(page, part);
        view! {
            <PagedTable caption="old_parts.title" columns=COLUMNS
                fetch=move |cursor| overdue_first(session, current.get_value(), cursor) row />
        }
    };
    view! {
        <form id="old-part-filters" class="card old-part-filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="old-part-filter-status">{t("old_parts.status")}</label>
                <select id="old-part-filter-status" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.status = from_wire(&v)); }>
                    <option value="" selected=move || filters.get().status.is_none()>{t("old_parts.any")}</option>
                    {STATUSES.into_iter().map(|s| view! {
                        <option value=wire(&s) selected=move || filters.get().status == Some(s)>{t(status_key(s))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="old-part-filter-technician">{t("old_parts.technician")}</label>
                <select id="old-part-filter-technician" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.technician_id = Uuid::parse_str(&v).ok()); }>
                    <option value="" selected=move || filters.get().technician_id.is_none()>{t("old_parts.anyone")}</option>
                    {technician_options}
                </select>
            </div>
            <div class="field">
                <label for="old-part-filter-overdue">{t("old_parts.overdue_filter")}</label>
                <select id="old-part-filter-overdue" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.overdue = v.parse().ok()); }>
                    <option value="" selected=move || filters.get().overdue.is_none()>{t("old_parts.any")}</option>
                    <option value="true" selected=move || filters.get().overdue == Some(true)>{t("old_parts.overdue_only")}</option>
                    <option value="false" selected=move || filters.get().overdue == Some(false)>{t("old_parts.not_overdue")}</option>
                </select>
            </div>
            <div class="actions">
                <button id="old-part-clear" type="button" class="button secondary" on:click=move |_| set(&|f| *f = OldPartFilters::default())>
                    {t("old_parts.clear")}
                </button>
            </div>
        </form>
        <div id="old-part-list">{table}</div>
    }
}

/// The technicians to filter by, by name.
async fn technicians(session: Session) -> Result<Vec<(Uuid, String)>, ApiError> {
    let mut by_id = BTreeMap::new();
    if session.may(Permission::ViewOrganisation) {
        for user in api::reference::technicians(session, None, false).await? {
            by_id.insert(user.id, user.display_name);
        }
    }
    for line in api::defective_parts::overdue_by_technician(session).await? {
        by_id.entry(line.technician_id).or_insert(line.technician_name);
    }
    let mut list: Vec<(Uuid, String)> = by_id.into_iter().collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(list)
}

/// One page of the list. Unless the user asked for one side, the parts owed past
/// due are read first (cursor `o:…`), then the others (`r:…`), so the overdue
/// lead whatever their due date; the first page joins the two when the overdue
/// end on it.
async fn overdue_first(
    session: Session,
    filters: OldPartFilters,
    cursor: Option<String>,
) -> Result<Page<DefectivePartDto>, ApiError> {
    let list = api::defective_parts::list;
    if !filters.overdue_first() {
        return list(session, &filters, filters.overdue, cursor).await;
    }
    let phase = cursor.as_deref().and_then(|c| c.split_once(':'));
    let from = |c: &str| (!c.is_empty()).then(|| c.to_owned());
    if let Some(("r", rest)) = phase {
        return not_overdue(session, &filters, from(rest)).await;
    }
    let start = phase.filter(|(p, _)| *p == "o").and_then(|(_, c)| from(c));
    let overdue = list(session, &filters, Some(true), start).await?;
    if let Some(next) = overdue.next_cursor {
        return Ok(Page { items: overdue.items, next_cursor: Some(format!("o:{next}")) });
    }
    let mut rest = not_overdue(session, &filters, None).await?;
    let mut items = overdue.items;
    items.append(&mut rest.items);
    Ok(Page { items, next_cursor: rest.next_cursor })
}

/// A page of the parts not owed past due, its cursor marked as such.
async fn not_overdue(
    session: Session,
    filters: &OldPartFilters,
    cursor: Option<String>,
) -> Result<Page<DefectivePartDto>, ApiError> {
    let page = api::defective_parts::list(session, filters, Some(false), cursor).await?;
    Ok(Page { items: page.items, next_cursor: page.next_cursor.map(|c| format!("r:{c}")) })
}

fn part_row(page: OldParts, read: DefectivePartDto) -> AnyView {
    let i18n = use_i18n();
    let id = read.id;
    let part = Memo::new(move |_| page.changed.with(|c| c.get(&id).cloned()).unwrap_or_else(|| read.clone()));
    let may_receive = untrack(|| page.session.may(Permission::MoveStock));
    let may_scrap = untrack(|| page.session.may(Permission::ManageParts));
    // The panel opens above the list: brought into view, its field ready to type in.
    let open = move |kind: Kind| {
        move |_| {
            page.acting.set(Some(Acting { kind, part: part.get_untracked() }));
            request_animation_frame(|| {
                let panel = document().get_element_by_id("old-part-action");
                if let Some(panel) = panel {
                    panel.scroll_into_view();
                }
                let field = document().query_selector("#old-part-action select, #old-part-action textarea");
                if let Some(field) = field.ok().flatten().and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = field.focus();
                }
            });
        }
    };
    let row = move || {
        let p = part.get();
        let due = p.due_at;
        let quantity = p.quantity;
        let receivable = may_receive && p.status == DefectiveStatus::Owed;
        let scrappable = may_scrap && p.status == DefectiveStatus::Received && p.rtv_shipment_id.is_none();
        let words = {
            let p = p.clone();
            move || due_words(&i18n, &p, now())
        };
        let place = match (p.rtv_shipment_id, p.received_warehouse_id) {
            (Some(shipment), _) => {
                view! { <a href=format!("/rtv-shipments/{shipment}")>{t("old_parts.in_shipment")}</a> }.into_any()
            }
            (None, Some(w)) => view! { <bdi>{page.warehouses.label(w)}</bdi> }.into_any(),
            (None, None) => "—".into_any(),
        };
        view! {
            <tr class="old-part" class:overdue=p.overdue data-id=p.id.to_string() data-ticket=p.ticket_number.clone()
                data-status=wire(&p.status) data-overdue=p.overdue.to_string()>
                <td class="part"><bdi class="code" dir="ltr">{p.part_sku.clone()}</bdi><span class="part-name">{p.part_name.clone()}</span></td>
                <td class="code"><a href=format!("/tickets/{}", p.ticket_id)><bdi dir="ltr">{p.ticket_number.clone()}</bdi></a></td>
                <td class="technician">{p.technician_name.clone()}</td>
                <td class="num">{move || i18n.number(quantity)}</td>
                <td><time datetime=iso_instant(due)>{move || i18n.instant_date(due)}</time></td>
                <td class="how-overdue">{words}</td>
                <td>{status_badge(p.status)}</td>
                <td class="where">{place}</td>
                <td class="actions">
                    {receivable.then(|| view! {
                        <button type="button" class="button link hand-in" on:click=open(Kind::HandIn)>{t("old_parts.hand_in")}</button>
                    })}
                    {scrappable.then(|| view! {
                        <button type="button" class="button link scrap" on:click=open(Kind::Scrap)>{t("old_parts.scrap")}</button>
                    })}
                </td>
            </tr>
        }
    };
    row.into_any()
}
