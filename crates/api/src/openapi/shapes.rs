//! Passes over the finished document that give generated clients the shapes they
//! need, where the derive macros cannot: list pages that name their item schema, and
//! files described as binary strings.
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::{ArrayBuilder, Content, OpenApi, Ref, RefOr, Required};

/// utoipa writes the item schema of a generic `Page<T>` inline into every
/// `Page_T` (juhaku/utoipa#1586), so a client generator makes a second, differently
/// named class for the same thing. Each page's `items` is pointed at `T`'s own
/// schema instead, when the document has it.
pub fn pages_refer_to_their_items(openapi: &mut OpenApi) {
    let Some(components) = openapi.components.as_mut() else { return };
    let names: Vec<String> = components.schemas.keys().cloned().collect();
    for name in &names {
        let Some(item) = name.strip_prefix("Page_") else { continue };
        if !components.schemas.contains_key(item) {
            continue;
        }
        let Some(RefOr::T(Schema::Object(page))) = components.schemas.get_mut(name) else { continue };
        if let Some(items) = page.properties.get_mut("items") {
            *items = ArrayBuilder::new().items(Ref::from_schema_name(item)).into();
        }
    }
}

/// A body or answer that is a file (an image, a PDF, a spreadsheet) and says
/// nothing of its schema is a binary string of its media type; generators then
/// take or give bytes instead of leaving the operation out.
pub fn files_are_binary(openapi: &mut OpenApi) {
    for item in openapi.paths.paths.values_mut() {
        let operations = [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete];
        for op in operations.into_iter().flatten() {
            if let Some(RefOr::T(body)) = op.request_body.as_mut() {
                body.content.iter_mut().for_each(|(media_type, content)| describe_file(media_type, content));
                // An upload without its file is refused; the derive leaves this out.
                if body.content.contains_key("application/octet-stream") {
                    body.required = Some(Required::True);
                }
            }
            for response in op.responses.responses.values_mut() {
                if let RefOr::T(response) = response {
                    response.content.iter_mut().for_each(|(media_type, content)| describe_file(media_type, content));
                }
            }
        }
    }
}

fn describe_file(media_type: &str, content: &mut RefOr<Content>) {
    let RefOr::T(content) = content else { return };
    let textual = media_type.starts_with("text/") || media_type.ends_with("json") || media_type.ends_with("+xml");
    if content.schema.is_some() || textual {
        return;
    }
    let binary = ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
        .content_media_type(media_type)
        .build();
    content.schema = Some(RefOr::T(Schema::Object(binary)));
}
