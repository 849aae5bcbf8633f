//! What the public tracking page shows of a ticket: stage categories and their
//! names in the customer's language, dates, the branch. Built only from fields that
//! say nothing about the customer, the unit or the work's cost.
use aftersales_api_types::tracking::{PublicBranch, PublicStage, PublicStageChange, PublicTracking};
use aftersales_api_types::users::Locale;
use aftersales_domain::organisation::Branch;
use aftersales_domain::tickets::StageCategory;
use aftersales_domain::tickets::workflow::Workflow;
use aftersales_persistence::tickets::Ticket;
use aftersales_persistence::tickets::events::TicketEvent;

use super::convert::ToWire;
use crate::error::ApiError;

/// A stage's name in `lang`, else in English, else its code.
pub fn stage_name(workflow: &Workflow, code: &str, lang: &str) -> String {
    workflow
        .stage(code)
        .and_then(|s| s.names.get(lang).or_else(|| s.names.get("en")))
        .filter(|n| !n.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| code.to_owned())
}

/// The language code the workflow names its stages in.
fn locale_code(lang: Locale) -> &'static str {
    match lang {
        Locale::En => "en",
        Locale::Vi => "vi",
        Locale::Fa => "fa",
        Locale::Zh => "zh",
    }
}

/// `events` are the ticket's stage changes (`events::stage_changes`), oldest first.
/// A past stage the workflow no longer has is left out: its meaning is unknown.
pub fn public_view(
    ticket: &Ticket,
    workflow: &Workflow,
    events: &[TicketEvent],
    branch: &Branch,
    lang: Locale,
) -> Result<PublicTracking, ApiError> {
    let code = locale_code(lang);
    let mut timeline = Vec::new();
    for event in events {
        let Some(stage_code) = event.to_value.as_deref() else { continue };
        let Some(stage) = workflow.stage(stage_code) else { continue };
        timeline.push(PublicStageChange {
            at: event.at,
            category: stage.category.to_wire(),
            name: stage_name(workflow, stage_code, code),
        });
    }
    Ok(PublicTracking {
        number: ticket.number.clone(),
        kind: ticket.kind.to_wire(),
        lang,
        stage: PublicStage {
            category: ticket.stage_category.to_wire(),
            name: stage_name(workflow, &ticket.stage, code),
        },
        closed: ticket.stage_category == StageCategory::Closed,
        received_at: ticket.created_at,
        expected_on: ticket.expected_on,
        timeline,
        branch: PublicBranch { name: branch.name.clone(), code: branch.code.clone() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftersales_domain::tickets::TicketKind;
    use aftersales_domain::tickets::default_workflows::default_workflow;

    #[test]
    fn names_fall_back_to_english_then_to_the_code() {
        let wf = default_workflow(TicketKind::Installation);
        assert_eq!(stage_name(&wf, "unprocessed", "vi"), "Chưa xử lý");
        assert_eq!(stage_name(&wf, "unprocessed", "xx"), "Unprocessed");
        assert_eq!(stage_name(&wf, "gone", "en"), "gone");
    }
}
