//! Currencies and time zones a branch may use; countries of manufacturers.

/// ISO 4217 codes of currencies in circulation.
const ISO_4217: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL \
BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP \
GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW \
KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO \
NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD \
SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG \
XOF XPF YER ZAR ZMW ZWG";

pub fn is_currency(code: &str) -> bool {
    code.len() == 3 && ISO_4217.split_whitespace().any(|c| c == code)
}

/// ISO 3166-1 alpha-2 codes officially assigned to countries and territories.
const ISO_3166_ALPHA_2: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL \
BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC \
EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU \
ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA \
MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE \
PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX \
SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM \
ZW";

pub fn is_country(code: &str) -> bool {
    code.len() == 2 && ISO_3166_ALPHA_2.split_whitespace().any(|c| c == code)
}

/// True for an IANA time zone name such as `Asia/Ho_Chi_Minh`.
pub fn is_time_zone(name: &str) -> bool {
    name.parse::<chrono_tz::Tz>().is_ok()
}

/// The calendar date at an instant in a time zone; `None` for an unknown zone.
pub fn local_date(time_zone: &str, at: chrono::DateTime<chrono::Utc>) -> Option<chrono::NaiveDate> {
    let tz: chrono_tz::Tz = time_zone.parse().ok()?;
    Some(at.with_timezone(&tz).date_naive())
}

/// The instants a calendar day spans in a time zone: from its first moment, up to
/// (not including) the next day's; `None` for an unknown zone. A day that starts in
/// a daylight-saving gap starts when the clocks resume.
pub fn local_day_bounds(
    time_zone: &str,
    date: chrono::NaiveDate,
) -> Option<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>)> {
    use chrono::TimeZone;
    let tz: chrono_tz::Tz = time_zone.parse().ok()?;
    let start_of = |day: chrono::NaiveDate| {
        (0..=3 * 60).find_map(|minutes| {
            let local = day.and_hms_opt(0, 0, 0)? + chrono::Duration::minutes(minutes);
            tz.from_local_datetime(&local).earliest().map(|t| t.with_timezone(&chrono::Utc))
        })
    };
    Some((start_of(date)?, start_of(date.succ_opt()?)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_markets_currencies_are_known() {
        for c in ["VND", "IRR", "CNY", "USD", "EUR"] {
            assert!(is_currency(c), "{c}");
        }
        assert!(!is_currency("XYZ"));
        assert!(!is_currency("vnd"));
        assert!(!is_currency("VN"));
    }

    #[test]
    fn every_assigned_country_code_and_no_other_is_known() {
        assert_eq!(ISO_3166_ALPHA_2.split_whitespace().count(), 249);
        for c in ["VN", "IR", "CN", "JP", "KR"] {
            assert!(is_country(c), "{c}");
        }
        assert!(!is_country("XX"));
        assert!(!is_country("vn"));
        assert!(!is_country("VNM"));
    }

    #[test]
    fn iana_zones_are_known_and_invented_ones_are_not() {
        assert!(is_time_zone("Asia/Tehran"));
        assert!(is_time_zone("Asia/Ho_Chi_Minh"));
        assert!(is_time_zone("UTC"));
        assert!(!is_time_zone("Mars/Olympus_Mons"));
    }

    #[test]
    fn a_local_day_spans_its_own_instants() {
        use chrono::{NaiveDate, TimeZone, Utc};
        let day = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap_or_default();
        let (from, to) = local_day_bounds("Asia/Ho_Chi_Minh", day).unwrap_or_else(|| panic!("known zone"));
        assert_eq!(Some(from), Utc.with_ymd_and_hms(2026, 3, 4, 17, 0, 0).single());
        assert_eq!(Some(to), Utc.with_ymd_and_hms(2026, 3, 5, 17, 0, 0).single());
        assert_eq!(local_date("Asia/Ho_Chi_Minh", from), Some(day));
        assert_ne!(local_date("Asia/Ho_Chi_Minh", to), Some(day));
        assert!(local_day_bounds("Mars/Olympus_Mons", day).is_none());
    }

    #[test]
    fn a_day_starting_in_a_daylight_saving_gap_starts_when_clocks_resume() {
        use chrono::{NaiveDate, TimeZone, Utc};
        // Tehran moved its clocks from 00:00 to 01:00 on 22 March 2022.
        let day = NaiveDate::from_ymd_opt(2022, 3, 22).unwrap_or_default();
        let (from, to) = local_day_bounds("Asia/Tehran", day).unwrap_or_else(|| panic!("known zone"));
        assert_eq!(Some(from), Utc.with_ymd_and_hms(2022, 3, 21, 20, 30, 0).single());
        assert_eq!(Some(to), Utc.with_ymd_and_hms(2022, 3, 22, 19, 30, 0).single());
    }
}
