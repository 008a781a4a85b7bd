//! Command-line arguments.

/// The usage text printed by `--help` and after a usage error.
pub const USAGE: &str = "\
Usage: trialcards parse [--format json|jsonl] FILE...

Reads saved clinical-trial registry pages and prints the records found as
ClinicalTrials.gov API v2 study objects. FILE may be - to read standard input.

Options:
  --format json    a JSON array of all records (default)
  --format jsonl   one record per line
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
    let mut inputs = Vec::new();
    let mut options_done = false;
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--" if !options_done => options_done = true,
            "-h" | "--help" if !options_done => return Ok(Command::Help),
            "--format" if !options_done => {
                let value = rest.next().ok_or("--format needs a value: json or jsonl")?;
                format = parse_format(value)?;
            }
            flag if !options_done && flag.starts_with("--format=") => {
                format = parse_format(&flag["--format=".len()..])?;
            }
            flag if !options_done && flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown option '{flag}'"));
            }
            input => inputs.push(input.to_string()),
        }
    }
    if inputs.is_empty() {
        return Err("no FILE given (use - to read standard input)".into());
    }
    Ok(Command::Parse { format, inputs })
}

fn parse_format(value: &str) -> Result<Format, String> {
    match value {
        "json" => Ok(Format::Json),
        "jsonl" => Ok(Format::JsonLines),
        other => Err(format!("unknown format '{other}': use json or jsonl")),
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
