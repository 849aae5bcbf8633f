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

/// The digits a typed phone number is found by among stored digits: all of them for
/// an international number, without the national trunk `0` otherwise, so that
/// `0912 345 678` also finds the number stored as `+84 912 345 678`.
pub fn phone_needle(q: &str) -> Option<String> {
    let phone = aftersales_domain::text_fold::normalize_phone(q)?;
    let digits = aftersales_domain::customers::phone_digits(&phone);
    let significant = if phone.starts_with('+') { digits } else { digits.strip_prefix('0').unwrap_or(digits) };
    (!significant.is_empty()).then(|| significant.to_owned())
}
