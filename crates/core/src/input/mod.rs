//! Bytes to text, and the checks that come before any parsing: an input that is
//! empty, too large, or not text at all (an image, a PDF, an archive, a program)
//! is turned away with a sentence that says what it is. Saved web pages become the text a
//! browser shows ([`html_text`], [`mhtml`]).

pub mod charset;
mod entities;
pub mod html_text;
mod html_tokens;
pub mod mhtml;
pub mod normalize;
pub mod transfer_encoding;

use std::borrow::Cow;

use crate::model::{Diagnostic, Severity};

/// The largest input trialcards reads: 25 MB, far above any registry page.
pub const MAX_INPUT_BYTES: usize = 25 * 1024 * 1024;

/// Well-known file signatures of things that are not pages: (magic bytes, what it is).
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file (such as WebP or WAV)"),
    (b"%PDF-", "a PDF document"),
    (
        b"PK\x03\x04",
        "a ZIP archive (or a Word, Excel or OpenDocument file)",
    ),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"\x7FELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old Microsoft Office file",
    ),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"\x00asm", "a WebAssembly module"),
];

/// Why an input cannot be read as text, as a diagnostic naming it; `None` when it can.
/// Looks at the size, the first bytes and the share of control bytes, in one pass at most.
/// UTF-16 text (every other byte zero) is judged by its decoded characters.
pub fn check_input(name: &str, bytes: &[u8]) -> Option<Diagnostic> {
    let utf16 = is_utf16(bytes);
    if let Some(too_large) = check_size(name, bytes.len() as u64) {
        return Some(too_large);
    }
    let problem = if is_blank(bytes, utf16) {
        Some("is empty: there is no text to read".to_string())
    } else if let Some((_, what)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        Some(format!("is {what}, not a registry page saved as text"))
    } else if !utf16 && looks_binary(bytes) {
        Some("is not text (it is mostly control bytes): it looks like a binary file".to_string())
    } else {
        None
    };
    problem.map(|p| Diagnostic {
        severity: Severity::Error,
        line: None,
        message: format!("{name} {p}"),
    })
}

/// Whether `bytes` are UTF-16 text: with a byte-order mark, or by the zero bytes of its ASCII.
fn is_utf16(bytes: &[u8]) -> bool {
    use charset::Charset::{Utf16Be, Utf16Le};
    let charset = charset::from_bom(bytes)
        .map(|(c, _)| c)
        .or_else(|| charset::utf16_without_bom(bytes));
    matches!(charset, Some(Utf16Le | Utf16Be))
}

/// Whether the input holds nothing but whitespace (a byte-order mark alone included).
fn is_blank(bytes: &[u8], utf16: bool) -> bool {
    if utf16 {
        // Judged on the code units, without decoding (and copying) the whole input.
        let (body, big_endian) = match charset::from_bom(bytes) {
            Some((bom, len)) => (&bytes[len..], bom == charset::Charset::Utf16Be),
            None => (
                bytes,
                charset::utf16_without_bom(bytes) == Some(charset::Charset::Utf16Be),
            ),
        };
        let unit = if big_endian {
            u16::from_be_bytes
        } else {
            u16::from_le_bytes
        };
        body.chunks_exact(2).all(|pair| {
            char::from_u32(u32::from(unit([pair[0], pair[1]]))).is_some_and(char::is_whitespace)
        })
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        bytes.iter().all(u8::is_ascii_whitespace)
    }
}

/// The same check for an input whose size is known before it is read (a file in a browser).
pub fn check_size(name: &str, size: u64) -> Option<Diagnostic> {
    (size > MAX_INPUT_BYTES as u64).then(|| Diagnostic {
        severity: Severity::Error,
        line: None,
        message: format!(
            "{name} is {} — larger than the {} MB trialcards reads; a registry page is far smaller",
            megabytes(size as usize),
            MAX_INPUT_BYTES / (1024 * 1024)
        ),
    })
}

/// What the user is told about an input that could not be read at all (a file the system
/// refused, a folder that could not be listed), naming it: "a.txt cannot be read: why".
pub fn cannot_read(name: &str, why: &str) -> String {
    format!("{name} cannot be read: {why}")
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// True when more than one byte in ten (of the first 64 KiB) is a control byte other than
/// tab, line feed, carriage return and form feed. UTF-16 text would fail this test too (every
/// other byte is NUL), so it is not asked of UTF-16.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    control * 10 > sample.len()
}

