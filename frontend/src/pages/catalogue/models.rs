//! `/settings/models`: the products each brand sells (`GET/POST /product-models`,
//! `PATCH/DELETE /product-models/{id}`), filtered by brand and category in the
//! address (`?brand=…&category=…`); each links to its components.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::catalogue::{BrandDto, CategoryDto, CreateProductModel, ProductModelDto, UpdateProductModel};
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;

use crate::api;
use crate::components::problem::{FieldErrors, ProblemView};
use crate::components::screen::{DeleteButton, FormActions, NewButton, Screen, form_problem, invalid};
use crate::components::table::ListTable;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

const COLUMNS: &[&str] = &[
    "catalogue.sku",
    "settings.name",
    "catalogue.brand",
    "settings.category",
    "catalogue.installation",
    "settings.status",
    "settings.actions",
];

/// The brands and categories, read once for the page (labels, filters, choices).
#[derive(Debug, Clone, Copy)]
struct Lists {
    brands: StoredValue<Vec<BrandDto>>,
    categories: StoredValue<Vec<CategoryDto>>,
}

impl Lists {
    fn brand(&self, id: Uuid) -> String {
        self.brands.with_value(|l| l.iter().find(|b| b.id == id).map_or_else(|| id.to_string(), |b| b.name.clone()))
    }

    fn category(&self, id: Uuid) -> String {
        self.categories.with_value(|l| l.iter().find(|c| c.id == id).map_or_else(|| id.to_string(), |c| c.name.clone()))
    }

    /// `<option>`s of `(id, label, active)`; retired ones only when `all` (filters) or chosen.
    fn options(items: Vec<(Uuid, String, String, bool)>, chosen: Signal<String>, all: bool) -> impl IntoView + use<> {
        items
            .into_iter()
            .filter(move |(id, _, _, active)| all || *active || chosen.get_untracked() == id.to_string())
            .map(|(id, code, label, _)| {
                let id = id.to_string();
                let mine = id.clone();
                view! { <option value=id data-code=code selected=move || chosen.get() == mine>{label}</option> }
            })
            .collect_view()
    }

    fn brand_options(&self, chosen: Signal<String>, all: bool) -> impl IntoView + use<> {
        let items = self.brands.with_value(|l| {
            l.iter().map(|b| (b.id, b.code.clone(), format!("{} — {}", b.code, b.name), b.active)).collect()
        });
        Self::options(items, chosen, all)
    }

    fn category_options(&self, chosen: Signal<String>, all: bool) -> impl IntoView + use<> {
        let items = self.categories.with_value(|l| {
            l.iter().map(|c| (c.id, c.code.clone(), format!("{} — {}", c.code, c.name), c.active)).collect()
        });
        Self::options(items, chosen, all)
    }
}

