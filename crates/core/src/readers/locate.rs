//! Provenance for a record read from somewhere other than the text shown: a saved page that
//! embeds its CT.gov study as JSON is read from the JSON, but the source text a user checks
//! against is the page's visible text. Each value is looked for in that text, in the forms a
//! page writes it (a code in words, a date spelled out), and gets the lines it is found on.
//! A value the page does not show gets no lines: a guess would be worse than none.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::collection::words::words;
use crate::fields::date::MONTH_NAMES;
use crate::model::{CriterionItem, Study};

/// How many line comparisons one record may cost: a hostile page of a million lines embedding
/// a study of ten thousand values is located in part, never for minutes.
const BUDGET: usize = 40_000_000;

/// Values this short are only taken from a line that is the value, or ends in it after a
/// label (`Enrollment: 8`, `Enrollment (Estimated) 8`), never from inside a sentence.
const SHORT: usize = 3;

/// The provenance of `study`'s values in `text` (the source text, lines as [`crate::source_lines`]
/// counts them): JSON pointer → `[first, last]` line, for each value found. Values are
/// looked for in record order, each from the line of the one before (wrapping round), so a
/// word the page shows many times is taken where the record's neighbours are.
pub(crate) fn locate(study: &Study, text: &str) -> BTreeMap<String, [usize; 2]> {
    let lines: Vec<String> = crate::source_lines(text).into_iter().map(fold).collect();
    let mut out = BTreeMap::new();
    let Ok(value) = crate::json_value::to_value(study) else {
        return out;
    };
    let mut leaves = Vec::new();
    collect(&value, &mut String::new(), &mut leaves);
    let mut cursor = 0;
    let mut budget = BUDGET;
    for (pointer, leaf) in leaves {
        let Some(found) = find(&lines, &leaf, cursor, &mut budget) else {
            continue;
        };
        cursor = found[0] - 1;
        out.insert(pointer, found);
        if budget == 0 {
            break;
        }
    }
    out
}

/// Gives each item of `study`'s criteria tree the line of `text` that shows it (looked for in
/// order from where the criteria text is shown, each from the line of the one before), or
/// none when the page does not show it.
pub(crate) fn locate_criteria(study: &mut Study, text: &str) {
    let from = study
        .trialcards
        .provenance
        .get("/protocolSection/eligibilityModule/eligibilityCriteria")
        .map_or(0, |[first, _]| first - 1);
    let Some(tree) = study.trialcards.criteria.as_mut() else {
        return;
    };
    let lines: Vec<String> = crate::source_lines(text).into_iter().map(fold).collect();
    let mut cursor = from;
    let mut budget = BUDGET;
    // Depth first: the inclusion items, then the exclusion items, each before its children.
    let mut stack: Vec<&mut CriterionItem> = tree
        .exclusion
        .iter_mut()
        .rev()
        .chain(tree.inclusion.iter_mut().rev())
        .collect();
    while let Some(item) = stack.pop() {
        let found = find(
            &lines,
            &Value::String(item.text.clone()),
            cursor,
            &mut budget,
        );
        item.line = found.map(|[first, _]| first);
        if let Some([first, _]) = found {
            cursor = first - 1;
        }
        stack.extend(item.children.iter_mut().rev());
    }
}

/// The scalar leaves (strings and numbers) of the record, outside `trialcards`, in order.
fn collect(value: &Value, pointer: &mut String, out: &mut Vec<(String, Value)>) {
    let at = pointer.len();
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                if at == 0 && key == "trialcards" {
                    continue;
                }
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                collect(item, pointer, out);
                pointer.truncate(at);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointer.push('/');
                pointer.push_str(&i.to_string());
                collect(item, pointer, out);
                pointer.truncate(at);
            }
        }
        Value::String(_) | Value::Number(_) => out.push((pointer.clone(), value.clone())),
        Value::Bool(_) | Value::Null => {}
    }
}

