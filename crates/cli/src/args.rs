//! Command-line arguments, parsed with clap from the strings the OS gives (`args_os`): a file
//! name need not be UTF-8, and it reaches `std::fs` unchanged. The facts `check` takes are
//! health data: a usage error names the option or variable that is wrong, never the value.

use std::ffi::{OsStr, OsString};
use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use trialcards_core::eligibility::{self, Fact, Patient, PatientSex};
use trialcards_core::export::CsvOptions;
use trialcards_core::model::Variable;

/// The exit statuses, at the end of both help texts.
macro_rules! exit_status {
    () => {
        "Exit status: 0 when every input gave a record, 1 when an input could not be
read or held no registry page (its name is on stderr), 2 on a usage error."
    };
}

/// The end of `trialcards --help`: what `parse` takes, then the exit statuses, so that the
/// first help a user asks for shows every format and option.
const TOP_AFTER_HELP: &str = concat!(
    "\
trialcards parse [--format json|jsonl|csv|groups-csv|ris|results-csv|events-csv] [--bom] [-j N] FILE...
  Reads saved clinical-trial registry pages and prints the records found as
  ClinicalTrials.gov API v2 study objects. FILE may be - to read standard input.

  --format json         a JSON array of all records (default)
  --format jsonl        one record per line
  --format csv          one row per record, with the columns of
                        ClinicalTrials.gov's CSV download
  --format groups-csv   one row per record, grouped into trials by shared
                        registry IDs (NCT, EudraCT, ISRCTN...): the duplicates a
                        review counts
  --format ris          one entry per record, for Zotero, EndNote and Covidence
  --format results-csv  one row per outcome measurement of the posted results
  --format events-csv   one row per adverse-event term and group
  --bom                 start the CSV with a UTF-8 byte-order mark, so that Excel
                        opens it as UTF-8 (the CSV formats only)
  -j N                  parse N inputs at once (default: one per core); the
                        records are printed in input order all the same

trialcards check [--age YEARS] [--sex female|male] [--healthy yes|no]
                 [--set VARIABLE=NUMBER[UNIT]]... FILE...
  Checks one person's facts against each record and prints one JSON line per
  record: excluded (with the reasons) or possible (with the criteria a person
  must still read). Never \"eligible\". `trialcards check --help` lists the
  variables. The facts are printed on stdout only.

",
    exit_status!()
);

/// What `trialcards check --help` ends with: the variables `--set` takes, each with its units,
/// then the exit statuses.
fn check_after_help() -> String {
    let mut out = String::from(
        "Variables for --set (NUMBER with a decimal point or comma; UNIT in any usual\n\
         spelling, e.g. anc=1.2x10^9/L, platelets=150000/mm3, creatinine=1.1mg/dL;\n\
         without a unit only where the variable has a usual one, e.g. age in years):\n",
    );
    for v in Variable::ALL {
        let units: Vec<&str> = eligibility::units_of(*v).iter().map(|u| u.code()).collect();
        let units = match (*v, units.is_empty()) {
            (Variable::Height, _) => "cm".to_string(),
            (Variable::Temperature, _) => "°C".to_string(),
            (_, true) => "no unit".to_string(),
            // A ratio is often written bare ("INR ≤ 1.5").
            (Variable::Inr | Variable::Aptt | Variable::Pao2Fio2, _) => {
                format!("no unit, {}", units.join(", "))
            }
            _ => units.join(", "),
        };
        out.push_str(&format!("  {:<22}{units}\n", v.code()));
    }
    out.push('\n');
    out.push_str(exit_status!());
    out
}

/// The whole command line as clap reads it.
#[derive(Debug, Parser)]
#[command(
    name = "trialcards",
    version,
    about = "Turns saved clinical-trial registry pages into ClinicalTrials.gov API v2 records.",
    after_help = TOP_AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: CliCommand,
}

/// The commands.
#[derive(Debug, Subcommand)]
enum CliCommand {
    /// Reads registry pages and prints their records.
    #[command(
        about = "Prints the records found in saved registry pages",
        long_about = "\
Reads saved clinical-trial registry pages and prints the records found as
ClinicalTrials.gov API v2 study objects. FILE may be - to read standard input.",
        after_help = exit_status!()
    )]
    Parse(ParseArgs),
    /// Checks one person's facts against each record.
    #[command(
        about = "Checks one person's facts against each record",
        long_about = "\
Checks one person's facts against each record found in FILE... and prints one
JSON line per record: {\"nctId\", \"verdict\": \"excluded\" or \"possible\",
\"reasons\": [...], \"unchecked\": [...]}. A record excludes the person when a
fact is outside its minimum or maximum age, sex or healthy-volunteer field, or
fails an inclusion threshold or meets an exclusion threshold; otherwise the
person is possible, and \"unchecked\" lists the criteria a person must still
read. It never says eligible. The facts are health data: they are printed on
stdout only, never on stderr or to a file.",
        after_help = check_after_help()
    )]
    Check(CheckArgs),
}

