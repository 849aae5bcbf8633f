//! What the audit log records, in words: the kinds of records changed and the
//! actions taken on them (`ticket.update` reads "Ticket: changed"). An action or a
//! kind the catalogue does not know yet is shown as the server writes it.

use crate::i18n::I18n;

/// Every action the server records, as the part before the first dot and the
/// verbs after it (kept apart, so no line here reads like a catalogue key).
pub const ACTIONS: &[(&str, &[&str])] = &[
    ("auth", &["login", "logout", "refresh_reused"]),
    ("branch", &["create", "update", "delete"]),
    ("brand", &["create", "update", "delete"]),
    ("callback", &["attempt", "record", "reopen"]),
    ("complaint", &["open", "resolve"]),
    ("customer", &["create", "update", "delete"]),
    ("defective_part", &["receive", "scrap"]),
    ("fault_code", &["create", "update", "delete"]),
    ("import", &["serials", "product_models"]),
    ("part", &["create", "update"]),
    ("part_sale", &["create"]),
    ("product_category", &["create", "update", "delete", "required_skills"]),
    ("product_component", &["create", "update", "delete"]),
    ("product_model", &["create", "update", "delete"]),
    ("purchase_order", &["create", "update", "order", "receive", "cancel"]),
    ("rtv_shipment", &["create", "ship", "acknowledge"]),
    ("serial", &["register", "update", "owner_change", "component_swap", "contract_add"]),
    ("service_item", &["create", "update", "delete"]),
    ("settings", &["tickets_update"]),
    ("skill", &["create", "update", "delete"]),
    ("stock", &["receive", "issue"]),
    ("stocktake", &["open", "count", "post", "cancel"]),
    (
        "ticket",
        &[
            "create",
            "update",
            "transition",
            "dispatch",
            "reopen",
            "attachment_add",
            "labour_add",
            "labour_remove",
            "parts_reserve",
            "parts_release",
            "parts_issue",
            "parts_outcome",
        ],
    ),
    ("transfer", &["create", "ship", "receive", "close"]),
    ("user", &["create", "update"]),
    ("warehouse", &["create", "update"]),
    ("warranty_card", &["activate", "void"]),
    ("warranty_card_batch", &["issue"]),
    ("warranty_policy", &["create", "publish_version"]),
    ("workflow", &["update"]),
];

/// Every kind of record the log names.
pub const ENTITIES: &[&str] = &[
    "branch",
    "brand",
    "complaint",
    "customer",
    "defective_part",
    "fault_code",
    "import_job",
    "part",
    "part_sale",
    "product_category",
    "product_component",
    "product_model",
    "purchase_order",
    "rtv_shipment",
    "serial",
    "service_item",
    "settings",
    "skill",
    "stock_movement",
    "stocktake",
    "ticket",
    "ticket_attachment",
    "ticket_callback",
    "ticket_labour_line",
    "ticket_part",
    "transfer",
    "user",
    "warehouse",
    "warranty_card_batch",
    "warranty_policy",
    "workflow",
];

/// Every known action as the API spells it, with its parts.
pub fn all_actions() -> impl Iterator<Item = (String, &'static str, &'static str)> {
    ACTIONS.iter().flat_map(|(subject, verbs)| {
        verbs.iter().map(move |verb| {
            // `settings.tickets.update` is the one action of three parts.
            let code = match *verb {
                "tickets_update" => format!("{subject}.tickets.update"),
                _ => format!("{subject}.{verb}"),
            };
            (code, *subject, *verb)
        })
    })
}

/// A kind of record in words.
pub fn entity_words(i18n: I18n, entity: &str) -> String {
    i18n.text_dynamic(&format!("audit.entity.{entity}")).map_or_else(|| entity.to_owned(), str::to_owned)
}

/// An action in words: "Ticket: changed".
pub fn action_words(i18n: I18n, action: &str) -> String {
    let (subject, verb) = action.split_once('.').unwrap_or((action, ""));
    let verb = verb.replace('.', "_");
    let subject_words = i18n.text_dynamic(&format!("audit.entity.{subject}"));
    let verb_words = i18n.text_dynamic(&format!("audit.verb.{verb}"));
    match (subject_words, verb_words) {
        (Some(s), Some(v)) => i18n.format("audit.action_words", &[("entity", s), ("verb", v)]),
        _ => action.to_owned(),
    }
}
