//! Ticket numbers: `RO-HN01-2026-000123` = kind prefix, branch code, year, sequence.
//! The sequence is per branch, kind and year, handed out without gaps.
use super::TicketKind;

/// The printed number of the `sequence`th ticket of a kind at a branch in a year.
pub fn ticket_number(kind: TicketKind, branch_code: &str, year: i32, sequence: i64) -> String {
    format!("{}-{}-{year:04}-{sequence:06}", kind.number_prefix(), branch_code.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_the_paper_forms() {
        assert_eq!(ticket_number(TicketKind::Repair, "HN01", 2026, 123), "RO-HN01-2026-000123");
        assert_eq!(ticket_number(TicketKind::Installation, "teh01", 2027, 1), "IN-TEH01-2027-000001");
    }

    #[test]
    fn a_busy_branch_past_a_million_still_gets_distinct_numbers() {
        assert_eq!(ticket_number(TicketKind::Repair, "HN01", 2026, 1_000_000), "RO-HN01-2026-1000000");
    }
}
