//! How criteria say "at least", "at most", "between": signs ("≥", "=>", ">=", ">/=", "≤",
//! "=<"), words before the number ("greater than or equal to", "at least", "no more than", "up
//! to", "not exceeding", "above", "under", "over", "less than", "more than", "between") and
//! after it ("or more", "or older", "and above", "or less"), and the words that join a range's
//! two ends ("18 to 65", "0-2", "0–2", "18 and 65").

use super::tokens::{Kind, Token};
use crate::model::Comparator;

/// What stands before a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lead {
    /// A comparison.
    Compare(Comparator),
    /// "between", "from", "in the range of": a range follows.
    Range,
}

/// Words and signs before a number, each a list of tokens (a sign is one token).
const LEADS: &[(&[&str], Lead)] = {
    use Comparator as C;
    use Lead::{Compare as K, Range};
    &[
        (&["≥"], K(C::GreaterOrEqual)),
        (&["⩾"], K(C::GreaterOrEqual)),
        (&["≧"], K(C::GreaterOrEqual)),
        (&[">", "="], K(C::GreaterOrEqual)),
        (&["=", ">"], K(C::GreaterOrEqual)),
        (&[">", "/", "="], K(C::GreaterOrEqual)),
        (&["=", "/", ">"], K(C::GreaterOrEqual)),
        (&[">", "or", "="], K(C::GreaterOrEqual)),
        (
            &["greater", "than", "or", "equal", "to"],
            K(C::GreaterOrEqual),
        ),
        (&["greater", "than", "or", "equal"], K(C::GreaterOrEqual)),
        (&["greater", "than", "or", "equals"], K(C::GreaterOrEqual)),
        (&["more", "than", "or", "equal", "to"], K(C::GreaterOrEqual)),
        (
            &["higher", "than", "or", "equal", "to"],
            K(C::GreaterOrEqual),
        ),
        (&["greater", "or", "equal", "to"], K(C::GreaterOrEqual)),
        (&["greater", "or", "equal", "than"], K(C::GreaterOrEqual)),
        (&["superior", "or", "equal", "to"], K(C::GreaterOrEqual)),
        (
            &["equal", "to", "or", "greater", "than"],
            K(C::GreaterOrEqual),
        ),
        (&["equal", "to", "or", "more", "than"], K(C::GreaterOrEqual)),
        (
            &["equal", "to", "or", "higher", "than"],
            K(C::GreaterOrEqual),
        ),
        (&["equal", "to", "or", "above"], K(C::GreaterOrEqual)),
        (&["equal", "or", "greater", "than"], K(C::GreaterOrEqual)),
        (&["equal", "or", "above"], K(C::GreaterOrEqual)),
        (&["at", "least"], K(C::GreaterOrEqual)),
        (&["of", "at", "least"], K(C::GreaterOrEqual)),
        (&["no", "less", "than"], K(C::GreaterOrEqual)),
        (&["not", "less", "than"], K(C::GreaterOrEqual)),
        (&["no", "lower", "than"], K(C::GreaterOrEqual)),
        (&["not", "lower", "than"], K(C::GreaterOrEqual)),
        (&["not", "below"], K(C::GreaterOrEqual)),
        (&["not", "younger", "than"], K(C::GreaterOrEqual)),
        (&["no", "younger", "than"], K(C::GreaterOrEqual)),
        (&["not", "shorter", "than"], K(C::GreaterOrEqual)),
        (&["not", "under"], K(C::GreaterOrEqual)),
        (&["minimum"], K(C::GreaterOrEqual)),
        (&["minimum", "of"], K(C::GreaterOrEqual)),
        (&["a", "minimum", "of"], K(C::GreaterOrEqual)),
        (&["min"], K(C::GreaterOrEqual)),
        (&[">"], K(C::Greater)),
        (&["greater", "than"], K(C::Greater)),
        (&["more", "than"], K(C::Greater)),
        (&["higher", "than"], K(C::Greater)),
        (&["larger", "than"], K(C::Greater)),
        (&["bigger", "than"], K(C::Greater)),
        (&["older", "than"], K(C::Greater)),
        (&["longer", "than"], K(C::Greater)),
        (&["superior", "to"], K(C::Greater)),
        (&["above"], K(C::Greater)),
        (&["over"], K(C::Greater)),
        (&["exceeding"], K(C::Greater)),
        (&["exceeds"], K(C::Greater)),
        (&["exceed"], K(C::Greater)),
        (&["in", "excess", "of"], K(C::Greater)),
        (&["≤"], K(C::LessOrEqual)),
        (&["⩽"], K(C::LessOrEqual)),
        (&["≦"], K(C::LessOrEqual)),
        (&["<", "="], K(C::LessOrEqual)),
        (&["=", "<"], K(C::LessOrEqual)),
        (&["<", "/", "="], K(C::LessOrEqual)),
        (&["=", "/", "<"], K(C::LessOrEqual)),
        (&["<", "or", "="], K(C::LessOrEqual)),
        (&["less", "than", "or", "equal", "to"], K(C::LessOrEqual)),
        (&["less", "than", "or", "equal"], K(C::LessOrEqual)),
        (&["less", "than", "or", "equals"], K(C::LessOrEqual)),
        (&["lower", "than", "or", "equal", "to"], K(C::LessOrEqual)),
        (&["less", "or", "equal", "to"], K(C::LessOrEqual)),
        (&["inferior", "or", "equal", "to"], K(C::LessOrEqual)),
        (&["equal", "to", "or", "less", "than"], K(C::LessOrEqual)),
        (&["equal", "to", "or", "lower", "than"], K(C::LessOrEqual)),
        (&["equal", "to", "or", "below"], K(C::LessOrEqual)),
        (&["equal", "or", "less", "than"], K(C::LessOrEqual)),
        (&["equal", "or", "below"], K(C::LessOrEqual)),
        (&["below", "or", "equal", "to"], K(C::LessOrEqual)),
        (&["no", "more", "than"], K(C::LessOrEqual)),
        (&["not", "more", "than"], K(C::LessOrEqual)),
        (&["no", "greater", "than"], K(C::LessOrEqual)),
        (&["not", "greater", "than"], K(C::LessOrEqual)),
        (&["no", "higher", "than"], K(C::LessOrEqual)),
        (&["not", "higher", "than"], K(C::LessOrEqual)),
        (&["not", "exceeding"], K(C::LessOrEqual)),
        (&["not", "to", "exceed"], K(C::LessOrEqual)),
        (&["does", "not", "exceed"], K(C::LessOrEqual)),
        (&["do", "not", "exceed"], K(C::LessOrEqual)),
        (&["must", "not", "exceed"], K(C::LessOrEqual)),
        (&["not", "above"], K(C::LessOrEqual)),
        (&["not", "over"], K(C::LessOrEqual)),
        (&["not", "older", "than"], K(C::LessOrEqual)),
        (&["no", "older", "than"], K(C::LessOrEqual)),
        (&["not", "longer", "than"], K(C::LessOrEqual)),
        (&["up", "to"], K(C::LessOrEqual)),
        (&["at", "most"], K(C::LessOrEqual)),
        (&["maximum"], K(C::LessOrEqual)),
        (&["maximum", "of"], K(C::LessOrEqual)),
        (&["a", "maximum", "of"], K(C::LessOrEqual)),
        (&["max"], K(C::LessOrEqual)),
        (&["<"], K(C::Less)),
        (&["less", "than"], K(C::Less)),
        (&["lower", "than"], K(C::Less)),
        (&["fewer", "than"], K(C::Less)),
        (&["smaller", "than"], K(C::Less)),
        (&["younger", "than"], K(C::Less)),
        (&["shorter", "than"], K(C::Less)),
        (&["inferior", "to"], K(C::Less)),
        (&["below"], K(C::Less)),
        (&["under"], K(C::Less)),
        (&["="], K(C::Equal)),
        (&["equal", "to"], K(C::Equal)),
        (&["equals"], K(C::Equal)),
        (&["between"], Range),
        (&["from"], Range),
        (&["ranging", "from"], Range),
        (&["in", "the", "range", "of"], Range),
        (&["within", "the", "range", "of"], Range),
        (&["in", "the", "range"], Range),
        (&["range"], Range),
    ]
};

