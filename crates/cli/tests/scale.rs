//! The CLI at registry scale, on inputs generated here (fictional NCT0999xxxx trials): a
//! large JSON Lines file streams in bounded memory, a ZIP archive is read member by member,
//! `-j 2` prints exactly what `-j 1` prints, and a list of bare NCT IDs gives one record per
//! trial. Memory is the child's own peak
//! resident size (`VmHWM`); time and memory are printed, and held to generous limits
//! only (these run in debug builds, beside other tests).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod common;

use common::{CTGOV_CSV, GRAFT_STUDY, VEEVA};

/// A folder of its own for one test's files, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("trialcards-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What one run of the binary did: its exit code, stdout and stderr, time and peak memory.
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
    time: Duration,
    peak_mb: f64,
}

impl Run {
    /// The non-empty lines of stdout (one record each in JSON Lines).
    fn stdout_lines(&self) -> impl Iterator<Item = &[u8]> {
        self.stdout.split(|b| *b == b'\n').filter(|l| !l.is_empty())
    }

    /// Asserts that stderr says `message` (showing stderr when not).
    fn assert_stderr_has(&self, message: &str) {
        assert!(self.stderr.contains(message), "{}", self.stderr);
    }

    /// Asserts that `other` printed the same bytes on stdout and stderr; `what` names the case.
    fn assert_same_output(&self, other: &Run, what: &str) {
        assert!(self.stdout == other.stdout, "{what}: stdout differs");
        assert_eq!(self.stderr, other.stderr, "{what}");
    }
}

/// Runs the binary with `args`, stdout and stderr to files in `scratch`, and measures it.
fn run(scratch: &Scratch, args: &[&str]) -> Run {
    let (out, err) = (scratch.path("stdout"), scratch.path("stderr"));
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_trialcards"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(File::create(&out).unwrap())
        .stderr(File::create(&err).unwrap())
        .spawn()
        .expect("the binary starts");
    let (code, peak_kb) = wait_measured(child);
    let time = start.elapsed();
    Run {
        code,
        stdout: std::fs::read(&out).unwrap(),
        stderr: std::fs::read_to_string(&err).unwrap(),
        time,
        peak_mb: peak_kb as f64 / 1024.0,
    }
}

/// Waits for `child` and returns its exit code and its peak resident size in KiB: the largest
/// `VmHWM` its `/proc` status showed while it ran (looked at every few milliseconds; a
/// child's rusage would count the test process's own memory too, which it shares until
/// `exec`).
fn wait_measured(mut child: Child) -> (i32, u64) {
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_file) {
            let hwm = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok());
            peak = peak.max(hwm.unwrap_or(0));
        }
        if let Some(status) = child.try_wait().unwrap() {
            return (status.code().unwrap_or(-1), peak);
        }
        std::thread::sleep(Duration::from_millis(3));
    }
}

/// `count` fictional studies as JSON Lines, each with a summary of `summary_bytes`.
fn json_lines(count: usize, summary_bytes: usize) -> String {
    let study: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(GRAFT_STUDY).unwrap()).unwrap();
    let summary = "A fictional summary line of a fictional trial. ".repeat(summary_bytes / 48);
    let mut out = String::new();
    for i in 0..count {
        let mut study = study.clone();
        let protocol = &mut study["protocolSection"];
        protocol["identificationModule"]["nctId"] = format!("NCT0999{:04}", i % 10_000).into();
        protocol["descriptionModule"]["briefSummary"] = summary.clone().into();
        out.push_str(&serde_json::to_string(&study).unwrap());
        out.push('\n');
    }
    out
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

