//! The customer's answers to the callback script, read from the JSON sent and
//! written back as JSON: the script's rules check them in the domain.
use std::collections::BTreeMap;

use aftersales_api_types::FieldError;
use aftersales_domain::tickets::callback::{Answer, AnswerKind, SCRIPT, check_answers};
use serde_json::Value;

use crate::error::ApiError;

const MAX_TEXT_ANSWER: usize = 2000;

/// The answers as the script's kinds, or 422 naming `answers.<code>` for each bad one.
/// `null` and blank text count as not answered.
pub(super) fn read_answers(given: &BTreeMap<String, Value>) -> Result<Vec<(String, Answer)>, ApiError> {
    let answers: Vec<(String, Answer)> = given
        .iter()
        .filter_map(|(code, value)| {
            let kind = SCRIPT.iter().find(|q| q.code == code.as_str()).map(|q| q.kind);
            to_answer(kind, value).map(|a| (code.clone(), a))
        })
        .collect();
    let mut errors: Vec<FieldError> = check_answers(&answers)
        .into_iter()
        .map(|e| FieldError::new(format!("answers.{}", e.question), e.code, e.message))
        .collect();
    for (code, answer) in &answers {
        if let Answer::Text(text) = answer
            && text.chars().count() > MAX_TEXT_ANSWER
        {
            errors.push(FieldError::new(
                format!("answers.{code}"),
                "length",
                format!("must be at most {MAX_TEXT_ANSWER} long"),
            ));
        }
    }
    if errors.is_empty() { Ok(answers) } else { Err(ApiError::Validation(errors)) }
}

/// A JSON answer as the domain's; a value of no usable shape becomes an answer of
/// the wrong kind, so the script check names it.
fn to_answer(kind: Option<AnswerKind>, value: &Value) -> Option<Answer> {
    let wrong = || match kind {
        Some(AnswerKind::Text) => Answer::YesNo(false),
        _ => Answer::Text(String::new()),
    };
    Some(match value {
        Value::Null => return None,
        Value::Bool(b) => Answer::YesNo(*b),
        Value::Number(n) => Answer::Score(n.as_u64().and_then(|n| u8::try_from(n).ok()).unwrap_or(0)),
        Value::String(s) if s.trim().is_empty() => return None,
        Value::String(s) => Answer::Text(s.trim().to_owned()),
        Value::Array(_) | Value::Object(_) => wrong(),
    })
}

pub(super) fn answer_value(a: &Answer) -> Value {
    match a {
        Answer::YesNo(b) => Value::Bool(*b),
        Answer::Score(s) => Value::from(*s),
        Answer::Text(t) => Value::String(t.clone()),
    }
}
