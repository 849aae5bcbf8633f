//! Keyset pagination: the cursor is the sort key of the last item, opaque to clients.
use aftersales_api_types::Page;
use aftersales_api_types::page::DEFAULT_PAGE_SIZE;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::ApiError;

pub fn limit(requested: Option<u32>) -> u32 {
    requested.unwrap_or(DEFAULT_PAGE_SIZE)
}

pub fn decode_cursor(cursor: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(cursor) = cursor else { return Ok(None) };
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .map(Some)
        .ok_or_else(|| ApiError::field("cursor", "invalid_cursor", "is not a cursor this API gave out"))
}

/// A cursor whose key is an id (lists ordered by UUIDv7, i.e. by creation).
pub fn decode_id_cursor(cursor: Option<&str>) -> Result<Option<uuid::Uuid>, ApiError> {
    decode_cursor(cursor)?
        .map(|raw| {
            uuid::Uuid::parse_str(&raw)
                .map_err(|_| ApiError::field("cursor", "invalid_cursor", "is not a cursor this API gave out"))
        })
        .transpose()
}

/// Builds a page from up to `limit + 1` rows; the extra row only says "there is more".
pub fn page<T, W>(mut rows: Vec<T>, limit: u32, key: impl Fn(&T) -> String, wire: impl Fn(&T) -> W) -> Page<W> {
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = if more { rows.last().map(|last| URL_SAFE_NO_PAD.encode(key(last))) } else { None };
    Page { items: rows.iter().map(wire).collect(), next_cursor }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_page_points_at_its_last_item() {
        let p = page(vec![1, 2, 3], 2, |n| n.to_string(), |n| *n);
        assert_eq!(p.items, vec![1, 2]);
        assert_eq!(decode_cursor(p.next_cursor.as_deref()).ok().flatten().as_deref(), Some("2"));
    }

    #[test]
    fn the_last_page_has_no_cursor() {
        let p = page(vec![1, 2], 2, |n| n.to_string(), |n| *n);
        assert_eq!(p.next_cursor, None);
    }

    #[test]
    fn a_forged_cursor_is_a_field_error() {
        assert!(matches!(decode_cursor(Some("%%%")), Err(ApiError::Validation(_))));
    }
}
