//! Full-text search: a query is words and "quoted phrases", every one of which must occur
//! (case-insensitively) somewhere in the record — titles, conditions, keywords, interventions,
//! sponsor and collaborators, criteria, summary and description, outcomes, IDs, locations.

use std::ops::Range;

use crate::collection::fields;
use crate::Study;

/// The searchable text of one record, built once and searched on every keystroke.
///
/// Every text a person could look for is kept, folded for matching: lowercased character by
/// character (Unicode's `char::to_lowercase`), every run of whitespace made one space,
/// markdown escapes (`\\<`) dropped. A field's values are separated by a line break, so a
/// phrase never matches across two values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchText {
    /// (field label, lowercased text) for every field that has text.
    sections: Vec<(&'static str, String)>,
}

impl SearchText {
    /// The searchable text of `study`: every text of every field of
    /// [`FIELDS`](crate::collection::fields::FIELDS) (values, notes and the items' details),
    /// each under its card section's title ("Title and ID", "Status", "Key facts", "Eligibility" …),
    /// CT.gov codes in words ("Recruiting", "Phase 2").
    ///
    /// Only where the record was read from (file name, layout) and the parser's notes are
    /// left out: they are not the trial's text, and no field shows them.
    pub fn of(study: &Study) -> Self {
        let mut b = Builder::default();
        for field in fields::all() {
            for value in field.searched(study) {
                b.add(field.section.title(), &value);
            }
        }
        SearchText {
            sections: b.sections,
        }
    }

    /// The (label, folded text) of every field that has text, in the record's order.
    pub fn sections(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.sections.iter().map(|(l, t)| (*l, t.as_str()))
    }
}

/// Collects sections, one per label, in the order the labels are first used.
#[derive(Default)]
struct Builder {
    sections: Vec<(&'static str, String)>,
}

impl Builder {
    fn add(&mut self, label: &'static str, value: &str) {
        if value.chars().all(char::is_whitespace) {
            return;
        }
        let at = match self.sections.iter().rposition(|(l, _)| *l == label) {
            Some(at) => {
                self.sections[at].1.push('\n');
                at
            }
            None => {
                self.sections
                    .push((label, String::with_capacity(value.len())));
                self.sections.len() - 1
            }
        };
        fold_into(value, &mut self.sections[at].1);
    }
}

/// Appends `text` to `out` folded for matching: lowercased character by character, each run
/// of whitespace one space, none at either end, and CT.gov's markdown escapes dropped (a
/// backslash before ASCII punctuation, as in `BMI \<30`), so what the card shows is found.
fn fold_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut started = false;
    let mut space = false;
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if !b.is_ascii() {
            // Outside ASCII, a character at a time (Unicode's whitespace and lowercase).
            let c = text[at..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            at += c.len_utf8();
            if c.is_whitespace() {
                space = started;
                continue;
            }
            push_space(out, &mut space);
            started = true;
            out.extend(c.to_lowercase());
            continue;
        }
        if is_ascii_space(b) {
            space = started;
            at += 1;
            continue;
        }
        if is_escape(text, at, char::from(b)) {
            at += 1;
            continue;
        }
        // A run of ASCII that is neither space nor a backslash (nor starts with one), copied
        // whole and lowercased in place: most text is this, and a character at a time was
        // half a second for a page of 470,000 lines.
        let end = bytes[at + 1..]
            .iter()
            .position(|&n| !n.is_ascii() || is_ascii_space(n) || n == b'\\')
            .map_or(bytes.len(), |n| at + 1 + n);
        push_space(out, &mut space);
        started = true;
        let from = out.len();
        out.push_str(&text[at..end]);
        out[from..].make_ascii_lowercase();
        at = end;
    }
}

/// Pushes the one space a run of whitespace became, if one is owed.
fn push_space(out: &mut String, space: &mut bool) {
    if std::mem::take(space) {
        out.push(' ');
    }
}

