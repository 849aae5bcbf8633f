//! `/settings/skills`: what technicians can be qualified for (`GET/POST /skills`,
//! `PATCH/DELETE /skills/{id}`), which users have and product categories require.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::skills::{CreateSkill, SkillDto, UpdateSkill};
use leptos::prelude::*;

use crate::api;
use crate::components::problem::FieldErrors;
use crate::components::screen::{DeleteButton, FormActions, NewButton, Screen, form_problem, invalid};
use crate::components::table::ListTable;
use crate::i18n::t;
use crate::session::use_session;

const COLUMNS: &[&str] = &["settings.code", "settings.name", "settings.actions"];

#[component]
pub fn SkillsPage() -> impl IntoView {
    let screen = Screen::<SkillDto>::new(use_session());
    let session = screen.session;
    let list = LocalResource::new(move || {
        let _ = screen.changes.get();
        api::settings::skills(session)
    });
    let may = Memo::new(move |_| session.may(Permission::ManageSkills));
    let form = move || screen.editing.get().map(|current| view! { <SkillForm screen current /> });
    view! {
        <section class="page settings-page">
            <h1>{t("catalogue.skills.title")}</h1>
            <p class="hint">{t("catalogue.skills.intro")}</p>
            <Show when=move || may.get()>
                <NewButton screen id="skill-new" label="catalogue.skills.new" />
            </Show>
            {form}
            <ListTable id="skill-table" caption="catalogue.skills.title" columns=COLUMNS empty="settings.no_skills" list row=move |r| skill_row(screen, may, r).into_any() />
        </section>
    }
}

fn skill_row(screen: Screen<SkillDto>, may: Memo<bool>, skill: SkillDto) -> impl IntoView {
    let edit_row = skill.clone();
    let (id, code) = (skill.id, skill.code.clone());
    view! {
        <tr data-code=skill.code.clone()>
            <td class="code"><bdi>{skill.code.clone()}</bdi></td>
            <td class="name"><bdi>{skill.name.clone()}</bdi></td>
            <td class="actions">
                <Show when=move || may.get()>
                    <button type="button" class="button link settings-edit"
                        on:click={
                            let edit_row = edit_row.clone();
                            move |_| screen.editing.set(Some(Some(edit_row.clone())))
                        }>{t("settings.edit")}</button>
                    <DeleteButton session=screen.session path=api::catalogue::SKILLS id code=code.clone() changes=screen.changes />
                </Show>
            </td>
        </tr>
    }
}

type Save = crate::api::Save<CreateSkill, UpdateSkill>;

#[component]
fn SkillForm(screen: Screen<SkillDto>, current: Option<SkillDto>) -> impl IntoView {
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
                Save::Create(body) => api::catalogue::create_skill(session, body).await,
                Save::Update(id, version, body) => api::catalogue::update_skill(session, *id, *version, body).await,
            };
            screen.settle(answer.map(|saved| saved.code), problem, "code", "settings.error.code_taken");
        }
    });
    let before = current.as_ref().map(|c| (c.id, c.version));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = name.get_untracked().trim().to_owned();
        let request = match before {
            None => Save::Create(CreateSkill { code: code.get_untracked().trim().to_owned(), name }),
            Some((id, version)) => Save::Update(id, version, UpdateSkill { name }),
        };
        problem.set(None);
        save.dispatch_local(request);
    };
    let title = if is_new { "catalogue.skills.new" } else { "catalogue.skills.edit" };
    view! {
        <form id="skill-form" class="card settings-form" on:submit=submit novalidate>
            <h2>{t(title)}</h2>
            {form_problem(problem, "skill-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="skill-code">{t("settings.code")}</label>
                    <input id="skill-code" type="text" dir="ltr" maxlength="32" autocomplete="off" bind:value=code
                        disabled=!is_new aria-invalid=invalid(problem, "code") aria-describedby="skill-code-error" />
                    <p class="hint">{t("catalogue.key_hint")}</p>
                    <FieldErrors problem=errors field="code" id="skill-code" />
                </div>
                <div class="field">
                    <label for="skill-name">{t("settings.name")}</label>
                    <input id="skill-name" type="text" maxlength="120" autocomplete="off" bind:value=name
                        aria-invalid=invalid(problem, "name") aria-describedby="skill-name-error" />
                    <FieldErrors problem=errors field="name" id="skill-name" />
                </div>
            </div>
            <FormActions prefix="skill" pending=save.pending().into() on_cancel=Callback::new(move |()| screen.editing.set(None)) />
        </form>
    }
}
