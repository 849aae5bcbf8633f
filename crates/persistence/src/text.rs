//! Text search helpers that behave the same on SQLite and PostgreSQL.
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, SimpleExpr};
use sea_orm::{ColumnTrait, Condition};

/// A `LIKE` pattern for "contains `needle`", with `%`, `_` and `\` in it taken literally.
fn contains_pattern(needle: &str) -> LikeExpr {
    let escaped = needle.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

/// Case-insensitive "contains" over any of `columns`, with `%` and `_` in the
/// search text taken literally.
pub fn contains_any<C: ColumnTrait>(columns: &[C], needle: &str) -> Condition {
    let needle = needle.trim().to_lowercase();
    columns.iter().fold(Condition::any(), |cond, col| {
        let lowered: SimpleExpr = Func::lower(Expr::col(col.as_column_ref())).into();
        cond.add(lowered.like(contains_pattern(&needle)))
    })
}

/// "Contains" on a column that already holds folded text (see
/// `aftersales_domain::text_fold`); `needle` must be folded the same way. No
/// `lower()`: SQLite's lowers ASCII only, and the text is lower-case already.
pub fn folded_contains<C: ColumnTrait>(column: C, needle: &str) -> SimpleExpr {
    Expr::col(column.as_column_ref()).like(contains_pattern(needle))
}
