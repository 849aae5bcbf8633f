//! Text as people type it into a form: spaces around it are never meant, and a
//! field left blank means the value was not given.

/// Text as typed, trimmed; absent when blank (or not sent at all).
pub fn optional_text(text: Option<String>) -> Option<String> {
    text.and_then(|t| non_blank(&t))
}

/// The text trimmed, or `None` when nothing but whitespace is left.
pub fn non_blank(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_what_is_given() {
        assert_eq!(optional_text(Some("  Nguyễn Văn A \n".into())), Some("Nguyễn Văn A".into()));
    }

    #[test]
    fn blank_or_missing_is_absent() {
        assert_eq!(optional_text(Some(" \t ".into())), None);
        assert_eq!(optional_text(Some(String::new())), None);
        assert_eq!(optional_text(None), None);
        assert_eq!(non_blank("   "), None);
    }
}
