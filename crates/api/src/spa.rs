//! Serves the built web app: real files as they are, and `index.html` for any
//! other path so that client-side routes such as `/branches` survive a reload.
//!
//! scripts/build-frontend.sh compresses every file once, at the highest levels, into
//! `name.br` and `name.gz` beside it, and puts a hash of the content into the names of
//! the wasm, js and css. A request gets the copy its `Accept-Encoding` allows, sent as
//! it is; a hashed name is cached for a year, anything else (`index.html`) is
//! revalidated on every load so that a new build is picked up at once.
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::header::{self, AcceptEncoding, ContentEncoding, Encoding, HeaderValue, Preference, Quality};
use actix_web::{HttpMessage, HttpRequest, HttpResponse};

const HASHED: &str = "public, max-age=31536000, immutable";
const UNHASHED: &str = "no-cache";

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
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or_default();
    let named = open_accepted(req, &file)
        .await?
        // The type of the original file, not of `.br`/`.gz`.
        .set_content_type(actix_files::file_extension_to_mime(extension))
        .disable_content_disposition();
    let mut response = named.into_response(req);
    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    let cache = if is_hashed(&file) { HASHED } else { UNHASHED };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    Some(response)
}

/// The precompressed copy of `file` the client accepts, brotli before gzip (it is
/// smaller), or else `file` itself.
async fn open_accepted(req: &HttpRequest, file: &Path) -> Option<NamedFile> {
    // A byte range is taken of the file itself: actix-files labels a partial answer
    // `identity`, which would be wrong for compressed bytes.
    let accept = if req.headers().contains_key(header::RANGE) { None } else { req.get_header::<AcceptEncoding>() };
    if let Some(accept) = &accept {
        for (coding, suffix) in [(ContentEncoding::Brotli, "br"), (ContentEncoding::Gzip, "gz")] {
            if accepts(accept, coding)
                && let Ok(named) = NamedFile::open_async(with_suffix(file, suffix)).await
            {
                // With a Content-Encoding the global Compress middleware leaves it alone.
                return Some(named.set_content_encoding(coding));
            }
        }
    }
    let named = NamedFile::open_async(file).await.ok()?;
    // Compress would otherwise compress the file anew for a client that accepts only,
    // say, deflate or zstd. Without Accept-Encoding it compresses nothing.
    if req.headers().contains_key(header::ACCEPT_ENCODING) {
        Some(named.set_content_encoding(ContentEncoding::Identity))
    } else {
        Some(named)
    }
}

/// Whether the client lists `coding` with a quality above zero.
fn accepts(accept: &AcceptEncoding, coding: ContentEncoding) -> bool {
    let wanted = Preference::Specific(Encoding::Known(coding));
    accept.0.iter().any(|item| item.item == wanted && item.quality > Quality::ZERO)
}

/// `file` with `.suffix` added: `app.js` → `app.js.br`.
fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(file.as_os_str());
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether the name carries a content hash, `stem-0123456789abcdef.ext`, as the build
/// names the wasm, js and css: what such a name holds never changes.
fn is_hashed(file: &Path) -> bool {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
}

/// The request path as a relative file path, refusing anything that climbs out.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(path.trim_start_matches('/')).decode_utf8().ok()?;
    let relative = PathBuf::from(decoded.as_ref());
    relative.components().all(|c| matches!(c, Component::Normal(_))).then_some(relative)
}

#[cfg(test)]
mod tests {
    use actix_web::body::to_bytes;
    use actix_web::dev::ServiceResponse;
    use actix_web::middleware::Compress;
    use actix_web::test::{TestRequest, call_service, init_service};
    use actix_web::{App, web};

    use super::*;

    const JS: &str = "aftersales_frontend-0123456789abcdef.js";

    /// A dist folder like the build's, removed when dropped.
    struct Dist(PathBuf);

    impl Dist {
        fn new(test: &str) -> std::io::Result<Self> {
            let dir = std::env::temp_dir().join(format!("aftersales-spa-{}-{test}", std::process::id()));
            std::fs::create_dir_all(&dir)?;
            for (name, content) in [
                ("index.html", "<html>plain index</html>".repeat(20)),
                ("index.html.br", "brotli index".into()),
                ("index.html.gz", "gzip index".into()),
                (JS, "export default function init() {}\n".repeat(20)),
                (&format!("{JS}.br"), "brotli js".into()),
                (&format!("{JS}.gz"), "gzip js".into()),
            ] {
                std::fs::write(dir.join(name), content)?;
            }
            Ok(Dist(dir))
        }
    }

    impl Drop for Dist {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// GET `path` with `Accept-Encoding: accept` (none if empty) through the same
    /// Compress middleware the server wraps every response in.
    async fn get(dist: &Dist, path: &str, accept: &str) -> ServiceResponse {
        if accept.is_empty() {
            request(dist, path, &[]).await
        } else {
            request(dist, path, &[(header::ACCEPT_ENCODING, accept)]).await
        }
    }

