//! Lenient reading of CT.gov enum fields: a value the model does not know (a newer CT.gov code,
//! a number where a code belongs) reads as absent instead of failing the whole record.
//!
//! The helpers are used as `#[serde(deserialize_with = "…")]` on every enum field. They only
//! drop; the CT.gov JSON reader compares what it read with what it kept, saves each dropped
//! value under `trialcards.unmodelled` and says so in a diagnostic.

use super::enums::CtEnum;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// The JSON keys of the enum fields read by these helpers: a value dropped under one of them is
/// an unknown code (a test checks this list against the model's fields).
pub(crate) const ENUM_FIELD_KEYS: &[&str] = &[
    "allocation",
    "assessmentType",
    "ciNumSides",
    "class",
    "dispersionType",
    "funderTypes",
    "infoTypes",
    "interventionModel",
    "ipdSharing",
    "lastKnownStatus",
    "masking",
    "nonInferiorityType",
    "observationalModel",
    "overallStatus",
    "paramType",
    "phases",
    "primaryPurpose",
    "relevance",
    "reportingStatus",
    "restrictionType",
    "role",
    "samplingMethod",
    "sex",
    "status",
    "statusForNctId",
    "stdAges",
    "studyType",
    "timePerspective",
    "type",
    "whoMasked",
];

/// Any JSON value, kept only when it is a string.
struct MaybeCode(Option<String>);

impl<'de> Deserialize<'de> for MaybeCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MaybeCodeVisitor)
    }
}

struct MaybeCodeVisitor;

