//! Structured inputs read piece by piece (`trialcards_core::stream`) give exactly what the
//! whole-file reader gives for the same bytes: the same records (values, provenance lines,
//! diagnostics on each record) and the same diagnostics of the input, in the same order — for
//! the fixtures and for generated inputs of several megabytes, whose chunks end in the middle
//! of studies, rows and quoted cells.

#[path = "support/big_results.rs"]
mod big_results;
mod common;

use serde_json::Value;
use trialcards_core::stream::{open, Opened};
use trialcards_core::{parse_bytes, ParseOutput};

/// What the stream gives for `bytes`: every chunk's records and diagnostics, then the end notes.
fn streamed(name: &str, bytes: &[u8]) -> ParseOutput {
    let Opened::Stream(mut stream) = open(name, bytes).expect("reading memory") else {
        panic!("{name} is not streamed");
    };
    let mut out = ParseOutput::default();
    for chunk in &mut stream {
        let parsed = chunk.expect("reading memory").parse();
        out.records.extend(parsed.records);
        out.diagnostics.extend(parsed.diagnostics);
    }
    let notes = stream.end_notes(out.records.len());
    out.diagnostics.extend(notes);
    out
}

/// Asserts that streaming `bytes` gives what parsing them whole gives; returns the record count.
fn assert_streams_as_whole(name: &str, bytes: &[u8]) -> usize {
    let whole = parse_bytes(name, bytes);
    let stream = streamed(name, bytes);
    assert_eq!(stream.records.len(), whole.records.len(), "{name}: records");
    for (i, (s, w)) in stream.records.iter().zip(&whole.records).enumerate() {
        assert!(s == w, "{name}: record {i} differs");
    }
    assert_eq!(stream.diagnostics, whole.diagnostics, "{name}: diagnostics");
    whole.records.len()
}

#[test]
fn the_structured_fixtures_stream_as_they_parse_whole() {
    for name in [
        "ctgov_json_lines_two_studies.jsonl",
        "ctgov_json_search_page_two_studies.json",
        "ctgov_csv_three_rows.csv",
    ] {
        let text = common::fixture(name);
        assert!(assert_streams_as_whole(name, text.as_bytes()) >= 2);
    }
}

/// `count` fictional studies (NCT0999xxxx), alternately the fixture study and the big one with
/// posted results, each with a non-breaking space and a character outside ASCII in its title.
fn studies(count: usize) -> Vec<Value> {
    let small: Value =
        serde_json::from_str(&common::fixture("ctgov_json_study_graft_failure.json")).unwrap();
    let big = big_results::big_results_study();
    (0..count)
        .map(|i| {
            let mut study = if i % 2 == 0 {
                small.clone()
            } else {
                big.clone()
            };
            let id = &mut study["protocolSection"]["identificationModule"];
            id["nctId"] = Value::from(format!("NCT0999{i:04}"));
            id["briefTitle"] = Value::from(format!("Étude\u{A0}{i} of a fictional graft"));
            study
        })
        .collect()
}

/// `count` of [`studies`], each with `summary` as its brief summary.
fn studies_summarised(count: usize, summary: &str) -> Vec<Value> {
    let mut studies = studies(count);
    for study in &mut studies {
        study["protocolSection"]["descriptionModule"]["briefSummary"] = Value::from(summary);
    }
    studies
}

/// Each study as one line of JSON.
fn compact(studies: &[Value]) -> Vec<String> {
    studies
        .iter()
        .map(|s| serde_json::to_string(s).unwrap())
        .collect()
}

#[test]
fn megabytes_of_json_lines_arrays_and_search_pages_stream_as_they_parse_whole() {
    let studies = studies(40);
    // JSON Lines with CRLF breaks, a blank line and a line that is not JSON.
    let mut lines = compact(&studies);
    lines.insert(7, String::new());
    lines.insert(20, "{\"protocolSection\": {".to_string());
    let jsonl = lines.join("\r\n") + "\r\n";
    assert!(jsonl.len() > 2 << 20, "{} bytes", jsonl.len());
    assert_eq!(assert_streams_as_whole("big.jsonl", jsonl.as_bytes()), 40);

    // A pretty array with a byte-order mark, and a search page with the next page's token.
    let array = format!(
        "\u{FEFF}{}",
        serde_json::to_string_pretty(&studies).unwrap()
    );
    assert_eq!(assert_streams_as_whole("big.json", array.as_bytes()), 40);
    let page = serde_json::json!({ "studies": studies, "nextPageToken": "NF0g5JSCn" });
    let page = serde_json::to_string(&page).unwrap();
    assert_eq!(assert_streams_as_whole("page.json", page.as_bytes()), 40);
}