/// `trialcards check`'s facts and files.
#[derive(Debug, Args)]
struct CheckArgs {
    /// The person's age in years
    #[arg(long, value_name = "YEARS", value_parser = AgeParser, allow_negative_numbers = true)]
    age: Option<f64>,
    /// The person's sex
    #[arg(long, value_name = "female|male", value_parser = SexParser)]
    sex: Option<PatientSex>,
    /// Whether the person is a healthy volunteer
    #[arg(long, value_name = "yes|no", value_parser = YesNoParser)]
    healthy: Option<bool>,
    /// A measurement, VARIABLE=NUMBER[UNIT] (repeat for more; the variables are listed below)
    #[arg(long = "set", value_name = "VARIABLE=NUMBER[UNIT]", value_parser = FactParser)]
    facts: Vec<Fact>,
    #[command(flatten)]
    jobs: JobsArg,
    /// Registry pages or ClinicalTrials.gov files to check; - reads standard input
    #[arg(value_name = "FILE", required = true)]
    inputs: Vec<PathBuf>,
}

/// A value parser for one of `check`'s facts: `read` turns the text into the value, or says
/// what is wrong without repeating it.
macro_rules! fact_parser {
    ($(#[$meta:meta])* $name:ident -> $value:ty, $read:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        struct $name;

        impl TypedValueParser for $name {
            type Value = $value;

            fn parse_ref(
                &self,
                cmd: &clap::Command,
                _arg: Option<&clap::Arg>,
                value: &OsStr,
            ) -> Result<$value, clap::Error> {
                let read: fn(&str) -> Result<$value, String> = $read;
                read(value.to_str().unwrap_or_default())
                    .map_err(|why| cmd.clone().error(ErrorKind::InvalidValue, why))
            }
        }
    };
}

fact_parser!(
    /// Reads `--age`: a number of years.
    AgeParser -> f64,
    |text| {
        text.trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|a| a.is_finite() && (0.0..200.0).contains(a))
            .ok_or_else(|| "--age takes a number of years, such as 72 or 6.5".to_string())
    }
);

fact_parser!(
    /// Reads `--sex`: female or male.
    SexParser -> PatientSex,
    |text| match text.trim().to_ascii_lowercase().as_str() {
        "female" | "f" => Ok(PatientSex::Female),
        "male" | "m" => Ok(PatientSex::Male),
        _ => Err("--sex takes female or male".to_string()),
    }
);

fact_parser!(
    /// Reads `--healthy`: yes or no.
    YesNoParser -> bool,
    |text| match text.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" => Ok(true),
        "no" | "n" | "false" => Ok(false),
        _ => Err("--healthy takes yes or no".to_string()),
    }
);

fact_parser!(
    /// Reads `--set VARIABLE=NUMBER[UNIT]`.
    FactParser -> Fact,
    |text| Fact::parse(text).map_err(|e| format!("--set {e}"))
);

/// `-j N`, which `parse` and `check` share.
#[derive(Debug, Args)]
struct JobsArg {
    /// How many inputs to parse at once
    #[arg(
        short = 'j',
        long = "jobs",
        value_name = "N",
        long_help = "How many inputs (files, archive members, parts of a large file) to parse \
                     at once; the records are printed in input order all the same. Default: \
                     one per core"
    )]
    jobs: Option<NonZeroUsize>,
}

/// `trialcards parse`'s options and files.
#[derive(Debug, Args)]
struct ParseArgs {
    /// How to print the records
    #[arg(long, value_name = "FORMAT", default_value = "json", value_parser = FormatParser)]
    format: FormatName,
    /// Whether the CSV starts with a byte-order mark.
    #[arg(
        long,
        help = "Start the CSV with a UTF-8 byte-order mark (the CSV formats only)",
        long_help = "\
Start the CSV with a UTF-8 byte-order mark, so that Excel opens it as UTF-8
(the CSV formats only: csv, groups-csv, results-csv, events-csv)"
    )]
    bom: bool,
    #[command(flatten)]
    jobs: JobsArg,
    /// Saved registry pages to read; - reads standard input
    #[arg(value_name = "FILE", required = true)]
    inputs: Vec<PathBuf>,
}