/// Words after a number (and its unit) that make it a bound.
const TRAILS: &[(&[&str], Comparator)] = {
    use Comparator as C;
    &[
        (&["or", "more"], C::GreaterOrEqual),
        (&["or", "greater"], C::GreaterOrEqual),
        (&["or", "higher"], C::GreaterOrEqual),
        (&["or", "above"], C::GreaterOrEqual),
        (&["or", "over"], C::GreaterOrEqual),
        (&["or", "older"], C::GreaterOrEqual),
        (&["or", "longer"], C::GreaterOrEqual),
        (&["or", "later"], C::GreaterOrEqual),
        (&["and", "older"], C::GreaterOrEqual),
        (&["and", "above"], C::GreaterOrEqual),
        (&["and", "over"], C::GreaterOrEqual),
        (&["and", "more"], C::GreaterOrEqual),
        (&["and", "higher"], C::GreaterOrEqual),
        (&["and", "up"], C::GreaterOrEqual),
        (&["or", "greater", "than"], C::GreaterOrEqual),
        (&["minimum"], C::GreaterOrEqual),
        (&["at", "minimum"], C::GreaterOrEqual),
        (&["+"], C::GreaterOrEqual),
        (&["or", "less"], C::LessOrEqual),
        (&["or", "fewer"], C::LessOrEqual),
        (&["or", "lower"], C::LessOrEqual),
        (&["or", "below"], C::LessOrEqual),
        (&["or", "under"], C::LessOrEqual),
        (&["or", "younger"], C::LessOrEqual),
        (&["or", "shorter"], C::LessOrEqual),
        (&["and", "younger"], C::LessOrEqual),
        (&["and", "under"], C::LessOrEqual),
        (&["and", "below"], C::LessOrEqual),
        (&["and", "less"], C::LessOrEqual),
        (&["maximum"], C::LessOrEqual),
        (&["at", "most"], C::LessOrEqual),
        (&["at", "maximum"], C::LessOrEqual),
    ]
};

