//! Dispatch checks: sending a technician is always possible, but some choices need
//! a second look and an override with a reason.
use crate::branch_tree::is_within;
use crate::ids::SkillId;

/// What is known when a technician is about to be sent to a ticket.
#[derive(Debug, Clone)]
pub struct DispatchCheck<'a> {
    pub ticket_branch_path: &'a str,
    pub technician_branch_path: &'a str,
    /// Skill ids the product category asks for.
    pub required_skills: &'a [SkillId],
    pub technician_skills: &'a [SkillId],
    /// Jobs the technician already has on the appointment's day (this one excluded).
    pub jobs_that_day: u32,
    pub daily_limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DispatchWarning {
    /// The technician works for a branch outside the ticket's branch.
    OutsideBranch,
    /// The technician lacks skills the product category needs.
    MissingSkills(Vec<SkillId>),
    /// The technician already has `jobs` jobs that day, the limit being `limit`.
    OverDailyLoad { jobs: u32, limit: u32 },
}

impl DispatchWarning {
    pub fn code(&self) -> &'static str {
        match self {
            DispatchWarning::OutsideBranch => "outside_branch",
            DispatchWarning::MissingSkills(_) => "missing_skill",
            DispatchWarning::OverDailyLoad { .. } => "over_daily_load",
        }
    }

    pub fn explain(&self) -> String {
        match self {
            DispatchWarning::OutsideBranch => "the technician works for a branch outside the ticket's branch".into(),
            DispatchWarning::MissingSkills(ids) => {
                format!("the technician lacks {} skill(s) this product category needs", ids.len())
            }
            DispatchWarning::OverDailyLoad { jobs, limit } => {
                format!("the technician already has {jobs} job(s) that day; the limit is {limit}")
            }
        }
    }
}

pub fn dispatch_warnings(check: &DispatchCheck) -> Vec<DispatchWarning> {
    let mut warnings = Vec::new();
    if !is_within(check.technician_branch_path, check.ticket_branch_path) {
        warnings.push(DispatchWarning::OutsideBranch);
    }
    let missing: Vec<SkillId> =
        check.required_skills.iter().copied().filter(|s| !check.technician_skills.contains(s)).collect();
    if !missing.is_empty() {
        warnings.push(DispatchWarning::MissingSkills(missing));
    }
    if check.jobs_that_day >= check.daily_limit {
        warnings.push(DispatchWarning::OverDailyLoad { jobs: check.jobs_that_day, limit: check.daily_limit });
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    const HN01: &str = "/hq/rc/hn01/";

    fn check<'a>(tech_path: &'a str, required: &'a [SkillId], has: &'a [SkillId], jobs: u32) -> DispatchCheck<'a> {
        DispatchCheck {
            ticket_branch_path: HN01,
            technician_branch_path: tech_path,
            required_skills: required,
            technician_skills: has,
            jobs_that_day: jobs,
            daily_limit: 6,
        }
    }

    #[test]
    fn a_skilled_local_technician_with_room_needs_no_override() {
        let skill = [SkillId::from(Uuid::from_u128(1))];
        assert_eq!(dispatch_warnings(&check(HN01, &skill, &skill, 5)), vec![]);
    }

    #[test]
    fn each_problem_is_named() {
        let skill = [SkillId::from(Uuid::from_u128(1))];
        let warnings = dispatch_warnings(&check("/hq/rc/hn02/", &skill, &[], 6));
        let codes: Vec<&str> = warnings.iter().map(DispatchWarning::code).collect();
        assert_eq!(codes, vec!["outside_branch", "missing_skill", "over_daily_load"]);
    }

    #[test]
    fn a_technician_of_the_regional_centre_is_outside_an_outlet() {
        assert_eq!(dispatch_warnings(&check("/hq/rc/", &[], &[], 0)), vec![DispatchWarning::OutsideBranch]);
    }
}
