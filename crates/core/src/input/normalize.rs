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
    // Fast path: printable ASCII and tab/LF/CR only (most pages), checked a byte at a time.
    if text
        .bytes()
        .all(|b| (0x20..0x7F).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r'))
    {
        return Cow::Borrowed(text);
    }
    let Some(first) = text
        .char_indices()
        .find(|&(_, c)| !matches!(fate(c), Fate::Keep))
    else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first.0]);
    for c in text[first.0..].chars() {
        match fate(c) {
            Fate::Keep => out.push(c),
            Fate::Replace(r) => out.push(r),
            Fate::Remove => {}
        }
    }
    Cow::Owned(out)
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
