//! A record, or a part of one, as a JSON [`Value`] and back. In wasm, through the serializer
//! and the deserializer every build already carries: the JSON writer (`serde_json::to_string`,
//! which the parse worker posts records with) and the reader of a borrowed [`Value`] (which
//! the CT.gov JSON reader reads studies with). `serde_json::to_value` and `from_value` would
//! each compile the whole model's (de)serialization once more, about 200 KB of the worker's
//! wasm; natively, where size does not count, [`to_value`] is `serde_json::to_value`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// `value` as a JSON [`Value`]: in wasm written as JSON text, then read as a value; natively
/// (the CLI) built directly, in less than half the time.
pub(crate) fn to_value<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Value> {
    #[cfg(target_arch = "wasm32")]
    return serde_json::from_str(&serde_json::to_string(value)?);
    #[cfg(not(target_arch = "wasm32"))]
    serde_json::to_value(value)
}

/// A `T` read from the JSON [`Value`] `value`.
pub(crate) fn from_value<T: DeserializeOwned>(value: &Value) -> serde_json::Result<T> {
    T::deserialize(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Study;

    #[test]
    fn a_record_goes_to_a_value_and_back_unchanged() {
        let mut study = Study::default();
        study.protocol_section.identification_module.nct_id = Some("NCT09999999".into());
        study.protocol_section.identification_module.brief_title = Some("Tea \"and\" é".into());
        let value = to_value(&study).unwrap();
        assert_eq!(value, serde_json::to_value(&study).unwrap());
        assert_eq!(
            value["protocolSection"]["identificationModule"]["nctId"],
            "NCT09999999"
        );
        let back: Study = from_value(&value).unwrap();
        assert_eq!(back, study);
    }
}