/// The values of `--format`; their doc comments are the help's descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatName {
    /// A JSON array of all records
    Json,
    /// One record per line
    Jsonl,
    /// One row per record, with the columns of ClinicalTrials.gov's CSV download
    Csv,
    /// One row per record, grouped into trials by shared registry IDs
    GroupsCsv,
    /// One entry per record, for Zotero, EndNote and Covidence
    Ris,
    /// One row per outcome measurement of the posted results
    ResultsCsv,
    /// One row per adverse-event term and group
    EventsCsv,
}

/// The `--format` values, as a sentence lists them ("json, jsonl, csv or ris").
fn format_names() -> String {
    let names: Vec<String> = FormatName::value_variants()
        .iter()
        .filter_map(|f| f.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Reads a `--format` value as [`FormatName`], refusing others with our own message (which
/// names the value and lists the formats); the help lists the formats from here too.
#[derive(Debug, Clone, Copy)]
struct FormatParser;

impl TypedValueParser for FormatParser {
    type Value = FormatName;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<FormatName, clap::Error> {
        value
            .to_str()
            .and_then(|name| FormatName::from_str(name, false).ok())
            .ok_or_else(|| {
                cmd.clone().error(
                    ErrorKind::InvalidValue,
                    format!(
                        "unknown format '{}': use {}",
                        value.to_string_lossy(),
                        format_names()
                    ),
                )
            })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            FormatName::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value),
        ))
    }
}

/// What the command line asks for, checked.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// Parse the inputs and print their records.
    Parse {
        /// How to print the records.
        format: Format,
        /// File paths as given (not necessarily UTF-8), `-` for stdin.
        inputs: Vec<PathBuf>,
        /// How many inputs to parse at once (`-j`); `None`: one per core.
        jobs: Option<NonZeroUsize>,
    },
    /// Check one person against each record of the inputs.
    Check {
        /// What is known of the person.
        patient: Patient,
        /// File paths as given (not necessarily UTF-8), `-` for stdin.
        inputs: Vec<PathBuf>,
        /// How many inputs to parse at once (`-j`); `None`: one per core.
        jobs: Option<NonZeroUsize>,
    },
}

/// How records are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON array.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// ClinicalTrials.gov's CSV columns, one row per record.
    Csv(CsvOptions),
    /// One row per record, grouped into the trials they make.
    GroupsCsv(CsvOptions),
    /// RIS, one entry per record.
    Ris,
    /// The posted results, one row per outcome measurement.
    ResultsCsv(CsvOptions),
    /// The adverse events, one row per term and group.
    EventsCsv(CsvOptions),
}

