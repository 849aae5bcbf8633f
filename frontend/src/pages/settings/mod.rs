//! `/settings`: the index of the screens where admins configure the company's
//! tickets. One link per line; each screen lives in its own module elsewhere.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::t;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <section class="page settings-page">
            <h1 id="settings-title">{t("workflows.settings_title")}</h1>
            <ul id="settings-links" class="settings-links">
                <li><A href="/settings/workflows">{t("workflows.title")}</A></li>
                <li><A href="/settings/tickets">{t("workflows.ticket_settings")}</A></li>
                <li><A href="/settings/fault-codes">{t("settings.fault_codes.title")}</A></li>
                <li><A href="/settings/service-items">{t("settings.service_items.title")}</A></li>
                <li><A href="/settings/brands">{t("catalogue.brands.title")}</A></li>
                <li><A href="/settings/categories">{t("catalogue.categories.title")}</A></li>
                <li><A href="/settings/models">{t("catalogue.models.title")}</A></li>
                <li><A href="/settings/skills">{t("catalogue.skills.title")}</A></li>
                <li><A href="/branches">{t("branches.title")}</A></li>
                <li><A href="/users">{t("users.title")}</A></li>
            </ul>
        </section>
    }
}