/// The lines `leaf` is found on, searching from line `from` (0-based) to the end and then
/// from the start.
fn find(lines: &[String], leaf: &Value, from: usize, budget: &mut usize) -> Option<[usize; 2]> {
    let forms = forms(leaf);
    if forms.is_empty() || lines.is_empty() {
        return None;
    }
    let order = (from..lines.len()).chain(0..from.min(lines.len()));
    for i in order {
        *budget = budget.checked_sub(forms.len())?;
        let line = &lines[i];
        for form in &forms {
            if holds(line, &form.first) {
                let last = match &form.last {
                    None => i,
                    Some(last) => (i..lines.len().min(i + 2_000))
                        .find(|&j| holds(&lines[j], last))
                        .unwrap_or(i),
                };
                return Some([i + 1, last + 1]);
            }
        }
    }
    None
}

/// One way a page may write a value: the words its first line holds, and for a value of many
/// lines the words its last line holds.
struct Form {
    first: String,
    last: Option<String>,
}

/// The forms of a value worth looking for, folded as [`fold`] folds lines.
fn forms(leaf: &Value) -> Vec<Form> {
    let one = |s: String| Form {
        first: s,
        last: None,
    };
    match leaf {
        Value::Number(n) => vec![one(n.to_string())],
        Value::String(s) => {
            let s = s.trim();
            if s.is_empty() {
                return Vec::new();
            }
            let mut out = Vec::new();
            if is_code(s) {
                out.push(one(fold(&words(s))));
                // `PHASE2` is "Phase 2" on a page.
                out.push(one(fold(&spaced_digits(&words(s)))));
            }
            if let Some(date) = spelled_date(s) {
                out.extend(date.into_iter().map(one));
            }
            out.push(text_form(s));
            out.dedup_by(|a, b| a.first == b.first && a.last == b.last);
            out
        }
        _ => Vec::new(),
    }
}

/// A text's form: all of it when short, else the start of its first line and the end of its
/// last (a page may wrap or restyle what is between).
fn text_form(s: &str) -> Form {
    const EDGE: usize = 60;
    let s = &unescaped(s);
    let parts: Vec<String> = s
        .lines()
        // A list item's marker ("* ", "- ", "• ") is drawn, not written, on a page.
        .map(|l| fold(l.trim_start_matches(|c: char| !c.is_alphanumeric())))
        .filter(|l| !l.is_empty())
        .collect();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return Form {
            first: fold(s),
            last: None,
        };
    };
    let head: String = cut_words(first, EDGE, false);
    let tail = (parts.len() > 1 || first.chars().count() > EDGE)
        .then(|| cut_words(last, EDGE, true))
        .filter(|t| *t != head);
    Form {
        first: head,
        last: tail,
    }
}

/// At most about `edge` characters of `line`, whole words, from its start (or its end).
fn cut_words(line: &str, edge: usize, from_end: bool) -> String {
    let words: Vec<&str> = line.split(' ').collect();
    let mut taken: Vec<&str> = Vec::new();
    let mut length = 0;
    let ordered: Box<dyn Iterator<Item = &&str>> = if from_end {
        Box::new(words.iter().rev())
    } else {
        Box::new(words.iter())
    };
    for word in ordered {
        if length > 0 && length + word.len() > edge {
            break;
        }
        length += word.len() + 1;
        taken.push(word);
    }
    if from_end {
        taken.reverse();
    }
    taken.join(" ")
}

/// CT.gov's markdown without its escapes: `BMI \<30` is shown as "BMI <30".
fn unescaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

