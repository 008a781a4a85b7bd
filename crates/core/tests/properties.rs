//! Properties that hold for any input (proptest): parsing never panics, whatever the text or the
//! bytes; its output always serializes to JSON; trailing whitespace and the kind of line break
//! do not change a record; and two pages pasted one after the other give the records of each.

mod common;
#[path = "support/json_difference.rs"]
mod json_difference;
use json_difference::difference;

use proptest::prelude::*;
use serde_json::Value;
use trialcards_core::testing::{split_labelled, Label};
use trialcards_core::{parse, parse_bytes, ParseOutput, Study};

/// One of our single-page fixtures, with the record it gives when read as "page.txt".
struct Page {
    name: String,
    text: String,
    record: Study,
}

/// The page-text fixtures that hold exactly one registry page each, naming its trial (a page
/// that names none, like our labels-only skeleton, cannot be told from the page before it).
/// Read and parsed once for all the cases.
fn single_pages() -> &'static [Page] {
    static PAGES: std::sync::OnceLock<Vec<Page>> = std::sync::OnceLock::new();
    PAGES.get_or_init(|| {
        common::fixture_inputs()
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .filter_map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&p).unwrap();
                let mut records = parse("page.txt", &text).records;
                let ids = &records.first()?.protocol_section.identification_module;
                let named = ids.nct_id.is_some() || !ids.secondary_id_infos.is_empty();
                (records.len() == 1 && named).then(|| Page {
                    name,
                    text,
                    record: records.remove(0),
                })
            })
            .collect()
    })
}

/// Our structured fixtures (v2 JSON, JSON Lines, classic XML, CSV).
fn structured_files() -> Vec<(String, String)> {
    common::fixture_inputs()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x != "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// A record as JSON, without what depends on where it sits in its input: the byte length of
/// its source, and line numbers (shifted back by `line_offset`).
fn comparable(study: &Study, line_offset: usize) -> Value {
    let mut value = serde_json::to_value(study).unwrap();
    if let Some(source) = value.pointer_mut("/trialcards/source") {
        source.as_object_mut().unwrap().remove("byteLength");
    }
    let mut pending = vec![&mut value];
    while let Some(v) = pending.pop() {
        match v {
            Value::Object(map) => {
                let provenance = map.contains_key("provenance") && map.contains_key("source");
                for (key, item) in map.iter_mut() {
                    match item {
                        Value::Number(n) if matches!(key.as_str(), "line" | "from" | "to") => {
                            *item = Value::from(n.as_u64().unwrap() - line_offset as u64);
                        }
                        // Provenance: `[first, last]` line pairs under each pointer.
                        Value::Object(entries) if provenance && key == "provenance" => {
                            for lines in entries.values_mut() {
                                for n in lines.as_array_mut().into_iter().flatten() {
                                    *n = Value::from(n.as_u64().unwrap() - line_offset as u64);
                                }
                            }
                        }
                        _ => pending.push(item),
                    }
                }
            }
            Value::Array(items) => pending.extend(items.iter_mut()),
            _ => {}
        }
    }
    value
}

/// Asserts two lists of records are equal, naming the first difference.
fn same(got: &[Value], want: &[Value], context: &str) -> Result<(), TestCaseError> {
    let diff = difference(&Value::from(got.to_vec()), &Value::from(want.to_vec()), "");
    prop_assert!(diff.is_none(), "{context}: {}", diff.unwrap_or_default());
    Ok(())
}

fn records(out: &ParseOutput) -> Vec<Value> {
    out.records.iter().map(|s| comparable(s, 0)).collect()
}

/// Rewrites `text` with `ending` as every line break and `pad` added at the end of each line
/// chosen by `where_`.
fn respaced(text: &str, ending: &str, pads: &[(bool, &str)]) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push_str(ending);
        }
        out.push_str(line.trim_end_matches([' ', '\t']));
        if let Some((true, pad)) = pads.get(i % pads.len().max(1)) {
            out.push_str(pad);
        }
    }
    out
}

fn line_ending() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("\n"), Just("\r\n"), Just("\r")]
}

