//! The parts of one ticket from one warehouse: what was promised, handed over, and
//! what became of it. Every unit issued ends up used or back on the shelf before the
//! work is complete, and each old part taken out of the unit is owed back.
mod line;
#[cfg(test)]
mod line_properties;

pub use line::{LineChange, LineEvent, TicketPart};

use crate::tickets::named_enum;

/// The counts of a ticket's line for one part from one warehouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartCounts {
    /// Promised to the ticket, not yet issued.
    pub reserved: i64,
    pub issued: i64,
    /// Fitted into the unit.
    pub used: i64,
    /// Issued, not used, and back on the shelf.
    pub returned_unused: i64,
    /// Old parts taken out of the unit and owed back.
    pub defective_returned: i64,
}

impl PartCounts {
    /// Issued and not yet recorded as used or returned.
    pub fn outstanding(&self) -> i64 {
        super::ledger::unreconciled(self.issued, self.used, self.returned_unused)
    }
}

/// What the technician reports for a line; each count adds to what is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outcome {
    pub used: i64,
    pub returned_unused: i64,
    pub defective: i64,
}

/// Why an outcome cannot be recorded, naming the field of the request at fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OutcomeError {
    #[error("counts must not be negative")]
    Negative { field: &'static str },
    #[error("nothing to record: every count is zero")]
    Empty,
    #[error("only {outstanding} issued and not yet recorded as used or returned, {requested} reported")]
    MoreThanIssued { field: &'static str, outstanding: i64, requested: i64 },
    #[error("only {owed} parts used without an old part recorded, {requested} reported")]
    MoreDefectiveThanUsed { owed: i64, requested: i64 },
}

impl OutcomeError {
    /// The request field to blame.
    pub fn field(&self) -> &'static str {
        match self {
            OutcomeError::Negative { field } | OutcomeError::MoreThanIssued { field, .. } => field,
            OutcomeError::Empty => "used",
            OutcomeError::MoreDefectiveThanUsed { .. } => "defective",
        }
    }
}

/// The counts after recording `o`: never more used and returned than issued, and
/// never more old parts than new parts fitted.
pub fn record(counts: PartCounts, o: Outcome) -> Result<PartCounts, OutcomeError> {
    for (field, n) in [("used", o.used), ("returned_unused", o.returned_unused), ("defective", o.defective)] {
        if n < 0 {
            return Err(OutcomeError::Negative { field });
        }
    }
    if o.used == 0 && o.returned_unused == 0 && o.defective == 0 {
        return Err(OutcomeError::Empty);
    }
    let outstanding = counts.outstanding();
    if o.used > outstanding {
        return Err(OutcomeError::MoreThanIssued { field: "used", outstanding, requested: o.used });
    }
    let after_used = outstanding - o.used;
    if o.returned_unused > after_used {
        return Err(OutcomeError::MoreThanIssued {
            field: "returned_unused",
            outstanding: after_used,
            requested: o.returned_unused,
        });
    }
    let used = counts.used + o.used;
    let owed = used - counts.defective_returned;
    if o.defective > owed {
        return Err(OutcomeError::MoreDefectiveThanUsed { owed, requested: o.defective });
    }
    Ok(PartCounts {
        used,
        returned_unused: counts.returned_unused + o.returned_unused,
        defective_returned: counts.defective_returned + o.defective,
        ..counts
    })
}

named_enum!(
    /// Where an old part owed back by a technician stands.
    DefectiveStatus {
        /// Taken out of the unit; the technician still has it.
        Owed = "owed",
        /// Handed in to a defective-parts warehouse.
        Received = "received",
        /// Sent back to the manufacturer or supplier.
        Shipped = "shipped",
        /// Acknowledged by the manufacturer without the part, or lost.
        WrittenOff = "written_off",
        Scrapped = "scrapped",
    }
);

impl DefectiveStatus {
    /// Only a part still owed can be handed in.
    pub fn may_receive(self) -> bool {
        self == DefectiveStatus::Owed
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn issued(n: i64) -> PartCounts {
        PartCounts { issued: n, ..Default::default() }
    }

    #[test]
    fn what_is_issued_is_used_or_returned_and_no_more() {
        let c =
            record(issued(3), Outcome { used: 2, returned_unused: 1, defective: 2 }).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((c.used, c.returned_unused, c.defective_returned, c.outstanding()), (2, 1, 2, 0));
        let more = record(issued(3), Outcome { used: 4, ..Default::default() });
        assert_eq!(more, Err(OutcomeError::MoreThanIssued { field: "used", outstanding: 3, requested: 4 }));
        let more = record(issued(3), Outcome { used: 2, returned_unused: 2, defective: 0 });
        assert_eq!(more.map_err(|e| e.field()), Err("returned_unused"));
    }

    #[test]
    fn an_old_part_is_owed_only_for_a_new_part_fitted() {
        let c = record(issued(2), Outcome { used: 1, ..Default::default() }).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            record(c, Outcome { defective: 2, ..Default::default() }),
            Err(OutcomeError::MoreDefectiveThanUsed { owed: 1, requested: 2 })
        );
        let c = record(c, Outcome { defective: 1, ..Default::default() }).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.defective_returned, 1);
    }

    #[test]
    fn an_empty_or_negative_report_is_refused() {
        assert_eq!(record(issued(1), Outcome::default()), Err(OutcomeError::Empty));
        let negative = Outcome { used: 2, returned_unused: -1, defective: 0 };
        assert_eq!(record(issued(1), negative).map_err(|e| e.field()), Err("returned_unused"));
    }

    #[test]
    fn only_an_owed_part_is_received() {
        for &s in DefectiveStatus::ALL {
            assert_eq!(s.may_receive(), s == DefectiveStatus::Owed, "{s:?}");
            assert_eq!(DefectiveStatus::parse(s.as_str()), Some(s));
        }
    }

    proptest! {
        #[test]
        fn whatever_is_reported_the_counts_stay_whole(
            issued_n in 0_i64..20,
            reports in prop::collection::vec((-2_i64..8, -2_i64..8, -2_i64..8), 1..20),
        ) {
            let mut c = issued(issued_n);
            for (used, returned_unused, defective) in reports {
                let before = c;
                match record(c, Outcome { used, returned_unused, defective }) {
                    Ok(after) => {
                        prop_assert_eq!(after.used - before.used, used);
                        prop_assert_eq!(after.returned_unused - before.returned_unused, returned_unused);
                        c = after;
                    }
                    Err(_) => {
                        // Refused only when the report is really impossible.
                        let invalid = used < 0 || returned_unused < 0 || defective < 0
                            || (used, returned_unused, defective) == (0, 0, 0)
                            || used + returned_unused > before.outstanding()
                            || defective > before.used + used - before.defective_returned;
                        prop_assert!(invalid, "{:?} refused for {:?}", (used, returned_unused, defective), before);
                    }
                }
                prop_assert!(c.used + c.returned_unused <= c.issued);
                prop_assert!(c.defective_returned <= c.used);
                prop_assert_eq!(c.outstanding(), c.issued - c.used - c.returned_unused);
            }
        }
    }
}