/// An upper-snake-case code such as `NOT_YET_RECRUITING` or `PHASE2`.
fn is_code(s: &str) -> bool {
    s.len() > 1
        && s.bytes().any(|b| b.is_ascii_uppercase())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// "phase2" → "phase 2": a space between letters and the digits after them.
fn spaced_digits(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    let mut previous = ' ';
    for c in s.chars() {
        if c.is_ascii_digit() && previous.is_alphabetic() {
            out.push(' ');
        }
        out.push(c);
        previous = c;
    }
    out
}

/// The ways pages spell an ISO date (`2023-09-30`, `2023-09`): "september 30, 2023",
/// "30 september 2023", "sep 30, 2023", "september 2023", "sep 2023".
fn spelled_date(s: &str) -> Option<Vec<String>> {
    let mut parts = s.split('-');
    let year = parts.next().filter(|y| y.len() == 4)?;
    let month: usize = parts.next()?.parse().ok()?;
    let name = MONTH_NAMES.get(month.checked_sub(1)?)?;
    let short = &name[..3];
    let day = parts.next().map(|d| d.trim_start_matches('0').to_string());
    if parts.next().is_some() || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match day {
        Some(d) => vec![
            format!("{name} {d}, {year}"),
            format!("{d} {name} {year}"),
            format!("{short} {d}, {year}"),
            format!("{d} {short} {year}"),
        ],
        None => vec![format!("{name} {year}"), format!("{short} {year}")],
    })
}

/// Whether `line` holds `needle` as whole words; a short needle only as the whole line or its
/// last word after a label.
fn holds(line: &str, needle: &str) -> bool {
    if needle.is_empty() || needle.len() > line.len() {
        return false;
    }
    if needle.chars().count() <= SHORT {
        return line == needle
            || line
                .strip_suffix(needle)
                .is_some_and(|before| before.ends_with([' ', ':']));
    }
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    line.match_indices(needle).any(|(at, _)| {
        boundary(line[..at].chars().next_back())
            && boundary(line[at + needle.len()..].chars().next())
    })
}

/// A line or value as compared: lower case, runs of white space as one space, trimmed.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(crate::case::lower));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::test_records::study;
    use serde_json::json;

    fn record() -> Study {
        study(json!({"protocolSection": {
            "identificationModule": {"nctId": "NCT09990041", "briefTitle": "Fictional Cells for Sore Knees"},
            "statusModule": {"overallStatus": "NOT_YET_RECRUITING",
                "startDateStruct": {"date": "2025-03-04"}},
            "designModule": {"phases": ["PHASE2"], "enrollmentInfo": {"count": 8}},
            "descriptionModule": {"briefSummary": "A fictional study of cells. It runs for a long time in many fictional places across the land.\n\nThe second paragraph ends here."}
        }}))
    }

    #[test]
    fn values_are_found_where_the_page_writes_them() {
        let text =
            "Menu\nFictional Cells for Sore Knees\nNCT09990041\nStatus: Not yet recruiting\n\
                    Start date: March 4, 2025\nPhase 2\nEnrollment: 8\nSummary\n\
                    A fictional study of cells. It runs for a long time in many fictional places\n\
                    across the land.\nThe second paragraph ends here.\nFooter 8 items";
        let p = locate(&record(), text);
        // "8" is taken after its label, not from the footer's sentence.
        let expected = [
            ("identificationModule/briefTitle", [2, 2]),
            ("identificationModule/nctId", [3, 3]),
            ("statusModule/overallStatus", [4, 4]),
            ("statusModule/startDateStruct/date", [5, 5]),
            ("designModule/phases/0", [6, 6]),
            ("designModule/enrollmentInfo/count", [7, 7]),
            ("descriptionModule/briefSummary", [9, 11]),
        ];
        for (pointer, lines) in expected {
            let pointer = format!("/protocolSection/{pointer}");
            assert_eq!(p.get(&pointer), Some(&lines), "{pointer}");
        }
    }

    #[test]
    fn a_value_the_page_does_not_show_gets_no_lines() {
        let p = locate(
            &record(),
            "Fictional Cells for Sore Knees\nSomething else entirely",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(locate(&record(), "").is_empty());
    }

    #[test]
    fn a_word_is_a_whole_word() {
        assert!(holds("nct09990041 and more", "nct09990041"));
        assert!(!holds("xnct09990041", "nct09990041"));
        assert!(!holds("footer 8 items", "8"));
        assert!(holds("enrollment: 8", "8"));
    }
}
