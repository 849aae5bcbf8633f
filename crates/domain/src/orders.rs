//! Orders from e-commerce platforms: the marketplace lifecycle an order follows,
//! what a return or exchange request may end in, and which warranty an exchange
//! unit gets.
//!
//! An order's sold units enter the registry with the order's sale and delivery
//! dates, so their warranties run from the policy's basis like any other sale;
//! a model that needs installing gets an installation ticket. A return or an
//! exchange opens a return/exchange ticket for the unit, whose inspection ends in
//! a decision that moves the order on.
use chrono::NaiveDate;

use crate::tickets::named_enum;

named_enum!(
    /// Where an order is in the marketplace lifecycle.
    OrderStatus {
        New = "new",
        Confirmed = "confirmed",
        Shipped = "shipped",
        Delivered = "delivered",
        CancellationRequested = "cancellation_requested",
        CancellationAccepted = "cancellation_accepted",
        Cancelled = "cancelled",
        ReturnRequested = "return_requested",
        ReturnAccepted = "return_accepted",
        Returned = "returned",
        ExchangeRequested = "exchange_requested",
        ExchangeAccepted = "exchange_accepted",
        Exchanged = "exchanged",
    }
);

impl OrderStatus {
    /// The statuses an order may move to from this one. A refused cancellation
    /// puts the order back where it can go on; a refused return or exchange puts
    /// it back to delivered. A returned or cancelled order is finished; an
    /// exchanged one can be returned or exchanged again (the new unit).
    pub fn next(self) -> &'static [OrderStatus] {
        use OrderStatus::*;
        match self {
            New => &[Confirmed, CancellationRequested, Cancelled],
            Confirmed => &[Shipped, CancellationRequested, Cancelled],
            Shipped => &[Delivered, CancellationRequested],
            Delivered => &[ReturnRequested, ExchangeRequested],
            CancellationRequested => &[CancellationAccepted, Confirmed, Shipped],
            CancellationAccepted => &[Cancelled],
            Cancelled | Returned => &[],
            ReturnRequested => &[ReturnAccepted, Returned, Exchanged, Delivered],
            ReturnAccepted => &[Returned, Exchanged, Delivered],
            ExchangeRequested => &[ExchangeAccepted, Exchanged, Returned, Delivered],
            ExchangeAccepted => &[Exchanged, Returned, Delivered],
            Exchanged => &[ReturnRequested, ExchangeRequested],
        }
    }

    pub fn may_move_to(self, to: OrderStatus) -> bool {
        self.next().contains(&to)
    }

    /// Where a platform may report an order first: it may tell us of it only
    /// once it is confirmed, shipped or already delivered.
    pub fn may_start(self) -> bool {
        matches!(self, OrderStatus::New | OrderStatus::Confirmed | OrderStatus::Shipped | OrderStatus::Delivered)
    }

    /// Nothing more happens to the order.
    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }

    /// The units were sold and handed over: a return or exchange may be asked for.
    pub fn is_with_customer(self) -> bool {
        matches!(self, OrderStatus::Delivered | OrderStatus::Exchanged)
    }

    /// Statuses a platform cannot set by a status message: a return or exchange
    /// request opens a ticket (`POST …/returns`), and its outcome comes from
    /// the network's decision.
    pub fn set_by_return(self) -> bool {
        matches!(
            self,
            OrderStatus::ReturnRequested
                | OrderStatus::ExchangeRequested
                | OrderStatus::Returned
                | OrderStatus::Exchanged
        )
    }
}

named_enum!(
    /// What the customer asked for when the unit came back.
    ReturnKind {
        /// The money back.
        Return = "return",
        /// Another unit of the model.
        Exchange = "exchange",
    }
);

impl ReturnKind {
    /// The order's status while the request is open.
    pub fn requested_status(self) -> OrderStatus {
        match self {
            ReturnKind::Return => OrderStatus::ReturnRequested,
            ReturnKind::Exchange => OrderStatus::ExchangeRequested,
        }
    }
}

named_enum!(
    /// How the network decided a return or exchange, after inspecting the unit.
    ReturnOutcome {
        /// The customer gets the money back; the unit goes to the returns warehouse.
        Refund = "refund",
        /// The customer gets another unit; the returned one goes to the returns warehouse.
        Exchange = "exchange",
        /// The unit is repaired and handed back; the sale stands.
        Repair = "repair",
        /// The request is refused (outside the return period, damage by use…); the unit is handed back.
        Rejected = "rejected",
    }
);

impl ReturnOutcome {
    /// The order's status once the decision is made.
    pub fn order_status(self) -> OrderStatus {
        match self {
            ReturnOutcome::Refund => OrderStatus::Returned,
            ReturnOutcome::Exchange => OrderStatus::Exchanged,
            ReturnOutcome::Repair | ReturnOutcome::Rejected => OrderStatus::Delivered,
        }
    }

