//! A count sheet as a whole: its lines and who took each step when. Counting,
//! posting and cancelling change the sheet in place or refuse; the caller moves
//! the stock posting asks for and saves the sheet.
use crate::ids::{BranchId, MovementId, PartId, StocktakeId, UserId, WarehouseId};
use chrono::{DateTime, Utc};

use super::{PostingLine, PostingRefusal, StocktakeError, StocktakeStatus, ensure_open, plan};
use crate::stock::ledger::Balance;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stocktake {
    pub id: StocktakeId,
    pub branch_id: BranchId,
    pub warehouse_id: WarehouseId,
    pub status: StocktakeStatus,
    pub started_by: UserId,
    pub started_at: DateTime<Utc>,
    pub posted_by: Option<UserId>,
    pub posted_at: Option<DateTime<Utc>>,
    pub cancelled_by: Option<UserId>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub note: Option<String>,
    pub version: i64,
    /// By part id.
    pub lines: Vec<StocktakeLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StocktakeLine {
    pub part_id: PartId,
    /// On hand when the line was put on the sheet.
    pub expected: i64,
    pub counted: Option<i64>,
    pub counted_by: Option<UserId>,
    pub counted_at: Option<DateTime<Utc>>,
    /// Once posted: on hand just before the adjustment.
    pub on_hand_at_post: Option<i64>,
    /// Once posted: what the adjustment changed the stock's value by.
    pub value_delta_minor: Option<i64>,
    pub movement_id: Option<MovementId>,
}

impl StocktakeLine {
    /// A part put on the sheet with what the books hold of it.
    pub fn expecting(part_id: PartId, expected: i64) -> Self {
        StocktakeLine {
            part_id,
            expected,
            counted: None,
            counted_by: None,
            counted_at: None,
            on_hand_at_post: None,
            value_delta_minor: None,
            movement_id: None,
        }
    }
}

/// How much posting moves one line of the sheet by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adjustment {
    /// The line of the sheet (index into `lines`).
    pub index: usize,
    pub part_id: PartId,
    pub delta: i64,
}

impl Stocktake {
    /// Counts may be entered, and the sheet posted or cancelled, only while counting.
    pub fn ensure_open(&self) -> Result<(), StocktakeError> {
        ensure_open(self.status)
    }

    pub fn has(&self, part_id: PartId) -> bool {
        self.lines.iter().any(|l| l.part_id == part_id)
    }

    /// Records a count by `by` at `at`; a part counted again takes the new count.
    /// A part not yet on the sheet, found on the shelf, is added expecting
    /// `books_if_new` (what the books hold of it now). Answers the line as it now is.
    pub fn count(
        &mut self,
        part_id: PartId,
        counted: i64,
        books_if_new: i64,
        by: UserId,
        at: DateTime<Utc>,
    ) -> Result<&StocktakeLine, StocktakeError> {
        self.ensure_open()?;
        let index = match self.lines.iter().position(|l| l.part_id == part_id) {
            Some(index) => index,
            None => {
                // In its place among the lines, which are by part id.
                let index = self.lines.partition_point(|l| l.part_id < part_id);
                self.lines.insert(index, StocktakeLine::expecting(part_id, books_if_new));
                index
            }
        };
        let line = &mut self.lines[index];
        line.counted = Some(counted);
        line.counted_by = Some(by);
        line.counted_at = Some(at);
        Ok(line)
    }

    /// Closes the sheet as posted by `by` at `at`; the adjustments follow from
    /// [`Stocktake::adjustments`].
    pub fn post(&mut self, by: UserId, at: DateTime<Utc>) -> Result<(), StocktakeError> {
        self.ensure_open()?;
        self.status = StocktakeStatus::Posted;
        self.posted_by = Some(by);
        self.posted_at = Some(at);
        Ok(())
    }

    /// Closes the sheet without adjusting anything, by `by` at `at`.
    pub fn cancel(&mut self, by: UserId, at: DateTime<Utc>) -> Result<(), StocktakeError> {
        self.ensure_open()?;
        self.status = StocktakeStatus::Cancelled;
        self.cancelled_by = Some(by);
        self.cancelled_at = Some(at);
        Ok(())
    }

    /// What posting adjusts, given the stock of each line's part now (`balances`,
    /// in the order of `lines`): each line whose count differs from what is on
    /// hand, by the difference. Refused, naming the lines by index, while a line is
    /// not counted or is counted below what is promised to tickets.
    pub fn adjustments(&self, balances: &[Balance]) -> Result<Vec<Adjustment>, PostingRefusal<usize>> {
        let lines: Vec<PostingLine<usize>> = self
            .lines
            .iter()
            .zip(balances)
            .enumerate()
            .map(|(index, (line, &balance))| PostingLine { key: index, counted: line.counted, balance })
            .collect();
        Ok(plan(&lines)?
            .into_iter()
            .map(|(index, delta)| Adjustment { index, part_id: self.lines[index].part_id, delta })
            .collect())
    }

