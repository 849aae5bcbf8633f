//! A ticket's line for one part from one warehouse, and how it changes: parts are
//! promised (reserved), promises given back (released), handed over (issued,
//! the ticket's own reservation first), and what became of them recorded. Each
//! change answers the line after it, the stock movements that go with it and
//! what the ticket's timeline says, or the refusal; the caller saves them.
use crate::ids::{PartId, TicketId, TicketPartId, WarehouseId};
use chrono::{DateTime, Utc};

use crate::money::{Money, Total};

use super::{Outcome, OutcomeError, PartCounts, record};
use crate::stock::MovementKind;
use crate::stock::charging::ChargeTo;
use crate::stock::ledger::{self, Balance, Movement, StockError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketPart {
    pub id: TicketPartId,
    pub ticket_id: TicketId,
    pub part_id: PartId,
    pub warehouse_id: WarehouseId,
    pub counts: PartCounts,
    /// What the units issued cost, in minor units of the price's currency (the
    /// stock ledger's own arithmetic, see [`TicketPart::issued_value`]).
    pub issued_value_minor: i64,
    pub charge_to: ChargeTo,
    /// The part's selling price when the line was opened.
    pub unit_price: Money,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// What happened to a line, as the ticket's timeline tells it (units of the part).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEvent {
    Reserved(i64),
    Released(i64),
    Issued(i64),
    Used(i64),
    ReturnedUnused(i64),
}

/// A change of a line: the line after it, the stock movements of its warehouse
/// that go with it (to make in this order, all or none), what the timeline says,
/// and how many old parts taken out of the unit are now owed back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineChange {
    pub line: TicketPart,
    pub movements: Vec<Movement>,
    pub events: Vec<LineEvent>,
    pub old_parts_owed: i64,
}

impl TicketPart {
    /// What one unit issued cost on average, rounded; 0 before any is issued.
    pub fn unit_cost_minor(&self) -> i64 {
        ledger::average(self.issued_value_minor, self.counts.issued)
    }

    pub fn unit_cost(&self) -> Money {
        Money::new(self.unit_cost_minor(), self.unit_price.currency())
    }

    /// What the units issued cost the warehouse together.
    pub fn issued_value(&self) -> Money {
        Money::new(self.issued_value_minor, self.unit_price.currency())
    }

    /// What the units used are worth at the line's price: what the payer owes.
    pub fn used_total(&self) -> Total {
        self.unit_price.times(self.counts.used)
    }

    /// Promises `quantity` more units to the ticket. Whether the shelf has them
    /// is the stock's rule (`ledger::reserve`), checked with the balance.
    pub fn reserve(&self, quantity: i64) -> Result<LineChange, StockError> {
        positive(quantity)?;
        let reserved = self.counts.reserved.checked_add(quantity).ok_or(StockError::Overflow)?;
        Ok(self.change(PartCounts { reserved, ..self.counts }, LineEvent::Reserved(quantity)))
    }

    /// Gives back a promise of `quantity` units: no more than the ticket has
    /// reserved on this line.
    pub fn release(&self, quantity: i64) -> Result<LineChange, StockError> {
        positive(quantity)?;
        if quantity > self.counts.reserved {
            return Err(StockError::NotReserved { reserved: self.counts.reserved, requested: quantity });
        }
        let reserved = self.counts.reserved - quantity;
        Ok(self.change(PartCounts { reserved, ..self.counts }, LineEvent::Released(quantity)))
    }