/// Whether token `t` is `word` (a sign, or a word in any case).
fn is(t: &Token<'_>, word: &str) -> bool {
    match t.kind {
        Kind::Sign => t.text == word,
        _ => super::tokens::same_word(t.text, word),
    }
}

/// The first bytes the phrases of `table` start with (an ASCII letter's in lower case; a
/// sign's first UTF-8 byte as it is).
const fn first_bytes<T>(table: &[(&[&str], T)]) -> [bool; 256] {
    let mut out = [false; 256];
    let mut k = 0;
    while k < table.len() {
        if let Some(word) = table[k].0.first() {
            if let Some(&b) = word.as_bytes().first() {
                out[b.to_ascii_lowercase() as usize] = true;
            }
        }
        k += 1;
    }
    out
}

/// The bytes a phrase of [`LEADS`] can start with.
static LEAD_STARTS: [bool; 256] = first_bytes(LEADS);

/// The bytes a phrase of [`TRAILS`] can start with.
static TRAIL_STARTS: [bool; 256] = first_bytes(TRAILS);

/// The most tokens a phrase of [`LEADS`] takes: a number that some lead makes a bound is never
/// further than this from where the lead starts.
pub(crate) const LONGEST_LEAD: usize = {
    let mut longest = 0;
    let mut k = 0;
    while k < LEADS.len() {
        if LEADS[k].0.len() > longest {
            longest = LEADS[k].0.len();
        }
        k += 1;
    }
    longest
};