/// The text of `bytes`, decoded in the charset its byte-order mark names (UTF-8, UTF-16 LE or
/// BE), else as UTF-8 when it is valid UTF-8, else in the charset a `<meta>` tag declares (a web
/// page saved in its own encoding), else as [`charset::guess`] judges it (UTF-16 without a mark,
/// or windows-1252 from an older Windows program). Never fails: bytes that cannot be decoded
/// become U+FFFD rather than failing the whole input.
pub fn decode_text(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((charset, _)) = charset::from_bom(bytes) {
        return charset::decode(bytes, charset);
    }
    match std::str::from_utf8(bytes) {
        // Valid UTF-8 is borrowed as it is (validated once, not again by a decoder).
        Ok(text) if charset::utf16_without_bom(bytes).is_none() => Cow::Borrowed(text),
        _ => {
            let charset = charset::declared_in_html(bytes).unwrap_or_else(|| charset::guess(bytes));
            charset::decode(bytes, charset)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(name: &str, bytes: &[u8]) -> String {
        check_input(name, bytes)
            .map(|d| d.message)
            .unwrap_or_default()
    }

    #[test]
    fn an_input_that_cannot_be_read_is_named() {
        assert_eq!(
            cannot_read("notes/a.txt", "permission denied"),
            "notes/a.txt cannot be read: permission denied"
        );
    }

    #[test]
    fn pages_pass_and_say_nothing() {
        assert!(check_input(
            "p.txt",
            "Title\nNCT ID: NCT09990001\n\tµ ≥ 18\r\n".as_bytes()
        )
        .is_none());
    }

    #[test]
    fn images_documents_archives_and_programs_are_named() {
        assert_eq!(
            message("scan.png", b"\x89PNG\r\n\x1a\n\0\0"),
            "scan.png is a PNG image, not a registry page saved as text"
        );
        assert!(message("paper.pdf", b"%PDF-1.7\n...").contains("a PDF document"));
        assert!(message("pages.zip", b"PK\x03\x04rest").contains("a ZIP archive"));
        assert!(message("tool", b"\x7FELF\x02\x01").contains("a program"));
    }

    #[test]
    fn empty_and_control_heavy_inputs_are_refused() {
        assert_eq!(
            message("new.txt", b""),
            "new.txt is empty: there is no text to read"
        );
        assert!(message("blank.txt", b" \n\t\r\n").contains("is empty"));
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 32) as u8).collect();
        assert!(message("noise.bin", &noise).contains("looks like a binary file"));
    }

    #[test]
    fn utf16_is_text_with_or_without_its_mark() {
        let page = "Title\r\nNCT ID: NCT09990001\r\n\u{2022} age \u{2265} 18, 10 \u{b5}g\r\n";
        let le: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = page.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            [b"\xFF\xFE".as_slice(), &le].concat(),
            [b"\xFE\xFF".as_slice(), &be].concat(),
            le.clone(),
            be.clone(),
        ] {
            assert!(check_input("u.txt", &bytes).is_none());
            assert_eq!(decode_text(&bytes), page);
        }
        let blank: Vec<u8> = "\r\n  ".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(message("b.txt", &[b"\xFF\xFE".as_slice(), &blank].concat()).contains("is empty"));
        assert!(message("bom.txt", b"\xEF\xBB\xBF").contains("is empty"));
    }

    #[test]
    fn too_large_is_refused_before_reading() {
        assert!(check_size("big.txt", MAX_INPUT_BYTES as u64).is_none());
        let d = check_size("big.txt", MAX_INPUT_BYTES as u64 + 1).unwrap();
        assert_eq!(d.message, "big.txt is 25.0 MB — larger than the 25 MB trialcards reads; a registry page is far smaller");
    }

    #[test]
    fn decoding_drops_the_bom_and_keeps_the_rest() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFTitle"), "Title");
        // A stray byte in UTF-8 text is replaced; text with no UTF-8 at all is windows-1252.
        assert_eq!(decode_text(b"\xC2\xB5g a\xFFb"), "µg a\u{FFFD}b");
        assert_eq!(
            decode_text(b"\x93Age \xB1 2\x94, 10 \xB5g"),
            "“Age ± 2”, 10 µg"
        );
        assert_eq!(
            decode_text(b"<meta charset=windows-1252><p>\x93\xB5g\x94</p>"),
            "<meta charset=windows-1252><p>“µg”</p>"
        );
        // A page that declares Latin-1 but is valid UTF-8 (a re-encoded save) stays UTF-8.
        assert_eq!(
            decode_text("<meta charset=iso-8859-1>µ".as_bytes()),
            "<meta charset=iso-8859-1>µ"
        );
    }
}