/// Writes a ZIP archive as CT.gov's bulk download is made (one JSON file per study, deflated),
/// with a folder, a page saved as text, and a member that is not JSON, `broken.json`.
fn write_archive(path: &Path, studies: usize) {
    use zip::write::SimpleFileOptions;
    let study: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(GRAFT_STUDY).unwrap()).unwrap();
    let mut zip = zip::ZipWriter::new(File::create(path).unwrap());
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.add_directory("ctg-studies/", options).unwrap();
    for i in 0..studies {
        let mut study = study.clone();
        let id = format!("NCT0999{i:04}");
        study["protocolSection"]["identificationModule"]["nctId"] = id.clone().into();
        zip.start_file(format!("ctg-studies/{id}.json"), options)
            .unwrap();
        let text = serde_json::to_string_pretty(&study).unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
        if i == studies / 2 {
            zip.start_file("ctg-studies/broken.json", options).unwrap();
            std::io::Write::write_all(&mut zip, b"{\"protocolSection\": {").unwrap();
            zip.start_file("page.txt", options).unwrap();
            let page = std::fs::read_to_string(VEEVA).unwrap();
            std::io::Write::write_all(&mut zip, page.as_bytes()).unwrap();
        }
    }
    zip.finish().unwrap();
}

#[test]
fn a_zip_archive_is_read_member_by_member_each_named_and_a_bad_one_reported() {
    let scratch = Scratch::new("zip");
    let archive = scratch.path("ctg-studies.json.zip");
    write_archive(&archive, 20);
    let archive = archive.to_str().unwrap();
    let run = run(&scratch, &["parse", "--format", "jsonl", archive]);
    // The broken member fails the run, and every other member's record is printed.
    assert_eq!(run.code, 1, "{}", run.stderr);
    let records: Vec<serde_json::Value> = run
        .stdout_lines()
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    let names: Vec<&str> = records
        .iter()
        .map(|r| r["trialcards"]["source"]["fileName"].as_str().unwrap())
        .collect();
    let mut expected: Vec<String> = (0..20)
        .map(|i| format!("{archive}:ctg-studies/NCT0999{i:04}.json"))
        .collect();
    expected.insert(11, format!("{archive}:page.txt"));
    assert_eq!(names, expected);
    assert_eq!(
        records[3]["protocolSection"]["identificationModule"]["nctId"],
        "NCT09990003"
    );
    run.assert_stderr_has(&format!(
        "{archive}:ctg-studies/broken.json: this is not valid JSON"
    ));
}

/// An archive whose members cannot all be read from their own headers (the flag that says a
/// member's sizes follow its data, set on its first entry or on its fifth) is read through its
/// central directory from there: the same records and messages.
#[test]
fn an_archive_read_through_its_central_directory_gives_the_same_output() {
    let scratch = Scratch::new("zip-directory");
    let plain = scratch.path("plain.zip");
    write_archive(&plain, 12);
    let bytes = std::fs::read(&plain).unwrap();
    let headers: Vec<usize> = bytes
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == b"PK\x03\x04")
        .map(|(i, _)| i)
        .collect();
    let expected = run(
        &scratch,
        &["parse", "--format", "jsonl", plain.to_str().unwrap()],
    );
    assert_eq!(expected.stdout_lines().count(), 13);
    for entry in [0, 4] {
        let mut flagged = bytes.clone();
        flagged[headers[entry] + 6] |= 0x08;
        let path = scratch.path("plain.zip");
        std::fs::write(&path, &flagged).unwrap();
        let run = run(
            &scratch,
            &["parse", "--format", "jsonl", path.to_str().unwrap()],
        );
        run.assert_same_output(&expected, &format!("entry {entry}"));
    }
}

