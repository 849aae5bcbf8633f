//! Serves the built web app: real files as they are, and `index.html` for any
//! other path so that client-side routes such as `/branches` survive a reload.
use std::path::{Component, Path, PathBuf};

use actix_files::NamedFile;
use actix_web::{HttpRequest, HttpResponse};

pub async fn serve(req: &HttpRequest, static_dir: &Path) -> Option<HttpResponse> {
    let relative = safe_relative(req.path())?;
    let candidate = static_dir.join(&relative);
    let file = if candidate.is_file() {
        candidate
    } else if relative.extension().is_none() {
        static_dir.join("index.html")
    } else {
        return None;
    };
    let named = NamedFile::open_async(&file).await.ok()?;
    Some(named.into_response(req))
}

/// The request path as a relative file path, refusing anything that climbs out.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(path.trim_start_matches('/')).decode_utf8().ok()?;
    let relative = PathBuf::from(decoded.as_ref());
    relative.components().all(|c| matches!(c, Component::Normal(_))).then_some(relative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_climb_out_are_refused() {
        assert_eq!(safe_relative("/../etc/passwd"), None);
        assert_eq!(safe_relative("/a/%2e%2e/%2e%2e/etc"), None);
        assert_eq!(safe_relative("/app.js"), Some(PathBuf::from("app.js")));
        assert_eq!(safe_relative("/"), Some(PathBuf::new()));
    }
}
