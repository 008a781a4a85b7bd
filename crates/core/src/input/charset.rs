//! Character sets of inputs: UTF-8, UTF-16 (little- and big-endian) and windows-1252 (which, as in
//! browsers, also stands for the ISO-8859-1, Latin-1 and US-ASCII labels). A byte-order mark
//! names the charset first; then a MIME part header or a `<meta>` tag; an input that declares
//! nothing is UTF-8 when it is valid UTF-8, and otherwise judged by its bytes ([`guess`]).
//! Decoding follows the WHATWG Encoding Standard, as browsers do; our two small decoders are
//! checked byte for byte against encoding_rs in the tests (linking encoding_rs itself would add
//! every legacy encoding's tables, about 130 KB gzipped, to each WebAssembly module).

use std::borrow::Cow;

/// The character sets trialcards decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// UTF-8 (invalid bytes become U+FFFD).
    Utf8,
    /// UTF-16, little-endian (what Windows calls "Unicode").
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// windows-1252, and ISO-8859-1 / Latin-1 / US-ASCII, which browsers read as windows-1252.
    Windows1252,
}

/// The charset a label names (`"UTF-8"`, `"iso-8859-1"`, `"cp1252"`, `"utf-16le"` …), if it is
/// one we decode.
pub fn from_label(label: &str) -> Option<Charset> {
    let label = label
        .trim()
        .trim_matches(['"', '\''])
        .trim()
        .to_ascii_lowercase();
    match label.as_str() {
        "utf-8" | "utf8" | "unicode-1-1-utf-8" => Some(Charset::Utf8),
        // As in browsers, plain "utf-16" and "unicode" mean little-endian.
        "utf-16le" | "utf-16" | "unicode" | "ucs-2" | "csunicode" | "iso-10646-ucs-2" => {
            Some(Charset::Utf16Le)
        }
        "utf-16be" | "unicodefffe" => Some(Charset::Utf16Be),
        "windows-1252" | "cp1252" | "x-cp1252" | "iso-8859-1" | "iso8859-1" | "iso_8859-1"
        | "iso-ir-100" | "latin1" | "l1" | "csisolatin1" | "ibm819" | "cp819" | "us-ascii"
        | "ascii" | "ansi_x3.4-1968" => Some(Charset::Windows1252),
        _ => None,
    }
}

/// The charset a byte-order mark at the start of `bytes` names, with the mark's length.
pub fn from_bom(bytes: &[u8]) -> Option<(Charset, usize)> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        Some((Charset::Utf8, 3))
    } else if bytes.starts_with(b"\xFF\xFE") {
        Some((Charset::Utf16Le, 2))
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some((Charset::Utf16Be, 2))
    } else {
        None
    }
}

