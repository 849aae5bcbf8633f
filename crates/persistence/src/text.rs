//! Text search helpers that behave the same on SQLite and PostgreSQL.
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, SimpleExpr};
use sea_orm::{ColumnTrait, Condition};

/// Case-insensitive "contains" over any of `columns`, with `%` and `_` in the
/// search text taken literally.
pub fn contains_any<C: ColumnTrait>(columns: &[C], needle: &str) -> Condition {
    let escaped = needle.trim().to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    let pattern = format!("%{escaped}%");
    columns.iter().fold(Condition::any(), |cond, col| {
        let lowered: SimpleExpr = Func::lower(Expr::col(col.as_column_ref())).into();
        cond.add(lowered.like(LikeExpr::new(pattern.clone()).escape('\\')))
    })
}
