//! What the documents that move stock (transfers, purchase orders) share: a
//! refusal that names the field of the request it is about, and finding the lines
//! a request names on the document.
use std::collections::HashSet;

/// A step a document refuses, naming the request's field at fault (`status`,
/// `lines[2].quantity`), so every entry point can point its caller at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused<E> {
    pub field: String,
    pub reason: E,
}

impl<E> Refused<E> {
    pub fn at(field: impl Into<String>, reason: E) -> Self {
        Refused { field: field.into(), reason }
    }

    /// A refusal of the step as a whole: the document's status does not allow it.
    pub fn status(reason: E) -> Self {
        Refused::at("status", reason)
    }
}

/// Why a request's line cannot be matched to a line of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineMismatch {
    /// The part is not on the document.
    NotOnDocument,
    /// The request names the part twice.
    Duplicate,
}

/// For each part the request names, in its order, the index of the document's
/// line of that part; or the first request line (by its index) that names a part
/// not on the document or one named before.
pub fn line_indexes<Id: Eq + std::hash::Hash>(
    on_document: impl Iterator<Item = Id> + Clone,
    requested: impl Iterator<Item = Id>,
) -> Result<Vec<usize>, (usize, LineMismatch)> {
    let mut seen = HashSet::new();
    let mut indexes = Vec::new();
    for (i, part_id) in requested.enumerate() {
        let Some(index) = on_document.clone().position(|p| p == part_id) else {
            return Err((i, LineMismatch::NotOnDocument));
        };
        if !seen.insert(part_id) {
            return Err((i, LineMismatch::Duplicate));
        }
        indexes.push(index);
    }
    Ok(indexes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_requested_part_is_found_once_on_the_document() {
        let (a, b, c) = (1, 2, 3);
        let doc = [a, b];
        assert_eq!(line_indexes(doc.iter().copied(), [b, a].into_iter()), Ok(vec![1, 0]));
        assert_eq!(line_indexes(doc.iter().copied(), [a, c].into_iter()), Err((1, LineMismatch::NotOnDocument)));
        assert_eq!(line_indexes(doc.iter().copied(), [b, b].into_iter()), Err((1, LineMismatch::Duplicate)));
    }
}
