//! Design values written as one piece of text: the masking level with who is masked,
//! "DOUBLE (PARTICIPANT, INVESTIGATOR)".

use super::code_list::{parse_code_list, split_parenthesised};
use crate::model::enums::{DesignMasking, WhoMasked};
use crate::model::MaskingInfo;
use crate::vocab;

/// "DOUBLE (PARTICIPANT, INVESTIGATOR)", "Single (Outcomes Assessor)", "NONE": the masking
/// level and who is masked. `None` when the level or any role is not one CT.gov defines (the
/// whole value is then left for the caller to keep). Roles after "NONE" are kept as written:
/// our CSV writes whatever roles a record holds beside its level.
pub fn parse_masking(text: &str) -> Option<MaskingInfo> {
    let (level, who) = split_parenthesised(text).unwrap_or((text, ""));
    let masking = vocab::lookup::<DesignMasking>(level)?;
    let who_masked = parse_code_list::<WhoMasked>(who)?;
    Some(MaskingInfo {
        masking: Some(masking),
        masking_description: None,
        who_masked,
    })
}

/// Who is masked, from a line that holds only the parenthesised list ("(Participant,
/// Investigator)"), as Veeva prints it under the masking level. `None` when the line names no
/// role or any item is not a role.
pub fn parse_who_masked_line(text: &str) -> Option<Vec<WhoMasked>> {
    let list = text.trim_matches(|c| c == '(' || c == ')');
    parse_code_list::<WhoMasked>(list).filter(|roles| !roles.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use DesignMasking as M;
    use WhoMasked as W;

    /// A masking text and the level and roles it gives.
    type Case = (&'static str, Option<(M, Vec<W>)>);

    #[test]
    fn masking_text_gives_level_and_roles() {
        let cases: &[Case] = &[
            (
                "DOUBLE (PARTICIPANT, INVESTIGATOR)",
                Some((M::Double, vec![W::Participant, W::Investigator])),
            ),
            (
                "Single (Outcomes Assessor)",
                Some((M::Single, vec![W::OutcomesAssessor])),
            ),
            ("NONE", Some((M::None, vec![]))),
            ("QUADRUPLE ()", Some((M::Quadruple, vec![]))),
            ("DOUBLE (PARTICIPANT, THE MOON)", None),
            ("SOMEWHAT (PARTICIPANT)", None),
            ("", None),
        ];
        for (text, want) in cases {
            let got = parse_masking(text).map(|m| (m.masking.unwrap(), m.who_masked));
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn a_who_masked_line_names_at_least_one_role() {
        let cases: &[(&str, Option<Vec<W>>)] = &[
            (
                "(Participant, Investigator)",
                Some(vec![W::Participant, W::Investigator]),
            ),
            ("Care Provider", Some(vec![W::CareProvider])),
            ("()", None),
            ("(Participant, Sponsor Staff)", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_who_masked_line(text), *want, "{text}");
        }
    }
}