#[test]
fn a_hundred_megabytes_of_json_lines_stream_in_bounded_memory() {
    let scratch = Scratch::new("jsonl-memory");
    let input = scratch.path("registry.jsonl");
    let text = json_lines(100, 1 << 20);
    write(&input, &text);
    let megabytes = text.len() as f64 / (1 << 20) as f64;
    drop(text);
    let run = run(
        &scratch,
        &["parse", "--format", "jsonl", input.to_str().unwrap()],
    );
    println!(
        "{megabytes:.0} MB of JSON Lines (100 studies): {:.1} s, peak {:.0} MB resident",
        run.time.as_secs_f64(),
        run.peak_mb
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(megabytes > 95.0);
    assert_eq!(run.stdout_lines().count(), 100);
    // Past the 25 MB the core reads as one text, and in a fraction of the input's size.
    assert!(run.peak_mb < 300.0, "peak {:.0} MB", run.peak_mb);
}

#[test]
fn two_jobs_print_what_one_job_prints_byte_for_byte() {
    let scratch = Scratch::new("jobs");
    // Several chunks of JSON Lines with a bad line, pages, a CSV, a file that holds no page
    // and one that is missing: records and messages in input order.
    let mut lines = json_lines(150, 8 << 10);
    let at = lines.len() / 2 + lines[lines.len() / 2..].find('\n').unwrap() + 1;
    lines.insert_str(at, "{\"protocolSection\": \n");
    let bad_line = format!("a.jsonl: line {}", lines[..at].matches('\n').count() + 1);
    write(&scratch.path("a.jsonl"), &lines);
    write(
        &scratch.path("b.txt"),
        &std::fs::read_to_string(VEEVA).unwrap(),
    );
    write(
        &scratch.path("c.csv"),
        &std::fs::read_to_string(CTGOV_CSV).unwrap(),
    );
    write(&scratch.path("d.txt"), "Nothing to see here.\n");
    write_archive(&scratch.path("e.zip"), 30);
    let names = [
        "a.jsonl",
        "b.txt",
        "missing.txt",
        "c.csv",
        "e.zip",
        "d.txt",
        "b.txt",
    ];
    let paths: Vec<String> = names
        .iter()
        .map(|n| scratch.path(n).to_string_lossy().into_owned())
        .collect();
    for format in ["json", "jsonl", "csv", "groups-csv"] {
        let mut runs = Vec::new();
        for jobs in ["1", "2"] {
            let mut args = vec!["parse", "-j", jobs, "--format", format];
            args.extend(paths.iter().map(String::as_str));
            let run = run(&scratch, &args);
            println!(
                "--format {format} -j {jobs}: {:.2} s, peak {:.0} MB",
                run.time.as_secs_f64(),
                run.peak_mb
            );
            runs.push(run);
        }
        let (one, two) = (&runs[0], &runs[1]);
        assert_eq!(one.code, 1, "an input failed: {}", one.stderr);
        assert_eq!(two.code, one.code);
        one.assert_same_output(two, &format!("--format {format}"));
        one.assert_stderr_has("missing.txt: cannot read");
        one.assert_stderr_has(&bad_line);
        // Stderr is a file, not a terminal: messages only, no progress line.
        assert!(
            one.stderr.lines().all(|l| l.starts_with("trialcards: ")),
            "{}",
            one.stderr
        );
    }
}

#[test]
fn a_list_of_bare_nct_ids_gives_one_small_record_per_trial() {
    let scratch = Scratch::new("bare-ids");
    let input = scratch.path("ids.txt");
    let text: String = (0..400_000)
        .map(|i| format!("NCT0999{:04}\n", i % 1000))
        .collect();
    write(&input, &text);
    let run = run(
        &scratch,
        &["parse", "--format", "jsonl", input.to_str().unwrap()],
    );
    let records = run.stdout_lines().count();
    println!(
        "400,000 lines of bare NCT IDs ({:.1} MB): {records} records, {:.2} s, peak {:.0} MB",
        text.len() as f64 / (1 << 20) as f64,
        run.time.as_secs_f64(),
        run.peak_mb
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(records, 1000);
    assert!(run.stdout.len() < 1000 * 1024, "{} bytes", run.stdout.len());
    assert!(run.peak_mb < 200.0, "peak {:.0} MB", run.peak_mb);
    assert!(run.time < Duration::from_secs(30), "{:?}", run.time);
}