#[test]
fn studies_larger_than_a_chunk_and_long_runs_of_blank_lines_stream_as_they_parse_whole() {
    let studies = studies_summarised(3, &"A long fictional summary. ".repeat(60_000));
    let array = serde_json::to_string(&studies).unwrap();
    assert!(array.len() > 4 << 20);
    assert_eq!(assert_streams_as_whole("long.json", array.as_bytes()), 3);
    let lines = compact(&studies);
    let jsonl = lines.join(&"\n".repeat(3 << 20)) + "\n";
    assert_eq!(assert_streams_as_whole("blank.jsonl", jsonl.as_bytes()), 3);
}

#[test]
fn characters_cut_between_pieces_read_whole() {
    // Two-, three- and four-byte characters, a CRLF and a lone CR, over several megabytes:
    // the pieces the stream reads end inside some of them.
    let studies = studies_summarised(4, &"é€😀a\r\nb\rc".repeat(90_000));
    let lines = compact(&studies);
    let jsonl = lines.join("\r\n");
    assert_eq!(assert_streams_as_whole("chars.jsonl", jsonl.as_bytes()), 4);
    let array = serde_json::to_string_pretty(&studies)
        .unwrap()
        .replace('\n', "\r");
    assert_eq!(assert_streams_as_whole("chars.json", array.as_bytes()), 4);
}

#[test]
fn megabytes_of_ctgov_csv_stream_as_they_parse_whole() {
    // Our CSV of the generated studies: quoted cells spanning lines (the criteria), then a
    // row with a field too many, which is reported and the rest read.
    let small: Value =
        serde_json::from_str(&common::fixture("ctgov_json_study_graft_failure.json")).unwrap();
    let rows: Vec<Value> = (0..400)
        .map(|i| {
            let mut study = small.clone();
            study["protocolSection"]["identificationModule"]["nctId"] =
                Value::from(format!("NCT0999{i:04}"));
            study["protocolSection"]["descriptionModule"]["briefSummary"] =
                Value::from(format!("A \"fictional\" summary {i},\n\n").repeat(300));
            study
        })
        .collect();
    let array = serde_json::to_string(&rows).unwrap();
    let records = parse_bytes("s.json", array.as_bytes()).records;
    let refs: Vec<_> = records.iter().collect();
    let mut csv = trialcards_core::export::to_csv(&refs, Default::default());
    let at = csv.len() / 2;
    let row_start = at + csv[at..].find("\r\nNCT0999").unwrap() + 2;
    csv.insert_str(row_start, "NCT09998888,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7,8,9,0,1\r\n");
    assert!(csv.len() > 2 << 20, "{} bytes", csv.len());
    assert_eq!(assert_streams_as_whole("big.csv", csv.as_bytes()), 400);
}

#[test]
fn only_structured_utf8_inputs_are_streamed() {
    let whole = |bytes: &[u8]| matches!(open("x", bytes).unwrap(), Opened::Whole { head, .. } if head == bytes);
    // One study (pretty, or on one line), a page's text, UTF-16, and XML are read whole.
    assert!(whole(
        common::fixture("ctgov_json_study_graft_failure.json").as_bytes()
    ));
    assert!(whole(b"{\"protocolSection\": {}}\n\n"));
    assert!(whole(b"NCT09990001\nA fictional trial\n"));
    assert!(whole(b"\xFF\xFE{\0}\0"));
    assert!(whole(b"<clinical_study></clinical_study>"));
    assert!(matches!(open("x", &b"[]"[..]).unwrap(), Opened::Stream(_)));
    assert_eq!(assert_streams_as_whole("empty.json", b"[]"), 0);
    assert_eq!(
        assert_streams_as_whole("header.csv", b"NCT Number,Study Title\r\n"),
        0
    );
}