/// Whether ASCII byte `b` is whitespace as `char::is_whitespace` has it (which, unlike
/// `u8::is_ascii_whitespace`, includes the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Whether `c`, at byte `at` of `text`, is a markdown escape: a backslash before ASCII
/// punctuation.
fn is_escape(text: &str, at: usize, c: char) -> bool {
    c == '\\'
        && text
            .get(at + 1..)
            .is_some_and(|rest| rest.starts_with(|n: char| n.is_ascii_punctuation()))
}

/// A parsed search query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The lowercased words and phrases, each of which must match.
    terms: Vec<String>,
}

impl Query {
    /// Reads what the user typed: words split on spaces, "double-quoted phrases" kept whole.
    ///
    /// A quote (straight, or the typographic “ and ”) opens or closes a phrase, also inside a
    /// word; a quote left open runs to the end. Terms are folded like [`SearchText`] (lowercase,
    /// one space between a phrase's words); empty terms are dropped and repeated ones kept once.
    pub fn parse(text: &str) -> Self {
        let mut terms: Vec<String> = Vec::new();
        let mut raw = String::new();
        let mut in_phrase = false;
        let mut flush = |raw: &mut String| {
            let mut term = String::new();
            fold_into(raw, &mut term);
            raw.clear();
            if !term.is_empty() && !terms.contains(&term) {
                terms.push(term);
            }
        };
        for c in text.chars() {
            if matches!(c, '"' | '“' | '”') {
                flush(&mut raw);
                in_phrase = !in_phrase;
            } else if c.is_whitespace() && !in_phrase {
                flush(&mut raw);
            } else {
                raw.push(c);
            }
        }
        flush(&mut raw);
        Query { terms }
    }

    /// Whether the query has no terms (it matches everything).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms, lowercased.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Whether every term occurs somewhere in the record's text (each term within one field).
    pub fn matches(&self, text: &SearchText) -> bool {
        self.terms.iter().all(|term| {
            text.sections
                .iter()
                .any(|(_, section)| section.contains(term.as_str()))
        })
    }

    /// The labels of the fields in which some term occurs, in the record's order.
    pub fn matched_fields(&self, text: &SearchText) -> Vec<&'static str> {
        let mut labels: Vec<&'static str> = Vec::new();
        for (label, section) in &text.sections {
            if !labels.contains(label) && self.terms.iter().any(|t| section.contains(t.as_str())) {
                labels.push(label);
            }
        }
        labels
    }

    /// Where the terms occur in `text` (any case): sorted, non-overlapping byte ranges on
    /// character boundaries, for highlighting.
    ///
    /// `text` is folded as [`SearchText`] folds it (so a phrase's space matches any run of
    /// whitespace, line breaks included, and `\\<30` is found by `<30`) while each folded character remembers the original
    /// character it came from; a match covers the original characters it touches. Every
    /// occurrence counts, overlapping ones too, and ranges that overlap or touch are merged.
    /// One pass over `text` with a Knuth–Morris–Pratt matcher per term: linear in the text's
    /// length times the number of terms.
    pub fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        if self.terms.is_empty() || text.is_empty() {
            return Vec::new();
        }
        let mut matchers: Vec<Matcher> = self.terms.iter().map(|t| Matcher::new(t)).collect();
        let longest = matchers.iter().map(|m| m.pattern.len()).max().unwrap_or(1);
        // The original start of the last `longest` folded characters, by position modulo `longest`.
        let mut starts = vec![0usize; longest];
        let mut unit = 0usize;
        let mut found: Vec<Range<usize>> = Vec::new();
        let mut feed = |c: char, start: usize, end: usize, found: &mut Vec<Range<usize>>| {
            starts[unit % longest] = start;
            for m in &mut matchers {
                if m.step(c) {
                    let first = unit + 1 - m.pattern.len();
                    found.push(starts[first % longest]..end);
                }
            }
            unit += 1;
        };
        let mut space_from: Option<usize> = None;
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                space_from.get_or_insert(at);
                continue;
            }
            if is_escape(text, at, c) {
                continue;
            }
            if let Some(from) = space_from.take() {
                feed(' ', from, at, &mut found);
            }
            let end = at + c.len_utf8();
            for lower in c.to_lowercase() {
                feed(lower, at, end, &mut found);
            }
        }
        found.sort_unstable_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
        for r in found {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }
}

