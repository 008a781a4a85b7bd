//! Arm groups as sites print them: a line "Experimental: High dose" or "Placebo Comparator:
//! Saline" (the arm's role, a colon, its label), then its interventions ("Biological: cells")
//! and description on the lines below, up to the next arm or block.

use crate::model::enums::{ArmGroupType, InterventionType};
use crate::vocab;

/// The role and label an arm line gives ("Active Comparator: Standard care"). "Other:" opens
/// an intervention as often as an arm, so it is no arm line here.
pub(crate) fn arm_line(text: &str) -> Option<(ArmGroupType, &str)> {
    let (head, label) = text.split_once(':')?;
    if head.len() > 30 {
        return None;
    }
    let kind = vocab::lookup_strict::<ArmGroupType>(head.trim())?;
    let label = label.trim();
    (kind != ArmGroupType::Other && !label.is_empty() && label.len() <= 200)
        .then_some((kind, label))
}

/// An arm's intervention line ("Drug: Placebo"): its type, its name, and the name as v2's
/// `interventionNames` writes it ("Drug: Placebo").
pub(crate) fn arm_intervention(text: &str) -> Option<(InterventionType, &str, String)> {
    let (kind, name) = vocab::typed_intervention(text)?;
    Some((kind, name, format!("{}: {name}", kind.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arm_lines_name_their_role() {
        assert_eq!(
            arm_line("Experimental: High dose cells"),
            Some((ArmGroupType::Experimental, "High dose cells"))
        );
        assert_eq!(
            arm_line("Placebo Comparator: Saline"),
            Some((ArmGroupType::PlaceboComparator, "Saline"))
        );
        assert_eq!(
            arm_line("No Intervention: Usual care"),
            Some((ArmGroupType::NoIntervention, "Usual care"))
        );
        assert_eq!(arm_line("Other: Questionnaire"), None);
        assert_eq!(arm_line("Drug: Placebo"), None);
        assert_eq!(arm_line("Experimental:"), None);
        let (kind, name, shown) = arm_intervention("Biological: Stromal cells").unwrap();
        assert_eq!(
            (kind, name),
            (InterventionType::Biological, "Stromal cells")
        );
        assert_eq!(shown, "Biological: Stromal cells");
    }
}
