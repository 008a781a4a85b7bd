//! Character sets of saved pages: UTF-8 and windows-1252 (which, as in browsers, also stands for
//! the ISO-8859-1, Latin-1 and US-ASCII labels), named by a MIME part header or a `<meta>` tag.

use std::borrow::Cow;

/// The character sets trialcards decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// UTF-8 (invalid bytes become U+FFFD).
    Utf8,
    /// windows-1252, and ISO-8859-1 / Latin-1 / US-ASCII, which browsers read as windows-1252.
    Windows1252,
}

/// The charset a label names (`"UTF-8"`, `"iso-8859-1"`, `"cp1252"` …), if it is one we decode.
pub fn from_label(label: &str) -> Option<Charset> {
    let label = label
        .trim()
        .trim_matches(['"', '\''])
        .trim()
        .to_ascii_lowercase();
    match label.as_str() {
        "utf-8" | "utf8" | "unicode-1-1-utf-8" => Some(Charset::Utf8),
        "windows-1252" | "cp1252" | "x-cp1252" | "iso-8859-1" | "iso8859-1" | "iso_8859-1"
        | "iso-ir-100" | "latin1" | "l1" | "csisolatin1" | "ibm819" | "cp819" | "us-ascii"
        | "ascii" | "ansi_x3.4-1968" => Some(Charset::Windows1252),
        _ => None,
    }
}

/// The charset a page declares near its start (`<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`), within its first 1024 bytes.
pub fn declared_in_html(bytes: &[u8]) -> Option<Charset> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        .collect();
    from_label(&value)
}

/// Decodes `bytes` in `charset`; never fails.
pub fn decode(bytes: &[u8], charset: Charset) -> Cow<'_, str> {
    match charset {
        Charset::Utf8 => {
            String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        }
        Charset::Windows1252 => {
            if bytes.is_ascii() {
                // ASCII is valid UTF-8: no copy needed.
                return String::from_utf8_lossy(bytes);
            }
            Cow::Owned(bytes.iter().map(|&b| windows_1252_char(b)).collect())
        }
    }
}

/// windows-1252's characters for 0x80–0x9F (the rest is Latin-1, which is Unicode's first 256).
const C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn windows_1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => C1[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_charsets() {
        assert_eq!(from_label(" \"UTF-8\" "), Some(Charset::Utf8));
        assert_eq!(from_label("ISO-8859-1"), Some(Charset::Windows1252));
        assert_eq!(from_label("windows-1252"), Some(Charset::Windows1252));
        assert_eq!(from_label("shift_jis"), None);
    }

    #[test]
    fn windows_1252_and_latin1_bytes_decode() {
        assert_eq!(
            decode(
                b"Caf\xE9 \x93quoted\x94 \x80 \x96 \xB5g",
                Charset::Windows1252
            ),
            "Café “quoted” € – µg"
        );
        assert_eq!(decode("é".as_bytes(), Charset::Utf8), "é");
        assert_eq!(decode(b"\xEF\xBB\xBFa\xFF", Charset::Utf8), "a\u{FFFD}");
    }

    #[test]
    fn meta_tags_declare_charsets() {
        assert_eq!(
            declared_in_html(b"<html><head><meta charset=\"windows-1252\">"),
            Some(Charset::Windows1252)
        );
        assert_eq!(
            declared_in_html(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
            ),
            Some(Charset::Windows1252)
        );
        assert_eq!(
            declared_in_html(b"<meta charset=utf-8>"),
            Some(Charset::Utf8)
        );
        assert_eq!(declared_in_html(b"<p>no declaration</p>"), None);
    }
}
