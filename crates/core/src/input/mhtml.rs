//! MHTML ("Webpage, single file"): a MIME `multipart/related` message whose parts are the page's
//! HTML and its resources. Finds the HTML part, undoes its transfer encoding (quoted-printable,
//! base64) and decodes its charset. Pure, linear; a message without an HTML part gives `None`.

use super::charset::{self, Charset};
use super::transfer_encoding::{decode_base64, decode_quoted_printable};

/// One MIME part (or the whole message): its headers (names lowercased) and its raw body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part<'a> {
    /// The headers, unfolded, in order: (lowercased name, value).
    pub headers: Vec<(String, String)>,
    /// The body, still transfer-encoded.
    pub body: &'a [u8],
}

impl Part<'_> {
    /// The first value of header `name` (lowercase).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The media type (lowercased) and parameters of the `Content-Type` header.
    pub fn content_type(&self) -> (String, Vec<(String, String)>) {
        parse_content_type(self.header("content-type").unwrap_or("text/plain"))
    }

    /// The body with its `Content-Transfer-Encoding` undone.
    pub fn decoded_body(&self) -> Vec<u8> {
        let encoding = self
            .header("content-transfer-encoding")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match encoding.as_str() {
            "quoted-printable" => decode_quoted_printable(self.body),
            "base64" => decode_base64(self.body),
            _ => self.body.to_vec(),
        }
    }
}

/// The text of the message's HTML part: the part named by the `start` parameter, else the first
/// `text/html` part; decoded with the part's charset (else the page's `<meta>` charset, else UTF-8).
pub fn html_part(message: &[u8]) -> Option<String> {
    let top = split_part(message);
    let (media, params) = top.content_type();
    let parts = match (media.starts_with("multipart/"), param(&params, "boundary")) {
        (true, Some(boundary)) => split_multipart(top.body, boundary),
        _ => vec![top.clone()],
    };
    let start = param(&params, "start").map(strip_angles);
    let chosen = start
        .and_then(|id| {
            parts
                .iter()
                .find(|p| p.header("content-id").map(strip_angles) == Some(id))
        })
        .or_else(|| {
            parts.iter().find(|p| {
                let media = p.content_type().0;
                media == "text/html" || media == "application/xhtml+xml"
            })
        })?;
    let bytes = chosen.decoded_body();
    let named = param(&chosen.content_type().1, "charset").and_then(charset::from_label);
    let charset = named
        .or_else(|| charset::declared_in_html(&bytes))
        .unwrap_or(Charset::Utf8);
    Some(charset::decode(&bytes, charset).into_owned())
}

fn strip_angles(id: &str) -> &str {
    id.trim().trim_start_matches('<').trim_end_matches('>')
}

fn param<'p>(params: &'p [(String, String)], name: &str) -> Option<&'p str> {
    params
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Lines of `bytes` as (start offset, line without its `\n` or `\r\n`).
fn lines_with_offsets(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut start = 0;
    bytes.split(|&b| b == b'\n').map(move |line| {
        let at = start;
        start += line.len() + 1;
        (at, line.strip_suffix(b"\r").unwrap_or(line))
    })
}

/// Splits a message or part into its headers (up to the first blank line) and its body.
pub fn split_part(bytes: &[u8]) -> Part<'_> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for (at, line) in lines_with_offsets(bytes) {
        if line.is_empty() {
            let body_start = (at + 1 + usize::from(bytes.get(at) == Some(&b'\r'))).min(bytes.len());
            return Part {
                headers,
                body: &bytes[body_start..],
            };
        }
        let text = String::from_utf8_lossy(line);
        if text.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
            }
        } else if let Some((name, value)) = text.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    // No blank line: all headers, no body.
    Part { headers, body: &[] }
}

/// The parts of a multipart body delimited by `--boundary` lines (the closing `--boundary--` ends it).
pub fn split_multipart<'a>(body: &'a [u8], boundary: &str) -> Vec<Part<'a>> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut parts = Vec::new();
    // Where the current part's content starts, once a delimiter has been seen.
    let mut open: Option<usize> = None;
    for (at, line) in lines_with_offsets(body) {
        let line = line.trim_ascii_end();
        let Some(rest) = line.strip_prefix(delimiter) else {
            continue;
        };
        let closing = rest == b"--";
        if !rest.is_empty() && !closing {
            continue;
        }
        if let Some(from) = open.take() {
            // The line break before the delimiter belongs to the delimiter.
            let mut to = at.min(body.len());
            if to > from && body[to - 1] == b'\n' {
                to -= 1;
                if to > from && body[to - 1] == b'\r' {
                    to -= 1;
                }
            }
            parts.push(split_part(&body[from..to.max(from)]));
        }
        if closing {
            return parts;
        }
        let next = at + line.len();
        let after = body.get(next..).unwrap_or_default();
        let skip = after
            .iter()
            .position(|&b| b == b'\n')
            .map_or(after.len(), |p| p + 1);
        open = Some((next + skip).min(body.len()));
    }
    // A message cut off before its closing delimiter: keep the last part as it is.
    if let Some(from) = open {
        parts.push(split_part(&body[from..]));
    }
    parts
}

