//! Labels and values glued together. A page whose blocks lost their line breaks when copied
//! runs a value into the next label ("Phase 1/Phase 2Lead Sponsor", "InterventionalStatus",
//! "Completed No Results PostedIndication/Condition") and badges into each other
//! ("PHASE1/PHASE2RecruitingINTERVENTIONAL"). Such joins happen where a word ends and the next
//! begins with a capital with no space between (a *glue point*); [`unglue`] splits a line at
//! glue points when the pieces are known labels and recognised values.

use super::badges::badge;
use super::pairs::bare_label;
use crate::fields::ids;
use crate::lines::Line;

/// Lines longer than this are prose, never glued blocks (keeps the search linear).
const MAX_GLUED_LINE: usize = 300;

/// At most this many pieces are considered in one line.
const MAX_PIECES: usize = 16;

/// The byte offsets in `text` where a new word begins glued to the one before: a lowercase
/// letter, digit or closing bracket followed by a capital ("dI", "2R", ")A"), or a run of
/// capitals followed by a capitalised word ("LS" in "INTERVENTIONALStatus").
pub(crate) fn glue_points(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    // The two characters before the current one.
    let (mut before, mut prev): (Option<char>, Option<char>) = (None, None);
    let mut chars = text.char_indices().peekable();
    while let Some((at, b)) = chars.next() {
        if let (Some(a), true) = (prev, b.is_uppercase()) {
            let joined = a.is_lowercase()
                || a.is_ascii_digit()
                || matches!(a, ')' | ']')
                || a.is_uppercase()
                    && before.is_some_and(char::is_uppercase)
                    && chars.peek().is_some_and(|(_, c)| c.is_lowercase());
            if joined {
                out.push(at);
            }
        }
        (before, prev) = (prev, Some(b));
    }
    out
}

/// What one piece of a glued line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// A known label.
    Label,
    /// A value recognised without a label (status, phase, study type) or an NCT ID.
    Badge,
    /// Anything else (a sponsor's name, a title).
    Free,
}

/// Pieces longer than this are free text: no label or badge is this long.
const MAX_KNOWN_PIECE: usize = 80;

fn piece_kind(text: &str) -> Piece {
    let text = text.trim();
    if text.len() > MAX_KNOWN_PIECE {
        Piece::Free
    } else if text.split_whitespace().count() <= 6 && bare_label(text).is_some() {
        Piece::Label
    } else if badge(text).is_some() || ids::is_nct_id(text) {
        Piece::Badge
    } else {
        Piece::Free
    }
}

