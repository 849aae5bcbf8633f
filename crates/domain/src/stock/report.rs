//! The arithmetic of stock reports: which instants a period of local days spans,
//! and a warehouse × part position over a period (closing = opening + what moved).
//! Storage sums the ledger; these rules only combine the sums.
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::regional::local_day_bounds;

/// The longest period a report covers, in days (a leap year fits).
pub const MAX_PERIOD_DAYS: i64 = 366;

/// Calendar days `from` to `to`, both included, in some branch's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("must not be before `from`")]
    Reversed,
    #[error("the period is longer than {MAX_PERIOD_DAYS} days")]
    TooLong,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, PeriodError> {
        if to < from {
            return Err(PeriodError::Reversed);
        }
        if (to - from).num_days() + 1 > MAX_PERIOD_DAYS {
            return Err(PeriodError::TooLong);
        }
        Ok(Period { from, to })
    }

    pub fn from(&self) -> NaiveDate {
        self.from
    }

    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// The instants the period spans in a time zone: from the first moment of
    /// `from` up to (not including) the first moment of the day after `to`;
    /// `None` for an unknown zone or a date at the end of the calendar.
    pub fn bounds(&self, time_zone: &str) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let (start, _) = local_day_bounds(time_zone, self.from)?;
        let (_, end) = local_day_bounds(time_zone, self.to)?;
        Some((start, end))
    }
}

/// A quantity and what it cost, in minor units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Position {
    pub quantity: i64,
    pub value_minor: i64,
}

/// What moved in and out during a period (all amounts non-negative).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flow {
    pub count: i64,
    pub quantity_in: i64,
    pub quantity_out: i64,
    pub value_in_minor: i64,
    pub value_out_minor: i64,
}

impl Flow {
    pub fn plus(self, other: Flow) -> Flow {
        Flow {
            count: self.count.saturating_add(other.count),
            quantity_in: self.quantity_in.saturating_add(other.quantity_in),
            quantity_out: self.quantity_out.saturating_add(other.quantity_out),
            value_in_minor: self.value_in_minor.saturating_add(other.value_in_minor),
            value_out_minor: self.value_out_minor.saturating_add(other.value_out_minor),
        }
    }

    /// Where a position ends after this flow.
    pub fn close(self, opening: Position) -> Position {
        Position {
            quantity: opening.quantity.saturating_add(self.quantity_in).saturating_sub(self.quantity_out),
            value_minor: opening.value_minor.saturating_add(self.value_in_minor).saturating_sub(self.value_out_minor),
        }
    }
}

/// One key's period: where it started, what moved, where it ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PeriodPosition {
    pub opening: Position,
    pub flow: Flow,
    pub closing: Position,
}

/// Positions over a period, per key (e.g. warehouse × part): the ledger before the
/// period (`openings`) plus what moved during it (`flows`, several per key allowed,
/// e.g. one per movement kind). A key with nothing on hand at the start and nothing
/// moved is left out.
pub fn period_positions<K: Ord>(
    openings: impl IntoIterator<Item = (K, Position)>,
    flows: impl IntoIterator<Item = (K, Flow)>,
) -> BTreeMap<K, PeriodPosition> {
    let mut out: BTreeMap<K, PeriodPosition> = BTreeMap::new();
    for (key, opening) in openings {
        if opening != Position::default() {
            out.entry(key).or_default().opening = opening;
        }
    }
    for (key, flow) in flows {
        let entry = out.entry(key).or_default();
        entry.flow = entry.flow.plus(flow);
    }
    for p in out.values_mut() {
        p.closing = p.flow.close(p.opening);
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_period_is_ordered_and_at_most_a_leap_year_long() {
        assert!(Period::new(day(2026, 1, 1), day(2026, 1, 1)).is_ok(), "one day");
        assert_eq!(Period::new(day(2026, 1, 2), day(2026, 1, 1)), Err(PeriodError::Reversed));
        assert!(Period::new(day(2024, 1, 1), day(2024, 12, 31)).is_ok(), "366 days of a leap year");
        assert_eq!(Period::new(day(2024, 1, 1), day(2025, 1, 1)), Err(PeriodError::TooLong));
    }

    #[test]
    fn a_period_spans_its_local_days_with_the_last_one_included() {
        let period = Period::new(day(2026, 3, 1), day(2026, 3, 31)).unwrap_or_else(|e| panic!("{e}"));
        let (start, end) = period.bounds("Asia/Ho_Chi_Minh").unwrap_or_else(|| panic!("known zone"));
        assert_eq!(Some(start), Utc.with_ymd_and_hms(2026, 2, 28, 17, 0, 0).single());
        assert_eq!(Some(end), Utc.with_ymd_and_hms(2026, 3, 31, 17, 0, 0).single());
        let (start, _) = period.bounds("Asia/Tehran").unwrap_or_else(|| panic!("known zone"));
        assert_eq!(Some(start), Utc.with_ymd_and_hms(2026, 2, 28, 20, 30, 0).single());
        assert!(period.bounds("Mars/Olympus_Mons").is_none());
    }

    #[test]
    fn closing_is_opening_plus_what_came_in_minus_what_went_out() {
        let flows = [
            ("a", Flow { count: 1, quantity_in: 10, value_in_minor: 1000, ..Flow::default() }),
            ("a", Flow { count: 2, quantity_out: 3, value_out_minor: 300, ..Flow::default() }),
            ("b", Flow { count: 1, quantity_out: 1, value_out_minor: 50, ..Flow::default() }),
        ];
        let openings =
            [("b", Position { quantity: 4, value_minor: 200 }), ("c", Position::default()), ("d", Position::default())];
        let out = period_positions(openings, flows);
        assert_eq!(out.keys().copied().collect::<Vec<_>>(), ["a", "b"], "nothing held and nothing moved: left out");
        assert_eq!(out["a"].closing, Position { quantity: 7, value_minor: 700 });
        assert_eq!(out["a"].flow.count, 3);
        assert_eq!(out["b"].opening, Position { quantity: 4, value_minor: 200 });
        assert_eq!(out["b"].closing, Position { quantity: 3, value_minor: 150 });
    }

    fn signed_flow(quantity: i64, value: i64) -> Flow {
        if quantity >= 0 {
            Flow { count: 1, quantity_in: quantity, value_in_minor: value, ..Flow::default() }
        } else {
            Flow { count: 1, quantity_out: -quantity, value_out_minor: value, ..Flow::default() }
        }
    }

    proptest! {
        /// Reporting two consecutive periods chains: the first's closing is the
        /// second's opening, and the second closes where one long period would.
        #[test]
        fn consecutive_periods_chain(
            moves in prop::collection::vec((-50_i64..50, 0_i64..10_000), 0..60),
            split in 0_usize..60,
        ) {
            let split = split.min(moves.len());
            let flows = |m: &[(i64, i64)]| m.iter().map(|&(q, v)| ((), signed_flow(q, v))).collect::<Vec<_>>();
            let whole = period_positions([((), Position::default())], flows(&moves));
            let first = period_positions([((), Position::default())], flows(&moves[..split]));
            let opening = first.get(&()).map(|p| p.closing).unwrap_or_default();
            let second = period_positions([((), opening)], flows(&moves[split..]));
            let closing = |m: &BTreeMap<(), PeriodPosition>| m.get(&()).map(|p| p.closing).unwrap_or_default();
            prop_assert_eq!(closing(&second), closing(&whole));
            let net: i64 = moves.iter().map(|&(q, _)| q).sum();
            prop_assert_eq!(closing(&whole).quantity, net);
        }
    }
}