/// The longest phrase of `table` at token `i`, and the token after it; `starts` is
/// [`first_bytes`] of `table`.
fn longest<T: Copy>(
    tokens: &[Token<'_>],
    i: usize,
    table: &[(&[&str], T)],
    starts: &[bool; 256],
) -> Option<(T, usize)> {
    let first = tokens.get(i)?;
    // A token can only be a phrase's first word when its first byte is one a phrase starts
    // with: a sign is compared as it is, a word starts with a letter, and a letter that is not
    // ASCII is never one of a phrase's ASCII letters.
    let byte = *first.text.as_bytes().first()?;
    if !starts[byte.to_ascii_lowercase() as usize] {
        return None;
    }
    // A phrase's first word is compared with the first token's lower-case bytes first: for
    // ASCII text that is exactly `is`, and it rules out nearly every phrase at once.
    let mut lower = [0u8; 24];
    let key = super::tokens::lower_ascii(first.text, &mut lower).map(str::as_bytes);
    let mut best: Option<(T, usize)> = None;
    for (words, means) in table {
        if key.is_some_and(|key| words.first().is_some_and(|w| w.as_bytes() != key)) {
            continue;
        }
        let fits = words
            .iter()
            .enumerate()
            .all(|(k, w)| tokens.get(i + k).is_some_and(|t| is(t, w)));
        if fits && best.is_none_or(|(_, end)| i + words.len() > end) {
            best = Some((*means, i + words.len()));
        }
    }
    best
}

/// The comparison or range word at token `i` (before a number), and the token after it.
pub(crate) fn lead_at(tokens: &[Token<'_>], i: usize) -> Option<(Lead, usize)> {
    longest(tokens, i, LEADS, &LEAD_STARTS)
}

/// The words at token `i` (after a number) that make it a bound, and the token after them.
pub(crate) fn trail_at(tokens: &[Token<'_>], i: usize) -> Option<(Comparator, usize)> {
    longest(tokens, i, TRAILS, &TRAIL_STARTS)
}

/// The word or sign at token `i` that joins a range's ends ("-", "–", "to", "through"; "and"
/// after "between"; "or" and "," between scores), and the token after it.
pub(crate) fn range_join_at(
    tokens: &[Token<'_>],
    i: usize,
    after_between: bool,
    score: bool,
) -> Option<usize> {
    let t = tokens.get(i)?;
    let joins = matches!(t.text, "-" | "–" | "—" | "‐" | "~")
        || ["to", "through", "thru", "till", "until"]
            .iter()
            .any(|w| is(t, w))
        || (after_between && is(t, "and"))
        || (score && (is(t, "or") || t.text == "," || t.text == "/" || is(t, "and")));
    if !joins {
        return None;
    }
    // "0, 1, or 2": a comma and then "or".
    if t.text == ","
        && tokens
            .get(i + 1)
            .is_some_and(|n| is(n, "or") || is(n, "and"))
    {
        return Some(i + 2);
    }
    Some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::tokens::tokens;
    use Comparator as C;

    fn lead(text: &str) -> Option<Lead> {
        lead_at(&tokens(text), 0).map(|(l, _)| l)
    }

    #[test]
    fn every_way_of_saying_a_bound() {
        let cases = [
            ("≥", C::GreaterOrEqual),
            ("=>", C::GreaterOrEqual),
            (">=", C::GreaterOrEqual),
            (">/=", C::GreaterOrEqual),
            ("greater than or equal to", C::GreaterOrEqual),
            ("at least", C::GreaterOrEqual),
            ("no less than", C::GreaterOrEqual),
            ("above", C::Greater),
            ("over", C::Greater),
            ("more than", C::Greater),
            ("greater than", C::Greater),
            ("≤", C::LessOrEqual),
            ("=<", C::LessOrEqual),
            ("<=", C::LessOrEqual),
            ("no more than", C::LessOrEqual),
            ("up to", C::LessOrEqual),
            ("not exceeding", C::LessOrEqual),
            ("less than or equal to", C::LessOrEqual),
            ("under", C::Less),
            ("less than", C::Less),
            ("below", C::Less),
            ("<", C::Less),
            (">", C::Greater),
            ("=", C::Equal),
        ];
        for (text, want) in cases {
            assert_eq!(lead(text), Some(Lead::Compare(want)), "{text}");
        }
        assert_eq!(lead("between"), Some(Lead::Range));
        assert_eq!(lead("inclusive"), None);
        let t = tokens("or older");
        assert_eq!(trail_at(&t, 0), Some((C::GreaterOrEqual, 2)));
        let t = tokens("or less");
        assert_eq!(trail_at(&t, 0), Some((C::LessOrEqual, 2)));
    }

    /// The first-byte filter and the first-word key never hide a phrase: each is found
    /// whole, in any case, after other words.
    #[test]
    fn every_phrase_is_found_in_any_case() {
        fn phrases<T>(table: &[(&[&str], T)], end_at: fn(&[Token<'_>], usize) -> Option<usize>) {
            for (words, _) in table {
                for text in [words.join(" "), words.join(" ").to_uppercase()] {
                    let sentence = format!("if {text} 5");
                    let end = end_at(&tokens(&sentence), 1).unwrap_or_else(|| panic!("{text}"));
                    assert!(end > words.len(), "{text}: a phrase at least as long");
                }
            }
        }
        phrases(LEADS, |t, i| lead_at(t, i).map(|(_, end)| end));
        phrases(TRAILS, |t, i| trail_at(t, i).map(|(_, end)| end));
        assert_eq!(
            LONGEST_LEAD,
            LEADS.iter().map(|(w, _)| w.len()).max().unwrap_or(0)
        );
        assert_eq!(
            lead_at(&tokens("Greater Than 5"), 0),
            Some((Lead::Compare(C::Greater), 2))
        );
        assert_eq!(lead_at(&tokens("5 greater"), 0), None);
    }

    #[test]
    fn range_joins() {
        let t = tokens("0 - 2 to and or ,");
        assert_eq!(range_join_at(&t, 1, false, false), Some(2));
        assert_eq!(range_join_at(&t, 3, false, false), Some(4));
        assert_eq!(range_join_at(&t, 4, false, false), None);
        assert_eq!(range_join_at(&t, 4, true, false), Some(5));
        assert_eq!(range_join_at(&t, 5, false, true), Some(6));
        assert_eq!(range_join_at(&t, 5, false, false), None);
    }
}
