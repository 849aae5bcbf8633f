//! A change's before and after side by side, field by field, the fields that
//! changed marked (and named in the summary that opens it).

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde_json::{Map, Value};

use crate::i18n::{I18n, t, use_i18n};

/// One field: its name, its value before and after (`None`: not there).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl FieldChange {
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

/// A value as one line of text: strings as they are, anything else as JSON.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The fields of both sides, in the order they first appear (before, then after).
/// A side that is not an object counts as one field named `value`.
pub fn field_changes(before: Option<&Value>, after: Option<&Value>) -> Vec<FieldChange> {
    let as_map = |v: Option<&Value>| -> Map<String, Value> {
        match v {
            Some(Value::Object(m)) => m.clone(),
            Some(other) => Map::from_iter([("value".to_owned(), other.clone())]),
            None => Map::new(),
        }
    };
    let (b, a) = (as_map(before), as_map(after));
    let mut names: Vec<&String> = b.keys().collect();
    names.extend(a.keys().filter(|k| !b.contains_key(*k)));
    names
        .into_iter()
        .map(|name| FieldChange { field: name.clone(), before: b.get(name).map(shown), after: a.get(name).map(shown) })
        .collect()
}

/// A value as the reader reads it: an instant as a local date and time in their
/// calendar, a missing field as a dash, anything else as recorded.
fn readable(i18n: I18n, value: Option<&str>) -> String {
    match value {
        None => "—".to_owned(),
        Some(text) if text.len() >= 20 && text.as_bytes().get(10) == Some(&b'T') => {
            text.parse::<DateTime<Utc>>().map_or_else(|_| text.to_owned(), |at| i18n.date_time(at))
        }
        Some(text) => text.to_owned(),
    }
}

#[component]
pub fn Diff(before: Option<Value>, after: Option<Value>) -> impl IntoView {
    let i18n = use_i18n();
    let mut fields = field_changes(before.as_ref(), after.as_ref());
    if fields.is_empty() {
        return view! { <p class="muted audit-nothing">{t("audit.no_details")}</p> }.into_any();
    }
    // The changed fields first (a stable sort: each group keeps its order).
    fields.sort_by_key(|f| !f.changed());
    let changed: Vec<String> = fields.iter().filter(|f| f.changed()).map(|f| f.field.clone()).collect();
    let count = i64::try_from(changed.len()).unwrap_or(i64::MAX);
    let summary = move || {
        if changed.is_empty() {
            i18n.text("audit.nothing_changed").to_owned()
        } else {
            i18n.format("audit.changed_fields", &[("count", &i18n.number(count)), ("fields", &i18n.list(&changed))])
        }
    };
    let rows = fields
        .into_iter()
        .map(|f| {
            let changed = f.changed();
            let name = f.field.clone();
            view! {
                <tr class:changed=changed data-field=name data-changed=changed.to_string()>
                    <th scope="row"><code>{f.field}</code>
                        {changed.then(|| view! { <span class="visually-hidden">{t("audit.changed")}</span> })}
                    </th>
                    <td class="before"><bdi>{move || readable(i18n, f.before.as_deref())}</bdi></td>
                    <td class="after"><bdi>{move || readable(i18n, f.after.as_deref())}</bdi></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="audit-change">
            <summary>{summary}</summary>
            <div class="table-wrap">
                <table class="data audit-diff">
                    <caption class="visually-hidden">{t("audit.before_after")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("audit.field")}</th>
                            <th scope="col">{t("audit.before")}</th>
                            <th scope="col">{t("audit.after")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::field_changes;

    #[test]
    fn fields_of_both_sides_are_compared_in_order() {
        let before = json!({"name": "Old", "phone": "1", "gone": true});
        let after = json!({"name": "New", "phone": "1", "added": 3});
        let fields = field_changes(Some(&before), Some(&after));
        let names: Vec<_> = fields.iter().map(|f| (f.field.as_str(), f.changed())).collect();
        assert_eq!(names, [("gone", true), ("name", true), ("phone", false), ("added", true)]);
        assert_eq!(fields[1].before.as_deref(), Some("Old"));
        assert_eq!(fields[3].before, None);
    }

    #[test]
    fn a_creation_has_only_an_after() {
        let fields = field_changes(None, Some(&json!({"code": "HN01"})));
        assert_eq!(fields.len(), 1);
        assert!(fields[0].changed());
    }
}
