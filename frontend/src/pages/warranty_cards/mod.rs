//! `/warranty-cards`: the warranty card batches issued per brand, issuing a new
//! batch, and one card looked up by its number (kept in the address,
//! `?card=…`) to activate it on a unit or void it.
//! `/warranty-cards/batches/{id}` lists a batch's numbers to print.

mod batches;
mod card;
mod new_batch;
mod print;

use aftersales_api_types::auth::Permission;
use leptos::prelude::*;

use self::batches::Batches;
use self::card::CardLookup;
use self::new_batch::NewBatch;
pub use self::print::CardBatchPrintPage;
use crate::i18n::t;
use crate::session::use_session;

#[component]
pub fn WarrantyCardsPage() -> impl IntoView {
    let session = use_session();
    let changes = RwSignal::new(0_u32);
    let issuing = RwSignal::new(false);
    view! {
        <section class="page cards-page">
            <h1 id="cards-title">{t("cards.title")}</h1>
            <CardLookup />
            <section class="cards-batches" aria-labelledby="cards-batches-title">
                <div class="page-head">
                    <h2 id="cards-batches-title">{t("cards.batches")}</h2>
                    <Show when=move || session.may(Permission::ManageWarranty) && !issuing.get()>
                        <button id="cards-new-batch" type="button" class="button primary" on:click=move |_| issuing.set(true)>
                            {t("cards.new_batch")}
                        </button>
                    </Show>
                </div>
                <Show when=move || issuing.get()>
                    <NewBatch on_close=Callback::new(move |()| issuing.set(false)) />
                </Show>
                <Batches changes />
            </section>
        </section>
    }
}
