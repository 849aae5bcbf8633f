//! The callback after a job: a short script of questions, the rule that an
//! answer contradicting the ticket raises a flag for a supervisor, what the
//! customer was billed to hold that answer against, and when a customer nobody
//! reaches stops holding the ticket open.
use super::{WarrantyStatus, named_enum};
use crate::money::{Money, Totals};

named_enum!(
    /// Where a ticket's callback task stands.
    CallbackStatus {
        /// Not yet reached.
        Pending = "pending",
        /// The customer answered the script.
        Done = "done",
        /// [`MAX_CALL_ATTEMPTS`] calls went unanswered.
        Unreachable = "unreachable",
    }
);

/// Unanswered calls after which the customer counts as unreachable.
pub const MAX_CALL_ATTEMPTS: u32 = 3;

impl CallbackStatus {
    /// Whether the callback no longer holds the ticket open (the `callback_done`
    /// guard). A customer who answered settles it; so does one nobody reached in
    /// [`MAX_CALL_ATTEMPTS`] calls: a finished job must not stay open for ever
    /// because the phone rings out. The task records which of the two it was.
    pub fn is_settled(self) -> bool {
        self != CallbackStatus::Pending
    }
}

/// A call nobody answered, on a task with `attempts_before` unanswered calls: the
/// attempts now, and the status (unreachable from the last allowed attempt on).
pub fn after_unanswered_call(attempts_before: u32) -> (u32, CallbackStatus) {
    let attempts = attempts_before.saturating_add(1);
    let status = if attempts >= MAX_CALL_ATTEMPTS { CallbackStatus::Unreachable } else { CallbackStatus::Pending };
    (attempts, status)
}

/// A labour line as billed: how many, at what unit price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BilledLine {
    pub quantity: i32,
    pub unit_price: Money,
}

/// What the customer is billed for a ticket, per currency. The one place this
/// rule lives until invoices exist: a repair the warranty covers in full
/// (`covered`) bills nothing; any other (partial, not covered, unknown) bills its
/// labour lines, quantity × unit price. Parts are not billed yet.
pub fn customer_charges(warranty: WarrantyStatus, labour: &[BilledLine]) -> Totals {
    let mut charges = Totals::default();
    if warranty != WarrantyStatus::Covered {
        for line in labour.iter().filter(|l| l.quantity > 0 && l.unit_price.minor() > 0) {
            charges.add(line.unit_price.times(i64::from(line.quantity)));
        }
    }
    charges
}

/// The kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    YesNo,
    /// 1 (bad) to 5 (excellent).
    Score,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub code: &'static str,
    pub kind: AnswerKind,
    pub text: &'static str,
    pub required: bool,
}

/// The script read to the customer, in order.
pub const SCRIPT: &[Question] = &[
    Question {
        code: "unit_working",
        kind: AnswerKind::YesNo,
        text: "Is the unit working properly now?",
        required: true,
    },
    Question {
        code: "on_time",
        kind: AnswerKind::YesNo,
        text: "Did the technician arrive within the agreed time?",
        required: false,
    },
    Question {
        code: "technician_attitude",
        kind: AnswerKind::Score,
        text: "How would you rate the technician's attitude, from 1 to 5?",
        required: true,
    },
    Question {
        code: "service_quality",
        kind: AnswerKind::Score,
        text: "How would you rate the work, from 1 to 5?",
        required: true,
    },
    Question {
        code: "was_charged",
        kind: AnswerKind::YesNo,
        text: "Were you charged any money for this service?",
        required: true,
    },
    Question {
        code: "comments",
        kind: AnswerKind::Text,
        text: "Anything else you would like to tell us?",
        required: false,
    },
];

/// An answer as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    YesNo(bool),
    Score(u8),
    Text(String),
}

/// Why a set of answers cannot be stored: the question code and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError {
    pub question: String,
    /// `unknown_question`, `invalid_answer` or `required`.
    pub code: &'static str,
    pub message: &'static str,
}

/// Checks answers against the script: known questions, the right kind of answer,
/// scores 1–5, every required question answered.
pub fn check_answers(answers: &[(String, Answer)]) -> Vec<AnswerError> {
    let mut errors = Vec::new();
    for (code, answer) in answers {
        let Some(question) = SCRIPT.iter().find(|q| q.code == code) else {
            errors.push(AnswerError {
                question: code.clone(),
                code: "unknown_question",
                message: "is not a question of the callback script",
            });
            continue;
        };
        let fits = match (question.kind, answer) {
            (AnswerKind::YesNo, Answer::YesNo(_)) | (AnswerKind::Text, Answer::Text(_)) => true,
            (AnswerKind::Score, Answer::Score(s)) => (1..=5).contains(s),
            _ => false,
        };
        if !fits {
            errors.push(AnswerError {
                question: code.clone(),
                code: "invalid_answer",
                message: match question.kind {
                    AnswerKind::YesNo => "must be yes or no (true/false)",
                    AnswerKind::Score => "must be a score from 1 to 5",
                    AnswerKind::Text => "must be text",
                },
            });
        }
    }
    for q in SCRIPT.iter().filter(|q| q.required) {
        if !answers.iter().any(|(code, _)| code == q.code) {
            errors.push(AnswerError { question: q.code.to_owned(), code: "required", message: "must be answered" });
        }
    }
    errors
}

/// What the ticket says, to hold the answers against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketSide {
    pub warranty: WarrantyStatus,
    /// Whether the ticket bills the customer anything (see [`customer_charges`]).
    pub customer_billed: bool,
}

/// An answer that does not square with the ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contradiction {
    /// The customer says they paid, but the repair was fully covered and nothing billed.
    ChargedOnCoveredRepair,
    /// The customer says they paid, but the ticket bills them nothing.
    ChargedButNothingBilled,
    /// The ticket is completed but the customer says the unit does not work.
    NotWorkingAfterCompletion,
}