/// Splits a `Content-Type` value into its lowercased media type and its parameters (names
/// lowercased, values unquoted): `multipart/related; boundary="b"` → (`multipart/related`, [(boundary, b)]).
pub fn parse_content_type(value: &str) -> (String, Vec<(String, String)>) {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in value.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => pieces.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    pieces.push(current);
    let mut iter = pieces.into_iter();
    let media = iter.next().unwrap_or_default().trim().to_ascii_lowercase();
    let params = iter
        .filter_map(|p| {
            let (n, v) = p.split_once('=')?;
            Some((n.trim().to_ascii_lowercase(), v.trim().to_string()))
        })
        .collect();
    (media, params)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSAGE: &str = "From: <Saved by Blink>\r\n\
        Snapshot-Content-Location: https://example.org/study\r\n\
        Subject: A fictional study\r\n\
        MIME-Version: 1.0\r\n\
        Content-Type: multipart/related;\r\n\
        \ttype=\"text/html\";\r\n\
        \tboundary=\"----MultipartBoundary--abc----\"\r\n\
        \r\n\
        ------MultipartBoundary--abc----\r\n\
        Content-Type: text/css\r\n\
        Content-Transfer-Encoding: quoted-printable\r\n\
        \r\n\
        p { color: red; }\r\n\
        ------MultipartBoundary--abc----\r\n\
        Content-Type: text/html; charset=\"windows-1252\"\r\n\
        Content-Transfer-Encoding: quoted-printable\r\n\
        Content-Location: https://example.org/study\r\n\
        \r\n\
        <p class=3D\"t\">Caf=E9 =93au lait=94, a very long line that is soft-=\r\n\
        broken</p>\r\n\
        ------MultipartBoundary--abc----\r\n\
        Content-Type: image/png\r\n\
        Content-Transfer-Encoding: base64\r\n\
        \r\n\
        iVBORw0KGgo=\r\n\
        ------MultipartBoundary--abc------\r\n";

    #[test]
    fn headers_unfold_and_parameters_unquote() {
        let top = split_part(MESSAGE.as_bytes());
        let (media, params) = top.content_type();
        assert_eq!(media, "multipart/related");
        assert_eq!(
            param(&params, "boundary"),
            Some("----MultipartBoundary--abc----")
        );
        assert_eq!(param(&params, "type"), Some("text/html"));
        assert_eq!(top.header("subject"), Some("A fictional study"));
    }

    #[test]
    fn parts_are_split_at_boundaries() {
        let top = split_part(MESSAGE.as_bytes());
        let parts = split_multipart(top.body, "----MultipartBoundary--abc----");
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].body, b"p { color: red; }");
        assert_eq!(parts[2].decoded_body(), b"\x89PNG\r\n\x1a\n".to_vec());
    }

    #[test]
    fn the_html_part_is_decoded_with_its_charset() {
        assert_eq!(
            html_part(MESSAGE.as_bytes()).as_deref(),
            Some("<p class=\"t\">Café “au lait”, a very long line that is soft-broken</p>")
        );
    }

    #[test]
    fn the_start_parameter_names_the_root_part() {
        let message =
            "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b; start=\"<root>\"\n\n\
            --b\nContent-Type: text/html\n\n<p>first</p>\n\
            --b\nContent-Type: text/html\nContent-ID: <root>\nContent-Transfer-Encoding: base64\n\n\
            PHA+cm9vdDwvcD4=\n--b--\n";
        assert_eq!(
            html_part(message.as_bytes()).as_deref(),
            Some("<p>root</p>")
        );
    }

    #[test]
    fn single_part_and_meta_charset_and_no_html() {
        let single = b"MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<meta charset=iso-8859-1><p>\xB5g</p>";
        assert_eq!(
            html_part(single).as_deref(),
            Some("<meta charset=iso-8859-1><p>µg</p>")
        );
        let no_html = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: image/png\r\n\r\nabc\r\n--x--\r\n";
        assert_eq!(html_part(no_html), None);
        assert_eq!(html_part(b""), None);
        // Cut off before the closing boundary: the last part is still read.
        let cut = b"Content-Type: multipart/related; boundary=x\n\n--x\nContent-Type: text/html\n\n<p>cut";
        assert_eq!(html_part(cut).as_deref(), Some("<p>cut"));
    }
}
