//! The issued batches, oldest first, each with a link to print its numbers.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::api;
use crate::components::problem::ProblemView;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

#[component]
pub fn Batches(changes: RwSignal<u32>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let list = LocalResource::new(move || {
        changes.track();
        async move {
            let (batches, brands) =
                futures::future::join(api::warranty_cards::batches(session), api::reference::brands(session)).await;
            let names: HashMap<_, _> = brands.unwrap_or_default().into_iter().map(|b| (b.id, b.name)).collect();
            batches.map(|list| (list, names))
        }
    });
    let body = move || {
        Suspend::new(async move {
            match list.await {
                Ok((batches, _)) if batches.is_empty() => {
                    view! { <p id="cards-batches-none" class="muted">{t("cards.batches_none")}</p> }.into_any()
                }
                Ok((batches, names)) => {
                    let rows = batches
                        .into_iter()
                        .rev()
                        .map(|b| {
                            let at = b.issued_at;
                            let brand = names.get(&b.brand_id).cloned().unwrap_or_default();
                            let range = format!("{} – {}", b.first_number, b.last_number);
                            let count = i64::from(b.count);
                            let prefix = b.prefix.clone();
                            view! {
                                <tr data-id=b.id.to_string() data-prefix=prefix>
                                    <td><bdi>{brand}</bdi></td>
                                    <td class="code">{b.prefix}</td>
                                    <td class="num">{move || i18n.number(count)}</td>
                                    <td class="code" dir="ltr">{range}</td>
                                    <td><time datetime=iso_instant(at)>{move || i18n.instant_date(at)}</time></td>
                                    <td><bdi>{b.note.unwrap_or_default()}</bdi></td>
                                    <td>
                                        <a class="cards-print-link" href=format!("/warranty-cards/batches/{}", b.id)>
                                            {t("cards.print_numbers")}
                                        </a>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="table-wrap">
                            <table id="cards-batches" class="data">
                                <thead>
                                    <tr>
                                        <th>{t("cards.brand")}</th>
                                        <th>{t("cards.prefix")}</th>
                                        <th>{t("cards.count")}</th>
                                        <th>{t("cards.numbers")}</th>
                                        <th>{t("cards.issued")}</th>
                                        <th>{t("cards.note")}</th>
                                        <th>{t("cards.print")}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }
                Err(e) => view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any(),
            }
        })
    };
    view! {
        <Transition fallback=|| view! { <p id="cards-loading" class="muted" role="status">{t("table.loading")}</p> }>
            {body}
        </Transition>
    }
}
