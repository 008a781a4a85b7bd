//! ZIP archives — CT.gov's bulk download `ctg-studies.json.zip` holds one JSON file per study —
//! read member by member: each member is an input of its own, named `archive.zip:member.json`,
//! read whole (up to the core's limit for one text) when its turn comes. A member that cannot
//! be read is reported by name, and the others are read all the same.
//!
//! Members are read one after another from their own headers, so memory stays one member's
//! however many the archive holds. An archive that does not allow that (a member whose sizes
//! follow its data, a prefix before the first member) is read through its central directory
//! instead, which is then held in memory (about half a kilobyte a member), from the member
//! after the last one read.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use trialcards_core::input::{self, MAX_INPUT_BYTES};
use zip::read::{read_zipfile_from_stream, ZipFile};
use zip::ZipArchive;

use crate::inputs::{cannot_read, too_large, Work};

/// Whether an input's first bytes are a ZIP archive's (a local file header, or the end of
/// an empty archive).
pub fn is_zip(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06")
}

/// An open archive and where its reading stands.
pub struct Archive {
    name: String,
    path: PathBuf,
    mode: Mode,
    /// Entries read so far (folders too), in the archive's order.
    read: usize,
}

/// How the members are read.
enum Mode {
    /// One after another from their local headers.
    Stream(BufReader<File>),
    /// Through the central directory, from entry `next` on.
    Directory {
        zip: ZipArchive<BufReader<File>>,
        next: usize,
    },
    /// Every member has been read, or the archive cannot be read further.
    Done,
}

impl Archive {
    /// The archive `name` at `path`, whose reader `file` is at its start.
    pub fn open(name: &str, path: &Path, file: BufReader<File>) -> Archive {
        Archive {
            name: name.to_string(),
            path: path.to_path_buf(),
            mode: Mode::Stream(file),
            read: 0,
        }
    }

    /// The next member that is a file, as a unit of work (or why the archive cannot be read
    /// further); `None` after the last.
    pub fn next_member(&mut self) -> Option<Work> {
        loop {
            let step = match &mut self.mode {
                Mode::Done => return None,
                Mode::Stream(reader) => {
                    let next = read_zipfile_from_stream(reader);
                    let step = match next {
                        Ok(Some(member)) => {
                            Step::Entry(member_work(&self.name, self.read, Ok(member)))
                        }
                        Ok(None) => Step::End,
                        Err(_) => Step::Directory,
                    };
                    if let Step::Entry(_) = step {
                        self.read += 1;
                    }
                    step
                }
                Mode::Directory { zip, next } if *next < zip.len() => {
                    let index = *next;
                    *next += 1;
                    Step::Entry(member_work(&self.name, index, zip.by_index(index)))
                }
                Mode::Directory { .. } => Step::End,
            };
            match step {
                Step::Entry(Some(work)) => return Some(work),
                Step::Entry(None) => {}
                Step::End => {
                    self.mode = Mode::Done;
                    return None;
                }
                // Read the rest through the central directory.
                Step::Directory => {
                    if let Err(why) = self.open_directory() {
                        self.mode = Mode::Done;
                        return Some(Work::Unreadable(why));
                    }
                }
            }
        }
    }

    /// Reads the archive through its central directory from the entry after the last read.
    fn open_directory(&mut self) -> Result<(), String> {
        let file = File::open(&self.path).map_err(|err| cannot_read(&self.name, &err))?;
        let zip = ZipArchive::new(BufReader::new(file))
            .map_err(|err| format!("{}: cannot read the ZIP archive: {err}", self.name))?;
        self.mode = Mode::Directory {
            zip,
            next: self.read,
        };
        Ok(())
    }
}

/// What reading the next entry gave.
enum Step {
    /// An entry: a member's unit of work, or `None` for a folder.
    Entry(Option<Work>),
    /// No entry is left.
    End,
    /// The entries cannot be read from their own headers: the central directory is needed.
    Directory,
}

/// The unit of work of the archive's entry `index` (from 0): its bytes, or why it cannot be
/// read; `None` for a folder.
fn member_work<R: Read>(
    archive: &str,
    index: usize,
    member: zip::result::ZipResult<ZipFile<'_, R>>,
) -> Option<Work> {
    let mut member = match member {
        Ok(member) => member,
        Err(err) => {
            return Some(Work::Unreadable(format!(
                "{archive}: member {}: cannot read: {err}",
                index + 1
            )))
        }
    };
    if member.is_dir() {
        return None;
    }
    let name = format!("{archive}:{}", member.name());
    if let Some(over_limit) = input::check_size(&name, member.size()) {
        return Some(Work::Unreadable(over_limit.message));
    }
    let mut bytes = Vec::new();
    let read = (&mut member)
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes);
    Some(match read {
        Ok(_) if bytes.len() > MAX_INPUT_BYTES => {
            Work::Unreadable(too_large(&name, bytes.len() as u64))
        }
        Ok(_) => Work::Whole { name, bytes },
        Err(err) => Work::Unreadable(cannot_read(&name, &err)),
    })
}
