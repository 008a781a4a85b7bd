//! MIME content-transfer-encodings: quoted-printable and base64 back to bytes. Pure, linear,
//! lenient: malformed input is kept or skipped, never an error.

/// Decodes quoted-printable: `=XX` is the byte XX, `=` at a line end is a soft break (removed);
/// an `=` not followed by two hex digits is kept as it is.
pub fn decode_quoted_printable(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let b = input[i];
        if b != b'=' {
            out.push(b);
            i += 1;
            continue;
        }
        let rest = &input[i + 1..];
        // Soft line break: "=" then optional spaces/tabs, then CRLF or LF.
        let pad = rest
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t'))
            .count();
        let after = &rest[pad..];
        if after.starts_with(b"\r\n") {
            i += 1 + pad + 2;
        } else if after.starts_with(b"\n") {
            i += 1 + pad + 1;
        } else if let (Some(h), Some(l)) = (
            rest.first().and_then(|c| hex(*c)),
            rest.get(1).and_then(|c| hex(*c)),
        ) {
            out.push(h << 4 | l);
            i += 3;
        } else {
            out.push(b'=');
            i += 1;
        }
    }
    out
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'A'..=b'F' => Some(c - b'A' + 10),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

/// Decodes base64 (standard or URL-safe alphabet); whitespace and other stray characters are
/// skipped, and decoding stops at the first `=` padding.
pub fn decode_base64(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 4 * 3);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &c in input {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_bytes_soft_breaks_and_stray_equals() {
        assert_eq!(
            decode_quoted_printable(
                b"<p class=3D\"x\">Caf=C3=A9 =\r\nlong line=\nend =E9 a=b =4</p>"
            ),
            b"<p class=\"x\">Caf\xC3\xA9 long lineend \xE9 a=b =4</p>".to_vec()
        );
        assert_eq!(decode_quoted_printable(b"tail ="), b"tail =".to_vec());
        assert_eq!(decode_quoted_printable(b"pad=  \r\nx"), b"padx".to_vec());
    }

    #[test]
    fn base64_with_line_breaks_and_padding() {
        assert_eq!(decode_base64(b"PHA+SGk8L3A+"), b"<p>Hi</p>".to_vec());
        assert_eq!(
            decode_base64(b"PHA+\r\nSGk8\r\nL3A+\r\n"),
            b"<p>Hi</p>".to_vec()
        );
        assert_eq!(decode_base64(b"QQ=="), b"A".to_vec());
        assert_eq!(decode_base64(b"QUI="), b"AB".to_vec());
        assert_eq!(decode_base64(b"!!QUJD**"), b"ABC".to_vec());
        assert_eq!(decode_base64(b""), Vec::<u8>::new());
    }
}
