//! The style matrix (issue 12): every fictional record rendered in every page style, parsed, and
//! scored field by field. Prints a style × field table (run with `-- --nocapture`); with
//! `STYLE_MATRIX_DETAIL=1` also each failing cell's first mismatch.

#[path = "support/style_pages.rs"]
mod style_pages;

use style_pages::{styles, Field, Record, Style, RECORDS};
use trialcards_core::model::CtEnum;
use trialcards_core::{parse, Study};

/// The accuracy every field must reach over the matrix (issue 12 asks for 0.95; before the
/// reading layer the weakest field read 0.28).
const MIN_FIELD_ACCURACY: f64 = 0.95;

/// The accuracy over all scored cells (0.55 before the reading layer).
const MIN_OVERALL_ACCURACY: f64 = 0.95;

/// Trims and collapses runs of whitespace.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A set of strings as one sorted, comparable string.
fn set(items: impl IntoIterator<Item = String>) -> String {
    let mut v: Vec<String> = items.into_iter().map(|s| squash(&s)).collect();
    v.sort();
    v.join(" | ")
}

fn opt(s: Option<&str>) -> String {
    s.map_or_else(|| "(none)".to_string(), squash)
}

/// What the record says for `field`, as the comparable string.
fn expected(field: Field, r: &Record, types: bool) -> String {
    match field {
        Field::Title => squash(r.title),
        Field::Id => match r.nct_id {
            Some(id) => id.to_string(),
            None => format!("secondary {}", r.other_id.unwrap_or("")),
        },
        Field::Status => r.status.to_string(),
        Field::Phases => set(r.phases.iter().map(|p| p.to_string())),
        Field::StudyType => r.study_type.to_string(),
        Field::Enrollment => r.enrollment.to_string(),
        Field::Sex => r.sex.to_string(),
        Field::Ages => format!("min {} max {}", opt(r.min_age), opt(r.max_age)),
        Field::Sponsor => squash(r.sponsor),
        Field::Conditions => set(r.conditions.iter().map(|c| c.to_string())),
        Field::Interventions => set(r.interventions.iter().map(|i| {
            if types {
                format!("{} {}", i.kind, i.name)
            } else {
                i.name.to_string()
            }
        })),
        Field::Criteria => format!(
            "inclusion {} exclusion {}",
            r.inclusion.len(),
            r.exclusion.len()
        ),
    }
}

fn code<T: CtEnum>(v: Option<T>) -> String {
    v.map_or_else(|| "(none)".to_string(), |v| v.code().to_string())
}

/// What the parsed record says for `field`, as the comparable string.
fn got(field: Field, s: &Study, r: &Record, types: bool) -> String {
    let p = &s.protocol_section;
    match field {
        Field::Title => opt(p
            .identification_module
            .brief_title
            .as_deref()
            .or(p.identification_module.official_title.as_deref())),
        Field::Id => {
            let secondary: Vec<&str> = p
                .identification_module
                .secondary_id_infos
                .iter()
                .filter_map(|i| i.id.as_deref())
                .collect();
            match (p.identification_module.nct_id.as_deref(), r.other_id) {
                (Some(nct), _) => nct.to_string(),
                (None, Some(other)) if secondary.contains(&other) => format!("secondary {other}"),
                (None, _) => format!("secondary {}", secondary.join(", ")),
            }
        }
        Field::Status => code(p.status_module.overall_status),
        Field::Phases => set(p
            .design_module
            .phases
            .iter()
            .map(|ph| ph.code().to_string())),
        Field::StudyType => code(p.design_module.study_type),
        Field::Enrollment => p
            .design_module
            .enrollment_info
            .as_ref()
            .and_then(|e| e.count)
            .map_or_else(|| "(none)".to_string(), |n| n.to_string()),
        Field::Sex => code(p.eligibility_module.sex),
        Field::Ages => format!(
            "min {} max {}",
            opt(p.eligibility_module.minimum_age.as_deref()),
            opt(p.eligibility_module.maximum_age.as_deref())
        ),
        Field::Sponsor => opt(p
            .sponsor_collaborators_module
            .lead_sponsor
            .as_ref()
            .and_then(|l| l.name.as_deref())),
        Field::Conditions => set(p.conditions_module.conditions.iter().cloned()),
        Field::Interventions => set(p.arms_interventions_module.interventions.iter().map(|i| {
            let name = i.name.clone().unwrap_or_default();
            if types {
                format!("{} {name}", code(i.intervention_type))
            } else {
                name
            }
        })),
        Field::Criteria => {
            let (inc, exc) = s
                .trialcards
                .criteria
                .as_ref()
                .map_or((0, 0), |c| (c.inclusion.len(), c.exclusion.len()));
            format!("inclusion {inc} exclusion {exc}")
        }
    }
}

/// One cell of the matrix: how many records a style's pages read right for a field, and the
/// first mismatch.
#[derive(Default)]
struct Cell {
    right: usize,
    total: usize,
    first_miss: Option<String>,
}