fn pads() -> impl Strategy<Value = Vec<(bool, &'static str)>> {
    prop::collection::vec(
        (
            any::<bool>(),
            prop_oneof![Just(" "), Just("\t"), Just("  \t "), Just("")],
        ),
        1..8,
    )
}

/// A labelled page of our own making: an ID and a handful of fields in a random order.
fn labelled_page() -> impl Strategy<Value = String> {
    let value = "[A-Za-z][A-Za-z0-9 ,()/%-]{0,40}";
    (
        "NCT0[0-9]{7}",
        prop::collection::vec(
            (
                prop::sample::select(vec![
                    "Brief Title",
                    "Official Title",
                    "Overall Status",
                    "Phase",
                    "Study Type",
                    "Enrollment",
                    "Start Date",
                    "Conditions",
                    "Interventions",
                    "Sponsor",
                    "Sex",
                    "Minimum Age",
                    "Something Else",
                ]),
                value,
            ),
            0..12,
        ),
    )
        .prop_map(|(id, fields)| {
            let mut page = format!("NCT ID: {id}\n");
            for (label, value) in fields {
                page.push_str(&format!("{label}: {value}\n"));
            }
            page
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_string_parses_and_serializes(text in any::<String>()) {
        let out = parse("any.txt", &text);
        let json = serde_json::to_string(&out).unwrap();
        prop_assert!(serde_json::from_str::<Value>(&json).is_ok());
    }

    #[test]
    fn any_bytes_parse_and_serialize(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let out = parse_bytes("any.bin", &bytes);
        prop_assert!(serde_json::to_string(&out).is_ok());
        // Every input gives a record or says why not.
        prop_assert!(!out.records.is_empty() || !out.diagnostics.is_empty());
    }

    #[test]
    fn page_like_strings_parse_and_serialize(
        lines in prop::collection::vec(
            prop_oneof![
                "[-*•·] ?[A-Za-z0-9 ≥≤µ±]{0,30}",
                "(Inclusion|Exclusion) Criteria:?",
                "[A-Z][a-z]{2,12}( [A-Z][a-z]{2,9})?: ?[A-Za-z0-9 ]{0,20}",
                "NCT[0-9]{8}",
                " {0,12}[0-9]{1,2}[.)] [a-z ]{0,20}",
                "#{1,3} [A-Za-z ]{1,20}",
                "[<>{}\\[\\]\"&;=/a-z ]{0,30}",
            ],
            0..60,
        )
    ) {
        let out = parse("lines.txt", &lines.join("\n"));
        prop_assert!(serde_json::to_string(&out).is_ok());
    }

    #[test]
    fn whitespace_and_line_breaks_do_not_change_a_fixture_page(
        index in any::<prop::sample::Index>(),
        ending in line_ending(),
        pads in pads(),
        tail in prop_oneof![Just(""), Just("\n"), Just("\n\n  \n"), Just(" \t")],
    ) {
        let Page { name, text, .. } = index.get(single_pages());
        let expected = records(&parse(name, text));
        let changed = respaced(text, ending, &pads) + tail;
        same(&records(&parse(name, &changed)), &expected, &format!("{name} {ending:?}"))?;
    }

    #[test]
    fn whitespace_and_line_breaks_do_not_change_a_structured_file(
        index in any::<prop::sample::Index>(),
        ending in line_ending(),
        tail in prop_oneof![Just(""), Just("\n"), Just("\r\n\r\n"), Just(" \t ")],
    ) {
        let files = structured_files();
        let (name, text) = index.get(&files);
        let expected = records(&parse(name, text));
        let changed = respaced(text, ending, &[]) + tail;
        same(&records(&parse(name, &changed)), &expected, &format!("{name} {ending:?}"))?;
    }

    #[test]
    fn whitespace_and_line_breaks_do_not_change_a_labelled_page(
        page in labelled_page(),
        ending in line_ending(),
        pads in pads(),
    ) {
        let expected = records(&parse("p.txt", &page));
        prop_assert_eq!(expected.len(), 1);
        let changed = respaced(&page, ending, &pads);
        same(&records(&parse("p.txt", &changed)), &expected, &page)?;
    }

    #[test]
    fn two_pages_pasted_together_give_the_records_of_each(
        first in any::<prop::sample::Index>(),
        second in any::<prop::sample::Index>(),
        gap in prop_oneof![Just("\n"), Just("\n\n"), Just("\n\n\n   \n")],
    ) {
        let (a, b) = (first.get(single_pages()), second.get(single_pages()));
        let (ra, rb) = (&a.record, &b.record);
        // A page cut before its site's end, followed by a page without a start marker (a
        // generic page), cannot be split: nothing marks where the first ends.
        let cut = ra
            .trialcards
            .diagnostics
            .iter()
            .any(|d| d.message.contains("looks cut off"));
        let generic = rb.trialcards.source.layout == "generic";
        prop_assume!(!(cut && generic));
        // After a generic page (or one of a site without a footer), a generic page starts where the first one's header
        // recurs (the same site), or at its labelled ID ("Main ID: …") naming another trial;
        // an ID only in a table cell, or the same trial twice, gives no boundary (a known limit).
        let labelled_id = b.text.lines().any(|l| {
            matches!(split_labelled(l.trim()), Some((Label::NctId, _)))
        });
        let same_trial = ra.nct_id().is_some() && ra.nct_id() == rb.nct_id();
        // Pages of these layouts show no end of their own (no footer): what follows them is
        // split off as after a generic page.
        const NO_END: &[&str] = &["generic", "who-ictrp"];
        let both_generic = generic && NO_END.contains(&ra.trialcards.source.layout.as_str());
        prop_assume!(!both_generic || a.name == b.name || (labelled_id && !same_trial));
        // A known limit too: when the first page ends with text no reader placed (a value under
        // a label the table does not know), the second page's header cannot be told from it.
        let last_line = a.text.trim_end().lines().count();
        let ends_unplaced = ra.trialcards.unrecognized.iter().any(|u| u.line == last_line);
        prop_assume!(!(both_generic && ends_unplaced));
        let joined = format!("{}{gap}{}", a.text.trim_end(), b.text);
        let out = parse("page.txt", &joined);
        prop_assert_eq!(out.records.len(), 2, "{} + {}: {:?}", a.name, b.name, out.diagnostics);
        let offset = a.text.trim_end().lines().count() + gap.matches('\n').count() - 1;
        let context = format!("{} + {}", a.name, b.name);
        same(&[comparable(&out.records[0], 0)], &[comparable(ra, 0)], &context)?;
        same(&[comparable(&out.records[1], offset)], &[comparable(rb, 0)], &context)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, failure_persistence: None, ..ProptestConfig::default() })]

    /// Our UTF-16 and windows-1252 decoders give exactly what encoding_rs (the WHATWG
    /// Encoding Standard's implementation in Firefox) gives, for any bytes.
    #[test]
    fn decoding_agrees_with_encoding_rs(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        use trialcards_core::input::charset::{decode, Charset};
        for (ours, theirs) in [
            (Charset::Utf16Le, encoding_rs::UTF_16LE),
            (Charset::Utf16Be, encoding_rs::UTF_16BE),
            (Charset::Windows1252, encoding_rs::WINDOWS_1252),
        ] {
            // Without a byte-order mark in front: `decode` drops a matching mark, as the
            // standard's "decode" does; `decode_without_bom_handling` would keep it.
            let body = match trialcards_core::input::charset::from_bom(&bytes) {
                Some(_) => &bytes[2..],
                None => &bytes[..],
            };
            prop_assert_eq!(decode(body, ours), theirs.decode_without_bom_handling(body).0);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// Text the parser cannot place is kept, never dropped: a line of words inserted anywhere
    /// in one of our pages shows up in what the parse gives (as unrecognised text, or inside
    /// the field or list it landed in).
    #[test]
    fn an_inserted_line_is_never_dropped(
        index in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        words in "Zq[a-z]{2,6}( [a-z]{3,8}){2,4}",
    ) {
        let Page { name, text, .. } = index.get(single_pages());
        let mut lines: Vec<&str> = text.lines().collect();
        let at = at.index(lines.len() + 1);
        lines.insert(at, &words);
        let out = parse(name, &lines.join("\n"));
        let json = serde_json::to_string(&out).unwrap();
        prop_assert!(json.contains(words.as_str()), "{name}: the line inserted at {} was dropped", at + 1);
    }
}
