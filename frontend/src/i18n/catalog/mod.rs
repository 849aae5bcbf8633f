//! The text of every language.
//!
//! The shell and the first pages keep their texts in one file per locale (`en.rs`,
//! `vi.rs`, `fa.rs`, `zh.rs`); every later screen area has one file holding its
//! texts in all four languages (an [`Area`], listed in [`AREAS`]), so a screen and
//! its translations are read and changed together.
//!
//! To add a text: add `("area.what", "English text")` to the English list, then the
//! same key with a real translation to the other three. `{name}` in a text is a
//! parameter filled in by [`interpolate`]; every translation must use the same ones.
//! `cargo test -p aftersales-frontend` fails on a missing, extra or duplicate key, a
//! placeholder mismatch, or a key used in the code that English lacks.

mod attachments;
mod audit;
mod catalogue;
mod customers;
mod dashboard;
mod dispatch;
mod en;
mod fa;
mod followups;
mod imports;
mod intake;
mod old_parts;
mod orders;
mod part_sales;
mod partners;
mod parts;
mod purchasing;
mod reports;
mod review;
mod rtv;
mod serials;
mod settings;
mod shell;
mod stock;
mod ticket;
mod ticket_parts;
mod track;
mod transfers;
mod vi;
mod warranty;
mod warranty_cards;
mod webhooks;
mod work;
mod workflows;
mod zh;

use std::collections::HashMap;
use std::sync::OnceLock;

use super::locale::Locale;

/// A `(key, text)` list.
pub type Texts = &'static [(&'static str, &'static str)];

/// One screen area's texts in every language.
pub struct Area {
    pub en: Texts,
    pub vi: Texts,
    pub fa: Texts,
    pub zh: Texts,
}

impl Area {
    fn texts(&self, locale: Locale) -> Texts {
        match locale {
            Locale::En => self.en,
            Locale::Vi => self.vi,
            Locale::Fa => self.fa,
            Locale::Zh => self.zh,
        }
    }
}

/// The screen areas with a file of their own.
const AREAS: &[&Area] = &[
    &attachments::AREA,
    &audit::AREA,
    &catalogue::AREA,
    &customers::AREA,
    &dashboard::AREA,
    &dispatch::AREA,
    &followups::AREA,
    &imports::AREA,
    &intake::AREA,
    &old_parts::AREA,
    &orders::AREA,
    &rtv::AREA,
    &parts::AREA,
    &purchasing::AREA,
    &part_sales::AREA,
    &partners::AREA,
    &reports::AREA,
    &review::AREA,
    &serials::AREA,
    &settings::AREA,
    &shell::AREA,
    &stock::AREA,
    &ticket::AREA,
    &ticket_parts::AREA,
    &track::AREA,
    &transfers::AREA,
    &warranty::AREA,
    &warranty_cards::AREA,
    &webhooks::AREA,
    &work::AREA,
    &workflows::AREA,
];

/// Every `(key, text)` of a locale.
pub fn texts(locale: Locale) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    let first: Texts = match locale {
        Locale::En => en::TEXTS,
        Locale::Vi => vi::TEXTS,
        Locale::Fa => fa::TEXTS,
        Locale::Zh => zh::TEXTS,
    };
    first.iter().chain(AREAS.iter().flat_map(move |area| area.texts(locale).iter()))
}

type Index = HashMap<&'static str, &'static str>;

fn index(locale: Locale) -> &'static Index {
    static INDEXES: [OnceLock<Index>; 4] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match locale {
        Locale::En => &INDEXES[0],
        Locale::Vi => &INDEXES[1],
        Locale::Fa => &INDEXES[2],
        Locale::Zh => &INDEXES[3],
    };
    slot.get_or_init(|| texts(locale).copied().collect())
}

/// The text of `key` in `locale`, if that catalogue has it.
pub fn lookup(locale: Locale, key: &str) -> Option<&'static str> {
    index(locale).get(key).copied()
}

/// The text of `key`: in `locale`, else in English, else the key itself (the tests
/// make the last two unreachable for keys written in the code).
pub fn text(locale: Locale, key: &'static str) -> &'static str {
    lookup(locale, key).or_else(|| lookup(Locale::En, key)).unwrap_or(key)
}

/// `{name}` placeholders in `template` replaced by the matching argument; unknown
/// placeholders stay as they are. `{{` and `}}` are not special: texts need no braces.
pub fn interpolate(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names in a text, sorted.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> =
        template.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name)).collect();
    names.sort_unstable();
    names
}

#[cfg(test)]
mod tests;
