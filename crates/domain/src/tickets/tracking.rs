//! Public tracking codes: short enough to read over the phone, long enough that
//! guessing one is hopeless (12 symbols of 30 ≈ 59 bits).

/// Digits and capitals without the look-alikes 0/O, 1/I/L and U: 30 symbols.
pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const CODE_LENGTH: usize = 12;

/// A tracking code from random bytes (the caller brings the randomness). Rejection
/// sampling keeps every symbol equally likely; `None` if the bytes ran out.
pub fn code_from_random(bytes: &[u8]) -> Option<String> {
    let n = ALPHABET.len();
    let limit = 256 - (256 % n);
    let code: String = bytes
        .iter()
        .filter(|&&b| usize::from(b) < limit)
        .take(CODE_LENGTH)
        .map(|&b| char::from(ALPHABET[usize::from(b) % n]))
        .collect();
    (code.len() == CODE_LENGTH).then_some(code)
}

/// A code as a person typed it: case, spaces and dashes ignored.
pub fn normalize_code(typed: &str) -> String {
    typed.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_uppercase).collect()
}

/// The code in groups of four for printing: `ABCD-EF23-4567`.
pub fn display_code(code: &str) -> String {
    code.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_code_is_twelve_symbols_of_the_alphabet() {
        let bytes: Vec<u8> = (0..=255).collect();
        let code = code_from_random(&bytes).unwrap_or_default();
        assert_eq!(code.len(), CODE_LENGTH);
        assert!(code.bytes().all(|b| ALPHABET.contains(&b)));
    }

    #[test]
    fn too_few_bytes_give_no_code() {
        assert_eq!(code_from_random(&[1, 2, 3]), None);
    }

    #[test]
    fn typed_codes_are_normalised_and_printed_in_groups() {
        assert_eq!(normalize_code(" abcd-ef23 4567 "), "ABCDEF234567");
        assert_eq!(display_code("ABCDEF234567"), "ABCD-EF23-4567");
    }

    proptest! {
        #[test]
        fn display_then_normalize_gives_the_code_back(bytes in proptest::collection::vec(any::<u8>(), 64)) {
            if let Some(code) = code_from_random(&bytes) {
                prop_assert_eq!(normalize_code(&display_code(&code)), code);
            }
        }
    }
}