impl<'de> Visitor<'de> for MaybeCodeVisitor {
    type Value = MaybeCode;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<MaybeCode, E> {
        Ok(MaybeCode(Some(v.to_string())))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<MaybeCode, E> {
        Ok(MaybeCode(None))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<MaybeCode, E> {
        Ok(MaybeCode(None))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<MaybeCode, E> {
        Ok(MaybeCode(None))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<MaybeCode, E> {
        Ok(MaybeCode(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<MaybeCode, E> {
        Ok(MaybeCode(None))
    }
    fn visit_none<E: de::Error>(self) -> Result<MaybeCode, E> {
        Ok(MaybeCode(None))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<MaybeCode, D::Error> {
        d.deserialize_any(MaybeCodeVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MaybeCode, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(MaybeCode(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MaybeCode, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(MaybeCode(None))
    }
}

/// A list of values, or one value standing alone, each kept only when it is a string.
struct MaybeCodes(Vec<Option<String>>);

impl<'de> Deserialize<'de> for MaybeCodes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MaybeCodesVisitor)
    }
}

struct MaybeCodesVisitor;

impl<'de> Visitor<'de> for MaybeCodesVisitor {
    type Value = MaybeCodes;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of codes")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MaybeCodes, A::Error> {
        let mut out = Vec::new();
        while let Some(MaybeCode(code)) = seq.next_element::<MaybeCode>()? {
            out.push(code);
        }
        Ok(MaybeCodes(out))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<MaybeCodes, E> {
        Ok(MaybeCodes(vec![Some(v.to_string())]))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<MaybeCodes, E> {
        Ok(MaybeCodes(Vec::new()))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<MaybeCodes, E> {
        Ok(MaybeCodes(Vec::new()))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<MaybeCodes, E> {
        Ok(MaybeCodes(Vec::new()))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<MaybeCodes, E> {
        Ok(MaybeCodes(Vec::new()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<MaybeCodes, E> {
        Ok(MaybeCodes(Vec::new()))
    }
    fn visit_none<E: de::Error>(self) -> Result<MaybeCodes, E> {
        Ok(MaybeCodes(Vec::new()))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<MaybeCodes, D::Error> {
        d.deserialize_any(MaybeCodesVisitor)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MaybeCodes, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(MaybeCodes(Vec::new()))
    }
}

/// Reads an optional enum field; anything but a known code reads as `None`.
pub(crate) fn option<'de, D, E>(d: D) -> Result<Option<E>, D::Error>
where
    D: Deserializer<'de>,
    E: CtEnum,
{
    let MaybeCode(code) = MaybeCode::deserialize(d)?;
    Ok(code.as_deref().and_then(E::from_code))
}

/// Reads a list of enum values, keeping the known codes in their order and dropping the rest.
pub(crate) fn list<'de, D, E>(d: D) -> Result<Vec<E>, D::Error>
where
    D: Deserializer<'de>,
    E: CtEnum,
{
    let MaybeCodes(codes) = MaybeCodes::deserialize(d)?;
    Ok(codes
        .iter()
        .filter_map(|c| c.as_deref().and_then(E::from_code))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::ENUM_FIELD_KEYS;

    /// The camelCase JSON key of a snake_case field name.
    fn camel(field: &str) -> String {
        let mut out = String::new();
        let mut upper = false;
        for c in field.chars() {
            if c == '_' {
                upper = true;
            } else if upper {
                out.push(crate::case::upper(c));
                upper = false;
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn the_key_list_names_every_lenient_field() {
        let sources = [
            include_str!("arms.rs"),
            include_str!("contacts.rs"),
            include_str!("derived.rs"),
            include_str!("design.rs"),
            include_str!("documents.rs"),
            include_str!("eligibility.rs"),
            include_str!("identification.rs"),
            include_str!("oversight.rs"),
            include_str!("results/adverse_events.rs"),
            include_str!("results/baseline.rs"),
            include_str!("results/flow.rs"),
            include_str!("results/mod.rs"),
            include_str!("results/more_info.rs"),
            include_str!("results/outcome_measures.rs"),
            include_str!("sponsors.rs"),
            include_str!("status.rs"),
            include_str!("trialcards.rs"),
        ];
        let mut found = std::collections::BTreeSet::new();
        for source in sources {
            // The attribute lines since the last field, then the field they belong to.
            let mut attrs = String::new();
            for line in source.lines().map(str::trim) {
                let Some(field) = line.strip_prefix("pub ").and_then(|l| l.split_once(':')) else {
                    attrs.push_str(line);
                    continue;
                };
                if attrs.contains("lenient::") {
                    let renamed = attrs
                        .split("rename = \"")
                        .nth(1)
                        .and_then(|r| r.split('"').next());
                    found.insert(
                        renamed
                            .map(str::to_string)
                            .unwrap_or_else(|| camel(field.0)),
                    );
                }
                attrs.clear();
            }
        }
        let listed: std::collections::BTreeSet<String> =
            ENUM_FIELD_KEYS.iter().map(|k| k.to_string()).collect();
        assert_eq!(found, listed);
    }
    use crate::model::{DesignModule, StatusModule};

    #[test]
    fn an_unknown_code_reads_as_absent_and_the_rest_stays() {
        let m: StatusModule = serde_json::from_str(
            r#"{"overallStatus":"PAUSED_FOR_REVIEW","whyStopped":"x","lastKnownStatus":"RECRUITING"}"#,
        )
        .expect("reads");
        assert_eq!(m.overall_status, None);
        assert_eq!(m.why_stopped.as_deref(), Some("x"));
        assert!(m.last_known_status.is_some());
    }

    #[test]
    fn unknown_list_items_are_dropped_and_odd_shapes_do_not_fail() {
        let m: DesignModule =
            serde_json::from_str(r#"{"phases":["PHASE5","PHASE2",3,null],"studyType":7}"#)
                .expect("reads");
        assert_eq!(m.phases, vec![crate::model::Phase::Phase2]);
        assert_eq!(m.study_type, None);
        let m: DesignModule = serde_json::from_str(r#"{"phases":"PHASE1"}"#).expect("reads");
        assert_eq!(m.phases, vec![crate::model::Phase::Phase1]);
        let m: DesignModule = serde_json::from_str(r#"{"phases":{"a":[1]}}"#).expect("reads");
        assert!(m.phases.is_empty());
    }
}
