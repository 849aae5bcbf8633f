//! The printable intake receipt: the customer's own copy of what was taken in, in
//! their language, with the tracking code and its QR code. Every stored string is
//! HTML-escaped; the page runs no script.
mod labels;

use std::fmt::Write;

use aftersales_api_types::entitlement::Decision;
use aftersales_api_types::users::Locale;
use aftersales_api_types::warranty::Leg;
use aftersales_domain::text::non_blank;
use aftersales_domain::tickets::{TicketKind, WarrantyStatus};
use chrono::NaiveDate;

pub use labels::{Labels, labels};

/// Text made safe to place in HTML content and in quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Everything printed, gathered by the route.
pub struct Receipt {
    pub lang: Locale,
    pub branch_name: String,
    pub branch_code: String,
    pub number: String,
    pub received_on: NaiveDate,
    pub kind: TicketKind,
    pub customer_name: String,
    pub customer_phones: Vec<String>,
    /// `SKU — name` of the unit's model.
    pub model: Option<String>,
    pub serial: Option<String>,
    pub fault_codes: Vec<String>,
    pub fault_description: Option<String>,
    pub accessories: Vec<String>,
    pub condition_notes: Option<String>,
    pub warranty_status: WarrantyStatus,
    pub warranty: Option<Decision>,
    pub expected_on: Option<NaiveDate>,
    /// In groups of four.
    pub tracking_code: String,
    pub tracking_url: String,
    /// The `<svg>` element of the tracking link's QR code (made by us, not escaped).
    pub qr_svg: String,
}

const STYLE: &str = "@page{size:A5;margin:10mm}\
*{box-sizing:border-box}\
body{font-family:system-ui,'Noto Sans','Vazirmatn','Noto Sans CJK SC',sans-serif;font-size:11pt;color:#000;margin:0 auto;max-width:148mm;padding:8mm}\
h1{font-size:15pt;margin:0 0 2mm}\
.branch{margin:0 0 4mm;color:#333}\
table{width:100%;border-collapse:collapse}\
th,td{text-align:start;vertical-align:top;padding:1.2mm 2mm;border-bottom:0.2mm solid #bbb}\
th{width:38%;font-weight:600}\
ul{margin:0;padding-inline-start:5mm}\
.tracking{display:flex;gap:5mm;align-items:center;margin-top:5mm}\
.tracking svg{width:32mm;height:32mm;flex:none}\
.code{font-family:ui-monospace,monospace;font-size:15pt;letter-spacing:0.5mm;direction:ltr;unicode-bidi:embed}\
.url{font-size:8pt;word-break:break-all;direction:ltr;unicode-bidi:embed}\
.signatures{display:flex;gap:10mm;margin-top:14mm}\
.signatures div{flex:1;border-top:0.3mm solid #000;padding-top:1mm;font-size:9pt}\
@media print{body{padding:0;max-width:none}@page{size:A5}a{color:#000;text-decoration:none}}";

fn row(out: &mut String, label: &str, value_html: &str) {
    let _ = write!(out, "<tr><th>{}</th><td>{value_html}</td></tr>", escape(label));
}

/// Typed text in its own direction (a Latin note inside a Persian page).
fn bdi(text: &str) -> String {
    format!("<bdi>{}</bdi>", escape(text))
}

/// Numbers, codes and dates: left to right on every page.
fn ltr(text: &str) -> String {
    format!("<bdi dir=\"ltr\">{}</bdi>", escape(text))
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return "—".into();
    }
    let mut out = String::from("<ul>");
    for item in items {
        let _ = write!(out, "<li>{}</li>", bdi(item));
    }
    out.push_str("</ul>");
    out
}

fn text(value: Option<&str>, show: fn(&str) -> String) -> String {
    value.map(str::trim).filter(|v| !v.is_empty()).map_or_else(|| "—".into(), show)
}