/// A Knuth–Morris–Pratt matcher for one term, fed one folded character at a time.
struct Matcher {
    pattern: Vec<char>,
    /// `fallback[i]`: the length of the longest proper prefix of `pattern[..=i]` that is also
    /// its suffix.
    fallback: Vec<usize>,
    /// How many characters of `pattern` the input seen so far ends with.
    state: usize,
}

impl Matcher {
    fn new(term: &str) -> Self {
        let pattern: Vec<char> = term.chars().collect();
        let mut fallback = vec![0; pattern.len()];
        let mut k = 0;
        for i in 1..pattern.len() {
            while k > 0 && pattern[i] != pattern[k] {
                k = fallback[k - 1];
            }
            if pattern[i] == pattern[k] {
                k += 1;
            }
            fallback[i] = k;
        }
        Matcher {
            pattern,
            fallback,
            state: 0,
        }
    }

    /// Feeds `c`; whether a whole occurrence of the pattern ends with it.
    fn step(&mut self, c: char) -> bool {
        while self.state > 0 && self.pattern[self.state] != c {
            self.state = self.fallback[self.state - 1];
        }
        if self.pattern.get(self.state) == Some(&c) {
            self.state += 1;
        }
        if self.state == self.pattern.len() {
            self.state = self.fallback[self.state - 1];
            return true;
        }
        false
    }
}