/// Parses every record in `style` and scores each field it shows.
fn score_style(style: &Style) -> Vec<Option<Cell>> {
    let mut cells: Vec<Option<Cell>> = Field::ALL
        .iter()
        .map(|f| style.shown.contains(f).then(Cell::default))
        .collect();
    for r in RECORDS {
        let page = (style.render)(r);
        let out = parse(style.file_name, &page);
        let study = out.records.first().cloned().unwrap_or_default();
        for (field, cell) in Field::ALL.iter().zip(cells.iter_mut()) {
            let Some(cell) = cell else { continue };
            let want = expected(*field, r, style.shows_intervention_types);
            let have = if out.records.is_empty() {
                "(no record)".to_string()
            } else {
                got(*field, &study, r, style.shows_intervention_types)
            };
            cell.total += 1;
            if want == have {
                cell.right += 1;
            } else if cell.first_miss.is_none() {
                cell.first_miss = Some(format!(
                    "record {} ({} records read): expected `{want}`, got `{have}`",
                    r.seed,
                    out.records.len()
                ));
            }
        }
    }
    cells
}

fn ratio(right: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        right as f64 / total as f64
    }
}

#[test]
fn style_matrix_per_field_accuracy() {
    let styles = styles();
    assert!(styles.len() >= 14);
    assert!(RECORDS.len() >= 8);
    let matrix: Vec<Vec<Option<Cell>>> = styles.iter().map(score_style).collect();

    let width = 18;
    let mut header = format!("{:width$}", "style");
    for f in Field::ALL {
        header.push_str(&format!("{:>9}", f.name()));
    }
    println!("{header}");
    for (style, cells) in styles.iter().zip(&matrix) {
        let mut row = format!("{:width$}", style.name);
        for cell in cells {
            let text = cell
                .as_ref()
                .map_or("-".to_string(), |c| format!("{}/{}", c.right, c.total));
            row.push_str(&format!("{text:>9}"));
        }
        println!("{row}");
    }

    let mut totals = format!("{:width$}", "field accuracy");
    let mut per_field = Vec::new();
    let (mut all_right, mut all_total) = (0, 0);
    for (i, f) in Field::ALL.iter().enumerate() {
        let (right, total) = matrix
            .iter()
            .filter_map(|cells| cells[i].as_ref())
            .fold((0, 0), |(r, t), c| (r + c.right, t + c.total));
        all_right += right;
        all_total += total;
        let acc = ratio(right, total);
        per_field.push((*f, acc));
        totals.push_str(&format!("{acc:>9.2}"));
    }
    println!("{totals}");
    let overall = ratio(all_right, all_total);
    let lowest = per_field.iter().map(|&(_, acc)| acc).fold(1.0, f64::min);
    println!("overall: {all_right}/{all_total} = {overall:.3}; lowest field: {lowest:.3}");

    if std::env::var("STYLE_MATRIX_DETAIL").is_ok_and(|v| v == "1") {
        for (style, cells) in styles.iter().zip(&matrix) {
            for (f, cell) in Field::ALL.iter().zip(cells) {
                if let Some(miss) = cell.as_ref().and_then(|c| c.first_miss.as_ref()) {
                    println!("{} × {}: {miss}", style.name, f.name());
                }
            }
        }
    }

    for (f, acc) in per_field {
        assert!(
            acc >= MIN_FIELD_ACCURACY,
            "{} accuracy {acc:.3} < {MIN_FIELD_ACCURACY}",
            f.name()
        );
    }
    assert!(
        overall >= MIN_OVERALL_ACCURACY,
        "overall accuracy {overall:.3} < {MIN_OVERALL_ACCURACY}"
    );
}

/// With `STYLE_MATRIX_PAGE=style:seed` (for example `label-colon:1`), prints that page and the
/// records read from it, for fixing the reader one cell at a time.
#[test]
fn print_one_page_on_request() {
    let Ok(wanted) = std::env::var("STYLE_MATRIX_PAGE") else {
        return;
    };
    let (name, seed) = wanted.split_once(':').unwrap_or((&wanted, "0"));
    let seed: usize = seed.parse().unwrap_or(0);
    for style in styles().iter().filter(|s| s.name == name) {
        for r in RECORDS.iter().filter(|r| r.seed == seed) {
            let page = (style.render)(r);
            println!(
                "---- {name} record {seed} ({}) ----\n{page}",
                style.file_name
            );
            for record in parse(style.file_name, &page).records {
                let json = serde_json::to_string_pretty(&record.protocol_section).unwrap();
                println!("---- protocolSection ----\n{json}");
                println!("layout: {}", record.trialcards.source.layout);
            }
        }
    }
}

/// Each style renders every record to a page that holds its title (the generator's own check:
/// a style that dropped a field would be scored for something it never showed).
#[test]
fn every_style_shows_each_record_title_and_id() {
    for style in styles() {
        for r in RECORDS {
            let page = (style.render)(r);
            assert!(page.contains(r.shown_id()), "{} {}", style.name, r.seed);
            let title = r.title.replace('&', "&amp;");
            assert!(page.contains(&title), "{} {}", style.name, r.seed);
        }
    }
}