#[component]
pub fn ModelsPage() -> impl IntoView {
    let session = use_session();
    let lists = LocalResource::new(move || async move {
        let brands = api::reference::brands(session).await?;
        let categories = api::reference::categories(session).await?;
        Ok::<_, api::ApiError>(Lists { brands: StoredValue::new(brands), categories: StoredValue::new(categories) })
    });
    view! {
        <section class="page settings-page">
            <h1>{t("catalogue.models.title")}</h1>
            <p class="hint">{t("catalogue.models.intro")}</p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                {move || Suspend::new(async move {
                    match lists.await {
                        Ok(lists) => view! { <ModelsScreen lists /> }.into_any(),
                        Err(e) => view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ModelsScreen(lists: Lists) -> impl IntoView {
    let screen = Screen::<ProductModelDto>::new(use_session());
    let session = screen.session;
    let query = use_query_map();
    let filters = Memo::new(move |_| {
        query.with(|q| {
            let id = |name| q.get(name).and_then(|v| Uuid::parse_str(&v).ok());
            (id("brand"), id("category"))
        })
    });
    let list = LocalResource::new(move || {
        let _ = screen.changes.get();
        let (brand, category) = filters.get();
        api::catalogue::models(session, brand, category)
    });
    let may = Memo::new(move |_| session.may(Permission::ManageCatalogue));
    let navigate = use_navigate();
    let go = move |brand: Option<Uuid>, category: Option<Uuid>| {
        let mut parts = Vec::new();
        parts.extend(brand.map(|b| format!("brand={b}")));
        parts.extend(category.map(|c| format!("category={c}")));
        let address = if parts.is_empty() {
            "/settings/models".to_owned()
        } else {
            format!("/settings/models?{}", parts.join("&"))
        };
        navigate(&address, NavigateOptions { replace: true, ..NavigateOptions::default() });
    };
    let go_brand = go.clone();
    let brand_filter = Signal::derive(move || filters.get().0.map(|b| b.to_string()).unwrap_or_default());
    let category_filter = Signal::derive(move || filters.get().1.map(|c| c.to_string()).unwrap_or_default());
    let form = move || screen.editing.get().map(|current| view! { <ModelForm screen lists current /> });
    view! {
        <div class="catalogue-filters" role="search">
            <div class="field">
                <label for="model-filter-brand">{t("catalogue.brand")}</label>
                <select id="model-filter-brand"
                    on:change=move |ev| go_brand(Uuid::parse_str(&event_target_value(&ev)).ok(), filters.get_untracked().1)>
                    <option value="" selected=move || brand_filter.with(String::is_empty)>{t("catalogue.all")}</option>
                    {lists.brand_options(brand_filter, true)}
                </select>
            </div>
            <div class="field">
                <label for="model-filter-category">{t("settings.category")}</label>
                <select id="model-filter-category"
                    on:change=move |ev| go(filters.get_untracked().0, Uuid::parse_str(&event_target_value(&ev)).ok())>
                    <option value="" selected=move || category_filter.with(String::is_empty)>{t("catalogue.all")}</option>
                    {lists.category_options(category_filter, true)}
                </select>
            </div>
        </div>
        <Show when=move || may.get()>
            <NewButton screen id="model-new" label="catalogue.models.new" />
        </Show>
        {form}
        <ListTable id="model-table" caption="catalogue.models.title" columns=COLUMNS empty="catalogue.models.empty" list row=move |r| model_row(screen, lists, may, r).into_any() />
    }
}

fn model_row(screen: Screen<ProductModelDto>, lists: Lists, may: Memo<bool>, model: ProductModelDto) -> impl IntoView {
    let i18n = use_i18n();
    let active = model.active;
    let installation = model.needs_installation;
    let edit_row = model.clone();
    let (id, sku) = (model.id, model.sku.clone());
    view! {
        <tr data-sku=model.sku.clone() class:inactive=!active>
            <td class="code"><bdi>{model.sku.clone()}</bdi></td>
            <td class="name"><bdi>{model.name.clone()}</bdi></td>
            <td><bdi>{lists.brand(model.brand_id)}</bdi></td>
            <td><bdi>{lists.category(model.category_id)}</bdi></td>
            <td>{move || i18n.text(if installation { "common.yes" } else { "common.no" })}</td>
            <td class="status">{move || i18n.text(if active { "settings.active" } else { "settings.retired" })}</td>
            <td class="actions">
                <A href=format!("/settings/models/{id}") attr:class="button link model-components">{t("catalogue.components.title")}</A>
                <Show when=move || may.get()>
                    <button type="button" class="button link settings-edit"
                        on:click={
                            let edit_row = edit_row.clone();
                            move |_| screen.editing.set(Some(Some(edit_row.clone())))
                        }>{t("settings.edit")}</button>
                    <DeleteButton session=screen.session path=api::catalogue::MODELS id code=sku.clone() changes=screen.changes />
                </Show>
            </td>
        </tr>
    }
}

type Save = crate::api::Save<CreateProductModel, UpdateProductModel>;

#[component]
fn ModelForm(screen: Screen<ProductModelDto>, lists: Lists, current: Option<ProductModelDto>) -> impl IntoView {
    let session = screen.session;
    let is_new = current.is_none();
    let first_brand =
        lists.brands.with_value(|l| l.iter().find(|b| b.active).map(|b| b.id.to_string())).unwrap_or_default();
    let first_category =
        lists.categories.with_value(|l| l.iter().find(|c| c.active).map(|c| c.id.to_string())).unwrap_or_default();
    let brand = RwSignal::new(current.as_ref().map_or(first_brand, |m| m.brand_id.to_string()));
    let category = RwSignal::new(current.as_ref().map_or(first_category, |m| m.category_id.to_string()));
    let sku = RwSignal::new(current.as_ref().map(|m| m.sku.clone()).unwrap_or_default());
    let name = RwSignal::new(current.as_ref().map(|m| m.name.clone()).unwrap_or_default());
    let installation = RwSignal::new(current.as_ref().is_some_and(|m| m.needs_installation));
    let retired = RwSignal::new(current.as_ref().is_some_and(|m| !m.active));
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();

    let save = Action::new_local(move |save: &Save| {
        let save = save.clone();
        async move {
            let answer = match &save {
                Save::Create(body) => api::catalogue::create_model(session, body).await,
                Save::Update(id, version, body) => api::catalogue::update_model(session, *id, *version, body).await,
            };
            screen.settle(answer.map(|saved| saved.sku), problem, "sku", "catalogue.error.sku_taken");
        }
    });
    let before = current.as_ref().map(|m| (m.id, m.version));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let brand_id = Uuid::parse_str(&brand.get_untracked()).unwrap_or_default();
        let category_id = Uuid::parse_str(&category.get_untracked()).unwrap_or_default();
        let (sku, name) = (sku.get_untracked().trim().to_owned(), name.get_untracked().trim().to_owned());
        let request = match before {
            None => Save::Create(CreateProductModel {
                brand_id,
                category_id,
                sku,
                name,
                needs_installation: installation.get_untracked(),
            }),
            Some((id, version)) => Save::Update(
                id,
                version,
                UpdateProductModel {
                    brand_id: Some(brand_id),
                    category_id: Some(category_id),
                    sku: Some(sku),
                    name: Some(name),
                    needs_installation: Some(installation.get_untracked()),
                    active: Some(!retired.get_untracked()),
                },
            ),
        };
        problem.set(None);
        save.dispatch_local(request);
    };
    let title = if is_new { "catalogue.models.new" } else { "catalogue.models.edit" };
    view! {
        <form id="model-form" class="card settings-form" on:submit=submit novalidate>
            <h2>{t(title)}</h2>
            {form_problem(problem, "model-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="model-brand">{t("catalogue.brand")}</label>
                    <select id="model-brand" on:change=move |ev| brand.set(event_target_value(&ev))
                        aria-invalid=invalid(problem, "brand_id") aria-describedby="model-brand-error">
                        {lists.brand_options(brand.into(), false)}
                    </select>
                    <FieldErrors problem=errors field="brand_id" id="model-brand" />
                </div>
                <div class="field">
                    <label for="model-category">{t("settings.category")}</label>
                    <select id="model-category" on:change=move |ev| category.set(event_target_value(&ev))
                        aria-invalid=invalid(problem, "category_id") aria-describedby="model-category-error">
                        {lists.category_options(category.into(), false)}
                    </select>
                    <FieldErrors problem=errors field="category_id" id="model-category" />
                </div>
                <div class="field">
                    <label for="model-sku">{t("catalogue.sku")}</label>
                    <input id="model-sku" type="text" dir="ltr" maxlength="64" autocomplete="off" bind:value=sku
                        aria-invalid=invalid(problem, "sku") aria-describedby="model-sku-error" />
                    <p class="hint">{t("catalogue.sku_hint")}</p>
                    <FieldErrors problem=errors field="sku" id="model-sku" />
                </div>
                <div class="field">
                    <label for="model-name">{t("settings.name")}</label>
                    <input id="model-name" type="text" maxlength="200" autocomplete="off" bind:value=name
                        aria-invalid=invalid(problem, "name") aria-describedby="model-name-error" />
                    <FieldErrors problem=errors field="name" id="model-name" />
                </div>
                <div class="field check">
                    <input id="model-installation" type="checkbox" bind:checked=installation />
                    <label for="model-installation">{t("catalogue.needs_installation")}</label>
                </div>
                {(!is_new).then(|| view! {
                    <div class="field check">
                        <input id="model-retired" type="checkbox" bind:checked=retired />
                        <label for="model-retired">{t("settings.retire")}</label>
                    </div>
                })}
            </div>
            <FormActions prefix="model" pending=save.pending().into() on_cancel=Callback::new(move |()| screen.editing.set(None)) />
        </form>
    }
}