#[cfg(test)]
// Expected highlights are lists of ranges, however many.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::collection::json_leaves::{bookkeeping, string_leaves};
    use crate::collection::test_records::{full_json, study, with_text_at};
    use proptest::prelude::*;
    use serde_json::json;

    /// The fold as its doc says it, a character at a time: what [`fold_into`] must equal.
    fn folded_by_chars(text: &str) -> String {
        let mut out = String::new();
        let (mut started, mut space) = (false, false);
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                space = started;
                continue;
            }
            if is_escape(text, at, c) {
                continue;
            }
            if std::mem::take(&mut space) {
                out.push(' ');
            }
            started = true;
            out.extend(c.to_lowercase());
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn the_fold_is_the_character_at_a_time_fold(
            text in r"([ \t\n\r\x0b\x0c\u{85}\u{a0}\u{2003}\\<>*aZ0Ä İßΣ日\-]|[a-zA-Z]{1,12}){0,40}"
        ) {
            let mut out = String::from("kept ");
            fold_into(&text, &mut out);
            prop_assert_eq!(out, format!("kept {}", folded_by_chars(&text)));
        }
    }

    fn terms(q: &str) -> Vec<String> {
        Query::parse(q).terms().to_vec()
    }

    #[test]
    fn a_query_is_words_and_quoted_phrases() {
        assert_eq!(
            terms("stem  Cell \"Bone\tMarrow\""),
            ["stem", "cell", "bone marrow"]
        );
        assert_eq!(
            terms("knee \"open phrase  here"),
            ["knee", "open phrase here"]
        );
        assert_eq!(terms("a\"b c\"d"), ["a", "b c", "d"]);
        assert_eq!(terms("“smart quotes” too"), ["smart quotes", "too"]);
        assert_eq!(terms("Stem stem STEM \"stem\""), ["stem"]);
        assert!(Query::parse("  \"\" \" \t \"  ").is_empty());
        assert!(Query::parse("").is_empty());
        assert_eq!(terms("ÄRZTE İ"), ["ärzte", "i\u{307}"]);
        assert_eq!(terms(r"BMI\<30 a\b"), [r"bmi<30", r"a\b"]);
    }

    /// A study whose conditions are `conditions` and whose description is `description`.
    fn with(conditions: &[&str], description: &str) -> SearchText {
        SearchText::of(&study(json!({"protocolSection": {
            "identificationModule": {"briefTitle": "A Trial"},
            "conditionsModule": {"conditions": conditions},
            "descriptionModule": {"briefSummary": description}
        }})))
    }

    #[test]
    fn every_term_must_occur_each_within_one_field() {
        let text = with(
            &["Breast", "Cancer"],
            "Women with\n  early   BREAST cancer.",
        );
        assert!(Query::parse("breast cancer").matches(&text));
        assert!(Query::parse("\"early breast cancer\"").matches(&text));
        assert!(!Query::parse("breast lung").matches(&text));
        assert!(Query::parse("").matches(&text));
        // Two values of one field are not one phrase.
        let text = with(&["Breast", "Cancer"], "Body mass index \\<30\\.");
        assert!(!Query::parse("\"breast cancer\"").matches(&text));
        assert!(Query::parse("\"index <30.\"").matches(&text));
        assert!(Query::parse("breast cancer").matches(&text));
    }

    #[test]
    fn matched_fields_are_labelled_in_the_record_order() {
        let text = with(&["Trial fatigue"], "A trial of rest.");
        assert_eq!(
            Query::parse("rest trial").matched_fields(&text),
            [
                "Title and ID",
                "Conditions and interventions",
                "Summary and description"
            ]
        );
        assert_eq!(
            Query::parse("fatigue").matched_fields(&text),
            ["Conditions and interventions"]
        );
        assert!(Query::parse("absent").matched_fields(&text).is_empty());
    }

    #[test]
    fn codes_are_searched_in_words_and_bookkeeping_is_not() {
        let s = study(full_json());
        let text = SearchText::of(&s);
        for q in [
            "\"active, not recruiting\"",
            "\"phase 2\"",
            "\"biological: cord cells\"",
            "randomized",
        ] {
            assert!(Query::parse(q).matches(&text), "{q}");
        }
        for q in ["knee.txt", "veeva", "\"a note from the parser\""] {
            assert!(!Query::parse(q).matches(&text), "{q}");
        }
        let labels: Vec<&str> = text.sections().map(|(l, _)| l).collect();
        assert_eq!(
            labels,
            [
                "Title and ID",
                "Status",
                "Key facts",
                "Conditions and interventions",
                "Summary and description",
                "Eligibility",
                "Design",
                "Arms and interventions",
                "Outcome measures",
                "Sponsors",
                "Oversight",
                "Contacts and locations",
                "Identifiers",
                "Dates",
                "References",
                "Sharing of participant data",
                "Study documents",
                "MeSH terms",
                "Related trials",
                "Results",
                "Other details",
                "Text not recognised"
            ]
        );
    }

    /// Of the posted results, search finds the titles (of measures and groups), event terms
    /// and organ systems; every other string leaf is searched wherever it is.
    fn searched_in_results(pointer: &str) -> bool {
        !pointer.starts_with("/resultsSection/")
            || ["/title", "/term", "/organSystem"]
                .iter()
                .any(|end| pointer.ends_with(end))
    }

    #[test]
    fn a_word_in_any_free_text_field_of_the_model_is_found() {
        let record = full_json();
        let mut checked = 0;
        for pointer in string_leaves(&record) {
            if bookkeeping(&pointer) || !searched_in_results(&pointer) {
                continue;
            }
            let Some(s) = with_text_at(&record, &pointer, "Before ZqXwORD after") else {
                continue;
            };
            checked += 1;
            let text = SearchText::of(&s);
            assert!(Query::parse("zqxword").matches(&text), "{pointer}");
            assert!(
                Query::parse("\"before zqxword\"").matches(&text),
                "{pointer}"
            );
        }
        // Every free-text field of the full record (enum codes excluded).
        assert!(checked >= 100, "{checked}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_word_placed_in_any_text_field_is_found(
            word in "[\\p{L}\\p{N}]{1,12}",
            pick in any::<prop::sample::Index>(),
        ) {
            let record = full_json();
            let leaves: Vec<String> = string_leaves(&record)
                .into_iter()
                .filter(|p| !bookkeeping(p) && searched_in_results(p) && with_text_at(&record, p, "x").is_some())
                .collect();
            let pointer = &leaves[pick.index(leaves.len())];
            let s = with_text_at(&record, pointer, &format!("some {word} text")).unwrap();
            prop_assert!(Query::parse(&word).matches(&SearchText::of(&s)), "{} {}", pointer, word);
        }

        #[test]
        fn find_in_agrees_with_a_plain_search_of_every_position(
            text in "([aAbB İıẞß\u{307}\n\\\\<]|x){0,40}",
            query in "([aAbB İıẞß\"\\\\<]){0,8}",
        ) {
            let q = Query::parse(&query);
            let got = q.find_in(&text);
            prop_assert_eq!(&got, &naive_find(&q, &text));
            for r in &got {
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                prop_assert!(r.start < r.end);
            }
            for pair in got.windows(2) {
                prop_assert!(pair[0].end < pair[1].start);
            }
        }
    }

    /// Folded units of `text` (a whitespace run is one space) with the original span of each.
    fn units(text: &str) -> Vec<(char, Range<usize>)> {
        let mut out: Vec<(char, Range<usize>)> = Vec::new();
        for (at, c) in text.char_indices() {
            let end = at + c.len_utf8();
            if c == '\\' && text[end..].starts_with(|n: char| n.is_ascii_punctuation()) {
                continue;
            }
            if c.is_whitespace() {
                match out.last_mut() {
                    Some((' ', span)) if span.end == at => span.end = end,
                    _ => out.push((' ', at..end)),
                }
            } else {
                out.extend(c.to_lowercase().map(|l| (l, at..end)));
            }
        }
        out
    }

    /// Every position, every term: the slow reference for `find_in`.
    fn naive_find(q: &Query, text: &str) -> Vec<Range<usize>> {
        let units = units(text);
        let mut found: Vec<Range<usize>> = Vec::new();
        for term in q.terms() {
            let pattern: Vec<char> = term.chars().collect();
            for i in 0..units.len() {
                let window = &units[i..(i + pattern.len()).min(units.len())];
                if window.len() == pattern.len()
                    && window.iter().zip(&pattern).all(|((c, _), p)| c == p)
                {
                    found.push(window[0].1.start..window[window.len() - 1].1.end);
                }
            }
        }
        found.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in found {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }

    #[test]
    fn find_in_gives_original_byte_ranges() {
        let q = Query::parse("cell \"bone marrow\"");
        let text = "Stem CELLS from Bone\n  Marrow; cells";
        let got = q.find_in(text);
        let shown: Vec<&str> = got.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(shown, ["CELL", "Bone\n  Marrow", "cell"]);
        // Overlapping and touching occurrences become one range.
        assert_eq!(Query::parse("aa").find_in("xaaaay"), [1..5]);
        assert_eq!(Query::parse("foo bar").find_in("foobar"), [0..6]);
        // Characters whose lowercase has another length: İ (2 bytes) → i̇ (3 bytes), ẞ → ß.
        let text = "xİy STRAẞE";
        assert_eq!(Query::parse("i").find_in(text), [1..3]);
        assert_eq!(Query::parse("i\u{307}y").find_in(text), [1..4]);
        assert_eq!(Query::parse("straße").find_in(text), [5..text.len()]);
        // Markdown escapes are not text: `\\<30` is found by `<30`.
        let text = r"BMI \<30 or \* x";
        assert_eq!(Query::parse("\"bmi <30\"").find_in(text), [0..8]);
        assert_eq!(Query::parse("<30").find_in(text), [5..8]);
        assert_eq!(Query::parse(r"\<30").find_in(text), [5..8]);
        assert_eq!(Query::parse("\"or * x\"").find_in(text), [9..text.len()]);
        assert!(Query::parse("").find_in(text).is_empty());
        assert!(Query::parse("zz").find_in(text).is_empty());
    }

    #[test]
    fn find_in_stays_linear_on_a_megabyte_of_matches() {
        // Every position starts a match of the long term, and of the short one.
        let text = "a".repeat(1 << 20);
        let q = Query::parse(&format!("{} a", "a".repeat(200)));
        assert_eq!(q.find_in(&text), [0..text.len()]);
        let text = "ab ".repeat(350_000);
        let q = Query::parse("\"ab ab\" b");
        assert_eq!(q.find_in(&text), [0..text.len() - 1]);
    }
}
