//! The tracking link of a ticket and its QR code, as SVG (for the printed receipt)
//! and PNG (for labels, chat apps, e-mail).
use std::io::Cursor;

use qrcode::QrCode;
use qrcode::render::svg;

use crate::config::Config;
use crate::error::ApiError;

/// Where a customer follows the ticket: the web app's public tracking page.
pub fn tracking_url(config: &Config, tracking_code: &str) -> String {
    format!("{}/track/{tracking_code}", config.public_base())
}

fn encode(url: &str) -> Result<QrCode, ApiError> {
    QrCode::new(url.as_bytes()).map_err(|e| ApiError::Internal(anyhow::anyhow!("QR code of {url}: {e}")))
}

/// A standalone SVG document, black on white with the quiet zone, at least 240 px.
pub fn svg(url: &str) -> Result<String, ApiError> {
    Ok(encode(url)?
        .render::<svg::Color>()
        .min_dimensions(240, 240)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

/// The `<svg>` element alone, to place inside an HTML page.
pub fn svg_element(url: &str) -> Result<String, ApiError> {
    let document = svg(url)?;
    Ok(document.find("<svg").map_or(document.clone(), |start| document[start..].to_owned()))
}

/// A grey-scale PNG, at least 320 px square.
pub fn png(url: &str) -> Result<Vec<u8>, ApiError> {
    let image = encode(url)?.render::<image::Luma<u8>>().min_dimensions(320, 320).build();
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("QR code PNG: {e}")))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_points_at_the_public_page_without_a_double_slash() {
        let config = Config { public_url: "https://service.example.com/".into(), ..Config::default() };
        assert_eq!(tracking_url(&config, "ABCDEF234567"), "https://service.example.com/track/ABCDEF234567");
    }

    #[test]
    fn both_renderings_are_what_they_claim_to_be() {
        let url = "https://service.example.com/track/ABCDEF234567";
        let png = png(url).unwrap_or_default();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        let element = svg_element(url).unwrap_or_default();
        assert!(element.starts_with("<svg") && element.trim_end().ends_with("</svg>"), "{element}");
        assert!(svg(url).unwrap_or_default().starts_with("<?xml"));
    }
}
