//! `/imports`: bulk imports of sold serials and product models from a CSV or XLSX
//! file. A file is checked first (a dry run lists every bad row by row and column);
//! a clean file is then imported for real, its progress polled from the job until
//! it is done. Past imports are listed below, and every export is a download.

mod exports;
mod history;
mod job;
mod upload;

use aftersales_api_types::imports::ImportJobDto;
use leptos::prelude::*;

use self::exports::Exports;
use self::history::History;
use self::job::JobPanel;
use self::upload::UploadForm;
use crate::i18n::t;
use crate::session::use_session;

#[component]
pub fn ImportsPage() -> impl IntoView {
    let session = use_session();
    // The job being followed on screen (a check or an import), as last read.
    let current = RwSignal::new(None::<ImportJobDto>);
    // Bumped when a job ends, so the list of past imports is read again.
    let finished = RwSignal::new(0u32);
    let shown = Memo::new(move |_| current.get());
    view! {
        <section class="page imports-page">
            <h1 id="imports-title">{t("imports.title")}</h1>
            <p class="muted">{t("imports.intro")}</p>
            <UploadForm session current finished />
            <JobPanel job=shown />
            <Exports session />
            <History session finished />
        </section>
    }
}

/// A kind of file in words.
pub fn kind_key(kind: &str) -> &'static str {
    match kind {
        "product_models" => "imports.kind.product_models",
        _ => "imports.kind.serials",
    }
}