/// Parses a whole command line, the program name first (as `std::env::args_os()` gives it).
///
/// `--help` and `--version` come back as errors of kind [`ErrorKind::DisplayHelp`] and
/// [`ErrorKind::DisplayVersion`]; [`clap::Error::exit`] prints them on stdout and exits 0,
/// and prints every other error (a usage error) on stderr and exits 2.
pub fn parse_from<I, T>(argv: I) -> Result<Command, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut cmd = Cli::command();
    let matches = cmd.try_get_matches_from_mut(argv)?;
    let cli = Cli::from_arg_matches(&matches)?;
    match cli.command {
        CliCommand::Parse(args) => {
            let csv = CsvOptions {
                byte_order_mark: args.bom,
            };
            let format = match (args.format, args.bom) {
                (FormatName::Csv, _) => Format::Csv(csv),
                (FormatName::GroupsCsv, _) => Format::GroupsCsv(csv),
                (FormatName::ResultsCsv, _) => Format::ResultsCsv(csv),
                (FormatName::EventsCsv, _) => Format::EventsCsv(csv),
                (_, true) => {
                    let parse = cmd
                        .find_subcommand_mut("parse")
                        .expect("parse is a subcommand");
                    return Err(parse.error(
                        ErrorKind::ArgumentConflict,
                        "--bom applies to the CSV formats only (csv, groups-csv, results-csv, events-csv)",
                    ));
                }
                (FormatName::Json, false) => Format::Json,
                (FormatName::Jsonl, false) => Format::JsonLines,
                (FormatName::Ris, false) => Format::Ris,
            };
            Ok(Command::Parse {
                format,
                inputs: args.inputs,
                jobs: args.jobs.jobs,
            })
        }
        CliCommand::Check(args) => {
            let check = cmd
                .find_subcommand_mut("check")
                .expect("check is a subcommand");
            let mut seen: Vec<Variable> = Vec::new();
            for fact in &args.facts {
                if seen.contains(&fact.variable) {
                    return Err(check.error(
                        ErrorKind::ArgumentConflict,
                        format!("--set {} is given twice", fact.variable.code()),
                    ));
                }
                seen.push(fact.variable);
            }
            if args.age.is_some() && seen.contains(&Variable::Age) {
                return Err(check.error(
                    ErrorKind::ArgumentConflict,
                    "the age is given twice: use --age or --set age, not both",
                ));
            }
            Ok(Command::Check {
                patient: Patient {
                    age: args.age,
                    sex: args.sex,
                    healthy: args.healthy,
                    facts: args.facts,
                },
                inputs: args.inputs,
                jobs: args.jobs.jobs,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(list: &[&str]) -> Result<Command, clap::Error> {
        parse_from(std::iter::once("trialcards").chain(list.iter().copied()))
    }

    fn paths(list: &[&str]) -> Vec<PathBuf> {
        list.iter().map(PathBuf::from).collect()
    }

    /// The text clap prints for a usage error, after checking that it exits 2.
    fn message(list: &[&str]) -> String {
        let err = parse(list).expect_err("a usage error");
        assert_eq!(err.exit_code(), 2, "{err}");
        err.to_string()
    }

    #[test]
    fn the_command_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn format_defaults_to_json_and_accepts_both_spellings() {
        assert_eq!(
            parse(&["parse", "a.txt"]).unwrap(),
            Command::Parse {
                format: Format::Json,
                inputs: paths(&["a.txt"]),
                jobs: None,
            }
        );
        assert_eq!(
            parse(&["parse", "--format", "jsonl", "a.txt", "-"]).unwrap(),
            Command::Parse {
                format: Format::JsonLines,
                inputs: paths(&["a.txt", "-"]),
                jobs: None,
            }
        );
        assert_eq!(
            parse(&["parse", "--format=jsonl", "b"]).unwrap(),
            Command::Parse {
                format: Format::JsonLines,
                inputs: paths(&["b"]),
                jobs: None,
            }
        );
    }

    #[test]
    fn csv_and_ris_formats_and_the_byte_order_mark() {
        assert_eq!(
            parse(&["parse", "--format", "csv", "a"]).unwrap(),
            Command::Parse {
                format: Format::Csv(CsvOptions {
                    byte_order_mark: false
                }),
                inputs: paths(&["a"]),
                jobs: None,
            }
        );
        // --bom before or after --format.
        for list in [
            ["parse", "--bom", "--format=csv", "a"],
            ["parse", "--format=csv", "--bom", "a"],
        ] {
            assert_eq!(
                parse(&list).unwrap(),
                Command::Parse {
                    format: Format::Csv(CsvOptions {
                        byte_order_mark: true
                    }),
                    inputs: paths(&["a"]),
                    jobs: None,
                }
            );
        }
        assert_eq!(
            parse(&["parse", "--format", "ris", "a"]).unwrap(),
            Command::Parse {
                format: Format::Ris,
                inputs: paths(&["a"]),
                jobs: None,
            }
        );
        for other in [
            &["parse", "--bom", "a"][..],
            &["parse", "--format=ris", "--bom", "a"],
        ] {
            assert!(message(other).contains("--bom applies to the CSV formats only"));
        }
    }

    #[test]
    fn the_results_tables_are_csv_formats_and_take_the_byte_order_mark() {
        let bom = CsvOptions {
            byte_order_mark: true,
        };
        assert_eq!(
            parse(&["parse", "--format", "results-csv", "a"]).unwrap(),
            Command::Parse {
                format: Format::ResultsCsv(CsvOptions::default()),
                inputs: paths(&["a"]),
                jobs: None,
            }
        );
        assert_eq!(
            parse(&["parse", "--format=events-csv", "--bom", "a"]).unwrap(),
            Command::Parse {
                format: Format::EventsCsv(bom),
                inputs: paths(&["a"]),
                jobs: None,
            }
        );
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        assert!(message(&[]).contains("Usage: trialcards <COMMAND>"));
        assert!(message(&["parse"]).contains("<FILE>"));
        assert!(message(&["parse", "--format", "xml", "a"]).contains(
            "unknown format 'xml': use json, jsonl, csv, groups-csv, ris, results-csv or events-csv"
        ));
        assert!(message(&["parse", "--bogus", "a"]).contains("'--bogus'"));
        assert!(message(&["parse", "--formt", "csv", "a"]).contains("'--format'"));
        assert!(message(&["frobnicate"]).contains("'frobnicate'"));
    }

    #[test]
    fn help_and_version_are_not_usage_errors() {
        for list in [
            &["--help"][..],
            &["-h"],
            &["parse", "--help"],
            &["help", "parse"],
        ] {
            let err = parse(list).expect_err("help is clap's early exit");
            assert_eq!(err.kind(), ErrorKind::DisplayHelp, "{list:?}");
            assert_eq!(err.exit_code(), 0);
        }
        let err = parse(&["--version"]).expect_err("version is clap's early exit");
        assert_eq!(err.kind(), ErrorKind::DisplayVersion);
        assert_eq!(err.exit_code(), 0);
    }

    #[test]
    fn check_reads_the_facts() {
        let command = parse(&[
            "check",
            "--age",
            "72",
            "--sex",
            "female",
            "--healthy",
            "no",
            "--set",
            "anc=1.0x10^9/L",
            "--set",
            "ecog=1",
            "a.json",
        ])
        .unwrap();
        let Command::Check {
            patient, inputs, ..
        } = command
        else {
            panic!("a check");
        };
        assert_eq!(patient.age, Some(72.0));
        assert_eq!(patient.sex, Some(PatientSex::Female));
        assert_eq!(patient.healthy, Some(false));
        let facts: Vec<&str> = patient.facts.iter().map(|f| f.variable.code()).collect();
        assert_eq!(facts, ["anc", "ecog"]);
        assert_eq!(inputs, paths(&["a.json"]));
    }

    #[test]
    fn check_usage_errors_name_what_is_wrong_and_never_the_value() {
        let wrong = [
            (
                &["check", "--set", "ferritin=20", "a"][..],
                "unknown variable 'ferritin'",
                "20",
            ),
            (
                &["check", "--set", "anc=lots", "a"],
                "--set anc: the value is not a number",
                "lots",
            ),
            (
                &["check", "--set", "anc=1.5 parsecs", "a"],
                "--set anc: the unit is not one",
                "parsecs",
            ),
            (
                &["check", "--set", "weight=70%", "a"],
                "weight is not measured in %",
                "70",
            ),
            (
                &["check", "--age", "seventy-two", "a"],
                "--age takes a number of years",
                "seventy",
            ),
            (
                &["check", "--age", "-5", "a"],
                "--age takes a number of years",
                "-5",
            ),
            (
                &["check", "--sex", "unknown", "a"],
                "--sex takes female or male",
                "unknown",
            ),
            (
                &["check", "--healthy", "maybe", "a"],
                "--healthy takes yes or no",
                "maybe",
            ),
            (
                &["check", "--set", "anc=1", "--set", "anc=2", "a"],
                "--set anc is given twice",
                "anc=2",
            ),
            (
                &["check", "--age", "70", "--set", "age=71", "a"],
                "the age is given twice",
                "71",
            ),
        ];
        for (list, says, value) in wrong {
            let text = message(list);
            assert!(text.contains(says), "{list:?}: {text}");
            assert!(!text.contains(value), "{list:?} repeats the value: {text}");
        }
        assert!(message(&["check", "--age", "70"]).contains("<FILE>"));
    }

    #[test]
    fn double_dash_ends_options() {
        assert_eq!(
            parse(&["parse", "--", "--format"]).unwrap(),
            Command::Parse {
                format: Format::Json,
                inputs: paths(&["--format"]),
                jobs: None,
            }
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_name_that_is_not_utf8_is_kept_byte_for_byte() {
        use std::os::unix::ffi::OsStrExt;

        let name = OsStr::from_bytes(b"trial-\xff.txt");
        let command = parse_from([OsStr::new("trialcards"), OsStr::new("parse"), name]).unwrap();
        assert_eq!(
            command,
            Command::Parse {
                format: Format::Json,
                inputs: vec![PathBuf::from(name)],
                jobs: None,
            }
        );
        // A --format value that is not UTF-8 is a usage error, not a panic.
        let value = OsStr::from_bytes(b"js\xffn");
        let err = parse_from(
            ["trialcards", "parse", "--format"]
                .map(OsStr::new)
                .into_iter()
                .chain([value, name]),
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("unknown format 'js\u{FFFD}n'"),
            "{err}"
        );
    }
}
