//! Identifiers: NCT IDs in text, secondary IDs with a type suffix ("2012-004531-23 (EudraCT Number)"),
//! and other registries' trial IDs in text (EudraCT, CTIS, ISRCTN, ChiCTR, ACTRN, DRKS, CTRI, jRCT, IRCT …).

use crate::model::enums::SecondaryIdType;
use crate::vocab;

/// Whether `s` is exactly an NCT ID: `NCT` and eight digits.
pub fn is_nct_id(s: &str) -> bool {
    s.len() == 11 && s.starts_with("NCT") && s[3..].bytes().all(|b| b.is_ascii_digit())
}

/// Every NCT ID in `text` that stands at a word boundary. Pages that strip markup glue words
/// together ("NCT09990123Recruiting", "IdentifierNCT09990123"), so a letter after the ID or a
/// lowercase letter before it still ends a word; a digit on either side, or a capital before
/// ("XNCT…", another scheme's code), means the ID is part of something longer.
pub fn find_nct_ids(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(pos) = text[i..].find("NCT") {
        let start = i + pos;
        let end = start + 11;
        let before_ok = start == 0
            || !(bytes[start - 1].is_ascii_digit() || bytes[start - 1].is_ascii_uppercase());
        let after_ok = end >= bytes.len() || !bytes[end].is_ascii_digit();
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

/// A trial ID from a registry other than ClinicalTrials.gov, as a CT.gov secondary ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegistryId<'a> {
    /// The ID as the page prints it.
    pub id: &'a str,
    /// `EUDRACT_NUMBER`, `CTIS`, or `REGISTRY`.
    pub kind: SecondaryIdType,
    /// The registry's name, for `REGISTRY` IDs (the v2 `domain`).
    pub domain: Option<&'static str>,
}

/// Registry ID prefixes: (prefix, registry name, what may follow the prefix, its minimum length).
const REGISTRY_PREFIXES: &[(&str, &str, Tail, usize)] = &[
    ("ISRCTN", "ISRCTN", Tail::Digits, 8),
    ("ChiCTR", "ChiCTR", Tail::Code, 6),
    ("ACTRN", "ANZCTR", Tail::Digits, 14),
    ("DRKS", "DRKS", Tail::Digits, 8),
    ("CTRI/", "CTRI", Tail::Code, 10),
    ("jRCT", "jRCT", Tail::Code, 7),
    ("JPRN-", "JPRN", Tail::Code, 5),
    ("UMIN", "UMIN-CTR", Tail::Digits, 9),
    ("IRCT", "IRCT", Tail::Code, 8),
    ("NL-OMON", "NL-OMON", Tail::Digits, 1),
    ("NTR", "NTR", Tail::Digits, 3),
    ("KCT", "CRIS", Tail::Digits, 7),
    ("PACTR", "PACTR", Tail::Digits, 10),
    ("RBR-", "ReBEC", Tail::Code, 4),
    ("TCTR", "TCTR", Tail::Digits, 11),
    ("SLCTR/", "SLCTR", Tail::Code, 6),
    ("LBCTR", "LBCTR", Tail::Digits, 7),
    ("PER-", "REPEC", Tail::Code, 6),
    ("RPCEC", "RPCEC", Tail::Digits, 8),
    ("ITMCTR", "ITMCTR", Tail::Digits, 8),
];

/// What follows a registry prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tail {
    /// Digits only.
    Digits,
    /// Letters, digits, `-` and `/`, with at least one digit.
    Code,
}

/// The registry ID `word` is, if it is one: EudraCT (`2012-004303-12`), CTIS (`2022-500123-45-00`),
/// or a registry prefix with its digits (`ISRCTN12345678`, `IRCT20190101012345N1`).
pub fn registry_id(word: &str) -> Option<RegistryId<'_>> {
    // Every ID holds a digit and starts with one (EudraCT, CTIS) or with a prefix's first
    // letter: most words are no ID, and this says so without trying each shape.
    let first = *word.as_bytes().first()?;
    let opens =
        first.is_ascii_digit() || REGISTRY_PREFIXES.iter().any(|p| p.0.as_bytes()[0] == first);
    if !opens || !word.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // `d` stands for a digit; every other byte must match exactly.
    let shaped = |shape: &str| {
        word.len() == shape.len()
            && word.bytes().zip(shape.bytes()).all(|(w, s)| match s {
                b'd' => w.is_ascii_digit(),
                _ => w == s,
            })
    };
    let kind = if shaped("dddd-dddddd-dd") {
        Some(SecondaryIdType::EudractNumber)
    } else if shaped("dddd-dddddd-dd-dd") {
        Some(SecondaryIdType::Ctis)
    } else {
        None
    };
    if let Some(kind) = kind {
        return Some(RegistryId {
            id: word,
            kind,
            domain: None,
        });
    }
    REGISTRY_PREFIXES
        .iter()
        .find_map(|&(prefix, domain, tail_kind, min)| {
            let tail = word.strip_prefix(prefix)?;
            let fits = match tail_kind {
                Tail::Digits => tail.bytes().all(|b| b.is_ascii_digit()),
                Tail::Code => {
                    tail.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'/')
                        && tail.bytes().any(|b| b.is_ascii_digit())
                }
            };
            (fits && tail.len() >= min).then_some(RegistryId {
                id: word,
                kind: SecondaryIdType::Registry,
                domain: Some(domain),
            })
        })
}

