//! Properties of the ledger over random sequences of movements: whatever is
//! attempted, stock never goes negative, promises never exceed the shelf, the
//! ledger adds up to the balance, and an empty shelf is worth nothing.
use proptest::prelude::*;

use super::MovementKind;
use super::ledger::{Balance, Movement, apply, release, reserve};

#[derive(Debug, Clone)]
enum Step {
    Move(Movement),
    Reserve(i64),
    Release(i64),
}

fn step() -> impl Strategy<Value = Step> {
    let kind = prop::sample::select(MovementKind::ALL.to_vec());
    prop_oneof![
        (kind, -20_i64..40, prop::option::of(0_i64..1_000_000), any::<bool>()).prop_map(|(kind, quantity, cost, r)| {
            Step::Move(Movement { kind, quantity, unit_cost_minor: cost, from_reservation: r })
        }),
        (1_i64..15).prop_map(Step::Reserve),
        (1_i64..15).prop_map(Step::Release),
    ]
}

proptest! {
    #[test]
    fn the_ledger_never_goes_negative_and_adds_up(steps in prop::collection::vec(step(), 1..80)) {
        let mut balance = Balance::default();
        let (mut quantity_sum, mut value_sum) = (0_i64, 0_i64);
        for s in steps {
            match s {
                Step::Move(m) => {
                    if let Ok((after, effect)) = apply(balance, m) {
                        quantity_sum += effect.quantity_delta;
                        value_sum += effect.value_delta_minor;
                        balance = after;
                    }
                }
                Step::Reserve(q) => balance = reserve(balance, q).unwrap_or(balance),
                Step::Release(q) => balance = release(balance, q).unwrap_or(balance),
            }
            prop_assert!(balance.on_hand >= 0);
            prop_assert!(balance.reserved >= 0 && balance.reserved <= balance.on_hand);
            prop_assert!(balance.value_minor >= 0);
            prop_assert_eq!(quantity_sum, balance.on_hand);
            prop_assert_eq!(value_sum, balance.value_minor);
            if balance.on_hand == 0 {
                prop_assert_eq!(balance.value_minor, 0);
            }
        }
    }

    #[test]
    fn a_refused_movement_changes_nothing(on_hand in 0_i64..50, reserved_share in 0_i64..=100, want in 1_i64..100) {
        let reserved = on_hand * reserved_share / 100;
        let balance = Balance { on_hand, reserved, value_minor: on_hand * 1000 };
        let m = Movement { kind: MovementKind::IssueToTicket, quantity: want, unit_cost_minor: None, from_reservation: false };
        match apply(balance, m) {
            Ok((after, _)) => prop_assert_eq!(after.on_hand, on_hand - want),
            Err(_) => prop_assert!(want > on_hand - reserved),
        }
    }
}