    /// The returned unit stays with the network (in a returns warehouse).
    pub fn keeps_the_unit(self) -> bool {
        matches!(self, ReturnOutcome::Refund | ReturnOutcome::Exchange)
    }
}

named_enum!(
    /// Which warranty a unit given in exchange gets, as the policy says.
    ExchangeTerm {
        /// What was left of the replaced unit's warranty: it counts from the same dates.
        CarryOver = "carry_over",
        /// A whole new term from the day of the exchange.
        Fresh = "fresh",
    }
);

/// The dates a unit's warranty counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SaleDates {
    pub sale_date: Option<NaiveDate>,
    pub delivery_date: Option<NaiveDate>,
    pub installation_date: Option<NaiveDate>,
}

/// The dates the exchange unit is registered with. Carried over, they are the
/// replaced unit's, so the entitlement engine finds the same start and the same
/// end whatever the policy's basis; a fresh term starts on the exchange day (an
/// installation, if the model needs one, sets its own date later).
pub fn exchange_unit_dates(replaced: SaleDates, exchanged_on: NaiveDate, term: ExchangeTerm) -> SaleDates {
    match term {
        ExchangeTerm::CarryOver => SaleDates {
            sale_date: replaced.sale_date.or(Some(exchanged_on)),
            delivery_date: replaced.delivery_date,
            installation_date: replaced.installation_date,
        },
        ExchangeTerm::Fresh => {
            SaleDates { sale_date: Some(exchanged_on), delivery_date: Some(exchanged_on), installation_date: None }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn status() -> impl Strategy<Value = OrderStatus> {
        proptest::sample::select(OrderStatus::ALL)
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (0u64..3650).prop_map(|d| NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default() + chrono::Days::new(d))
    }

    #[test]
    fn an_order_goes_from_new_to_delivered_and_a_delivered_one_is_not_cancelled() {
        use OrderStatus::*;
        let path = [New, Confirmed, Shipped, Delivered];
        assert!(path.windows(2).all(|w| w[0].may_move_to(w[1])));
        assert!(!Delivered.may_move_to(Cancelled));
        assert!(!Delivered.may_move_to(CancellationRequested));
        assert!(!New.may_move_to(Delivered), "a status is not skipped");
    }

    #[test]
    fn a_refused_request_puts_the_order_back() {
        use OrderStatus::*;
        assert!(CancellationRequested.may_move_to(Confirmed));
        assert!(ReturnRequested.may_move_to(Delivered));
        assert!(ExchangeAccepted.may_move_to(Delivered));
    }

    #[test]
    fn every_outcome_is_a_status_the_request_may_move_to() {
        for kind in ReturnKind::ALL {
            for outcome in ReturnOutcome::ALL {
                let requested = kind.requested_status();
                assert!(requested.may_move_to(outcome.order_status()), "{kind:?} {outcome:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn every_status_is_reached_from_a_start_and_only_final_ones_are_dead_ends(target in status()) {
            // Breadth-first from the statuses a platform may start with.
            let mut seen: Vec<OrderStatus> = OrderStatus::ALL.iter().copied().filter(|s| s.may_start()).collect();
            let mut i = 0;
            while i < seen.len() {
                for next in seen[i].next() {
                    if !seen.contains(next) {
                        seen.push(*next);
                    }
                }
                i += 1;
            }
            prop_assert!(seen.contains(&target));
            prop_assert_eq!(target.is_final(), matches!(target, OrderStatus::Cancelled | OrderStatus::Returned));
        }

        #[test]
        fn no_status_moves_to_itself(s in status()) {
            prop_assert!(!s.may_move_to(s));
        }

        #[test]
        fn a_carried_over_warranty_starts_no_later_than_the_replaced_one(
            sale in proptest::option::of(date()), delivery in proptest::option::of(date()),
            installation in proptest::option::of(date()), exchanged in date(),
        ) {
            let replaced = SaleDates { sale_date: sale, delivery_date: delivery, installation_date: installation };
            let carried = exchange_unit_dates(replaced, exchanged, ExchangeTerm::CarryOver);
            prop_assert_eq!(carried.delivery_date, delivery);
            prop_assert_eq!(carried.installation_date, installation);
            prop_assert_eq!(carried.sale_date, sale.or(Some(exchanged)));
            let fresh = exchange_unit_dates(replaced, exchanged, ExchangeTerm::Fresh);
            prop_assert_eq!(fresh.sale_date, Some(exchanged));
            prop_assert!(fresh.sale_date >= carried.sale_date || carried.sale_date > Some(exchanged));
        }
    }
}
