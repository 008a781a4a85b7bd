//! ZIP archives — CT.gov's bulk download `ctg-studies.json.zip` holds one JSON file per study —
//! read member by member: each member is an input of its own, named `archive.zip:member.json`,
//! read whole (up to the core's limit for one text) when its turn comes. A member that cannot
//! be read is reported by name, and the others are read all the same.

use std::fs::File;
use std::io::{self, BufReader, Read};

use trialcards_core::input::{self, MAX_INPUT_BYTES};
use zip::ZipArchive;

use crate::inputs::Work;

/// Whether an input's first bytes are a ZIP archive's (a local file header, or the end of
/// an empty archive).
pub fn is_zip(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06")
}

/// An open archive and the next member to read.
pub struct Archive {
    name: String,
    zip: ZipArchive<BufReader<File>>,
    next: usize,
}

impl Archive {
    /// Opens the archive `name` (its central directory is read here); `Err` says why it cannot
    /// be, as the CLI reports it.
    pub fn open(name: &str, file: BufReader<File>) -> Result<Archive, String> {
        match ZipArchive::new(file) {
            Ok(zip) => Ok(Archive {
                name: name.to_string(),
                zip,
                next: 0,
            }),
            Err(err) => Err(format!("{name}: cannot read the ZIP archive: {err}")),
        }
    }

    /// The next member that is a file, as a unit of work; `None` after the last.
    pub fn next_member(&mut self) -> Option<Work> {
        while self.next < self.zip.len() {
            let index = self.next;
            self.next += 1;
            let mut member = match self.zip.by_index(index) {
                Ok(member) => member,
                Err(err) => {
                    return Some(Work::Unreadable(format!(
                        "{}: member {}: cannot read: {err}",
                        self.name,
                        index + 1
                    )))
                }
            };
            if member.is_dir() {
                continue;
            }
            let name = format!("{}:{}", self.name, member.name());
            if let Some(too_large) = input::check_size(&name, member.size()) {
                return Some(Work::Unreadable(too_large.message));
            }
            let mut bytes = Vec::new();
            let read = (&mut member)
                .take(MAX_INPUT_BYTES as u64 + 1)
                .read_to_end(&mut bytes);
            return Some(match read {
                Ok(_) if bytes.len() > MAX_INPUT_BYTES => Work::Unreadable(
                    input::check_size(&name, bytes.len() as u64)
                        .map(|d| d.message)
                        .unwrap_or_default(),
                ),
                Ok(_) => Work::Whole { name, bytes },
                Err(err) => Work::Unreadable(cannot_read(&name, &err)),
            });
        }
        None
    }
}

/// "name: cannot read: why".
fn cannot_read(name: &str, err: &io::Error) -> String {
    format!("{name}: cannot read: {err}")
}