    /// Notes what posting did to a line: the stock on hand just before, and the
    /// value and ledger row of its adjustment (none when the count agreed).
    pub fn adjusted(
        &mut self,
        index: usize,
        on_hand_at_post: i64,
        value_delta_minor: i64,
        movement_id: Option<MovementId>,
    ) {
        if let Some(line) = self.lines.get_mut(index) {
            line.on_hand_at_post = Some(on_hand_at_post);
            line.value_delta_minor = Some(value_delta_minor);
            line.movement_id = movement_id;
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::ids::numbered as id;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 9, minute, 0).single().unwrap_or_default()
    }

    fn sheet(expected: &[i64]) -> Stocktake {
        Stocktake {
            id: id(100),
            branch_id: id(300),
            warehouse_id: id(200),
            status: StocktakeStatus::Counting,
            started_by: id(9),
            started_at: at(0),
            posted_by: None,
            posted_at: None,
            cancelled_by: None,
            cancelled_at: None,
            note: None,
            version: 1,
            lines: (1..).zip(expected).map(|(n, &e)| StocktakeLine::expecting(id(n), e)).collect(),
        }
    }

    fn balance(on_hand: i64, reserved: i64) -> Balance {
        Balance { on_hand, reserved, value_minor: on_hand * 100 }
    }

    #[test]
    fn a_count_is_recorded_and_a_part_found_on_the_shelf_is_added() {
        let mut s = sheet(&[4]);
        let line = s.count(id(1), 3, 0, id(9), at(1)).cloned().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (line.expected, line.counted, line.counted_by, line.counted_at),
            (4, Some(3), Some(id(9)), Some(at(1)))
        );
        let found = s.count(id(7), 2, 5, id(9), at(2)).cloned().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((found.expected, found.counted), (5, Some(2)));
        let again = s.count(id(1), 4, 0, id(8), at(3)).cloned().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((again.counted, again.counted_by), (Some(4), Some(id(8))));
        assert_eq!(s.lines.len(), 2);
    }

    #[test]
    fn posting_adjusts_the_differences_and_closes_the_sheet() {
        let mut s = sheet(&[5, 5, 5]);
        for (n, counted) in [(1, 5), (2, 3), (3, 7)] {
            s.count(id(n), counted, 0, id(9), at(1)).unwrap_or_else(|e| panic!("{e}"));
        }
        let balances = [balance(5, 0), balance(5, 1), balance(5, 0)];
        let adjustments = s.adjustments(&balances).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            adjustments,
            vec![Adjustment { index: 1, part_id: id(2), delta: -2 }, Adjustment { index: 2, part_id: id(3), delta: 2 }]
        );
        s.post(id(8), at(2)).unwrap_or_else(|e| panic!("{e}"));
        s.adjusted(1, 5, -200, Some(id(50)));
        assert_eq!((s.status, s.posted_by, s.posted_at), (StocktakeStatus::Posted, Some(id(8)), Some(at(2))));
        assert_eq!((s.lines[1].on_hand_at_post, s.lines[1].value_delta_minor), (Some(5), Some(-200)));
        assert_eq!(s.count(id(1), 1, 0, id(9), at(3)).err(), Some(StocktakeError::Closed(StocktakeStatus::Posted)));
        assert_eq!(s.cancel(id(9), at(3)), Err(StocktakeError::Closed(StocktakeStatus::Posted)));
    }

    #[test]
    fn posting_names_the_lines_it_refuses_by_index() {
        let mut s = sheet(&[5, 5]);
        assert_eq!(s.adjustments(&[balance(5, 0), balance(5, 0)]), Err(PostingRefusal::Uncounted(vec![0, 1])));
        s.count(id(1), 1, 0, id(9), at(1)).unwrap_or_else(|e| panic!("{e}"));
        s.count(id(2), 5, 0, id(9), at(1)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.adjustments(&[balance(5, 3), balance(5, 0)]), Err(PostingRefusal::BelowReserved(vec![(0, 1, 3)])));
    }

    #[test]
    fn a_cancelled_sheet_is_closed() {
        let mut s = sheet(&[1]);
        s.cancel(id(9), at(4)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((s.status, s.cancelled_by, s.cancelled_at), (StocktakeStatus::Cancelled, Some(id(9)), Some(at(4))));
        assert_eq!(s.post(id(9), at(5)), Err(StocktakeError::Closed(StocktakeStatus::Cancelled)));
    }
}