    /// Hands `quantity` units over from the warehouse's `stock` as it is now, at
    /// its moving-average cost: first the units reserved for the ticket, so the
    /// promise shrinks with the stock, then free stock. Asking for more than that
    /// is refused saying how many the ticket could have had (its reservation and
    /// the free stock).
    pub fn issue(&self, quantity: i64, stock: Balance) -> Result<LineChange, StockError> {
        positive(quantity)?;
        let from_reservation = self.counts.reserved.min(quantity);
        let mut stock = stock;
        let mut value_out: i64 = 0;
        let mut movements = Vec::with_capacity(2);
        for (units, reserved) in [(from_reservation, true), (quantity - from_reservation, false)] {
            if units == 0 {
                continue;
            }
            let movement = Movement {
                kind: MovementKind::IssueToTicket,
                quantity: units,
                unit_cost_minor: None,
                from_reservation: reserved,
            };
            let (after, effect) = ledger::apply(stock, movement).map_err(|refused| match refused {
                StockError::Insufficient { available, .. } => {
                    StockError::Insufficient { available: available + from_reservation, requested: quantity }
                }
                other => other,
            })?;
            stock = after;
            value_out = value_out.checked_sub(effect.value_delta_minor).ok_or(StockError::Overflow)?;
            movements.push(movement);
        }
        let counts = PartCounts {
            reserved: self.counts.reserved - from_reservation,
            issued: self.counts.issued.checked_add(quantity).ok_or(StockError::Overflow)?,
            ..self.counts
        };
        let issued_value_minor = self.issued_value_minor.checked_add(value_out).ok_or(StockError::Overflow)?;
        Ok(LineChange {
            line: TicketPart { counts, issued_value_minor, ..self.clone() },
            movements,
            events: vec![LineEvent::Issued(quantity)],
            old_parts_owed: 0,
        })
    }

    /// Records what became of units issued (see [`record`]): those returned
    /// unused go back on the shelf they came from at what they cost the line on
    /// average; each old part reported is owed back.
    pub fn record(&self, outcome: Outcome) -> Result<LineChange, OutcomeError> {
        let counts = record(self.counts, outcome)?;
        let mut movements = Vec::new();
        let mut events = Vec::new();
        if outcome.returned_unused > 0 {
            movements.push(Movement {
                kind: MovementKind::ReturnUnused,
                quantity: outcome.returned_unused,
                unit_cost_minor: Some(self.unit_cost_minor()),
                from_reservation: false,
            });
            events.push(LineEvent::ReturnedUnused(outcome.returned_unused));
        }
        if outcome.used > 0 {
            events.push(LineEvent::Used(outcome.used));
        }
        Ok(LineChange {
            line: TicketPart { counts, ..self.clone() },
            movements,
            events,
            old_parts_owed: outcome.defective,
        })
    }

    /// A change of the counts alone: no stock moves with it.
    fn change(&self, counts: PartCounts, event: LineEvent) -> LineChange {
        LineChange {
            line: TicketPart { counts, ..self.clone() },
            movements: Vec::new(),
            events: vec![event],
            old_parts_owed: 0,
        }
    }
}