/// The pieces of one line: the line itself unless it splits at glue points into known labels
/// and recognised values (free text allowed between them, never two free pieces in a row),
/// with at least one label, or at least two badges.
pub(crate) fn split_glued(text: &str) -> Vec<&str> {
    if text.len() > MAX_GLUED_LINE {
        return vec![text];
    }
    let mut cuts = glue_points(text);
    if cuts.is_empty() || cuts.len() >= MAX_PIECES {
        return vec![text];
    }
    cuts.insert(0, 0);
    cuts.push(text.len());
    let n = cuts.len() - 1;
    // best[j][free]: the best cost of covering segments 0..j, the last piece free or not (the
    // fewest free pieces, then the most recognised ones); with the back-pointer (start segment
    // of the last piece, its kind, whether the piece before it was free).
    const NONE: i64 = i64::MAX;
    const FREE_COST: i64 = 1000;
    let mut best = vec![[NONE; 2]; n + 1];
    let mut back = vec![[(0usize, Piece::Free, 0usize); 2]; n + 1];
    best[0][0] = 0;
    for j in 1..=n {
        for i in 0..j {
            let kind = piece_kind(&text[cuts[i]..cuts[j]]);
            let free = usize::from(kind == Piece::Free);
            // A free piece costs 1,000 and a recognised one -1: fewer free pieces first, then
            // the most recognised ones ("…Adult)All Sexes" is an age range and a sex).
            let piece_cost = if free == 1 { FREE_COST } else { -1 };
            for prev_free in 0..2 {
                let before = best[i][prev_free];
                if before == NONE || (free == 1 && prev_free == 1) {
                    continue;
                }
                let cost = before + piece_cost;
                if cost < best[j][free] {
                    best[j][free] = cost;
                    back[j][free] = (i, kind, prev_free);
                }
            }
        }
    }
    let Some(end_free) = (0..2)
        .filter(|&f| best[n][f] != NONE)
        .min_by_key(|&f| best[n][f])
    else {
        return vec![text];
    };
    let mut pieces = Vec::new();
    let (mut j, mut f) = (n, end_free);
    while j > 0 {
        let (i, kind, prev_free) = back[j][f];
        pieces.push((cuts[i], cuts[j], kind));
        f = prev_free;
        j = i;
    }
    pieces.reverse();
    let labels = pieces.iter().filter(|p| p.2 == Piece::Label).count();
    let badges = pieces.iter().filter(|p| p.2 == Piece::Badge).count();
    if pieces.len() < 2 || (labels == 0 && badges < 2) || (labels == 0 && badges < pieces.len()) {
        return vec![text];
    }
    pieces
        .into_iter()
        .map(|(a, b, _)| text[a..b].trim())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Separators a one-line card puts between its facts ("NCT… · Phase 2 · Recruiting").
const FACT_SEPARATORS: &[&str] = &[" · ", " • ", " ⋅ "];

/// The facts of a line that strings several together with a middle dot, each a label with its
/// value, a badge or an ID; else the line whole.
fn split_facts(text: &str) -> Vec<&str> {
    let Some(sep) = FACT_SEPARATORS.iter().find(|s| text.contains(**s)) else {
        return vec![text];
    };
    let facts: Vec<&str> = text.split(sep).map(str::trim).collect();
    let known = facts
        .iter()
        .filter(|f| {
            let f = f.trim_matches('*');
            ids::is_nct_id(f) || badge(f).is_some() || super::pairs::on_line(f).is_some()
        })
        .count();
    if facts.len() >= 2 && known * 2 >= facts.len() {
        facts
    } else {
        vec![text]
    }
}

/// "Label<TAB>value" as a label line over a value line, so the value lines after it (a list
/// continued on tab-indented lines) join it.
fn split_tab(text: &str) -> Option<(&str, &str)> {
    let (label, value) = text.split_once('\t')?;
    // A header row of labels ("Condition\tPhase") is the table's to read.
    if super::table::header(text).is_some() {
        return None;
    }
    let label = label.trim();
    let heading =
        bare_label(label).is_some() || crate::fields::criteria::sub_heading(label).is_some();
    (heading && !value.trim().is_empty()).then(|| (label, value.trim()))
}

/// The lines with glued lines split into their pieces; each piece keeps its line's number, so
/// every value still traces to the line it came from.
pub(crate) fn unglue<'a>(lines: &[Line<'a>]) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(lines.len());
    for l in lines {
        if let Some((label, value)) = split_tab(l.text) {
            out.push(Line { text: label, ..*l });
            // The value sits one tab in, where the lines continuing it sit.
            out.push(Line {
                text: value,
                indent: l.indent + 1,
                ..*l
            });
            continue;
        }
        let pieces: Vec<&str> = split_facts(l.text)
            .into_iter()
            .flat_map(split_glued)
            .collect();
        if pieces.len() == 1 {
            out.push(*l);
            continue;
        }
        for (k, text) in pieces.into_iter().enumerate() {
            out.push(Line {
                no: l.no,
                text,
                indent: if k == 0 { l.indent } else { 0 },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_lines_split_at_known_labels_and_badges() {
        assert_eq!(
            split_glued("Phase 1/Phase 2Lead Sponsor"),
            ["Phase 1/Phase 2", "Lead Sponsor"]
        );
        assert_eq!(
            split_glued("InterventionalStatus"),
            ["Interventional", "Status"]
        );
        assert_eq!(
            split_glued("Completed No Results PostedConditions"),
            ["Completed No Results Posted", "Conditions"]
        );
        assert_eq!(
            split_glued("PHASE1/PHASE2RecruitingINTERVENTIONAL"),
            ["PHASE1/PHASE2", "Recruiting", "INTERVENTIONAL"]
        );
        assert_eq!(
            split_glued("Fictional UniversityStatusRecruiting"),
            ["Fictional University", "Status", "Recruiting"]
        );
        assert_eq!(
            split_glued("NCT09990001Recruiting"),
            ["NCT09990001", "Recruiting"]
        );
    }

    #[test]
    fn names_and_prose_stay_whole() {
        for t in [
            "MedPath",
            "ClinicalTrials.gov Identifier: NCT09990001",
            "BioMarin and GlaxoSmithKline",
            "A Trial of hUC-MSCs in COVID-19",
            "33A prospective, multicenter trial",
            "iPhone app for Type 2 diabetes",
        ] {
            assert_eq!(split_glued(t), [t], "{t}");
        }
    }

    #[test]
    fn fact_cards_and_tab_rows() {
        assert_eq!(
            split_facts("NCT09990001 · Phase 2 · Recruiting · sponsor: A Fund"),
            ["NCT09990001", "Phase 2", "Recruiting", "sponsor: A Fund"]
        );
        assert_eq!(
            split_facts("Knee pain · a story of recovery"),
            ["Knee pain · a story of recovery"]
        );
        assert_eq!(
            split_tab("Conditions\tKnee Pain"),
            Some(("Conditions", "Knee Pain"))
        );
        assert_eq!(split_tab("Knee\tPain"), None);
    }

    #[test]
    fn pieces_keep_their_line_number() {
        let lines = crate::lines::scan("Title\nInterventionalStatus\nRecruiting\n");
        let out = unglue(&lines);
        let texts: Vec<_> = out.iter().map(|l| (l.no, l.text)).collect();
        assert_eq!(
            texts,
            [
                (1, "Title"),
                (2, "Interventional"),
                (2, "Status"),
                (3, "Recruiting"),
                (4, "")
            ]
        );
    }
}
