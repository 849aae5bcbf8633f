//! The names of a code or a service, one per language (`names.en` required).

use aftersales_api_types::fault_codes::Names;
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;

use crate::components::problem::FieldErrors;
use crate::components::screen::{invalid, opt};
use crate::i18n::locale::Locale;
use crate::i18n::t;

// Field paths of the problem's errors (built so they do not read as catalogue keys).
const NAME_EN: &str = concat!("names", ".en");
const NAME_VI: &str = concat!("names", ".vi");
const NAME_FA: &str = concat!("names", ".fa");
const NAME_ZH: &str = concat!("names", ".zh");

/// What the four name inputs hold.
#[derive(Debug, Clone, Copy)]
pub struct NameSignals {
    pub en: RwSignal<String>,
    pub vi: RwSignal<String>,
    pub fa: RwSignal<String>,
    pub zh: RwSignal<String>,
}

impl NameSignals {
    pub fn new(names: Option<&Names>) -> Self {
        let or_empty = |n: Option<&Option<String>>| n.and_then(Clone::clone).unwrap_or_default();
        Self {
            en: RwSignal::new(names.map(|n| n.en.clone()).unwrap_or_default()),
            vi: RwSignal::new(or_empty(names.map(|n| &n.vi))),
            fa: RwSignal::new(or_empty(names.map(|n| &n.fa))),
            zh: RwSignal::new(or_empty(names.map(|n| &n.zh))),
        }
    }

    /// The names to send; empty translations are left out.
    pub fn names(&self) -> Names {
        Names {
            en: self.en.get_untracked().trim().to_owned(),
            vi: opt(&self.vi.get_untracked()),
            fa: opt(&self.fa.get_untracked()),
            zh: opt(&self.zh.get_untracked()),
        }
    }
}

/// The name in the reader's language, else the English one.
pub fn local_name(locale: Locale, names: &Names) -> String {
    let own = match locale {
        Locale::En => None,
        Locale::Vi => names.vi.as_ref(),
        Locale::Fa => names.fa.as_ref(),
        Locale::Zh => names.zh.as_ref(),
    };
    own.unwrap_or(&names.en).clone()
}

/// The four name inputs; `ids` are the inputs' ids in the order en, vi, fa, zh.
#[component]
pub fn NamesFields(names: NameSignals, problem: RwSignal<Option<Problem>>, ids: [&'static str; 4]) -> impl IntoView {
    let errors: Signal<Option<Problem>> = problem.into();
    let [en, vi, fa, zh] = ids;
    view! {
        <div class="field">
            <label for=en>{t("settings.name_en")}</label>
            <input id=en type="text" lang="en" dir="ltr" maxlength="120" autocomplete="off" bind:value=names.en
                aria-invalid=invalid(problem, NAME_EN) aria-describedby=format!("{en}-error") />
            <FieldErrors problem=errors field=NAME_EN id=en />
        </div>
        <div class="field">
            <label for=vi>{t("settings.name_vi")}</label>
            <input id=vi type="text" lang="vi" dir="ltr" maxlength="120" autocomplete="off" bind:value=names.vi
                aria-invalid=invalid(problem, NAME_VI) aria-describedby=format!("{vi}-error") />
            <FieldErrors problem=errors field=NAME_VI id=vi />
        </div>
        <div class="field">
            <label for=fa>{t("settings.name_fa")}</label>
            <input id=fa type="text" lang="fa" dir="rtl" maxlength="120" autocomplete="off" bind:value=names.fa
                aria-invalid=invalid(problem, NAME_FA) aria-describedby=format!("{fa}-error") />
            <FieldErrors problem=errors field=NAME_FA id=fa />
        </div>
        <div class="field">
            <label for=zh>{t("settings.name_zh")}</label>
            <input id=zh type="text" lang="zh" maxlength="120" autocomplete="off" bind:value=names.zh
                aria-invalid=invalid(problem, NAME_ZH) aria-describedby=format!("{zh}-error") />
            <FieldErrors problem=errors field=NAME_ZH id=zh />
        </div>
    }
}
