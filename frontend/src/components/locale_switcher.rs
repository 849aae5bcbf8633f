//! The language menu: each language named in itself; the choice is remembered.

use leptos::prelude::*;

use crate::i18n::{Locale, t, use_i18n};

#[component]
pub fn LocaleSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let change = move |ev: leptos::ev::Event| {
        if let Some(locale) = Locale::from_code(&event_target_value(&ev)) {
            i18n.set_locale(locale);
        }
    };
    let options = Locale::ALL
        .into_iter()
        .map(|locale| {
            view! {
                <option
                    value=locale.code()
                    lang=locale.html_lang()
                    prop:selected=move || i18n.locale() == locale
                >
                    {locale.native_name()}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="locale-switch">
            <span class="visually-hidden">{t("locale.label")}</span>
            <select id="locale-select" name="locale" on:change=change>
                {options}
            </select>
        </label>
    }
}
