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
    // Each stretch up to the next change is copied whole (a page with one non-breaking space
    // is not rewritten character by character after it).
    let mut rest = text;
    let mut unchanged = first;
    loop {
        out.push_str(&rest[..unchanged]);
        rest = &rest[unchanged..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        match fate(c) {
            Fate::Keep => out.push(c),
            Fate::Replace(r) => out.push(r),
            Fate::Remove => {}
        }
        rest = &rest[c.len_utf8()..];
        unchanged = first_changed(rest).unwrap_or(rest.len());
    }
    Cow::Owned(out)
}

/// Whether byte `b` is printable ASCII, a tab, LF or CR: a character [`normalize`] keeps.
fn plain(b: u8) -> bool {
    b.wrapping_sub(0x20) < 0x5F || matches!(b, b'\t' | b'\n' | b'\r')
}

/// Where the first character [`normalize`] changes starts, if any. Printable ASCII (most
/// text) is checked eight bytes at a time, as one word (the size-tuned build does not make
/// vector instructions of a loop over bytes); only the other characters are looked up one by
/// one.
fn first_changed(text: &str) -> Option<usize> {
    const WORD: usize = 8;
    let bytes = text.as_bytes();
    // `i` is always at a character's start: it moves over plain bytes or whole characters.
    let mut i = 0;
    while i < bytes.len() {
        while let Some(word) = bytes.get(i..i + WORD) {
            let mut w = [0u8; WORD];
            w.copy_from_slice(word);
            if !printable(u64::from_le_bytes(w)) {
                break;
            }
            i += WORD;
        }
        // At most a word's bytes (or characters) one by one, then words again.
        let stop = (i + WORD).min(bytes.len());
        while i < stop {
            let b = bytes[i];
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
    }
    None
}

/// Whether every byte of `w` is printable ASCII (0x20 to 0x7E): none below 0x20 and none
/// above 0x7E (the bit tricks of "hasless" and "hasmore", exact for whether any byte is).
fn printable(w: u64) -> bool {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let below = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    // Adding 127 - 0x7E (one) to each byte sets its high bit exactly when it is above 0x7E.
    let above = (w.wrapping_add(ONES) | w) & HIGH;
    below | above == 0
}

/// `text` with every line break (`\r\n` or a lone `\r`) made `\n`, as an XML parser does
/// before anything else; borrows when there is no `\r`. The structured readers (CSV, XML,
/// HTML) see this, so a value that spans lines reads the same whatever made the file.
pub fn line_breaks(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Normalising copies what it keeps and changes the rest as a look at every character
        /// would.
        #[test]
        fn normalizing_is_as_character_by_character(
            text in "([ -~]{0,40}|[\\t\\n\\r\\x00-\\x1f\\x7f\\u{80}-\\u{a0}\\u{ad}\\u{200b}-\\u{200f}\\u{2028}\\u{feff}éß€😀]){0,12}"
        ) {
            let slow: String = text
                .chars()
                .filter_map(|c| match fate(c) {
                    Fate::Keep => Some(c),
                    Fate::Replace(r) => Some(r),
                    Fate::Remove => None,
                })
                .collect();
            proptest::prop_assert_eq!(normalize(&text), slow);
        }

        /// A word is printable exactly when each of its bytes is.
        #[test]
        fn a_word_is_printable_when_each_byte_is(
            bytes in proptest::array::uniform8(proptest::prop_oneof![
                8 => 0x20u8..=0x7E,
                1 => proptest::sample::select(vec![0x00u8, 0x09, 0x0A, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]),
                1 => proptest::prelude::any::<u8>(),
            ])
        ) {
            let each = bytes.iter().all(|&b| (0x20..=0x7E).contains(&b));
            proptest::prop_assert_eq!(printable(u64::from_le_bytes(bytes)), each);
        }

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