/// UTF-16 without a byte-order mark, told by where the zero bytes fall: text in Latin script
/// is mostly ASCII, so one byte of every pair is zero (the second in little-endian).
pub fn utf16_without_bom(bytes: &[u8]) -> Option<Charset> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros = |offset: usize| {
        sample
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 10 <= pairs;
    if mostly(odd) && rarely(even) {
        Some(Charset::Utf16Le)
    } else if mostly(even) && rarely(odd) {
        Some(Charset::Utf16Be)
    } else {
        None
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

/// The charset of bytes that declare none and carry no byte-order mark: UTF-8 when they are
/// valid UTF-8 (a copy cut inside a character at the very end still is), UTF-16 by its zero
/// bytes, and windows-1252 when there are more bytes that are not UTF-8 than characters
/// that are (a file saved by an older Windows program: smart quotes, µ, ±).
pub fn guess(bytes: &[u8]) -> Charset {
    if let Some(utf16) = utf16_without_bom(bytes) {
        return utf16;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let (mut invalid, mut multibyte) = (0usize, 0usize);
    let mut rest = sample;
    loop {
        let (valid, error) = match std::str::from_utf8(rest) {
            Ok(text) => (text, None),
            Err(e) => (
                // The prefix up to the error is valid UTF-8 by definition.
                std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default(),
                Some(e),
            ),
        };
        multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
        let Some(e) = error else { break };
        match e.error_len() {
            Some(len) => {
                invalid += 1;
                rest = &rest[e.valid_up_to() + len..];
            }
            // An incomplete character at the end: a cut copy (or the sample's own end).
            None => break,
        }
    }
    if invalid > multibyte {
        Charset::Windows1252
    } else {
        Charset::Utf8
    }
}

/// Decodes `bytes` in `charset` (a byte-order mark, if any, is dropped); never fails:
/// what cannot be decoded becomes U+FFFD.
pub fn decode(bytes: &[u8], charset: Charset) -> Cow<'_, str> {
    let bytes = match from_bom(bytes) {
        Some((bom, len)) if bom == charset => &bytes[len..],
        _ => bytes,
    };
    match charset {
        Charset::Utf8 => String::from_utf8_lossy(bytes),
        Charset::Utf16Le => utf16(bytes, u16::from_le_bytes),
        Charset::Utf16Be => utf16(bytes, u16::from_be_bytes),
        Charset::Windows1252 if bytes.is_ascii() => String::from_utf8_lossy(bytes),
        Charset::Windows1252 => Cow::Owned(bytes.iter().map(|&b| windows_1252_char(b)).collect()),
    }
}

/// UTF-16 code units to text: an unpaired surrogate, or an odd byte at the end (a cut file),
/// becomes U+FFFD.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Cow<'static, str> {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    // An odd last byte is one error, merged with a lead surrogate left waiting before it.
    let waiting_lead = bytes.len() >= 3 && {
        let at = bytes.len() - 3;
        (0xD800..=0xDBFF).contains(&unit([bytes[at], bytes[at + 1]]))
    };
    if bytes.len() % 2 == 1 && !waiting_lead {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Cow::Owned(text)
}

/// windows-1252's characters for 0x80–0x9F (the rest is Latin-1, which is Unicode's first 256);
/// the five bytes the code page leaves unassigned stand for the C1 controls, as in the WHATWG index.
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
        assert_eq!(from_label("UTF-16"), Some(Charset::Utf16Le));
        assert_eq!(from_label("utf-16be"), Some(Charset::Utf16Be));
        assert_eq!(from_label("shift_jis"), None);
    }

    #[test]
    fn windows_1252_and_latin1_bytes_decode() {
        assert_eq!(
            decode(
                b"Caf\xE9 \x93quoted\x94 \x80 \x96 \xB5g \xB110",
                Charset::Windows1252
            ),
            "Café “quoted” € – µg ±10"
        );
        assert_eq!(decode("é".as_bytes(), Charset::Utf8), "é");
        assert_eq!(decode(b"\xEF\xBB\xBFa\xFF", Charset::Utf8), "a\u{FFFD}");
    }

    #[test]
    fn utf16_decodes_with_and_without_its_mark() {
        let le: Vec<u8> = "≥ 18 µg"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "≥ 18 µg"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            decode(&[b"\xFF\xFE".as_slice(), &le].concat(), Charset::Utf16Le),
            "≥ 18 µg"
        );
        assert_eq!(
            decode(&[b"\xFE\xFF".as_slice(), &be].concat(), Charset::Utf16Be),
            "≥ 18 µg"
        );
        let long_le: Vec<u8> = "Inclusion Criteria: age ≥ 18"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(guess(&long_le), Charset::Utf16Le);
        let long_be: Vec<u8> = "Inclusion Criteria: age ≥ 18"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(guess(&long_be), Charset::Utf16Be);
        // An odd last byte (a cut file) becomes one replacement character.
        assert_eq!(decode(&[b'a', 0, b'b'], Charset::Utf16Le), "a\u{FFFD}");
    }

    #[test]
    fn undeclared_bytes_are_judged_by_what_they_hold() {
        assert_eq!(guess("café ≥ 18".as_bytes()), Charset::Utf8);
        assert_eq!(
            guess(b"\x93quoted\x94 10 \xB5g \xB1 2"),
            Charset::Windows1252
        );
        // A UTF-8 copy cut inside its last character is still UTF-8.
        assert_eq!(guess(&"µg µg ≥".as_bytes()[..9]), Charset::Utf8);
        // Mostly UTF-8 with one stray byte stays UTF-8.
        assert_eq!(
            guess(
                "“a” ≥ µ \u{FF}".as_bytes()[..]
                    .iter()
                    .copied()
                    .chain([0x93])
                    .collect::<Vec<_>>()
                    .as_slice()
            ),
            Charset::Utf8
        );
    }

    #[test]
    fn every_windows_1252_byte_decodes_as_encoding_rs_does() {
        let all: Vec<u8> = (0..=255).collect();
        let ours = decode(&all, Charset::Windows1252);
        let theirs = encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(&all)
            .0;
        assert_eq!(ours, theirs);
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
