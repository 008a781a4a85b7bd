//! Identifiers: NCT IDs in text, and secondary IDs with a type suffix ("2012-004531-23 (EudraCT Number)").

use crate::model::enums::SecondaryIdType;
use crate::vocab;

/// Whether `s` is exactly an NCT ID: `NCT` and eight digits.
pub fn is_nct_id(s: &str) -> bool {
    s.len() == 11 && s.starts_with("NCT") && s[3..].bytes().all(|b| b.is_ascii_digit())
}

/// Every NCT ID in `text` that stands as a word (not inside a longer run of letters or digits).
pub fn find_nct_ids(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(pos) = text[i..].find("NCT") {
        let start = i + pos;
        let end = start + 11;
        let before_ok = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let after_ok = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
        let candidate = text.get(start..end).filter(|c| is_nct_id(c));
        if let (Some(c), true, true) = (candidate, before_ok, after_ok) {
            out.push(c);
            i = end;
        } else {
            i = start + 3;
        }
    }
    out
}

/// Splits "ID (Type label)" into the ID and its type when the label names a CT.gov secondary ID type.
pub fn split_typed_id(text: &str) -> Option<(&str, SecondaryIdType)> {
    let body = text.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let kind = vocab::lookup::<SecondaryIdType>(&body[open + 1..])?;
    let id = body[..open].trim();
    (!id.is_empty()).then_some((id, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nct_ids_in_text() {
        assert_eq!(
            find_nct_ids("(NCT NCT09990123) and NCT0999012345 NCT09990124"),
            vec!["NCT09990123", "NCT09990124"]
        );
        assert!(is_nct_id("NCT09990001"));
        assert!(!is_nct_id("NCT0999000"));
    }

    #[test]
    fn typed_ids() {
        assert_eq!(
            split_typed_id("2031-000123-45 (EudraCT Number)"),
            Some(("2031-000123-45", SecondaryIdType::EudractNumber))
        );
        assert_eq!(
            split_typed_id("R01 XX000001 (U.S. NIH Grant/Contract)"),
            Some(("R01 XX000001", SecondaryIdType::Nih))
        );
        assert_eq!(split_typed_id("ABC-1 (version 2)"), None);
    }
}
