//! Attachment files on disk: what may be uploaded (checked against the content's
//! magic bytes, not only the declared type), and the content-addressed store
//! `<data_dir>/attachments/ab/cdef…` named by the SHA-256, written atomically
//! (temporary file, sync, rename) so a crash never leaves half a file under a hash.
//! The same content uploaded twice is stored once.
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The media types accepted, with the file extension each gets by default.
pub const ACCEPTED: [(&str, &str); 4] =
    [("image/jpeg", "jpg"), ("image/png", "png"), ("image/webp", "webp"), ("application/pdf", "pdf")];

/// The accepted media type a declared one names (`image/jpg` is taken as JPEG).
pub fn accepted(declared: &str) -> Option<&'static str> {
    let declared = declared.trim().to_ascii_lowercase();
    let declared = if declared == "image/jpg" { "image/jpeg".to_owned() } else { declared };
    ACCEPTED.iter().map(|(m, _)| *m).find(|m| *m == declared)
}

pub fn extension(media_type: &str) -> &'static str {
    ACCEPTED.iter().find(|(m, _)| *m == media_type).map_or("bin", |(_, e)| e)
}

/// The accepted media type the content's first bytes show, if any.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else {
        None
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The attachment store's folder under the data folder.
pub fn root(data_dir: &Path) -> PathBuf {
    data_dir.join("attachments")
}

/// Where the content with this hash lives. `None` for anything but 64 hex digits,
/// so a stored value can never point outside the store.
pub fn path_of(root: &Path, sha256: &str) -> Option<PathBuf> {
    let valid = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    valid.then(|| root.join(&sha256[..2]).join(&sha256[2..]))
}

/// Stores `bytes` under their hash unless already there; returns the hash.
pub fn store(root: &Path, bytes: &[u8]) -> io::Result<String> {
    let sha = sha256_hex(bytes);
    let target = path_of(root, &sha).ok_or_else(|| io::Error::other("bad hash"))?;
    if target.is_file() {
        return Ok(sha);
    }
    let folder = target.parent().ok_or_else(|| io::Error::other("no folder"))?;
    fs::create_dir_all(folder)?;
    let temp_dir = root.join("tmp");
    fs::create_dir_all(&temp_dir)?;
    let temp = temp_dir.join(format!("{}.part", Uuid::now_v7().simple()));
    let written = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, &target)?;
        fs::File::open(folder)?.sync_all()
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written.map(|()| sha)
}

pub fn read(root: &Path, sha256: &str) -> io::Result<Vec<u8>> {
    let path = path_of(root, sha256).ok_or_else(|| io::Error::other("bad hash"))?;
    fs::read(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_recognised_by_its_magic_bytes() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff(b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(sniff(b"<html>"), None);
        assert_eq!(sniff(b"RIFF\x10\0\0\0WAVE"), None);
        assert_eq!(accepted("IMAGE/JPG"), Some("image/jpeg"));
        assert_eq!(accepted("text/html"), None);
    }

    #[test]
    fn the_same_content_is_stored_once_under_its_hash() {
        let root = std::env::temp_dir().join(format!("aftersales-files-{}", Uuid::now_v7().simple()));
        let first = store(&root, b"%PDF-1.7 same").unwrap_or_default();
        let second = store(&root, b"%PDF-1.7 same").unwrap_or_default();
        assert_eq!(first, second);
        assert_eq!(read(&root, &first).unwrap_or_default(), b"%PDF-1.7 same");
        let stored = path_of(&root, &first).unwrap_or_default();
        assert!(stored.starts_with(root.join(&first[..2])));
        let leftovers = fs::read_dir(root.join("tmp")).map(|d| d.count()).unwrap_or(1);
        assert_eq!(leftovers, 0, "no temporary file is left behind");
        assert_eq!(path_of(&root, "../../etc/passwd"), None);
        let _ = fs::remove_dir_all(&root);
    }
}
