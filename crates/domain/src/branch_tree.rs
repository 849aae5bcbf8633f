//! The branch tree (HQ → regional centre → outlet) as materialised paths.
//!
//! Each branch stores the path of ids from the top of the tree down to itself,
//! `/<hq>/<region>/<outlet>/`. "Branch B is within A's scope" is then a prefix test,
//! which the database can answer with an indexed `LIKE 'prefix%'`.

use uuid::Uuid;

/// The path of a top-level branch.
pub fn root_path(id: Uuid) -> String {
    format!("/{id}/")
}

/// The path of a branch placed under a parent with `parent_path`.
pub fn child_path(parent_path: &str, id: Uuid) -> String {
    format!("{parent_path}{id}/")
}

/// True when the branch at `path` is the scope branch itself or lies below it.
pub fn is_within(path: &str, scope_path: &str) -> bool {
    path.starts_with(scope_path)
}

/// Why a branch cannot be moved under a new parent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoveError {
    #[error("a branch cannot be placed under itself or under a branch below it")]
    Cycle,
    #[error("the head office has no parent")]
    RootCannotMove,
}

/// The new path of a branch moved under `new_parent_path`, refusing cycles.
pub fn moved_path(branch_path: &str, new_parent_path: &str, id: Uuid) -> Result<String, MoveError> {
    if branch_path == root_path(id) {
        return Err(MoveError::RootCannotMove);
    }
    if is_within(new_parent_path, branch_path) {
        return Err(MoveError::Cycle);
    }
    Ok(child_path(new_parent_path, id))
}

/// Rewrites the path of a descendant after its ancestor moved from `old_prefix`
/// to `new_prefix`. `None` if the path was not below `old_prefix`.
pub fn rebase(path: &str, old_prefix: &str, new_prefix: &str) -> Option<String> {
    path.strip_prefix(old_prefix).map(|rest| format!("{new_prefix}{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn an_outlet_is_within_its_region_and_the_head_office() {
        let hq = root_path(id(1));
        let region = child_path(&hq, id(2));
        let outlet = child_path(&region, id(3));
        assert!(is_within(&outlet, &region));
        assert!(is_within(&outlet, &hq));
        assert!(is_within(&region, &region));
    }

    #[test]
    fn a_sibling_outlet_is_not_within_another_outlet() {
        let hq = root_path(id(1));
        let a = child_path(&hq, id(2));
        let b = child_path(&hq, id(3));
        assert!(!is_within(&b, &a));
        assert!(!is_within(&hq, &a));
    }

    #[test]
    fn a_branch_cannot_move_below_itself() {
        let hq = root_path(id(1));
        let region = child_path(&hq, id(2));
        let outlet = child_path(&region, id(3));
        assert_eq!(moved_path(&region, &outlet, id(2)), Err(MoveError::Cycle));
        assert_eq!(moved_path(&region, &region, id(2)), Err(MoveError::Cycle));
        assert_eq!(moved_path(&hq, &region, id(1)), Err(MoveError::RootCannotMove));
    }

    #[test]
    fn moving_rebases_the_subtree() {
        let hq = root_path(id(1));
        let north = child_path(&hq, id(2));
        let south = child_path(&hq, id(3));
        let outlet = child_path(&north, id(4));
        let new_north = moved_path(&north, &south, id(2)).unwrap_or_default();
        let new_outlet = rebase(&outlet, &north, &new_north).unwrap_or_default();
        assert!(is_within(&new_outlet, &south));
        assert!(is_within(&new_outlet, &new_north));
    }

    proptest! {
        /// Whatever the depth, a descendant is within every ancestor and never the reverse.
        #[test]
        fn descendants_are_within_ancestors(ids in proptest::collection::vec(1u128..u128::MAX, 2..8)) {
            let mut paths = vec![root_path(id(ids[0]))];
            for n in &ids[1..] {
                let next = child_path(paths.last().map(String::as_str).unwrap_or_default(), id(*n));
                paths.push(next);
            }
            for (i, upper) in paths.iter().enumerate() {
                for lower in &paths[i..] {
                    prop_assert!(is_within(lower, upper));
                }
                for lower in &paths[i + 1..] {
                    prop_assert!(!is_within(upper, lower));
                }
            }
        }
    }
}
