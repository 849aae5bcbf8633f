//! The languages the app speaks, and how each is written.

use aftersales_api_types::users::Locale as ApiLocale;

/// One language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    Vi,
    Fa,
    Zh,
}

impl Locale {
    /// Every locale, in the order the language switcher lists them.
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Vi, Locale::Fa, Locale::Zh];

    /// The short code kept in `localStorage` and used by the API (`en`, `vi`, `fa`, `zh`).
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Vi => "vi",
            Locale::Fa => "fa",
            Locale::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn html_lang(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            other => other.code(),
        }
    }

    /// Writing direction for `<html dir>`.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Locale::Fa)
    }

    /// The language's name in itself, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Vi => "Tiếng Việt",
            Locale::Fa => "فارسی",
            Locale::Zh => "中文",
        }
    }

    /// A stored code back to its locale.
    /// The language saved on a user's account.
    pub fn from_profile(saved: aftersales_api_types::users::Locale) -> Locale {
        use aftersales_api_types::users::Locale as Saved;
        match saved {
            Saved::En => Locale::En,
            Saved::Vi => Locale::Vi,
            Saved::Fa => Locale::Fa,
            Saved::Zh => Locale::Zh,
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The locale for a browser language tag (`vi-VN`, `fa`, `zh-Hans-CN`, `en-US` …),
    /// by its primary language; `None` for a language the app does not speak.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().trim().to_ascii_lowercase();
        Locale::from_code(&primary)
    }

    /// The first of the browser's preferred languages the app speaks, else English.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Locale {
        tags.into_iter().find_map(Locale::from_tag).unwrap_or_default()
    }
}

impl From<ApiLocale> for Locale {
    fn from(value: ApiLocale) -> Self {
        match value {
            ApiLocale::En => Locale::En,
            ApiLocale::Vi => Locale::Vi,
            ApiLocale::Fa => Locale::Fa,
            ApiLocale::Zh => Locale::Zh,
        }
    }
}

impl From<Locale> for ApiLocale {
    fn from(value: Locale) -> Self {
        match value {
            Locale::En => ApiLocale::En,
            Locale::Vi => ApiLocale::Vi,
            Locale::Fa => ApiLocale::Fa,
            Locale::Zh => ApiLocale::Zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_tags_pick_the_primary_language() {
        assert_eq!(Locale::from_tag("vi-VN"), Some(Locale::Vi));
        assert_eq!(Locale::from_tag("fa-IR"), Some(Locale::Fa));
        assert_eq!(Locale::from_tag("zh-Hans-CN"), Some(Locale::Zh));
        assert_eq!(Locale::from_tag("zh_TW"), Some(Locale::Zh));
        assert_eq!(Locale::from_tag("EN-us"), Some(Locale::En));
        assert_eq!(Locale::from_tag("de-DE"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn negotiation_takes_the_first_spoken_language() {
        assert_eq!(Locale::negotiate(["de-DE", "fa-IR", "en"]), Locale::Fa);
        assert_eq!(Locale::negotiate(["de", "fr"]), Locale::En);
        assert_eq!(Locale::negotiate([]), Locale::En);
    }

    #[test]
    fn codes_round_trip_and_only_persian_is_rtl() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_code(locale.code()), Some(locale));
            assert_eq!(Locale::from(ApiLocale::from(locale)), locale);
            assert_eq!(locale.is_rtl(), locale == Locale::Fa);
        }
        assert_eq!(Locale::Fa.dir(), "rtl");
        assert_eq!(Locale::Zh.html_lang(), "zh-CN");
    }
}
