//! `/warranty-policies`: every warranty policy (what it is written for, its current
//! version and whether that is in force), a form for managers to write a new one,
//! and `/warranty-policies/:id`: one policy's versions, a form to publish new
//! terms, and a "try it" panel that asks the server for a decision.

mod create;
mod policy;
mod terms;
mod try_it;

use std::collections::HashMap;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::catalogue::{BrandDto, CategoryDto, ProductModelDto};
use aftersales_api_types::warranty::{PolicyDto, PolicyScope, PolicyVersionDto, ScopeKind};
use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use self::create::CreateForm;
pub use self::policy::PolicyPage;
use crate::api::{self, ApiError};
use crate::components::problem::ErrorsView;
use crate::i18n::date::iso_date;
use crate::i18n::date::today;
use crate::i18n::{I18n, t, use_i18n};
use crate::session::{Session, use_session};

/// The names behind the ids of the catalogue, shared by the screens.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub brands: Vec<BrandDto>,
    pub categories: Vec<CategoryDto>,
    pub models: Vec<ProductModelDto>,
}

impl Catalogue {
    pub async fn load(session: Session) -> Result<Self, ApiError> {
        let (brands, categories, models) = futures::future::join3(
            api::reference::brands(session),
            api::reference::categories(session),
            api::reference::models(session, None),
        )
        .await;
        Ok(Self { brands: brands?, categories: categories?, models: models? })
    }

    /// `code — name` of what a policy is written for.
    pub fn scope_name(&self, scope: &PolicyScope) -> String {
        let found = match scope.kind {
            ScopeKind::Brand => {
                self.brands.iter().find(|b| b.id == scope.id).map(|b| format!("{} — {}", b.code, b.name))
            }
            ScopeKind::Category => {
                self.categories.iter().find(|c| c.id == scope.id).map(|c| format!("{} — {}", c.code, c.name))
            }
            ScopeKind::Model => {
                self.models.iter().find(|m| m.id == scope.id).map(|m| format!("{} — {}", m.sku, m.name))
            }
        };
        found.unwrap_or_else(|| scope.id.to_string())
    }

    /// `(id, label, code)` of every choice for one kind of scope.
    pub fn choices(&self, kind: ScopeKind) -> Vec<(Uuid, String, String)> {
        match kind {
            ScopeKind::Brand => {
                self.brands.iter().map(|b| (b.id, format!("{} — {}", b.code, b.name), b.code.clone())).collect()
            }
            ScopeKind::Category => {
                self.categories.iter().map(|c| (c.id, format!("{} — {}", c.code, c.name), c.code.clone())).collect()
            }
            ScopeKind::Model => {
                self.models.iter().map(|m| (m.id, format!("{} — {}", m.sku, m.name), m.sku.clone())).collect()
            }
        }
    }
}

pub fn scope_kind_key(kind: ScopeKind) -> &'static str {
    match kind {
        ScopeKind::Brand => "warranty.kind.brand",
        ScopeKind::Category => "warranty.kind.category",
        ScopeKind::Model => "warranty.kind.model",
    }
}

pub fn scope_kind_code(kind: ScopeKind) -> &'static str {
    match kind {
        ScopeKind::Brand => "brand",
        ScopeKind::Category => "category",
        ScopeKind::Model => "model",
    }
}

/// The version in force today, else the latest.
pub fn current(policy: &PolicyDto, on: NaiveDate) -> Option<&PolicyVersionDto> {
    policy
        .versions
        .iter()
        .rev()
        .find(|v| v.terms.effective_from <= on && v.effective_to.is_none_or(|to| on < to))
        .or(policy.versions.last())
}

/// `in_force`, `scheduled` (starts later) or `ended`, with its catalogue key.
pub fn status(version: &PolicyVersionDto, on: NaiveDate) -> (&'static str, &'static str) {
    if version.terms.effective_from > on {
        ("scheduled", "warranty.state.scheduled")
    } else if version.effective_to.is_some_and(|to| to <= on) {
        ("ended", "warranty.state.ended")
    } else {
        ("in_force", "warranty.state.in_force")
    }
}

/// A day for reading, with its ISO form for machines.
pub fn day_view(i18n: I18n, day: NaiveDate) -> impl IntoView {
    view! { <time datetime=iso_date(day)>{move || i18n.date(day)}</time> }
}

#[component]
pub fn WarrantyPoliciesPage() -> impl IntoView {
    let session = use_session();
    let changes = RwSignal::new(0u32);
    let catalogue = LocalResource::new(move || Catalogue::load(session));
    view! {
        <section class="page warranty-page">
            <h1 id="warranty-title">{t("warranty.title")}</h1>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        let catalogue = StoredValue::new(catalogue.await?);
                        Ok::<_, ApiError>(view! {
                            <PolicyLoader session catalogue changes />
                            <Show when=move || session.may(Permission::ManageWarranty)>
                                <CreateForm session catalogue changes />
                            </Show>
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

/// The list, loaded again after every change made on the screen.
#[component]
fn PolicyLoader(session: Session, catalogue: StoredValue<Catalogue>, changes: RwSignal<u32>) -> impl IntoView {
    let policies = LocalResource::new(move || {
        let _ = changes.get();
        api::warranty::policies(session)
    });
    view! {
        <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                {move || Suspend::new(async move {
                    policies.await.map(|list| view! { <PolicyList catalogue list /> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn PolicyList(catalogue: StoredValue<Catalogue>, list: Vec<PolicyDto>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p id="warranty-empty" class="muted">{t("warranty.empty")}</p> }.into_any();
    }
    let on = today();
    let names: HashMap<Uuid, String> =
        catalogue.with_value(|c| list.iter().map(|p| (p.id, c.scope_name(&p.scope))).collect());
    let rows = list
        .into_iter()
        .map(|p| {
            let version = current(&p, on).cloned();
            let (state, key) = version.as_ref().map_or(("none", "warranty.state.none"), |v| status(v, on));
            let scope = names.get(&p.id).cloned().unwrap_or_default();
            let kind = p.scope.kind;
            let from = version.as_ref().map(|v| v.terms.effective_from);
            let number = version.as_ref().map(|v| v.version).unwrap_or_default();
            let name = p.name.clone();
            view! {
                <tr data-id=p.id.to_string() data-name=name>
                    <td><a href=format!("/warranty-policies/{}", p.id)><bdi>{p.name}</bdi></a></td>
                    <td>{t(scope_kind_key(kind))} ": " <bdi>{scope}</bdi></td>
                    <td class="version">{move || i18n.number(i64::from(number))}</td>
                    <td>{from.map(|d| day_view(i18n, d))}</td>
                    <td class="status" data-state=state>{t(key)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table id="warranty-table" class="data">
                <caption class="visually-hidden">{t("warranty.list_caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("warranty.name")}</th>
                        <th scope="col">{t("warranty.scope")}</th>
                        <th scope="col">{t("warranty.current_version")}</th>
                        <th scope="col">{t("warranty.effective_from")}</th>
                        <th scope="col">{t("warranty.status")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
