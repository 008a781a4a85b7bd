//! Where ClinicalTrials.gov's classic results tab sits on a page: from the first of its
//! section headings ("Participant Flow", "Baseline Characteristics", "Outcome Measures",
//! "Adverse Events") that the tab's own rows follow ("Arm/Group Title", "Period Title:",
//! "Recruitment Details"), through "Limitations and Caveats" and "More Information", to the
//! point of contact's last labelled line, or to the tab's footer ("Responsible Party:",
//! "ClinicalTrials.gov Identifier:" …) when it has no "More Information".

use super::Part;
use crate::lines::Line;

/// The tab's section headings, with the part each starts.
const HEADINGS: &[(&str, Part)] = &[
    ("Participant Flow", Part::Flow),
    ("Baseline Characteristics", Part::Baseline),
    ("Outcome Measures", Part::Outcomes),
    ("Adverse Events", Part::Events),
    ("Limitations and Caveats", Part::MoreInfo),
    ("More Information", Part::MoreInfo),
];

/// How many lines after a heading the tab's own rows are looked for.
const LOOKAHEAD: usize = 40;

/// The openings of the tab's own rows.
const MARKS: &[&str] = &["Arm/Group Title", "Period Title:", "Recruitment Details"];

/// The openings of the lines after the tab (its page's footer).
const FOOTER: &[&str] = &[
    "Responsible Party:",
    "ClinicalTrials.gov Identifier:",
    "Other Study ID Numbers:",
    "First Posted:",
    "Last Update Posted:",
    "Last Verified:",
    "Publications of Results:",
];

/// The point of contact's labels (each ends the tab only after the last).
const CONTACT: &[&str] = &["Name/Title:", "Organization:", "Phone:", "EMail:", "Email:"];

/// One part of the tab: which module, and its lines (`lines[from..to]`, by index).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TabPart {
    /// The module it fills.
    pub part: Part,
    /// Its first line (the heading).
    pub from: usize,
    /// The line after its last.
    pub to: usize,
}

fn heading(text: &str) -> Option<Part> {
    HEADINGS.iter().find(|(h, _)| *h == text).map(|(_, p)| *p)
}

/// The classic results tab in `lines`: its parts, in order (the first starting where the tab
/// does, the last ending where it ends). Empty when the page has no tab.
pub(crate) fn locate(lines: &[Line<'_>]) -> Vec<TabPart> {
    let marked = |i: usize| {
        lines[i + 1..lines.len().min(i + 1 + LOOKAHEAD)]
            .iter()
            .any(|l| MARKS.iter().any(|m| l.text.starts_with(m)))
    };
    let Some(start) = (0..lines.len())
        .find(|&i| heading(lines[i].text).is_some_and(|p| p != Part::MoreInfo) && marked(i))
    else {
        return Vec::new();
    };
    let mut parts: Vec<TabPart> = Vec::new();
    let mut in_contact = false;
    let mut end = lines.len();
    for (i, l) in lines.iter().enumerate().skip(start) {
        let t = l.text;
        if let Some(part) = heading(t) {
            if let Some(last) = parts.last_mut() {
                last.to = i;
            }
            // "More Information" continues the limitations' part.
            if !(part == Part::MoreInfo && parts.last().is_some_and(|p| p.part == Part::MoreInfo)) {
                parts.push(TabPart {
                    part,
                    from: i,
                    to: lines.len(),
                });
            }
            continue;
        }
        let contact = CONTACT.iter().any(|c| t.starts_with(c));
        if t == "Results Point of Contact" {
            in_contact = true;
        } else if in_contact && !contact && !l.is_blank() {
            end = i;
            break;
        }
        if FOOTER.iter().any(|f| t.starts_with(f)) {
            end = i;
            break;
        }
    }
    if let Some(last) = parts.last_mut() {
        last.to = end;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tab_runs_from_its_first_heading_to_its_point_of_contact() {
        let text = "Brief Summary:\nA study.\nParticipant Flow\nArm/Group Title\tA\n\
                    Adverse Events\nTime Frame\t2 weeks\nLimitations and Caveats\nNone.\n\
                    More Information\nResults Point of Contact\nName/Title:\tDesk\n\
                    Responsible Party:\tSomeone";
        let lines = crate::lines::scan(text);
        let parts = locate(&lines);
        let shape: Vec<(Part, usize, usize)> =
            parts.iter().map(|p| (p.part, p.from, p.to)).collect();
        assert_eq!(
            shape,
            [
                (Part::Flow, 2, 4),
                (Part::Events, 4, 6),
                (Part::MoreInfo, 6, 11)
            ]
        );
    }

    #[test]
    fn a_heading_without_the_tabs_rows_is_no_tab() {
        let lines = crate::lines::scan("Outcome Measures\nPrimary: Pain\nAdverse Events\nNone");
        assert!(locate(&lines).is_empty());
    }
}