/// Every registry ID in `text` that stands as a word (runs of letters, digits, `-`, `/`), in order.
pub fn find_registry_ids(text: &str) -> Vec<RegistryId<'_>> {
    // Words are runs of ASCII bytes, so splitting bytes (not chars) is safe and much faster.
    text.as_bytes()
        .split(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'/'))
        .filter_map(|w| std::str::from_utf8(w).ok())
        .map(|w| w.trim_matches(['-', '/']))
        .filter(|w| w.len() >= 6)
        .filter_map(registry_id)
        .collect()
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
        // (text, the IDs found)
        let table: &[(&str, &[&str])] = &[
            ("NCT09990123Recruiting", &["NCT09990123"]),
            ("IdentifierNCT09990123", &["NCT09990123"]),
            ("Phase 2NCT09990123", &[]),
            ("XNCT09990123", &[]),
            ("NCT099901234", &[]),
            ("1NCT09990123", &[]),
            ("NCT0999012", &[]),
            ("nct09990123", &[]),
            (
                "https://clinicaltrials.gov/study/NCT09990123?tab=results",
                &["NCT09990123"],
            ),
            (
                "NCT09990123, NCT09990124;NCT09990125",
                &["NCT09990123", "NCT09990124", "NCT09990125"],
            ),
            ("NCT09990123NCT09990124", &["NCT09990123"]),
            ("NCTNCT09990123", &[]),
            ("é NCT09990123é", &["NCT09990123"]),
        ];
        for (text, want) in table {
            assert_eq!(find_nct_ids(text), want.to_vec(), "{text}");
        }
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

    #[test]
    fn registry_ids_in_text() {
        let found = find_registry_ids(
            "EudraCT number | 2012-004303-12 | IRCT20190101012345N1, NL-OMON12345; ISRCTN12345678 \
             ChiCTR2000029999 ACTRN12619000123456 DRKS00012345 CTRI/2020/05/025123 jRCT2031200001 \
             2022-500123-45-00 on 2015-11-06 ISRCTN123",
        );
        let ids: Vec<(&str, Option<&str>)> = found.iter().map(|r| (r.id, r.domain)).collect();
        assert_eq!(
            ids,
            vec![
                ("2012-004303-12", None),
                ("IRCT20190101012345N1", Some("IRCT")),
                ("NL-OMON12345", Some("NL-OMON")),
                ("ISRCTN12345678", Some("ISRCTN")),
                ("ChiCTR2000029999", Some("ChiCTR")),
                ("ACTRN12619000123456", Some("ANZCTR")),
                ("DRKS00012345", Some("DRKS")),
                ("CTRI/2020/05/025123", Some("CTRI")),
                ("jRCT2031200001", Some("jRCT")),
                ("2022-500123-45-00", None),
            ]
        );
        assert_eq!(found[0].kind, SecondaryIdType::EudractNumber);
        assert_eq!(found[1].kind, SecondaryIdType::Registry);
        assert_eq!(found[9].kind, SecondaryIdType::Ctis);
    }

    #[test]
    fn registry_id_near_misses() {
        let rejected = [
            "2012-004303-1",
            "2012-004303-123",
            "2012/004303/12",
            "ISRCTN1234567",
            "ISRCTNabcdefgh",
            "ChiCTR-",
            "DRKS0001234X",
            "NCT09990001",
            "2025-06-28",
            "ACTRN1261900012345",
        ];
        for word in rejected {
            assert_eq!(registry_id(word), None, "{word}");
        }
    }
}
