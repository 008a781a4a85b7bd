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
    let lower: String = head
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    // A JSON array of studies opens with `[` and then `{` (or is empty); a page text may open
    // with a markdown link such as "[Skip to content](…)".
    let array_of_objects = head
        .strip_prefix('[')
        .map(|rest| rest.trim_start())
        .is_some_and(|rest| rest.starts_with('{') || rest.starts_with(']'));
    if head.starts_with('{') || array_of_objects {
        return Format::CtgovJson;
    }
    if lower.starts_with("mime-version:") || lower.starts_with("from: <saved by") {
        return Format::Mhtml;
    }
    if lower.starts_with("<?xml") && lower.contains("<clinical_study")
        || lower.starts_with("<clinical_study")
    {
        return Format::CtgovXml;
    }
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && lower.contains("<html")
    {
        return Format::Html;
    }
    let first_line = head.lines().next().unwrap_or_default();
    if first_line.contains("NCT Number") && first_line.contains(',') {
        return Format::CtgovCsv;
    }
    Format::PageText
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
