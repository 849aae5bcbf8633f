//! `/settings/brands`: the manufacturers whose products the company services
//! (`GET/POST /brands`, `PATCH/DELETE /brands/{id}`): code, name, country, retiring.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::catalogue::{BrandDto, CreateBrand, UpdateBrand};
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;

use crate::api;
use crate::components::problem::FieldErrors;
use crate::components::screen::{DeleteButton, FormActions, NewButton, Screen, form_problem, invalid, opt};
use crate::components::table::ListTable;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

const COLUMNS: &[&str] =
    &["settings.code", "settings.name", "catalogue.country", "settings.status", "settings.actions"];

#[component]
pub fn BrandsPage() -> impl IntoView {
    let screen = Screen::<BrandDto>::new(use_session());
    let session = screen.session;
    let list = LocalResource::new(move || {
        let _ = screen.changes.get();
        api::reference::brands(session)
    });
    let may = Memo::new(move |_| session.may(Permission::ManageCatalogue));
    let form = move || screen.editing.get().map(|current| view! { <BrandForm screen current /> });
    view! {
        <section class="page settings-page">
            <h1>{t("catalogue.brands.title")}</h1>
            <p class="hint">{t("catalogue.brands.intro")}</p>
            <Show when=move || may.get()>
                <NewButton screen id="brand-new" label="catalogue.brands.new" />
            </Show>
            {form}
            <ListTable id="brand-table" caption="catalogue.brands.title" columns=COLUMNS empty="catalogue.brands.empty" list row=move |r| brand_row(screen, may, r).into_any() />
        </section>
    }
}

fn brand_row(screen: Screen<BrandDto>, may: Memo<bool>, brand: BrandDto) -> impl IntoView {
    let i18n = use_i18n();
    let active = brand.active;
    let edit_row = brand.clone();
    let (id, code) = (brand.id, brand.code.clone());
    view! {
        <tr data-code=brand.code.clone() class:inactive=!active>
            <td class="code"><bdi>{brand.code.clone()}</bdi></td>
            <td class="name"><bdi>{brand.name.clone()}</bdi></td>
            <td class="code">{brand.country.clone().unwrap_or_default()}</td>
            <td class="status">{move || i18n.text(if active { "settings.active" } else { "settings.retired" })}</td>
            <td class="actions">
                <Show when=move || may.get()>
                    <button type="button" class="button link settings-edit"
                        on:click={
                            let edit_row = edit_row.clone();
                            move |_| screen.editing.set(Some(Some(edit_row.clone())))
                        }>{t("settings.edit")}</button>
                    <DeleteButton session=screen.session path=api::catalogue::BRANDS id code=code.clone() changes=screen.changes />
                </Show>
            </td>
        </tr>
    }
}

type Save = crate::api::Save<CreateBrand, UpdateBrand>;

#[component]
fn BrandForm(screen: Screen<BrandDto>, current: Option<BrandDto>) -> impl IntoView {
    let session = screen.session;
    let is_new = current.is_none();
    let code = RwSignal::new(current.as_ref().map(|c| c.code.clone()).unwrap_or_default());
    let name = RwSignal::new(current.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let country = RwSignal::new(current.as_ref().and_then(|c| c.country.clone()).unwrap_or_default());
    let retired = RwSignal::new(current.as_ref().is_some_and(|c| !c.active));
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();

    let save = Action::new_local(move |save: &Save| {
        let save = save.clone();
        async move {
            let answer = match &save {
                Save::Create(body) => api::catalogue::create_brand(session, body).await,
                Save::Update(id, version, body) => api::catalogue::update_brand(session, *id, *version, body).await,
            };
            screen.settle(answer.map(|saved| saved.code), problem, "code", "settings.error.code_taken");
        }
    });
    let before = current.as_ref().map(|c| (c.id, c.version));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let country = opt(&country.get_untracked()).map(|c| c.to_uppercase());
        let request = match before {
            None => Save::Create(CreateBrand {
                code: code.get_untracked().trim().to_uppercase(),
                name: name.get_untracked().trim().to_owned(),
                country,
            }),
            Some((id, version)) => Save::Update(
                id,
                version,
                UpdateBrand {
                    name: Some(name.get_untracked().trim().to_owned()),
                    country: Some(country),
                    active: Some(!retired.get_untracked()),
                },
            ),
        };
        problem.set(None);
        save.dispatch_local(request);
    };
    let title = if is_new { "catalogue.brands.new" } else { "catalogue.brands.edit" };
    view! {
        <form id="brand-form" class="card settings-form" on:submit=submit novalidate>
            <h2>{t(title)}</h2>
            {form_problem(problem, "brand-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="brand-code">{t("settings.code")}</label>
                    <input id="brand-code" type="text" dir="ltr" maxlength="32" autocomplete="off" bind:value=code
                        disabled=!is_new aria-invalid=invalid(problem, "code") aria-describedby="brand-code-error" />
                    <p class="hint">{t("catalogue.brands.code_hint")}</p>
                    <FieldErrors problem=errors field="code" id="brand-code" />
                </div>
                <div class="field">
                    <label for="brand-name">{t("settings.name")}</label>
                    <input id="brand-name" type="text" maxlength="120" autocomplete="off" bind:value=name
                        aria-invalid=invalid(problem, "name") aria-describedby="brand-name-error" />
                    <FieldErrors problem=errors field="name" id="brand-name" />
                </div>
                <div class="field">
                    <label for="brand-country">{t("catalogue.country_optional")}</label>
                    <input id="brand-country" type="text" dir="ltr" maxlength="2" autocomplete="off" placeholder="JP"
                        bind:value=country aria-invalid=invalid(problem, "country") aria-describedby="brand-country-error" />
                    <p class="hint">{t("catalogue.country_hint")}</p>
                    <FieldErrors problem=errors field="country" id="brand-country" />
                </div>
                {(!is_new).then(|| view! {
                    <div class="field check">
                        <input id="brand-retired" type="checkbox" bind:checked=retired />
                        <label for="brand-retired">{t("settings.retire")}</label>
                    </div>
                })}
            </div>
            <FormActions prefix="brand" pending=save.pending().into() on_cancel=Callback::new(move |()| screen.editing.set(None)) />
        </form>
    }
}