fn warranty_html(r: &Receipt, l: &Labels) -> String {
    let mut out = format!("<strong>{}</strong>", escape(l.status_name(r.warranty_status)));
    let Some(decision) = &r.warranty else { return out };
    out.push_str("<ul>");
    for leg in &decision.legs {
        let name = match leg.leg {
            Leg::Parts => l.legs[0],
            Leg::Labour => l.legs[1],
            Leg::Travel => l.legs[2],
        };
        let status = if leg.covered { l.covered } else { l.not_covered };
        let _ = write!(out, "<li>{}: {}", escape(name), escape(status));
        // The customer's copy says when cover ends or ended; the engine's full
        // reasons are for the staff, in the app. Voiding conditions follow below.
        match (leg.covered, leg.expires_on) {
            (true, Some(until)) => {
                let _ = write!(out, " {} {}", escape(l.until), ltr(&until.to_string()));
            }
            (false, Some(ended)) if decision.excluded_by.is_empty() => {
                let _ = write!(out, " ({} {})", escape(l.ended), ltr(&ended.to_string()));
            }
            _ => {}
        }
        out.push_str("</li>");
    }
    for condition in &decision.excluded_by {
        let _ = write!(out, "<li>{}</li>", bdi(condition));
    }
    out.push_str("</ul>");
    out
}

/// The whole page.
pub fn render(r: &Receipt) -> String {
    let l = labels(r.lang);
    let lang = match r.lang {
        Locale::En => "en",
        Locale::Vi => "vi",
        Locale::Fa => "fa",
        Locale::Zh => "zh",
    };
    let mut out = String::with_capacity(8 * 1024 + r.qr_svg.len());
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"{lang}\" dir=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} {}</title><style>{STYLE}</style></head><body>",
        l.dir,
        escape(l.title),
        escape(&r.number),
    );
    let _ = write!(
        out,
        "<h1>{}</h1><p class=\"branch\">{} ({})</p><table>",
        escape(l.title),
        escape(&r.branch_name),
        escape(&r.branch_code)
    );
    row(&mut out, l.number, &format!("<span class=\"code\">{}</span>", escape(&r.number)));
    row(&mut out, l.received_on, &ltr(&r.received_on.to_string()));
    row(&mut out, l.kind, &escape(l.kind_name(r.kind)));
    row(&mut out, l.customer, &bdi(&r.customer_name));
    let phones: Vec<String> = r.customer_phones.iter().map(|p| ltr(p)).collect();
    row(&mut out, l.phone, &phones.join(", "));
    row(&mut out, l.model, &text(r.model.as_deref(), bdi));
    row(&mut out, l.serial, &text(r.serial.as_deref(), ltr));
    let mut faults: Vec<String> = r.fault_codes.clone();
    faults.extend(r.fault_description.iter().filter_map(|d| non_blank(d)));
    row(&mut out, l.faults, &list(&faults));
    row(&mut out, l.accessories, &list(&r.accessories));
    row(&mut out, l.condition, &text(r.condition_notes.as_deref(), bdi));
    row(&mut out, l.warranty, &warranty_html(r, l));
    if let Some(date) = r.expected_on {
        row(&mut out, l.expected_on, &ltr(&date.to_string()));
    }
    let _ = write!(
        out,
        "</table><div class=\"tracking\">{}<div><div>{}</div><div class=\"code\">{}</div>\
         <p>{}</p><div class=\"url\">{}</div></div></div>",
        r.qr_svg,
        escape(l.tracking),
        escape(&r.tracking_code),
        escape(l.track_hint),
        escape(&r.tracking_url),
    );
    let _ = write!(
        out,
        "<div class=\"signatures\"><div>{}</div><div>{}</div></div></body></html>",
        escape(l.customer_signature),
        escape(l.received_by)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_stored_text_is_escaped() {
        assert_eq!(
            escape(r#"<script>alert("x&y")</script>'"#),
            "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;&#39;"
        );
        assert_eq!(escape("Nguyễn Văn Đức"), "Nguyễn Văn Đức");
    }
}