impl Contradiction {
    pub fn code(self) -> &'static str {
        match self {
            Contradiction::ChargedOnCoveredRepair => "charged_on_covered_repair",
            Contradiction::ChargedButNothingBilled => "charged_but_nothing_billed",
            Contradiction::NotWorkingAfterCompletion => "not_working_after_completion",
        }
    }
}

fn yes(answers: &[(String, Answer)], code: &str) -> Option<bool> {
    answers.iter().find(|(c, _)| c == code).and_then(|(_, a)| match a {
        Answer::YesNo(v) => Some(*v),
        _ => None,
    })
}

pub fn contradictions(answers: &[(String, Answer)], ticket: TicketSide) -> Vec<Contradiction> {
    let mut found = Vec::new();
    if yes(answers, "was_charged") == Some(true) && !ticket.customer_billed {
        found.push(if ticket.warranty == WarrantyStatus::Covered {
            Contradiction::ChargedOnCoveredRepair
        } else {
            Contradiction::ChargedButNothingBilled
        });
    }
    if yes(answers, "unit_working") == Some(false) {
        found.push(Contradiction::NotWorkingAfterCompletion);
    }
    found
}

/// The overall satisfaction score: the mean of the scored answers, rounded.
pub fn satisfaction(answers: &[(String, Answer)]) -> Option<u8> {
    let scores: Vec<u32> = answers
        .iter()
        .filter_map(|(_, a)| match a {
            Answer::Score(s) => Some(u32::from(*s)),
            _ => None,
        })
        .collect();
    let n = u32::try_from(scores.len()).ok().filter(|n| *n > 0)?;
    let total: u32 = scores.iter().sum();
    u8::try_from((total + n / 2) / n).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    fn vnd(minor: i64) -> Money {
        Money::new(minor, Currency::parse("VND").unwrap_or_else(|| panic!("VND")))
    }

    fn cny(minor: i64) -> Money {
        Money::new(minor, Currency::parse("CNY").unwrap_or_else(|| panic!("CNY")))
    }

    fn full(charged: bool, working: bool) -> Vec<(String, Answer)> {
        vec![
            ("unit_working".into(), Answer::YesNo(working)),
            ("technician_attitude".into(), Answer::Score(5)),
            ("service_quality".into(), Answer::Score(4)),
            ("was_charged".into(), Answer::YesNo(charged)),
        ]
    }

    const COVERED: TicketSide = TicketSide { warranty: WarrantyStatus::Covered, customer_billed: false };

    #[test]
    fn paying_for_a_covered_repair_is_flagged() {
        assert_eq!(contradictions(&full(true, true), COVERED), vec![Contradiction::ChargedOnCoveredRepair]);
        assert_eq!(contradictions(&full(false, true), COVERED), vec![]);
    }

    #[test]
    fn paying_what_was_billed_is_fine() {
        let billed = TicketSide { warranty: WarrantyStatus::NotCovered, customer_billed: true };
        assert_eq!(contradictions(&full(true, true), billed), vec![]);
    }

    #[test]
    fn a_unit_still_broken_is_flagged() {
        assert_eq!(contradictions(&full(false, false), COVERED), vec![Contradiction::NotWorkingAfterCompletion]);
    }

    #[test]
    fn answers_are_checked_against_the_script() {
        assert_eq!(check_answers(&full(false, true)), vec![]);
        let mut wrong = full(false, true);
        wrong[1].1 = Answer::Score(9);
        wrong.push(("favourite_colour".into(), Answer::Text("blue".into())));
        wrong.remove(0);
        let questions: Vec<String> = check_answers(&wrong).into_iter().map(|e| e.question).collect();
        assert_eq!(questions, vec!["technician_attitude", "favourite_colour", "unit_working"]);
    }

    #[test]
    fn the_third_unanswered_call_makes_the_customer_unreachable_and_settles_the_callback() {
        assert_eq!(after_unanswered_call(0), (1, CallbackStatus::Pending));
        assert_eq!(after_unanswered_call(1), (2, CallbackStatus::Pending));
        assert_eq!(after_unanswered_call(2), (3, CallbackStatus::Unreachable));
        assert!(!CallbackStatus::Pending.is_settled());
        assert!(CallbackStatus::Done.is_settled());
        assert!(CallbackStatus::Unreachable.is_settled());
    }

    #[test]
    fn the_customer_pays_labour_unless_the_warranty_covers_it_all() {
        let lines = [
            BilledLine { quantity: 2, unit_price: vnd(150_000) },
            BilledLine { quantity: 1, unit_price: vnd(50_000) },
            BilledLine { quantity: 3, unit_price: cny(1_250) },
        ];
        let charged = |w, lines: &[BilledLine]| -> Vec<(String, i128)> {
            customer_charges(w, lines).non_zero().iter().map(|t| (t.currency().to_string(), t.minor())).collect()
        };
        assert_eq!(charged(WarrantyStatus::Covered, &lines), []);
        let billed = [("CNY".to_owned(), 3_750), ("VND".to_owned(), 350_000)];
        assert_eq!(charged(WarrantyStatus::Partial, &lines), billed);
        assert_eq!(charged(WarrantyStatus::NotCovered, &lines), billed);
        assert_eq!(charged(WarrantyStatus::Unknown, &[]), []);
    }

    #[test]
    fn satisfaction_is_the_rounded_mean_of_the_scores() {
        assert_eq!(satisfaction(&full(false, true)), Some(5)); // (5 + 4) / 2 = 4.5 → 5
        assert_eq!(satisfaction(&[]), None);
    }
}
