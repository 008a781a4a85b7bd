//! The inputs as units of parsing work, in order: a file (or stdin) read whole, the chunks
//! of a structured file read piece by piece (`trialcards_core::stream`) and its end, or the
//! members of a ZIP archive ([`crate::archive`]). Reading
//! happens here, on the thread that asks for the next unit; parsing happens wherever the unit
//! is run ([`Work::run`]), so units can be parsed in parallel.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use trialcards_core::input::{self, MAX_INPUT_BYTES};
use trialcards_core::stream::{self, Chunk, Ending, Opened, Stream};
use trialcards_core::ParseOutput;

use crate::archive::{self, Archive};

/// One unit of work, and where it stands in its input.
pub enum Work {
    /// A whole input (a page's text, one study, XML …): parsed at once, up to the core's limit.
    Whole {
        /// The name the input is reported by.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// Some whole studies or rows of a streamed input.
    Chunk(Chunk),
    /// The end of a streamed input: its own notes, once its records are counted.
    End(Ending),
    /// An input that could not be read, and why (reported as it is).
    Unreadable(String),
}

/// What a unit of work gave.
pub enum Done {
    /// Records and diagnostics of part or all of an input; `whole`: the input is complete.
    Parsed {
        /// The records and what was odd about them.
        output: ParseOutput,
        /// Whether this is all of its input.
        whole: bool,
    },
    /// The end of a streamed input.
    End(Ending),
    /// An input that could not be read.
    Unreadable(String),
}

impl Work {
    /// Parses the unit (reading nothing more).
    pub fn run(self) -> Done {
        match self {
            Work::Whole { name, bytes } => Done::Parsed {
                output: trialcards_core::parse_bytes(&name, &bytes),
                whole: true,
            },
            Work::Chunk(chunk) => Done::Parsed {
                output: chunk.parse(),
                whole: false,
            },
            Work::End(ending) => Done::End(ending),
            Work::Unreadable(why) => Done::Unreadable(why),
        }
    }

    /// About how many bytes of text the unit holds (for how many to hold at once).
    pub fn size(&self) -> usize {
        match self {
            Work::Whole { bytes, .. } => bytes.len(),
            Work::Chunk(chunk) => chunk.text_len(),
            Work::End(_) | Work::Unreadable(_) => 0,
        }
    }
}

/// Where an input's bytes come from: a file, stdin, an archive member.
type Source = Box<dyn Read + Send>;

/// The units of work of the inputs, in order, each input opened only when its first unit is
/// asked for.
pub struct Inputs {
    paths: std::vec::IntoIter<PathBuf>,
    /// The input being streamed, and its path (for its reading errors).
    current: Option<(PathBuf, Box<Stream<Source>>)>,
    /// The archive whose members are being read.
    archive: Option<Archive>,
}

impl Inputs {
    /// The units of work of `paths` (`-` is stdin), in order.
    pub fn new(paths: &[PathBuf]) -> Self {
        Inputs {
            paths: Vec::from(paths).into_iter(),
            current: None,
            archive: None,
        }
    }

    /// The first unit of the input at `path`: the whole of it, or its stream's first chunk.
    fn open(&mut self, path: PathBuf) -> Work {
        let (name, reader): (String, Source) = if path.as_os_str() == "-" {
            ("<stdin>".to_string(), Box::new(io::stdin()))
        } else {
            let name = path.to_string_lossy().into_owned();
            let mut file = match File::open(&path) {
                Ok(file) => BufReader::with_capacity(1 << 16, file),
                Err(err) => return Work::Unreadable(cannot_read(path.display(), &err)),
            };
            match file.fill_buf() {
                Ok(head) if archive::is_zip(head) => return self.open_archive(&name, &path, file),
                Ok(_) => (name, Box::new(file)),
                Err(err) => return Work::Unreadable(cannot_read(path.display(), &err)),
            }
        };
        match stream::open(&name, reader) {
            Ok(Opened::Stream(stream)) => {
                self.current = Some((path, stream));
                self.next_of_stream()
            }
            Ok(Opened::Whole { head, rest }) => match read_whole(&name, head, rest) {
                Ok(Ok(bytes)) => Work::Whole { name, bytes },
                Ok(Err(too_large)) => Work::Unreadable(too_large),
                Err(err) => Work::Unreadable(cannot_read(path.display(), &err)),
            },
            Err(err) => Work::Unreadable(cannot_read(path.display(), &err)),
        }
    }

    /// The first member of the archive `name` at `path`, or why it cannot be read; its other
    /// members come next.
    fn open_archive(&mut self, name: &str, path: &Path, file: BufReader<File>) -> Work {
        self.archive = Some(Archive::open(name, path, file));
        self.next()
            .unwrap_or_else(|| Work::Unreadable(format!("{name}: the ZIP archive holds no file")))
    }

    /// The next unit of the input being streamed: a chunk, or its end (after the last chunk,
    /// or when reading fails).
    fn next_of_stream(&mut self) -> Work {
        let Some((path, stream)) = self.current.as_mut() else {
            unreachable!("called while streaming");
        };
        let work = match stream.next() {
            Some(Ok(chunk)) => return Work::Chunk(chunk),
            Some(Err(err)) => Work::Unreadable(cannot_read(path.display(), &err)),
            None => Work::End(stream.ending()),
        };
        self.current = None;
        work
    }
}

impl Iterator for Inputs {
    type Item = Work;

    fn next(&mut self) -> Option<Work> {
        if self.current.is_some() {
            return Some(self.next_of_stream());
        }
        if let Some(archive) = self.archive.as_mut() {
            match archive.next_member() {
                Some(work) => return Some(work),
                None => self.archive = None,
            }
        }
        let path = self.paths.next()?;
        Some(self.open(path))
    }
}

/// "name: cannot read: why", as the CLI reports an input (or archive member) it could not read.
pub fn cannot_read(name: impl std::fmt::Display, err: &io::Error) -> String {
    format!("{name}: cannot read: {err}")
}

/// The core's message for the input `name` of `size` bytes, past the most it reads as one text.
pub fn too_large(name: &str, size: u64) -> String {
    input::check_size(name, size)
        .map(|d| d.message)
        .unwrap_or_default()
}

/// The input `name` read whole: its `head`, then the `rest` — or, past the most the core reads
/// as one text, the core's message saying how large it is (the rest read, not kept).
fn read_whole(
    name: &str,
    mut head: Vec<u8>,
    mut rest: impl Read,
) -> io::Result<Result<Vec<u8>, String>> {
    let limit = (MAX_INPUT_BYTES + 1).saturating_sub(head.len()) as u64;
    (&mut rest).take(limit).read_to_end(&mut head)?;
    if head.len() <= MAX_INPUT_BYTES {
        return Ok(Ok(head));
    }
    let size = head.len() as u64 + io::copy(&mut rest, &mut io::sink())?;
    Ok(Err(too_large(name, size)))
}
