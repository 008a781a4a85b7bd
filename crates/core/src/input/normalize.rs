//! Characters that look like nothing, or like a space, but would stop a label or an ID from
//! matching: NUL and other control bytes, non-breaking and other Unicode spaces, zero-width
//! spaces, soft hyphens and byte-order marks. Every input passes through [`normalize`] before it
//! is read, so `NCT\u{200B}09990001` is an NCT ID and `Phase:\u{A0}2` a labelled phase.

use std::borrow::Cow;

/// What a character becomes: kept, replaced (by a space or a line break), or removed.
enum Fate {
    Keep,
    Replace(char),
    Remove,
}

fn fate(c: char) -> Fate {
    match c {
        '\t' | '\n' | '\r' => Fate::Keep,
        // Vertical tab, form feed (a page break in a printout), and Unicode's line and
        // paragraph separators end a line.
        '\u{0B}' | '\u{0C}' | '\u{2028}' | '\u{2029}' => Fate::Replace('\n'),
        // NUL, the other C0 controls, DEL and the C1 controls (left by a wrong decoding).
        '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Fate::Remove,
        // Non-breaking, fixed-width and ideographic spaces are spaces.
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Fate::Replace(' ')
        }
        // Soft hyphen, zero-width space, word joiner and byte-order mark (zero-width no-break
        // space) are invisible. Zero-width (non-)joiners are kept: scripts and emoji need them.
        '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => Fate::Remove,
        _ => Fate::Keep,
    }
}

/// Whether [`normalize`] keeps `c` as it is (it removes or replaces the others).
pub(crate) fn keeps(c: char) -> bool {
    matches!(fate(c), Fate::Keep)
}

/// `text` with invisible characters removed and unusual spaces and line breaks made plain.
/// Borrows when there is nothing to change (the common case: one pass, no copy).
pub fn normalize(text: &str) -> Cow<'_, str> {
    let Some(first) = first_changed(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        match fate(c) {
            Fate::Keep => out.push(c),
            Fate::Replace(r) => out.push(r),
            Fate::Remove => {}
        }
    }
    Cow::Owned(out)
}

/// Whether byte `b` is printable ASCII, a tab, LF or CR: a character [`normalize`] keeps.
fn plain(b: u8) -> bool {
    b.wrapping_sub(0x20) < 0x5F || matches!(b, b'\t' | b'\n' | b'\r')
}

/// Where the first character [`normalize`] changes starts, if any. Runs of plain bytes (most
/// text) are checked 16 at a time, in a form the compiler makes vector instructions of; only
/// the other characters are looked up one by one.
fn first_changed(text: &str) -> Option<usize> {
    const RUN: usize = 16;
    let bytes = text.as_bytes();
    // `i` is always at a character's start: it moves over plain bytes or whole characters.
    let mut i = 0;
    while i < bytes.len() {
        while let Some(run) = bytes.get(i..i + RUN) {
            if !run.iter().fold(true, |all, &b| all & plain(b)) {
                break;
            }
            i += RUN;
        }
        let Some(&b) = bytes.get(i) else { break };
        if plain(b) {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next()?;
        if !keeps(c) {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

/// `text` with every line break (`\r\n` or a lone `\r`) made `\n`, as an XML parser does
/// before anything else; borrows when there is no `\r`. The structured readers (CSV, XML,
/// HTML) see this, so a value that spans lines reads the same whatever made the file.
pub fn line_breaks(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The first character changed is the one a look at every character finds.
        #[test]
        fn the_first_change_is_found_as_char_by_char(
            text in "([ -~]{0,40}|[\\t\\n\\r\\x00-\\x1f\\x7f\\u{80}-\\u{a0}\\u{ad}\\u{200b}-\\u{200f}\\u{2028}\\u{feff}éß€😀]){0,12}"
        ) {
            let slow = text.char_indices().find(|&(_, c)| !keeps(c)).map(|(i, _)| i);
            proptest::prop_assert_eq!(first_changed(&text), slow);
        }
    }

    #[test]
    fn plain_text_is_borrowed() {
        let text = "Title\r\n\tNCT09990001 ≥ 18 µg “quoted” – Ünïcödé";
        assert!(matches!(normalize(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn invisible_characters_go_and_odd_spaces_become_spaces() {
        assert_eq!(
            normalize("NCT\u{200B}0999\u{AD}0001\0 Phase:\u{A0}2\u{202F}mg\u{FEFF}"),
            "NCT09990001 Phase: 2 mg"
        );
        assert_eq!(normalize("a\u{0C}b\u{2028}c\u{1B}[0m"), "a\nb\nc[0m");
        assert_eq!(normalize("\u{200D}👩\u{200D}🔬"), "\u{200D}👩\u{200D}🔬");
    }

    #[test]
    fn every_line_break_becomes_a_line_feed() {
        assert_eq!(line_breaks("a\r\nb\rc\n\r\r\nd"), "a\nb\nc\n\n\nd");
        assert!(matches!(line_breaks("a\nb"), Cow::Borrowed("a\nb")));
    }
}
