//! Saved web pages give the same record as their text twins: our fictional Veeva and meddatax
//! pages saved as HTML and as MHTML (`tests/fixtures/saved_pages/`) are compared field for field
//! with the same pages as text, only `trialcards.source` excepted (it names the file, its length
//! and the container) and the line numbers of `trialcards.provenance`.

use std::path::PathBuf;

use serde_json::Value;
use trialcards_core::input::html_text::html_to_text;
use trialcards_core::{parse, parse_bytes, ParseOutput};

fn fixture(relative: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The records as JSON with `trialcards.source` removed and `trialcards.provenance` reduced to the
/// paths that have a span (a saved page's text may place its blank lines otherwise than the
/// twin, which shifts line numbers, not which values were read from lines), and the input-level
/// diagnostics with the input's name replaced by `NAME`.
fn comparable(out: &ParseOutput, name: &str) -> (Vec<Value>, Vec<String>) {
    let records = out
        .records
        .iter()
        .map(|r| {
            let mut v = serde_json::to_value(r).expect("serializes");
            if let Some(tc) = v.get_mut("trialcards").and_then(Value::as_object_mut) {
                tc.remove("source");
                let paths: Vec<&String> = r.trialcards.provenance.keys().collect();
                tc.insert("provenance".into(), serde_json::json!(paths));
            }
            v
        })
        .collect();
    let diagnostics = out
        .diagnostics
        .iter()
        .map(|d| d.message.replace(name, "NAME"))
        .collect();
    (records, diagnostics)
}

/// Asserts that the saved page `page` (bytes, as read from disk) gives the same records as the
/// text twin, and that the records name the container.
fn assert_same_record(twin: &str, page: &str, container: &str) {
    let twin_name = twin.rsplit('/').next().unwrap_or(twin);
    let page_name = page.rsplit('/').next().unwrap_or(page);
    let text = String::from_utf8(fixture(twin)).expect("the twin is UTF-8");
    let expected = parse(twin_name, &text);
    let got = parse_bytes(page_name, &fixture(page));
    assert_eq!(
        expected.records.len(),
        1,
        "{twin_name}: {:?}",
        expected.diagnostics
    );
    let (want, want_diags) = comparable(&expected, twin_name);
    let (have, have_diags) = comparable(&got, page_name);
    if want != have {
        // Show what the page turned into, to see where it parts from the twin.
        let html = String::from_utf8_lossy(&fixture(page)).into_owned();
        let shown = if container == "html" {
            html_to_text(&html).text
        } else {
            trialcards_core::input::mhtml::html_part(&fixture(page))
                .map(|h| html_to_text(&h).text)
                .unwrap_or_default()
        };
        panic!(
            "{page_name} differs from {twin_name}\n--- page text ---\n{shown}\n--- expected ---\n{}\n--- got ---\n{}",
            serde_json::to_string_pretty(&want).unwrap_or_default(),
            serde_json::to_string_pretty(&have).unwrap_or_default()
        );
    }
    assert_eq!(want_diags, have_diags);
    for (e, g) in expected.records.iter().zip(&got.records) {
        let (e, g) = (&e.trialcards.source, &g.trialcards.source);
        assert_eq!(g.file_name, page_name);
        assert_eq!(g.layout, e.layout, "the layout stays the page's layout");
        assert_eq!(e.format, None);
        assert_eq!(g.format.as_deref(), Some(container));
    }
}

const VEEVA_TEXT: &str = "../../tests/fixtures/veeva_fictional_knee_msc.txt";
const MEDDATAX_TEXT: &str = "tests/fixtures/meddatax_bare_values.txt";

#[test]
fn veeva_page_saved_as_html_gives_the_text_record() {
    assert_same_record(
        VEEVA_TEXT,
        "tests/fixtures/saved_pages/veeva_fictional_knee_msc.html",
        "html",
    );
}

#[test]
fn veeva_page_saved_as_mhtml_gives_the_text_record() {
    assert_same_record(
        VEEVA_TEXT,
        "tests/fixtures/saved_pages/veeva_fictional_knee_msc.mhtml",
        "mhtml",
    );
}

#[test]
fn meddatax_page_saved_as_html_gives_the_text_record() {
    assert_same_record(
        MEDDATAX_TEXT,
        "tests/fixtures/saved_pages/meddatax_bare_values.html",
        "html",
    );
}

#[test]
fn meddatax_page_saved_as_mhtml_gives_the_text_record() {
    assert_same_record(
        MEDDATAX_TEXT,
        "tests/fixtures/saved_pages/meddatax_bare_values.mhtml",
        "mhtml",
    );
}

#[test]
fn an_mhtml_file_without_an_html_part_says_so() {
    let message = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n\
                   --b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n";
    let out = parse("pictures.mhtml", message);
    assert!(out.records.is_empty());
    assert!(out.diagnostics[0].message.contains("pictures.mhtml"));
    assert!(out.diagnostics[0].message.contains("no HTML part"));
}

#[test]
fn an_html_page_that_is_no_registry_page_names_the_input() {
    let out = parse(
        "recipe.html",
        "<!DOCTYPE html><html><body><h1>Soup</h1><p>Boil water.</p></body></html>",
    );
    assert!(out.records.is_empty());
    assert!(out.diagnostics[0].message.contains("recipe.html"));
}

/// A page whose embedded JSON is a full CT.gov v2 study: the study is read from the JSON, not
/// from the visible text (which here shows a different, partial view).
const PAGE_WITH_STUDY_JSON: &str = r#"<!DOCTYPE html><html><head>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"study":
{"protocolSection":{"identificationModule":{"nctId":"NCT09990031","briefTitle":"Fictional Embedded Study of Wool Socks"},
"statusModule":{"overallStatus":"RECRUITING"}}}}}}</script></head>
<body><h1>Loading study…</h1><p>NCT ID: NCT09990031</p><p>Status: Completed</p></body></html>"#;

#[test]
fn an_embedded_study_json_is_found_in_the_page() {
    let page = html_to_text(PAGE_WITH_STUDY_JSON);
    assert_eq!(page.embedded_studies.len(), 1);
    assert!(page.embedded_studies[0].contains("NCT09990031"));
    let out = parse("embedded.html", PAGE_WITH_STUDY_JSON);
    assert_eq!(out.records[0].nct_id(), Some("NCT09990031"));
    assert_eq!(
        out.records[0].trialcards.source.format.as_deref(),
        Some("html")
    );
}

#[test]
fn embedded_study_json_is_read_by_the_ctgov_json_reader() {
    let out = parse("embedded.html", PAGE_WITH_STUDY_JSON);
    let s = &out.records[0];
    assert_eq!(
        s.brief_title(),
        Some("Fictional Embedded Study of Wool Socks")
    );
    assert_eq!(
        serde_json::to_value(s.protocol_section.status_module.overall_status).ok(),
        Some(Value::String("RECRUITING".into()))
    );
    assert_eq!(s.trialcards.source.format.as_deref(), Some("html"));
}
