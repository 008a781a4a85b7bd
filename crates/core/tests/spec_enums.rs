//! Every value our enums serialize to is one of the CT.gov API v2 spec's values for that enum.
//!
//! The spec's enum value lists are vendored as `tests/data/ctgov_enums.json`, so the check runs
//! everywhere (the spec itself, `ctg-oas-v2.0.5.yaml`, lives in `../shared/ctgov/`, which CI
//! on GitHub does not have). Where `../shared` is present, a second test extracts the lists
//! from the spec again (plain line scanning of `components/schemas`) and checks the vendored
//! file still equals them; `UPDATE_EXPECT=1` rewrites it from the spec.

use std::collections::BTreeMap;
use std::path::PathBuf;

use trialcards_core::model::enums::for_each_enum;

/// The spec the vendored lists come from, as `../shared` holds it.
const SPEC: &str = "ctg-oas-v2.0.5.yaml";

/// What `tests/data/ctgov_enums.json` holds: where the lists come from, and the lists.
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Vendored {
    /// The spec file and the part of it the lists were read from.
    source: String,
    /// Enum (schema) name → its values, in the spec's order.
    enums: BTreeMap<String, Vec<String>>,
}

fn vendored_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/ctgov_enums.json")
}

fn vendored() -> Vendored {
    let text = std::fs::read_to_string(vendored_path()).expect("tests/data/ctgov_enums.json");
    serde_json::from_str(&text).expect("tests/data/ctgov_enums.json reads")
}

/// Enum name → its values, from the `components/schemas` part of the spec.
fn spec_enums(yaml: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut in_enum = false;
    for line in yaml.lines() {
        let indent = line.len() - line.trim_start().len();
        let t = line.trim();
        if indent == 4 && t.ends_with(':') {
            current = Some(t.trim_end_matches(':').to_string());
            in_enum = false;
        } else if indent == 6 && t == "enum:" {
            in_enum = true;
        } else if in_enum && t.starts_with("- ") {
            if let Some(name) = &current {
                out.entry(name.clone())
                    .or_default()
                    .push(t[2..].trim_matches('"').to_string());
            }
        } else if indent <= 6 {
            in_enum = false;
        }
    }
    out
}

#[test]
fn every_enum_value_is_in_the_spec() {
    let spec = vendored().enums;
    let mut checked = 0;
    for_each_enum(|name, codes| {
        let values = spec
            .get(name)
            .unwrap_or_else(|| panic!("{name} is not an enum of the spec"));
        for code in codes {
            assert!(
                values.iter().any(|v| v == code),
                "{name}: {code} is not a spec value"
            );
            checked += 1;
        }
    });
    assert!(checked > 100, "only {checked} values checked");
}

#[test]
fn the_vendored_enum_lists_equal_the_spec() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/ctgov")
        .join(SPEC);
    let Ok(yaml) = std::fs::read_to_string(&path) else {
        eprintln!(
            "SKIPPED: {} is absent, so tests/data/ctgov_enums.json is not checked against the spec",
            path.display()
        );
        return;
    };
    let fresh = Vendored {
        source: format!("{SPEC}, components/schemas: every enum's values"),
        enums: spec_enums(&yaml),
    };
    assert!(fresh.enums.len() > 20, "the spec scan found too few enums");
    let text = serde_json::to_string_pretty(&fresh).expect("serializes") + "\n";
    // A difference prints a diff; UPDATE_EXPECT=1 writes the spec's lists.
    expect_test::expect_file![vendored_path()].assert_eq(&text);
}
