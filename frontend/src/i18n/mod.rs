//! The language layer: which locale is in use (a reactive context, remembered in
//! `localStorage`, first taken from the browser), the texts of each locale, and how
//! numbers, money and dates are written in it.
//!
//! In a view, `{t("nav.home")}` is a reactive text and `tr!("home.welcome", name =
//! user_name())` one with parameters; `use_i18n()` gives the formatters. The pure
//! parts (`catalog`, `number`, `date`, `locale`) have no browser code and are
//! tested natively by `cargo test -p aftersales-frontend`. The Jalali calendar is
//! the domain's (`aftersales_domain::calendar::jalali`): the server cuts reports at
//! its months too.

pub mod catalog;
pub mod date;
pub mod labels;
pub mod locale;
pub mod number;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

pub use self::locale::Locale;
pub use aftersales_api_types::users::Locale as ProfileLocale;

/// The `localStorage` key of the chosen language.
const STORAGE_KEY: &str = "aftersales.locale";

/// The language context. It is `Copy`: pass it into closures freely. Every reading
/// method subscribes to the locale, so views re-render when it changes.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// Starts with the remembered language, else the browser's, and provides the
    /// context to every component below; keeps `<html lang dir>` in step.
    pub fn provide() -> Self {
        let locale = RwSignal::new(initial_locale());
        apply_to_document(locale.get_untracked());
        Effect::new(move |_| apply_to_document(locale.get()));
        let i18n = Self { locale };
        provide_context(i18n);
        i18n
    }

    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Speaks the signed-in user's own language (saved on their account), unless
    /// someone picked one in this browser: a picked language always wins. Not
    /// remembered, so that the next person to sign in here gets theirs.
    pub fn follow_profile(&self, saved: ProfileLocale) {
        if picked_locale().is_none() {
            self.switch_quietly(Locale::from_profile(saved));
        }
    }

    /// After sign-out: back to the picked language, else the browser's.
    pub fn forget_profile(&self) {
        self.switch_quietly(initial_locale());
    }

    /// Changes the language only if it differs: a signal set to the same value
    /// still re-renders every text on the page.
    fn switch_quietly(&self, locale: Locale) {
        if self.locale.get_untracked() != locale {
            self.locale.set(locale);
        }
    }

    /// Switches the language and remembers the choice.
    pub fn set_locale(&self, locale: Locale) {
        // Private browsing may refuse storage; the choice then lasts until reload.
        let _ = LocalStorage::set(STORAGE_KEY, locale.code());
        self.locale.set(locale);
    }

    /// The text of a catalogue key.
    pub fn text(&self, key: &'static str) -> &'static str {
        catalog::text(self.locale(), key)
    }

    /// The text of a key whose name is built at run time (e.g. `problem.<code>`).
    pub fn text_dynamic(&self, key: &str) -> Option<&'static str> {
        catalog::lookup(self.locale(), key)
    }

    /// The text of a key with its `{placeholders}` filled in.
    pub fn format(&self, key: &'static str, args: &[(&str, &str)]) -> String {
        catalog::interpolate(self.text(key), args)
    }

    /// Items joined as the language lists them (`a, b`; `a، b`; `a、b`).
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        let separator = self.text("common.list_separator");
        items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(separator)
    }

    pub fn number(&self, n: i64) -> String {
        number::format_integer(self.locale(), n)
    }

    /// A quantity with its sign, as a change shows it: `+3`, `-2`, `0`.
    pub fn signed(&self, quantity: i64) -> String {
        let n = self.number(quantity);
        if quantity > 0 { format!("+{n}") } else { n }
    }

    /// A decimal amount from the API (`Money.amount`) in its currency.
    pub fn money(&self, amount: &str, currency: &str) -> String {
        number::format_money(self.locale(), amount, currency)
    }

    /// An amount in the API's minor units (`*_minor` fields) in its currency.
    pub fn money_minor(&self, minor: i64, currency: &str) -> String {
        number::format_money_minor(self.locale(), minor, currency)
    }

    /// A calendar day (Jalali in Persian).
    pub fn date(&self, day: NaiveDate) -> String {
        date::format_date(self.locale(), day)
    }

    /// An instant from the API as a local date and time.
    pub fn date_time(&self, at: DateTime<Utc>) -> String {
        date::format_instant(self.locale(), at, local_offset_minutes(at))
    }

    /// The local calendar day of an instant from the API.
    pub fn instant_date(&self, at: DateTime<Utc>) -> String {
        date::format_instant_date(self.locale(), at, local_offset_minutes(at))
    }

    /// A day as a date field shows it for editing.
    pub fn date_input_value(&self, day: NaiveDate) -> String {
        date::date_input_value(self.locale(), day)
    }

    /// What someone typed into a date field (Jalali in Persian), as a Gregorian day.
    pub fn parse_date(&self, text: &str) -> Option<NaiveDate> {
        date::parse_date(self.locale(), text)
    }
}

