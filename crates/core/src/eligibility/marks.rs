//! Where each threshold's words sit in its criterion's text, so a card can mark them: spans of
//! the text in order, overlapping words joined into one span that carries every threshold read
//! from them (one phrase can set two, as "blood pressure < 140/90 mmHg" does).

use crate::model::Threshold;

/// A stretch of a criterion's text that thresholds were read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Where it starts in the text, in bytes.
    pub start: usize,
    /// Where it ends in the text, in bytes (exclusive).
    pub end: usize,
    /// The thresholds read from it, as indices into the list given.
    pub thresholds: Vec<usize>,
}

/// The marks of `thresholds` in `text`, in the order of the text. A threshold whose words are
/// not in the text (a record edited by hand, or read by another version) has none.
pub fn marks(text: &str, thresholds: &[Threshold]) -> Vec<Mark> {
    let mut found: Vec<Mark> = Vec::new();
    for (i, t) in thresholds.iter().enumerate() {
        let words = t.text.trim();
        if words.is_empty() {
            continue;
        }
        // The first place of its words not already taken by an earlier threshold that reads the
        // same, so "ECOG ≤ 2 … ECOG ≤ 2" marks both; two readings of one phrase share it.
        let mut from = 0;
        let start = loop {
            let Some(at) = text[from..].find(words).map(|at| at + from) else {
                break None;
            };
            let taken = found
                .iter()
                .any(|m| m.start == at && thresholds[m.thresholds[0]].same_bound(t));
            if !taken {
                break Some(at);
            }
            from = at + words.chars().next().map_or(1, char::len_utf8);
        };
        if let Some(start) = start {
            found.push(Mark {
                start,
                end: start + words.len(),
                thresholds: vec![i],
            });
        }
    }
    found.sort_by_key(|m| (m.start, m.end));
    let mut joined: Vec<Mark> = Vec::new();
    for mark in found {
        match joined.last_mut() {
            Some(last) if mark.start < last.end => {
                last.end = last.end.max(mark.end);
                last.thresholds.extend(mark.thresholds);
            }
            _ => joined.push(mark),
        }
    }
    for mark in &mut joined {
        mark.thresholds.sort_unstable();
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::read_thresholds;

    fn marked(text: &str) -> Vec<(String, Vec<String>)> {
        let thresholds = read_thresholds(text);
        marks(text, &thresholds)
            .into_iter()
            .map(|m| {
                let readings = m
                    .thresholds
                    .iter()
                    .map(|&i| thresholds[i].reading())
                    .collect();
                (text[m.start..m.end].to_string(), readings)
            })
            .collect()
    }

    #[test]
    fn each_threshold_is_marked_on_its_own_words_in_the_order_of_the_text() {
        let text =
            "Adequate marrow: ANC ≥ 1.5 × 10^9/L and platelets ≥ 100,000/mm³, within 14 days";
        let got = marked(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[0].0.contains("ANC") && got[0].0.contains("1.5"),
            "{got:?}"
        );
        assert_eq!(got[0].1, ["ANC ≥ 1.5 × 10⁹/L"]);
        assert!(
            got[1].0.contains("platelets") && got[1].0.contains("100,000"),
            "{got:?}"
        );
        assert_eq!(got[1].1, ["Platelets ≥ 100,000/µL"]);
    }

    #[test]
    fn words_that_set_two_thresholds_are_one_mark_with_both_readings() {
        let thresholds = read_thresholds("Age 18 years or older");
        let mut two = thresholds.clone();
        two.extend(thresholds.iter().cloned().map(|mut t| {
            t.value += 1.0;
            t
        }));
        let text = "Age 18 years or older";
        let got = marks(text, &two);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].thresholds, [0, 1]);
    }

    #[test]
    fn the_same_words_twice_in_a_criterion_are_both_marked() {
        let text = "ECOG ≤ 2 at screening; ECOG ≤ 2 at day 1";
        let once = read_thresholds("ECOG ≤ 2");
        let thresholds = [once[0].clone(), once[0].clone()];
        let got = marks(text, &thresholds);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].end <= got[1].start);
    }

    #[test]
    fn a_threshold_whose_words_are_not_in_the_text_is_not_marked() {
        let mut thresholds = read_thresholds("ECOG ≤ 2");
        thresholds[0].text = "Karnofsky ≥ 70".into();
        assert!(marks("ECOG ≤ 2", &thresholds).is_empty());
    }
}
