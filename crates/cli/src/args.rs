//! Command-line arguments.

use trialcards_core::export::CsvOptions;

/// The usage text printed by `--help` and after a usage error.
pub const USAGE: &str = "\
Usage: trialcards parse [--format json|jsonl|csv|ris] [--bom] FILE...

Reads saved clinical-trial registry pages and prints the records found as
ClinicalTrials.gov API v2 study objects. FILE may be - to read standard input.

Options:
  --format json    a JSON array of all records (default)
  --format jsonl   one record per line
  --format csv     one row per record, with the columns of ClinicalTrials.gov's
                   CSV download
  --format ris     one entry per record, for Zotero, EndNote and Covidence
  --bom            start the CSV with a UTF-8 byte-order mark, so that Excel
                   opens it as UTF-8 (--format csv only)
  -h, --help       this text

Exit status: 0 when every input gave a record, 1 when an input could not be
read or held no registry page (its name is on stderr), 2 on a usage error.
";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Print the usage text.
    Help,
    /// Parse the inputs and print their records.
    Parse {
        /// How to print the records.
        format: Format,
        /// File paths, `-` for stdin.
        inputs: Vec<String>,
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
    /// RIS, one entry per record.
    Ris,
}

/// Parses the arguments after the program name.
pub fn parse(argv: &[String]) -> Result<Command, String> {
    let mut rest = argv.iter();
    match rest.next().map(String::as_str) {
        None => return Err("no command given".into()),
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("parse") => {}
        Some(other) => return Err(format!("unknown command '{other}'")),
    }
    let mut format = Format::Json;
    let mut byte_order_mark = false;
    let mut inputs = Vec::new();
    let mut options_done = false;
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--" if !options_done => options_done = true,
            "-h" | "--help" if !options_done => return Ok(Command::Help),
            "--format" if !options_done => {
                let value = rest
                    .next()
                    .ok_or("--format needs a value: json, jsonl, csv or ris")?;
                format = parse_format(value)?;
            }
            flag if !options_done && flag.starts_with("--format=") => {
                format = parse_format(&flag["--format=".len()..])?;
            }
            "--bom" if !options_done => byte_order_mark = true,
            flag if !options_done && flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown option '{flag}'"));
            }
            input => inputs.push(input.to_string()),
        }
    }
    if inputs.is_empty() {
        return Err("no FILE given (use - to read standard input)".into());
    }
    let format = match format {
        Format::Csv(_) => Format::Csv(CsvOptions { byte_order_mark }),
        _ if byte_order_mark => return Err("--bom applies to --format csv only".into()),
        other => other,
    };
    Ok(Command::Parse { format, inputs })
}

fn parse_format(value: &str) -> Result<Format, String> {
    match value {
        "json" => Ok(Format::Json),
        "jsonl" => Ok(Format::JsonLines),
        "csv" => Ok(Format::Csv(CsvOptions::default())),
        "ris" => Ok(Format::Ris),
        other => Err(format!(
            "unknown format '{other}': use json, jsonl, csv or ris"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn format_defaults_to_json_and_accepts_both_spellings() {
        assert_eq!(
            parse(&args(&["parse", "a.txt"])),
            Ok(Command::Parse {
                format: Format::Json,
                inputs: args(&["a.txt"])
            })
        );
        assert_eq!(
            parse(&args(&["parse", "--format", "jsonl", "a.txt", "-"])),
            Ok(Command::Parse {
                format: Format::JsonLines,
                inputs: args(&["a.txt", "-"])
            })
        );
        assert_eq!(
            parse(&args(&["parse", "--format=jsonl", "b"])),
            Ok(Command::Parse {
                format: Format::JsonLines,
                inputs: args(&["b"])
            })
        );
    }

    #[test]
    fn csv_and_ris_formats_and_the_byte_order_mark() {
        assert_eq!(
            parse(&args(&["parse", "--format", "csv", "a"])),
            Ok(Command::Parse {
                format: Format::Csv(CsvOptions {
                    byte_order_mark: false
                }),
                inputs: args(&["a"])
            })
        );
        // --bom before or after --format.
        for list in [
            ["parse", "--bom", "--format=csv", "a"],
            ["parse", "--format=csv", "--bom", "a"],
        ] {
            assert_eq!(
                parse(&args(&list)),
                Ok(Command::Parse {
                    format: Format::Csv(CsvOptions {
                        byte_order_mark: true
                    }),
                    inputs: args(&["a"])
                })
            );
        }
        assert_eq!(
            parse(&args(&["parse", "--format", "ris", "a"])),
            Ok(Command::Parse {
                format: Format::Ris,
                inputs: args(&["a"])
            })
        );
        for other in [
            &["parse", "--bom", "a"][..],
            &["parse", "--format=ris", "--bom", "a"],
        ] {
            assert_eq!(
                parse(&args(other)),
                Err("--bom applies to --format csv only".to_string())
            );
        }
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        assert!(parse(&args(&[])).unwrap_err().contains("no command"));
        assert!(parse(&args(&["parse"])).unwrap_err().contains("no FILE"));
        assert!(parse(&args(&["parse", "--format", "xml", "a"]))
            .unwrap_err()
            .contains("xml"));
        assert!(parse(&args(&["parse", "--bogus", "a"]))
            .unwrap_err()
            .contains("--bogus"));
        assert!(parse(&args(&["frobnicate"]))
            .unwrap_err()
            .contains("frobnicate"));
    }

    #[test]
    fn double_dash_ends_options() {
        assert_eq!(
            parse(&args(&["parse", "--", "--format"])),
            Ok(Command::Parse {
                format: Format::Json,
                inputs: args(&["--format"])
            })
        );
    }
}