/// The language context provided by `App`.
pub fn use_i18n() -> I18n {
    match use_context::<I18n>() {
        Some(i18n) => i18n,
        // Only reachable if a component is rendered outside `App`.
        None => I18n::provide(),
    }
}

/// A reactive text for a view: `<h1>{t("users.title")}</h1>`, `aria-label=t("nav.main")`.
pub fn t(key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.text(key)
}

/// A reactive text: `tr!("nav.home")`, or with parameters
/// `tr!("home.welcome", name = user_name())` (each value is read on every render, so
/// it may read signals).
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::t($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let i18n = $crate::i18n::use_i18n();
        move || i18n.format($key, &[$((stringify!($name), ::std::string::ToString::to_string(&$value).as_str())),+])
    }};
}

/// The language someone picked in this browser, if any.
fn picked_locale() -> Option<Locale> {
    LocalStorage::get::<String>(STORAGE_KEY).ok().and_then(|code| Locale::from_code(&code))
}

/// The remembered choice, else the first of the browser's languages the app speaks.
fn initial_locale() -> Locale {
    if let Some(locale) = picked_locale() {
        return locale;
    }
    let navigator = window().navigator();
    let mut tags: Vec<String> = navigator.languages().iter().filter_map(|tag| tag.as_string()).collect();
    if let Some(language) = navigator.language() {
        tags.push(language);
    }
    Locale::negotiate(tags.iter().map(String::as_str))
}

/// `<html lang=… dir=…>`: the browser's fonts, hyphenation, screen readers and
/// every logical CSS property follow them.
fn apply_to_document(locale: Locale) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", locale.html_lang());
        let _ = html.set_attribute("dir", locale.dir());
    }
}

/// Minutes east of UTC in the browser's time zone at that instant (DST-aware).
fn local_offset_minutes(at: DateTime<Utc>) -> i32 {
    // Milliseconds fit an f64 exactly for any date the app shows.
    #[allow(clippy::cast_precision_loss)]
    let millis = at.timestamp_millis() as f64;
    let behind = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis)).get_timezone_offset();
    #[allow(clippy::cast_possible_truncation)]
    let east = -behind.round() as i32;
    east
}

/// A day and `HH:MM` in the browser's time zone, as an instant (DST-aware).
pub fn local_instant(day: NaiveDate, time: &str) -> Option<DateTime<Utc>> {
    let (h, m) = time.split_once(':')?;
    let (h, m): (i32, i32) = (h.trim().parse().ok()?, m.trim().get(..2)?.parse().ok()?);
    if !(0..24).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    // Calendar parts are small integers: exact as i32.
    #[allow(clippy::cast_possible_wrap)]
    let date = js_sys::Date::new_with_year_month_day_hr_min(
        day.year().unsigned_abs(),
        day.month0() as i32,
        day.day() as i32,
        h,
        m,
    );
    #[allow(clippy::cast_possible_truncation)]
    DateTime::<Utc>::from_timestamp_millis(date.get_time() as i64)
}