    async fn request(dist: &Dist, path: &str, headers: &[(header::HeaderName, &str)]) -> ServiceResponse {
        let dir = dist.0.clone();
        let app =
            init_service(App::new().wrap(Compress::default()).default_service(web::to(move |req: HttpRequest| {
                let dir = dir.clone();
                async move { serve(&req, &dir).await.unwrap_or_else(|| HttpResponse::NotFound().finish()) }
            })))
            .await;
        let mut request = TestRequest::get().uri(path);
        for (name, value) in headers {
            request = request.insert_header((name.clone(), *value));
        }
        call_service(&app, request.to_request()).await.map_into_boxed_body()
    }

    fn header(response: &ServiceResponse, name: header::HeaderName) -> &str {
        response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    async fn body(response: ServiceResponse) -> String {
        let bytes = to_bytes(response.into_body()).await.unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    #[actix_web::test]
    async fn a_client_accepting_brotli_gets_the_brotli_copy_as_it_is() -> std::io::Result<()> {
        let dist = Dist::new("br")?;
        let response = get(&dist, &format!("/{JS}"), "gzip, deflate, br, zstd").await;
        assert_eq!(response.status(), 200);
        assert_eq!(header(&response, header::CONTENT_ENCODING), "br");
        assert_eq!(header(&response, header::CONTENT_TYPE), "text/javascript");
        assert_eq!(header(&response, header::VARY), "accept-encoding");
        assert_eq!(header(&response, header::CACHE_CONTROL), "public, max-age=31536000, immutable");
        assert_eq!(body(response).await, "brotli js");
        Ok(())
    }

    #[actix_web::test]
    async fn a_client_accepting_only_gzip_gets_the_gzip_copy() -> std::io::Result<()> {
        let dist = Dist::new("gzip")?;
        let response = get(&dist, &format!("/{JS}"), "gzip, br;q=0").await;
        assert_eq!(header(&response, header::CONTENT_ENCODING), "gzip");
        assert_eq!(body(response).await, "gzip js");
        Ok(())
    }

    #[actix_web::test]
    async fn a_client_accepting_nothing_gets_the_plain_file() -> std::io::Result<()> {
        let dist = Dist::new("plain")?;
        let response = get(&dist, &format!("/{JS}"), "").await;
        assert_eq!(response.status(), 200);
        assert_eq!(header(&response, header::CONTENT_ENCODING), "");
        assert_eq!(header(&response, header::CONTENT_TYPE), "text/javascript");
        assert_eq!(header(&response, header::CACHE_CONTROL), "public, max-age=31536000, immutable");
        assert_eq!(body(response).await, "export default function init() {}\n".repeat(20));
        Ok(())
    }

    #[actix_web::test]
    async fn compress_does_not_compress_the_plain_file_for_other_codings() -> std::io::Result<()> {
        let dist = Dist::new("deflate")?;
        let response = get(&dist, &format!("/{JS}"), "deflate, zstd").await;
        assert_eq!(header(&response, header::CONTENT_ENCODING), "identity");
        assert_eq!(body(response).await, "export default function init() {}\n".repeat(20));
        Ok(())
    }

    #[actix_web::test]
    async fn a_byte_range_is_taken_of_the_plain_file() -> std::io::Result<()> {
        let dist = Dist::new("range")?;
        let headers = [(header::ACCEPT_ENCODING, "br"), (header::RANGE, "bytes=0-5")];
        let response = request(&dist, &format!("/{JS}"), &headers).await;
        assert_eq!(response.status(), 206);
        assert_eq!(header(&response, header::CONTENT_ENCODING), "identity");
        assert_eq!(body(response).await, "export");
        Ok(())
    }

    #[actix_web::test]
    async fn index_and_the_client_side_routes_are_revalidated() -> std::io::Result<()> {
        let dist = Dist::new("index")?;
        for path in ["/", "/index.html", "/tickets/42"] {
            let response = get(&dist, path, "br").await;
            assert_eq!(response.status(), 200, "{path}");
            assert_eq!(header(&response, header::CACHE_CONTROL), "no-cache", "{path}");
            assert_eq!(header(&response, header::CONTENT_TYPE), "text/html; charset=utf-8", "{path}");
            assert_eq!(header(&response, header::CONTENT_ENCODING), "br", "{path}");
            assert_eq!(body(response).await, "brotli index", "{path}");
        }
        Ok(())
    }

    #[actix_web::test]
    async fn a_missing_file_with_an_extension_is_not_the_app() -> std::io::Result<()> {
        let dist = Dist::new("missing")?;
        assert_eq!(get(&dist, "/aftersales_frontend-ffffffffffffffff.js", "br").await.status(), 404);
        Ok(())
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed(Path::new("aftersales_frontend_bg-0123456789abcdef.wasm")));
        assert!(!is_hashed(Path::new("aftersales_frontend_bg.wasm")));
        assert!(!is_hashed(Path::new("index.html")));
        assert!(!is_hashed(Path::new("style-0123456789ABCDEF.css")));
        assert!(!is_hashed(Path::new("style-0123.css")));
    }

    #[test]
    fn paths_that_climb_out_are_refused() {
        assert_eq!(safe_relative("/../etc/passwd"), None);
        assert_eq!(safe_relative("/a/%2e%2e/%2e%2e/etc"), None);
        assert_eq!(safe_relative("/app.js"), Some(PathBuf::from("app.js")));
        assert_eq!(safe_relative("/"), Some(PathBuf::new()));
    }
}
