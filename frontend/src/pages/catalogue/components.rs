//! `/settings/models/:id`: one product model and its components, the parts its
//! warranty can cover separately (`GET/POST /product-models/{id}/components`,
//! `PATCH/DELETE /product-models/{id}/components/{component_id}`).

use aftersales_api_types::auth::Permission;
use aftersales_api_types::catalogue::{ComponentDto, CreateComponent, ProductModelDto, UpdateComponent};
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::api;
use crate::components::problem::{FieldErrors, ProblemView};
use crate::components::screen::{DeleteButton, FormActions, NewButton, Screen, form_problem, invalid};
use crate::components::table::ListTable;
use crate::i18n::t;
use crate::session::use_session;

const COLUMNS: &[&str] = &["settings.code", "settings.name", "settings.actions"];

#[component]
pub fn ComponentsPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| Uuid::parse_str(&v).ok())));
    let model = LocalResource::new(move || {
        let id = id.get().unwrap_or_default();
        api::reference::model(session, id)
    });
    view! {
        <section class="page settings-page">
            <p><A href="/settings/models" attr:id="components-back">{t("catalogue.models.back")}</A></p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                {move || Suspend::new(async move {
                    match model.await {
                        Ok(model) => view! { <ComponentsScreen model /> }.into_any(),
                        Err(e) => view! {
                            <h1>{t("catalogue.components.title")}</h1>
                            <div class="alert" role="alert"><ProblemView problem=e.problem /></div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ComponentsScreen(model: ProductModelDto) -> impl IntoView {
    let screen = Screen::<ComponentDto>::new(use_session());
    let session = screen.session;
    let model_id = model.id;
    let list = LocalResource::new(move || {
        let _ = screen.changes.get();
        api::catalogue::components(session, model_id)
    });
    let may = Memo::new(move |_| session.may(Permission::ManageCatalogue));
    let form = move || screen.editing.get().map(|current| view! { <ComponentForm screen model_id current /> });
    view! {
        <h1 id="components-title"><bdi>{format!("{} — {}", model.sku, model.name)}</bdi></h1>
        <p class="hint">{t("catalogue.components.intro")}</p>
        <h2>{t("catalogue.components.title")}</h2>
        <Show when=move || may.get()>
            <NewButton screen id="component-new" label="catalogue.components.new" />
        </Show>
        {form}
        <ListTable id="component-table" caption="catalogue.components.title" columns=COLUMNS empty="catalogue.components.empty" list row=move |r| component_row(screen, may, r).into_any() />
    }
}

fn component_row(screen: Screen<ComponentDto>, may: Memo<bool>, component: ComponentDto) -> impl IntoView {
    let edit_row = component.clone();
    let (id, code) = (component.id, component.code.clone());
    let path = api::catalogue::components_path(component.model_id);
    view! {
        <tr data-code=component.code.clone()>
            <td class="code"><bdi>{component.code.clone()}</bdi></td>
            <td class="name"><bdi>{component.name.clone()}</bdi></td>
            <td class="actions">
                <Show when=move || may.get()>
                    <button type="button" class="button link settings-edit"
                        on:click={
                            let edit_row = edit_row.clone();
                            move |_| screen.editing.set(Some(Some(edit_row.clone())))
                        }>{t("settings.edit")}</button>
                    <DeleteButton session=screen.session path=path.clone() id code=code.clone() changes=screen.changes />
                </Show>
            </td>
        </tr>
    }
}

type Save = crate::api::Save<CreateComponent, UpdateComponent>;

#[component]
fn ComponentForm(screen: Screen<ComponentDto>, model_id: Uuid, current: Option<ComponentDto>) -> impl IntoView {
    let session = screen.session;
    let is_new = current.is_none();
    let code = RwSignal::new(current.as_ref().map(|c| c.code.clone()).unwrap_or_default());
    let name = RwSignal::new(current.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();

    let save = Action::new_local(move |save: &Save| {
        let save = save.clone();
        async move {
            let answer = match &save {
                Save::Create(body) => api::catalogue::create_component(session, model_id, body).await,
                Save::Update(id, version, body) => {
                    api::catalogue::update_component(session, model_id, *id, *version, body).await
                }
            };
            screen.settle(answer.map(|saved| saved.code), problem, "code", "settings.error.code_taken");
        }
    });
    let before = current.as_ref().map(|c| (c.id, c.version));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = name.get_untracked().trim().to_owned();
        let request = match before {
            None => Save::Create(CreateComponent { code: code.get_untracked().trim().to_owned(), name }),
            Some((id, version)) => Save::Update(id, version, UpdateComponent { name }),
        };
        problem.set(None);
        save.dispatch_local(request);
    };
    let title = if is_new { "catalogue.components.new" } else { "catalogue.components.edit" };
    view! {
        <form id="component-form" class="card settings-form" on:submit=submit novalidate>
            <h2>{t(title)}</h2>
            {form_problem(problem, "component-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="component-code">{t("settings.code")}</label>
                    <input id="component-code" type="text" dir="ltr" maxlength="32" autocomplete="off" bind:value=code
                        disabled=!is_new aria-invalid=invalid(problem, "code") aria-describedby="component-code-error" />
                    <p class="hint">{t("catalogue.key_hint")}</p>
                    <FieldErrors problem=errors field="code" id="component-code" />
                </div>
                <div class="field">
                    <label for="component-name">{t("settings.name")}</label>
                    <input id="component-name" type="text" maxlength="120" autocomplete="off" bind:value=name
                        aria-invalid=invalid(problem, "name") aria-describedby="component-name-error" />
                    <FieldErrors problem=errors field="name" id="component-name" />
                </div>
            </div>
            <FormActions prefix="component" pending=save.pending().into() on_cancel=Callback::new(move |()| screen.editing.set(None)) />
        </form>
    }
}
