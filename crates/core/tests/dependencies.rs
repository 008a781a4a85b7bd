//! The core's run-time dependencies are pinned: `crates/core/Cargo.toml`'s `[dependencies]`
//! (and any target-specific or build dependencies) must be exactly the allowed list. The core
//! is pure Rust with no I/O, no UI and no browser: adding a crate here is an architecture
//! decision (ARCHITECTURE.md, "Architecture invariant" of `crates/core`), made by changing
//! this list and that paragraph together.

/// The crates the core may depend on at run time, and why.
const ALLOWED: &[(&str, &str)] = &[
    ("serde", "the model's Serialize and Deserialize"),
    (
        "serde_json",
        "CT.gov JSON, and the unmodelled fields it keeps",
    ),
    ("csv", "reading and writing CT.gov's CSV"),
    ("quick-xml", "classic CT.gov XML"),
    (
        "memchr",
        "finding the next special byte of a saved page a word at a time",
    ),
];

/// The dependency names of every section of a Cargo manifest whose name ends in
/// `dependencies` but is not `dev-dependencies`, with the section each stands in. Reads the
/// plain forms Cargo.toml uses here: `name = …`, `name.workspace = true`, and
/// `[dependencies.name]` tables.
fn run_time_dependencies(manifest: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut section: Option<String> = None;
    for line in manifest.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_end_matches(']').trim().to_string();
            let is_deps = |h: &str| {
                (h.ends_with("dependencies") || h.contains("dependencies."))
                    && !h.contains("dev-dependencies")
            };
            section = None;
            if let Some((table, name)) = header.rsplit_once("dependencies.") {
                if is_deps(&header) {
                    out.push((
                        name.trim_matches('"').to_string(),
                        format!("{table}dependencies"),
                    ));
                }
            } else if is_deps(&header) {
                section = Some(header);
            }
            continue;
        }
        if let Some(section) = &section {
            let key = line.split(['=', '.']).next().unwrap_or_default().trim();
            out.push((key.trim_matches('"').to_string(), section.clone()));
        }
    }
    out
}

#[test]
fn the_core_depends_only_on_the_allowed_crates() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let manifest = std::fs::read_to_string(path).expect("crates/core/Cargo.toml");
    let found = run_time_dependencies(&manifest);
    let mut names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    let mut allowed: Vec<&str> = ALLOWED.iter().map(|(n, _)| *n).collect();
    allowed.sort_unstable();
    let added: Vec<String> = found
        .iter()
        .filter(|(n, _)| !allowed.contains(&n.as_str()))
        .map(|(n, s)| format!("{n} (in [{s}])"))
        .collect();
    assert!(
        added.is_empty(),
        "crates/core may not depend on {}: the core is pure Rust with no I/O, and no UI, \
         browser (wasm-bindgen, web-sys, js-sys, gloo, yew …) or I/O crate may enter it. Such \
         code belongs to the shells (crates/cli, web/). If a pure parsing crate is really \
         needed, add it to ALLOWED here and to ARCHITECTURE.md's invariant together.",
        added.join(", ")
    );
    assert_eq!(
        names, allowed,
        "the core's [dependencies] are not the allowed list: update ALLOWED (and \
         ARCHITECTURE.md) when one is removed"
    );
}

#[test]
fn the_manifest_reader_sees_every_form() {
    let manifest = "[package]\nname = \"x\"\n[dependencies]\nserde.workspace = true\n\
                    csv = \"1\" # a comment\n\"quoted\" = { version = \"1\" }\n\
                    [dev-dependencies]\nproptest = \"1\"\n\
                    [target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n\
                    [build-dependencies]\ncc = \"1\"\n[dependencies.gloo]\nversion = \"0.11\"\n";
    let names: Vec<String> = run_time_dependencies(manifest)
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["serde", "csv", "quoted", "libc", "cc", "gloo"]);
}
