//! The callback script: the questions to ask the customer, in order.
use aftersales_api_types::followups::CallbackQuestion;
use aftersales_domain::tickets::callback::SCRIPT;

use crate::use_cases::tickets::convert::ToWire;

pub fn script() -> Vec<CallbackQuestion> {
    SCRIPT
        .iter()
        .map(|q| CallbackQuestion {
            code: q.code.into(),
            kind: q.kind.to_wire(),
            text: q.text.into(),
            required: q.required,
        })
        .collect()
}
