//! Which kind of file an input is, judged by its content (never by its name alone:
//! a `.txt` that holds JSON is JSON), so that each kind goes to the reader that
//! understands it.

/// The kinds of input trialcards tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The text of one or more registry pages (copied, or saved as text).
    PageText,
    /// ClinicalTrials.gov API v2 JSON: one study, a search page, or JSON Lines.
    CtgovJson,
    /// Classic ClinicalTrials.gov XML (`<clinical_study>`).
    CtgovXml,
    /// ClinicalTrials.gov's CSV download.
    CtgovCsv,
    /// A web page saved as HTML.
    Html,
    /// A web page saved as a single file (MHTML, MIME multipart).
    Mhtml,
}

/// Looks at the start of `text` (and the first line, for CSV) to tell its format.
pub fn sniff(text: &str) -> Format {
    let head = text.trim_start_matches('\u{FEFF}').trim_start();
    let first_512 = head
        .char_indices()
        .nth(512)
        .map_or(head.len(), |(at, _)| at);
    let lower = head[..first_512].to_ascii_lowercase();
    // A JSON array of studies opens with `[` and then `{` (or is empty); a page text may open
    // with a markdown link such as "[Skip to content](…)".
    let array_of_objects = head
        .strip_prefix('[')
        .map(|rest| rest.trim_start())
        .is_some_and(|rest| rest.starts_with('{') || rest.starts_with(']'));
    if head.starts_with('{') || array_of_objects {
        return Format::CtgovJson;
    }
    if is_mime_message(head) {
        return Format::Mhtml;
    }
    if lower.starts_with("<?xml") && lower.contains("<clinical_study")
        || lower.starts_with("<clinical_study")
        || lower.starts_with("<search_results")
    {
        return Format::CtgovXml;
    }
    if is_html(&lower) {
        return Format::Html;
    }
    let first_line = head.lines().next().unwrap_or_default();
    if first_line.contains("NCT Number") && first_line.contains(',') {
        return Format::CtgovCsv;
    }
    Format::PageText
}

/// Whether `text` is a saved web page (HTML or MHTML), whose records' lines count in the text
/// the page showed ([`crate::source_text`]) rather than in the file's own text.
pub fn is_saved_page(text: &str) -> bool {
    matches!(sniff(text), Format::Html | Format::Mhtml)
}

/// Whether `lower` (the lowercased start of an input) is an HTML page: it opens with a doctype,
/// `<html>`, `<head>`, `<body>` or `<meta>`, after any comments (browsers put
/// `<!-- saved from url=… -->` first) — or is XHTML.
fn is_html(lower: &str) -> bool {
    let mut rest = lower;
    while let Some(comment) = rest.strip_prefix("<!--") {
        match comment.find("-->") {
            Some(end) => rest = comment[end + 3..].trim_start(),
            None => break,
        }
    }
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
    ]
    .iter()
    .any(|p| rest.starts_with(p))
        || rest.starts_with("<?xml") && rest.contains("<html")
}

/// Whether `head` opens with a MIME message's header block (as MHTML files do): "Name: value"
/// lines up to the first blank line, among them `MIME-Version` or a multipart `Content-Type`.
fn is_mime_message(head: &str) -> bool {
    let mut mime = false;
    for line in head.lines().take(40) {
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue; // a folded header line
        }
        let Some((name, value)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return false;
        }
        let name = name.to_ascii_lowercase();
        let value = value.trim_start().to_ascii_lowercase();
        mime |= name == "mime-version" || name == "content-type" && value.starts_with("multipart/");
    }
    mime
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page asks the worker for a source's shown text only for saved pages: every other
    /// input must show as its own text.
    #[test]
    fn only_saved_pages_show_other_text_than_their_own() {
        for text in [
            "ClinicalTrials.Veeva\n\nMenu",
            "{\"protocolSection\": {}}",
            "<clinical_study rank=\"1\">",
            "NCT Number,Study Title\nNCT0,x",
        ] {
            assert!(!is_saved_page(text), "{text}");
            assert!(matches!(
                crate::source_text(text),
                std::borrow::Cow::Borrowed(_)
            ));
        }
        for text in [
            "<!DOCTYPE html><html><body><p>A trial</p></body></html>",
            "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<html><body>A trial</body></html>\r\n--b--\r\n",
        ] {
            assert!(is_saved_page(text), "{text}");
            assert_eq!(crate::source_text(text).trim(), "A trial");
        }
    }

    #[test]
    fn content_decides() {
        assert_eq!(sniff("ClinicalTrials.Veeva\n\nMenu"), Format::PageText);
        assert_eq!(
            sniff("\u{FEFF}  {\"protocolSection\": {}}"),
            Format::CtgovJson
        );
        assert_eq!(sniff("{\"a\":1}\n{\"a\":2}\n"), Format::CtgovJson);
        assert_eq!(
            sniff("<?xml version=\"1.0\"?>\n<clinical_study rank=\"1\">"),
            Format::CtgovXml
        );
        assert_eq!(
            sniff("<search_results count=\"2\">\n<clinical_study>"),
            Format::CtgovXml
        );
        assert_eq!(sniff("<!DOCTYPE html><html><body>x"), Format::Html);
        assert_eq!(sniff("<html lang=en>"), Format::Html);
        assert_eq!(
            sniff("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"),
            Format::Mhtml
        );
        assert_eq!(
            sniff("MIME-Version: 1.0\r\nContent-Type: multipart/related"),
            Format::Mhtml
        );
        assert_eq!(
            sniff("NCT Number,Study Title,Study Status\nNCT0,x,y"),
            Format::CtgovCsv
        );
        assert_eq!(sniff("The NCT Number is NCT01234567"), Format::PageText);
        assert_eq!(sniff("[\n  {\"protocolSection\": {}}]"), Format::CtgovJson);
        assert_eq!(sniff("[Skip to content](#main)\nA trial"), Format::PageText);
        assert_eq!(
            sniff("<!-- saved from url=(0040)https://example.org/ -->\r\n<html><head>"),
            Format::Html
        );
        assert_eq!(sniff("<HEAD><META charset=utf-8>"), Format::Html);
        assert_eq!(
            sniff("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://x/\r\nSubject: T\r\nDate: Mon\r\nMIME-Version: 1.0\r\n"),
            Format::Mhtml
        );
        assert_eq!(
            sniff("Title: A trial\nStatus: Recruiting\n"),
            Format::PageText
        );
        assert_eq!(
            sniff("Status: Recruiting\n\nMIME-Version: 1.0"),
            Format::PageText
        );
    }
}
