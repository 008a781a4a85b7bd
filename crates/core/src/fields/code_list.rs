//! "HEAD (a, b)" text: a value followed by a parenthesised, comma-separated list of codes, as
//! in "DOUBLE (PARTICIPANT, INVESTIGATOR)" or "18 Years to 65 Years (ADULT, OLDER_ADULT)".

use crate::model::enums::CtEnum;
use crate::vocab;

/// Splits "HEAD (a, b)" at its first `(` into the trimmed head and the list inside, without
/// the closing `)`. `None` when the text has no `(`.
pub fn split_parenthesised(text: &str) -> Option<(&str, &str)> {
    let (head, rest) = text.split_once('(')?;
    Some((head.trim(), rest.trim_end_matches(')')))
}

/// The codes of a comma-separated list ("PARTICIPANT, Investigator"), each read through the
/// vocabulary; empty items are skipped. `None` when any item is not a value of `E`.
pub fn parse_code_list<E: CtEnum>(list: &str) -> Option<Vec<E>> {
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(vocab::lookup::<E>)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::enums::{StandardAge, WhoMasked};

    #[test]
    fn parenthesised_lists_split_from_their_head() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "DOUBLE (PARTICIPANT, INVESTIGATOR)",
                Some(("DOUBLE", "PARTICIPANT, INVESTIGATOR")),
            ),
            (
                "18 Years and older (ADULT)",
                Some(("18 Years and older", "ADULT")),
            ),
            ("(Participant)", Some(("", "Participant"))),
            (
                "SINGLE (OUTCOMES_ASSESSOR",
                Some(("SINGLE", "OUTCOMES_ASSESSOR")),
            ),
            ("NONE", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(split_parenthesised(text), *want, "{text}");
        }
    }

    #[test]
    fn code_lists_read_every_item_or_nothing() {
        use WhoMasked::*;
        let cases: &[(&str, Option<Vec<WhoMasked>>)] = &[
            (
                "PARTICIPANT, INVESTIGATOR",
                Some(vec![Participant, Investigator]),
            ),
            (
                "Participant,Care Provider",
                Some(vec![Participant, CareProvider]),
            ),
            ("Outcomes Assessor, ", Some(vec![OutcomesAssessor])),
            ("", Some(vec![])),
            ("PARTICIPANT, Nobody Else", None),
        ];
        for (list, want) in cases {
            assert_eq!(parse_code_list::<WhoMasked>(list), *want, "{list}");
        }
        assert_eq!(
            parse_code_list::<StandardAge>("ADULT, OLDER_ADULT"),
            Some(vec![StandardAge::Adult, StandardAge::OlderAdult])
        );
    }
}
