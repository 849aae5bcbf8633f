//! `/settings/categories`: the kinds of product (`GET/POST /product-categories`,
//! `PATCH/DELETE /product-categories/{id}`), a shallow tree, each with the skills a
//! technician needs to repair it (`GET/PUT /product-categories/{id}/required-skills`).

use aftersales_api_types::auth::Permission;
use aftersales_api_types::catalogue::{CategoryDto, CreateCategory, UpdateCategory};
use aftersales_api_types::problem::Problem;
use aftersales_api_types::skills::SkillDto;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::api;
use crate::components::problem::{FieldErrors, ProblemView};
use crate::components::screen::{DeleteButton, FormActions, NewButton, Screen, form_problem, invalid};
use crate::components::table::ListTable;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

const COLUMNS: &[&str] = &[
    "settings.code",
    "settings.name",
    "catalogue.parent",
    "catalogue.required_skills",
    "settings.status",
    "settings.actions",
];

/// The skills catalogue, read once for the page.
type Skills = StoredValue<Vec<SkillDto>>;

#[component]
pub fn CategoriesPage() -> impl IntoView {
    let session = use_session();
    let skills = LocalResource::new(move || api::settings::skills(session));
    view! {
        <section class="page settings-page">
            <h1>{t("catalogue.categories.title")}</h1>
            <p class="hint">{t("catalogue.categories.intro")}</p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                {move || Suspend::new(async move {
                    match skills.await {
                        Ok(list) => view! { <CategoriesScreen skills=StoredValue::new(list) /> }.into_any(),
                        Err(e) => view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CategoriesScreen(skills: Skills) -> impl IntoView {
    let screen = Screen::<CategoryDto>::new(use_session());
    let session = screen.session;
    let list = LocalResource::new(move || {
        let _ = screen.changes.get();
        api::reference::categories(session)
    });
    let all = Memo::new(move |_| list.get().and_then(Result::ok).unwrap_or_default());
    let may = Memo::new(move |_| session.may(Permission::ManageCatalogue));
    let form = move || screen.editing.get().map(|current| view! { <CategoryForm screen skills all current /> });
    view! {
        <Show when=move || may.get()>
            <NewButton screen id="category-new" label="catalogue.categories.new" />
        </Show>
        {form}
        <ListTable id="category-table" caption="catalogue.categories.title" columns=COLUMNS empty="catalogue.categories.empty" list row=move |r| category_row(screen, may, all, r).into_any() />
    }
}

fn category_row(
    screen: Screen<CategoryDto>,
    may: Memo<bool>,
    all: Memo<Vec<CategoryDto>>,
    category: CategoryDto,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = category.active;
    let edit_row = category.clone();
    let parent = category.parent_id;
    let parent_label = move || {
        parent
            .map(|p| all.with(|list| list.iter().find(|c| c.id == p).map_or_else(|| p.to_string(), |c| c.name.clone())))
    };
    let (id, code) = (category.id, category.code.clone());
    view! {
        <tr data-code=category.code.clone() class:inactive=!active>
            <td class="code"><bdi>{category.code.clone()}</bdi></td>
            <td class="name"><bdi>{category.name.clone()}</bdi></td>
            <td><bdi>{parent_label}</bdi></td>
            <td class="required-skills"><RequiredCell id changes=screen.changes /></td>
            <td class="status">{move || i18n.text(if active { "settings.active" } else { "settings.retired" })}</td>
            <td class="actions">
                <Show when=move || may.get()>
                    <button type="button" class="button link settings-edit"
                        on:click={
                            let edit_row = edit_row.clone();
                            move |_| screen.editing.set(Some(Some(edit_row.clone())))
                        }>{t("settings.edit")}</button>
                    <DeleteButton session=screen.session path=api::catalogue::CATEGORIES id code=code.clone() changes=screen.changes />
                </Show>
            </td>
        </tr>
    }
}

/// The names of the skills a category requires, read again after every change.
#[component]
fn RequiredCell(id: Uuid, changes: RwSignal<u32>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let required = LocalResource::new(move || {
        let _ = changes.get();
        api::catalogue::required_skills(session, id)
    });
    move || {
        required.get().map(|answer| match answer {
            Ok(r) if r.skills.is_empty() => view! { <span class="muted">"—"</span> }.into_any(),
            Ok(r) => {
                let names = r
                    .skills
                    .iter()
                    .map(|s| s.name.clone())
                    .collect::<Vec<_>>()
                    .join(i18n.text("common.list_separator"));
                view! { <bdi>{names}</bdi> }.into_any()
            }
            Err(_) => view! { <span class="muted">"?"</span> }.into_any(),
        })
    }
}

type Save = crate::api::Save<CreateCategory, UpdateCategory>;

#[component]
fn CategoryForm(
    screen: Screen<CategoryDto>,
    skills: Skills,
    all: Memo<Vec<CategoryDto>>,
    current: Option<CategoryDto>,
) -> impl IntoView {
    let session = screen.session;
    let is_new = current.is_none();
    let own = current.as_ref().map(|c| c.id);
    let code = RwSignal::new(current.as_ref().map(|c| c.code.clone()).unwrap_or_default());
    let name = RwSignal::new(current.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let parent = RwSignal::new(current.as_ref().and_then(|c| c.parent_id).map(|p| p.to_string()).unwrap_or_default());
    let retired = RwSignal::new(current.as_ref().is_some_and(|c| !c.active));
    let chosen = RwSignal::new(Vec::<String>::new());
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();
    if let Some(id) = own {
        spawn_local(async move {
            match api::catalogue::required_skills(session, id).await {
                Ok(r) => {
                    chosen.try_set(r.skills.into_iter().map(|s| s.code).collect());
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        });
    }

    let save = Action::new_local(move |save: &Save| {
        let save = save.clone();
        async move {
            let wanted = chosen.get_untracked();
            let (answer, field, taken) = match &save {
                Save::Create(body) => {
                    (api::catalogue::create_category(session, body).await, "code", "settings.error.code_taken")
                }
                Save::Update(id, version, body) => (
                    api::catalogue::update_category(session, *id, *version, body).await,
                    "parent_id",
                    "catalogue.error.parent",
                ),
            };
            let answer = match answer {
                Ok(saved) => api::catalogue::set_required_skills(session, saved.id, wanted).await.map(|_| saved.code),
                Err(e) => Err(e),
            };
            screen.settle(answer, problem, field, taken);
        }
    });
    let before = current.as_ref().map(|c| (c.id, c.version));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parent_id = Uuid::parse_str(&parent.get_untracked()).ok();
        let request = match before {
            None => Save::Create(CreateCategory {
                code: code.get_untracked().trim().to_owned(),
                name: name.get_untracked().trim().to_owned(),
                parent_id,
            }),
            Some((id, version)) => Save::Update(
                id,
                version,
                UpdateCategory {
                    name: Some(name.get_untracked().trim().to_owned()),
                    parent_id: Some(parent_id),
                    active: Some(!retired.get_untracked()),
                },
            ),
        };
        problem.set(None);
        save.dispatch_local(request);
    };
    let parents = move || {
        all.get()
            .into_iter()
            .filter(|c| Some(c.id) != own)
            .map(|c| {
                let id = c.id.to_string();
                let mine = id.clone();
                view! { <option value=id data-code=c.code.clone() selected=move || parent.get() == mine>{format!("{} — {}", c.code, c.name)}</option> }
            })
            .collect_view()
    };
    let boxes = skills
        .get_value()
        .into_iter()
        .map(|skill| {
            let id = format!("category-skill-{}", skill.code);
            let (has, flip) = (skill.code.clone(), skill.code.clone());
            view! {
                <div class="field check">
                    <input id=id.clone() type="checkbox" value=skill.code.clone()
                        prop:checked=move || chosen.with(|c| c.contains(&has))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| {
                                c.retain(|x| x != &flip);
                                if on {
                                    c.push(flip.clone());
                                }
                            });
                        } />
                    <label for=id><bdi>{skill.name.clone()}</bdi></label>
                </div>
            }
        })
        .collect_view();
    let no_skills = skills.with_value(Vec::is_empty);
    let title = if is_new { "catalogue.categories.new" } else { "catalogue.categories.edit" };
    view! {
        <form id="category-form" class="card settings-form" on:submit=submit novalidate>
            <h2>{t(title)}</h2>
            {form_problem(problem, "category-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="category-code">{t("settings.code")}</label>
                    <input id="category-code" type="text" dir="ltr" maxlength="32" autocomplete="off" bind:value=code
                        disabled=!is_new aria-invalid=invalid(problem, "code") aria-describedby="category-code-error" />
                    <p class="hint">{t("catalogue.key_hint")}</p>
                    <FieldErrors problem=errors field="code" id="category-code" />
                </div>
                <div class="field">
                    <label for="category-name">{t("settings.name")}</label>
                    <input id="category-name" type="text" maxlength="120" autocomplete="off" bind:value=name
                        aria-invalid=invalid(problem, "name") aria-describedby="category-name-error" />
                    <FieldErrors problem=errors field="name" id="category-name" />
                </div>
                <div class="field">
                    <label for="category-parent">{t("catalogue.parent")}</label>
                    <select id="category-parent" on:change=move |ev| parent.set(event_target_value(&ev))
                        aria-invalid=invalid(problem, "parent_id") aria-describedby="category-parent-error">
                        <option value="" selected=move || parent.with(String::is_empty)>{t("catalogue.top_level")}</option>
                        {parents}
                    </select>
                    <FieldErrors problem=errors field="parent_id" id="category-parent" />
                </div>
                {(!is_new).then(|| view! {
                    <div class="field check">
                        <input id="category-retired" type="checkbox" bind:checked=retired />
                        <label for="category-retired">{t("settings.retire")}</label>
                    </div>
                })}
                <fieldset id="category-skills" class="wide settings-checks">
                    <legend>{t("catalogue.required_skills")}</legend>
                    <p class="hint">{t("catalogue.required_skills_hint")}</p>
                    {no_skills.then(|| view! { <p class="muted">{t("settings.no_skills")}</p> })}
                    {boxes}
                    <FieldErrors problem=errors field="skills" id="category-skills" />
                </fieldset>
            </div>
            <FormActions prefix="category" pending=save.pending().into() on_cancel=Callback::new(move |()| screen.editing.set(None)) />
        </form>
    }
}
