//! The catalogues are complete and consistent, and every key the code asks for exists.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use super::*;

fn keys(locale: Locale) -> BTreeSet<&'static str> {
    texts(locale).map(|(k, _)| *k).collect()
}

#[test]
fn every_catalogue_has_exactly_the_english_keys() {
    let english = keys(Locale::En);
    for locale in Locale::ALL {
        let theirs = keys(locale);
        let missing: Vec<_> = english.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&english).collect();
        assert!(missing.is_empty(), "{locale:?} lacks {missing:?}");
        assert!(extra.is_empty(), "{locale:?} has keys English does not: {extra:?}");
    }
}

#[test]
fn no_key_is_listed_twice() {
    for locale in Locale::ALL {
        let mut seen = HashSet::new();
        for (key, _) in texts(locale) {
            assert!(seen.insert(*key), "{locale:?} lists {key} twice");
        }
    }
}

#[test]
fn translations_use_the_same_placeholders() {
    for locale in Locale::ALL {
        for (key, text) in texts(locale) {
            let english = lookup(Locale::En, key).unwrap_or_default();
            assert_eq!(placeholders(text), placeholders(english), "{locale:?} {key}: {text:?}");
        }
    }
}

#[test]
fn no_text_is_empty_and_translations_are_not_english_copies() {
    for locale in Locale::ALL {
        let mut same = Vec::new();
        for (key, text) in texts(locale) {
            assert!(!text.trim().is_empty() || *key == "common.list_separator", "{locale:?} {key} is empty");
            if locale != Locale::En && lookup(Locale::En, key) == Some(*text) && *key != "common.list_separator" {
                same.push(*key);
            }
        }
        assert!(same.is_empty(), "{locale:?} copies English for {same:?}");
    }
}

#[test]
fn placeholders_are_filled_in() {
    assert_eq!(interpolate("{count} tickets", &[("count", "3")]), "3 tickets");
    assert_eq!(interpolate("Welcome, {name}!", &[("name", "An")]), "Welcome, An!");
    assert_eq!(interpolate("{a} and {b}", &[("b", "2"), ("a", "1")]), "1 and 2");
    assert_eq!(interpolate("{missing} stays", &[]), "{missing} stays");
    assert_eq!(interpolate("open { brace", &[]), "open { brace");
    assert_eq!(interpolate("no placeholders", &[("x", "y")]), "no placeholders");
    assert_eq!(placeholders("{b} {a} {b}"), vec!["a", "b", "b"]);
    assert_eq!(text(Locale::Fa, "nav.home"), "خانه");
    assert_eq!(text(Locale::Vi, "no.such.key"), "no.such.key");
}

/// Every key-shaped string literal (`"area.what"`) in the code outside the catalogues.
fn keys_used_in(dir: &Path, found: &mut BTreeSet<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !path.ends_with("catalog") {
                keys_used_in(&path, found);
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        // Every other piece between quotes is a string literal.
        for literal in source.split('"').skip(1).step_by(2) {
            // Not keys: storage names, and money fields' paths (`unit_price.amount`).
            let field_path = literal.ends_with(".amount") || literal.ends_with(".currency");
            if looks_like_key(literal) && !literal.starts_with("aftersales.") && !field_path {
                found.insert((literal.to_owned(), path.display().to_string()));
            }
        }
    }
}

/// `area.what`: words of lower-case letters, digits and `_`, each starting with a
/// letter, joined by dots (so `"12.50"` and `"%Y-%m-%d"` are no keys).
fn looks_like_key(text: &str) -> bool {
    text.contains('.')
        && text.split('.').all(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

#[test]
fn every_key_the_code_uses_exists() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut used = BTreeSet::new();
    keys_used_in(&src, &mut used);
    assert!(used.len() > 20, "the scan found too few keys: {used:?}");
    let unknown: Vec<_> = used.iter().filter(|(key, _)| lookup(Locale::En, key).is_none()).collect();
    assert!(unknown.is_empty(), "keys used but not in en.rs: {unknown:?}");
}

#[test]
fn every_problem_code_and_enum_label_has_a_text() {
    use crate::i18n::labels;
    for code in labels::PROBLEM_CODES {
        assert!(lookup(Locale::En, &format!("problem.{code}")).is_some(), "problem.{code}");
    }
    for key in labels::all_label_keys() {
        assert!(lookup(Locale::En, key).is_some(), "{key}");
    }
}
