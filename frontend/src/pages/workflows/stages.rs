//! The stages of the workflow being edited: code, category, a name per language;
//! moved up and down, added and removed. The server's messages stand next to the
//! field they name (`stages[2].names`).

use leptos::prelude::*;

use super::draft::{Draft, LANGS, StageDraft, category_code};
use crate::i18n::labels::{STAGE_CATEGORIES, stage_category_key};
use crate::i18n::{t, use_i18n};

/// The messages of one API field path, under its field.
#[component]
pub fn PathErrors(draft: Draft, #[prop(into)] path: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let messages = move || path.with(|p| draft.messages(p));
    view! {
        <Show when=move || !messages().is_empty()>
            <p class="field-error" data-field=move || path.get() role="alert">
                {move || i18n.list(&messages())}
            </p>
        </Show>
    }
}

fn name_key(lang: &str) -> &'static str {
    match lang {
        "vi" => "workflows.name_vi",
        "fa" => "workflows.name_fa",
        "zh" => "workflows.name_zh",
        _ => "workflows.name_en",
    }
}

#[component]
pub fn StagesEditor(draft: Draft) -> impl IntoView {
    view! {
        <section class="card workflow-stages" aria-labelledby="stages-title">
            <h2 id="stages-title">{t("workflows.stages")}</h2>
            <p class="hint muted">{t("workflows.stages_hint")}</p>
            <PathErrors draft path="stages".to_owned() />
            <ol id="stages" class="workflow-rows">
                <For each=move || draft.stages.get() key=|s| s.key let:stage>
                    <StageRow draft stage />
                </For>
            </ol>
            <button id="add-stage" type="button" class="button secondary" on:click=move |_| draft.add_stage()>
                {t("workflows.add_stage")}
            </button>
        </section>
    }
}

#[component]
fn StageRow(draft: Draft, stage: StageDraft) -> impl IntoView {
    let i18n = use_i18n();
    let key = stage.key;
    let index = move || draft.stage_index(key).unwrap_or_default();
    let path = move |field: &'static str| Signal::derive(move || format!("stages[{}].{field}", index()));
    let invalid = move |field: &'static str| move || (!draft.messages(&path(field).get()).is_empty()).to_string();
    let count = move || draft.stages.with(Vec::len);
    let code_id = format!("stage-{key}-code");
    let category_id = format!("stage-{key}-category");
    let code_field = if stage.stored {
        view! {
            <p class="stage-code">
                {t("workflows.code")} ": " <bdi>{move || stage.code.get()}</bdi>
            </p>
        }
        .into_any()
    } else {
        view! {
            <div class="field">
                <label for=code_id.clone()>{t("workflows.code")}</label>
                <input id=code_id type="text" class="stage-code-input" autocomplete="off" dir="ltr"
                    bind:value=stage.code aria-invalid=invalid("code") />
                <p class="hint muted">{t("workflows.code_hint")}</p>
                <PathErrors draft path=path("code") />
            </div>
        }
        .into_any()
    };
    let categories = STAGE_CATEGORIES
        .iter()
        .map(|c| {
            let c = *c;
            view! {
                <option value=category_code(c) selected=move || stage.category.get() == c>
                    {t(stage_category_key(c))}
                </option>
            }
        })
        .collect_view();
    let on_category = move |ev| {
        let value = event_target_value(&ev);
        if let Some(c) = STAGE_CATEGORIES.into_iter().find(|c| category_code(*c) == value) {
            stage.category.set(c);
        }
    };
    let names = LANGS
        .iter()
        .zip(stage.names)
        .map(|(lang, name)| {
            let id = format!("stage-{key}-name-{lang}");
            let dir = if *lang == "fa" { "rtl" } else { "ltr" };
            view! {
                <div class="field">
                    <label for=id.clone()>{t(name_key(lang))}</label>
                    <input id=id type="text" data-lang=*lang lang=*lang dir=dir autocomplete="off" bind:value=name
                        aria-invalid=move || (*lang == "en" && invalid("names")() == "true").to_string() />
                </div>
            }
        })
        .collect_view();
    view! {
        <li class="workflow-stage" data-code=move || stage.code.get() data-index=move || index().to_string()>
            <div class="row-head">
                <h3 class="stage-title">
                    {move || i18n.number(i64::try_from(index() + 1).unwrap_or_default())} ". "
                    <bdi>{move || stage.names[0].get()}</bdi>
                </h3>
                <div class="row-actions">
                    <button type="button" class="button secondary small move-up" aria-label=t("workflows.move_up")
                        disabled=move || index() == 0 on:click=move |_| draft.move_stage(key, -1)>"↑"</button>
                    <button type="button" class="button secondary small move-down" aria-label=t("workflows.move_down")
                        disabled={move || index() + 1 >= count()} on:click=move |_| draft.move_stage(key, 1)>"↓"</button>
                    <button type="button" class="button secondary small remove-stage"
                        on:click=move |_| draft.remove_stage(key)>{t("workflows.remove")}</button>
                </div>
            </div>
            {code_field}
            <div class="field">
                <label for=category_id.clone()>{t("workflows.category")}</label>
                <select id=category_id class="stage-category" on:change=on_category
                    aria-invalid=invalid("category")>
                    {categories}
                </select>
                <PathErrors draft path=path("category") />
            </div>
            <fieldset class="stage-names">
                <legend>{t("workflows.names")}</legend>
                <div class="names-grid">{names}</div>
                <PathErrors draft path=path("names") />
            </fieldset>
        </li>
    }
}

/// A stage's name in the reader's language, else English, else its code (reactive).
pub fn stage_label(draft: Draft, code: &str, lang: &str) -> Option<String> {
    let at = LANGS.iter().position(|l| *l == lang).unwrap_or_default();
    draft.stages.with(|list| {
        list.iter().find(|s| s.code.with(|c| c == code)).map(|s| {
            let own = s.names[at].get();
            let en = s.names[0].get();
            if !own.trim().is_empty() {
                own
            } else if !en.trim().is_empty() {
                en
            } else {
                code.to_owned()
            }
        })
    })
}