fn positive(quantity: i64) -> Result<(), StockError> {
    if quantity > 0 { Ok(()) } else { Err(StockError::NotPositive) }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A line just opened: nothing promised or issued.
    pub(in crate::stock::ticket_parts) fn empty_line() -> TicketPart {
        let at = DateTime::<Utc>::default();
        TicketPart {
            id: uuid::Uuid::nil().into(),
            ticket_id: uuid::Uuid::nil().into(),
            part_id: uuid::Uuid::nil().into(),
            warehouse_id: uuid::Uuid::nil().into(),
            counts: PartCounts::default(),
            issued_value_minor: 0,
            charge_to: ChargeTo::Customer,
            unit_price: Money::new(500_000, crate::money::Currency::parse("VND").unwrap_or_else(|| panic!("VND"))),
            created_at: at,
            updated_at: at,
            version: 1,
        }
    }

    fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
        r.unwrap_or_else(|e| panic!("{e}"))
    }

    /// 10 on the shelf worth 1 000 in all; `reserved` of them promised to the line.
    fn shelf_and_line(reserved: i64) -> (Balance, TicketPart) {
        let line = empty_line();
        let line = if reserved > 0 { ok(line.reserve(reserved)).line } else { line };
        (Balance { on_hand: 10, reserved, value_minor: 1_000 }, line)
    }

    #[test]
    fn reserving_and_releasing_move_the_promise_only() {
        let line = ok(empty_line().reserve(3));
        assert_eq!((line.line.counts.reserved, line.movements.len()), (3, 0));
        assert_eq!(line.events, vec![LineEvent::Reserved(3)]);
        let line = ok(line.line.release(2));
        assert_eq!(line.line.counts.reserved, 1);
        assert_eq!(line.events, vec![LineEvent::Released(2)]);
        assert_eq!(line.line.release(2), Err(StockError::NotReserved { reserved: 1, requested: 2 }));
        assert_eq!(line.line.reserve(0), Err(StockError::NotPositive));
        assert_eq!(line.line.release(-1), Err(StockError::NotPositive));
    }

    #[test]
    fn an_issue_takes_the_reservation_first_then_free_stock() {
        let (stock, line) = shelf_and_line(2);
        let issued = ok(line.issue(5, stock));
        let (first, second) = (issued.movements[0], issued.movements[1]);
        assert_eq!((first.quantity, first.from_reservation), (2, true));
        assert_eq!((second.quantity, second.from_reservation), (3, false));
        assert_eq!((issued.line.counts.reserved, issued.line.counts.issued), (0, 5));
        assert_eq!(issued.line.issued_value_minor, 500, "half the shelf, half its value");
        assert_eq!(issued.line.unit_cost_minor(), 100);
        assert_eq!(issued.events, vec![LineEvent::Issued(5)]);
    }

    #[test]
    fn an_issue_within_the_reservation_is_one_movement() {
        let (stock, line) = shelf_and_line(4);
        let issued = ok(line.issue(3, stock));
        assert_eq!(issued.movements.len(), 1);
        assert!(issued.movements[0].from_reservation);
        assert_eq!(issued.line.counts.reserved, 1);
    }

    #[test]
    fn an_issue_beyond_the_stock_says_what_the_ticket_could_have() {
        // 2 reserved for the ticket, 3 promised elsewhere: 5 free, 7 for the ticket.
        let (_, line) = shelf_and_line(2);
        let stock = Balance { on_hand: 10, reserved: 5, value_minor: 1_000 };
        assert_eq!(line.issue(8, stock), Err(StockError::Insufficient { available: 7, requested: 8 }));
        assert_eq!(line.issue(0, stock), Err(StockError::NotPositive));
    }

    #[test]
    fn returned_parts_go_back_at_what_they_cost_the_line() {
        let (stock, line) = shelf_and_line(0);
        let issued = ok(line.issue(3, stock)).line;
        let recorded = ok(issued.record(Outcome { used: 1, returned_unused: 2, defective: 1 }));
        assert_eq!(recorded.movements.len(), 1);
        let back = recorded.movements[0];
        assert_eq!((back.kind, back.quantity, back.unit_cost_minor), (MovementKind::ReturnUnused, 2, Some(100)));
        assert_eq!(recorded.events, vec![LineEvent::ReturnedUnused(2), LineEvent::Used(1)]);
        assert_eq!(recorded.old_parts_owed, 1);
        assert_eq!(recorded.line.counts.outstanding(), 0);
        assert_eq!(recorded.line.issued_value_minor, issued.issued_value_minor, "the cost of what was issued stays");
    }

    #[test]
    fn a_report_of_use_only_moves_no_stock() {
        let (stock, line) = shelf_and_line(0);
        let issued = ok(line.issue(2, stock)).line;
        let recorded = ok(issued.record(Outcome { used: 2, ..Default::default() }));
        assert!(recorded.movements.is_empty());
        assert_eq!(recorded.events, vec![LineEvent::Used(2)]);
        let more = issued.record(Outcome { used: 3, ..Default::default() });
        assert_eq!(more.map_err(|e| e.field()), Err("used"));
    }
}
