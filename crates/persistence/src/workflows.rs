//! The workflow of each ticket kind. A kind nobody has configured runs on its
//! default (see `aftersales_domain::tickets::default_workflows`), at version 0.
use aftersales_domain::access::Role;
use aftersales_domain::tickets::default_workflows::default_workflow;
use aftersales_domain::tickets::workflow::{Guard, Stage, Transition, Workflow};
use aftersales_domain::tickets::{StageCategory, TicketKind};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::workflows::{ActiveModel, Column, Entity};

#[derive(Debug, Clone, PartialEq)]
pub struct StoredWorkflow {
    pub kind: TicketKind,
    pub workflow: Workflow,
    /// 0 while the kind runs on its default.
    pub version: i64,
    pub updated_at: Option<DateTime<Utc>>,
    pub updated_by: Option<Uuid>,
}

fn to_json(wf: &Workflow) -> Value {
    json!({
        "stages": wf.stages.iter().map(|s| json!({
            "code": s.code, "category": s.category.as_str(), "names": s.names,
        })).collect::<Vec<_>>(),
        "transitions": wf.transitions.iter().map(|t| json!({
            "from": t.from, "to": t.to,
            "roles": t.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            "guards": t.guards.iter().map(|g| g.as_str()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn from_json(text: &str) -> Option<Workflow> {
    let v: Value = serde_json::from_str(text).ok()?;
    let strings =
        |v: &Value| -> Option<Vec<String>> { v.as_array()?.iter().map(|x| x.as_str().map(str::to_owned)).collect() };
    let stages = v["stages"]
        .as_array()?
        .iter()
        .map(|s| {
            Some(Stage {
                code: s["code"].as_str()?.to_owned(),
                category: StageCategory::parse(s["category"].as_str()?)?,
                names: serde_json::from_value(s["names"].clone()).ok()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let transitions = v["transitions"]
        .as_array()?
        .iter()
        .map(|t| {
            Some(Transition {
                from: t["from"].as_str()?.to_owned(),
                to: t["to"].as_str()?.to_owned(),
                roles: strings(&t["roles"])?.iter().map(|r| Role::parse(r)).collect::<Option<_>>()?,
                guards: strings(&t["guards"])?.iter().map(|g| Guard::parse(g)).collect::<Option<_>>()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Workflow { stages, transitions })
}

pub async fn get(db: &impl ConnectionTrait, kind: TicketKind) -> Result<StoredWorkflow, StoreError> {
    match Entity::find_by_id(kind.as_str()).one(db).await? {
        Some(row) => Ok(StoredWorkflow {
            kind,
            workflow: from_json(&row.definition)
                .ok_or_else(|| StoreError::Corrupt(format!("workflow of {}", kind.as_str())))?,
            version: row.version,
            updated_at: Some(row.updated_at),
            updated_by: row.updated_by,
        }),
        None => Ok(StoredWorkflow {
            kind,
            workflow: default_workflow(kind),
            version: 0,
            updated_at: None,
            updated_by: None,
        }),
    }
}

/// Replaces the workflow of a kind if it is still at `read_version` (0: the default).
pub async fn put(
    db: &impl ConnectionTrait,
    kind: TicketKind,
    workflow: &Workflow,
    read_version: i64,
    actor: Uuid,
    now: DateTime<Utc>,
) -> Result<StoredWorkflow, StoreError> {
    let definition = to_json(workflow).to_string();
    if read_version == 0 {
        ActiveModel {
            kind: Set(kind.as_str().into()),
            definition: Set(definition),
            updated_at: Set(now),
            updated_by: Set(Some(actor)),
            version: Set(1),
        }
        .insert(db)
        .await
        // Someone else saved the first version meanwhile.
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict(_) => StoreError::StaleVersion,
            other => other,
        })?;
    } else {
        let result = Entity::update_many()
            .set(ActiveModel {
                definition: Set(definition),
                updated_at: Set(now),
                updated_by: Set(Some(actor)),
                version: Set(read_version + 1),
                ..Default::default()
            })
            .filter(Column::Kind.eq(kind.as_str()))
            .filter(Column::Version.eq(read_version))
            .exec(db)
            .await?;
        if result.rows_affected == 0 {
            return Err(StoreError::StaleVersion);
        }
    }
    get(db, kind).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_workflow_survives_storage() {
        for &kind in TicketKind::ALL {
            let wf = default_workflow(kind);
            assert_eq!(from_json(&to_json(&wf).to_string()), Some(wf), "{kind:?}");
        }
    }
}
