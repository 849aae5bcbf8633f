//! The exports: the serial registry and the product catalogue as XLSX workbooks with
//! the columns of the import, so that one can be edited and imported again.

use aftersales_api_types::problem::Problem;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::imports::{Export, export};
use crate::components::problem::ProblemView;
use crate::i18n::t;
use crate::session::Session;

fn label_key(which: Export) -> &'static str {
    match which {
        Export::Serials => "imports.export.serials",
        Export::ProductModels => "imports.export.product_models",
    }
}

fn id_of(which: Export) -> &'static str {
    match which {
        Export::Serials => "export-serials",
        Export::ProductModels => "export-product-models",
    }
}

#[component]
pub fn Exports(session: Session) -> impl IntoView {
    let busy = RwSignal::new(None::<Export>);
    let problem = RwSignal::new(None::<Problem>);
    let start = move |which: Export| {
        busy.set(Some(which));
        problem.set(None);
        spawn_local(async move {
            if let Err(e) = export(session, which).await {
                problem.try_set(Some(e.problem));
            }
            busy.try_set(None);
        });
    };
    let buttons = Export::ALL
        .into_iter()
        .map(|which| {
            view! {
                <button type="button" id=id_of(which) class="button" data-file=which.file_name()
                    prop:disabled=move || busy.get().is_some()
                    on:click=move |_| start(which)>
                    {move || if busy.get() == Some(which) { t("imports.export.working")() } else { t(label_key(which))() }}
                </button>
            }
        })
        .collect_view();
    view! {
        <section id="imports-exports" class="card imports-section" aria-labelledby="imports-exports-title">
            <h2 id="imports-exports-title">{t("imports.export.title")}</h2>
            <p class="muted">{t("imports.export.intro")}</p>
            <div class="actions">{buttons}</div>
            {move || problem.get().map(|problem| view! { <ProblemView problem /> })}
        </section>
    }
}
