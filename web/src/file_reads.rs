//! Reading picked files inside the parse worker, many files to one read: the browser's work
//! per file read (a stream or a promise each, answered from its own process) is about a
//! millisecond, which for ten thousand small files held the page's thread for seconds. The
//! page posts the files' handles to the worker ([`crate::worker::Parser::read`]); the worker
//! reads consecutive files together as one `Blob` made of them, and splits the bytes by their
//! sizes. 10,000 small files read so in 4.5 s, against 10.4 s one by one on the page (headless
//! Chromium 148 on the project's 2-core machine).

use trialcards_core::input;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The most bytes one read takes together (a larger file is a read of its own).
const GROUP_BYTES: u64 = 4 * 1024 * 1024;

/// The most files one read takes together.
const GROUP_FILES: usize = 256;

/// Files larger than this are left to the page to read (and then given to the worker to parse,
/// as a paste is): the worker is for the many small files of a folder, and a large page read on
/// the page is listed and saved a step at a time (a 25 MB page's text handed over from the
/// worker in one piece held the page's thread for over a second).
pub const ON_PAGE_BYTES: u64 = 2 * 1024 * 1024;

/// What reading one file gave.
pub enum Read {
    /// Its bytes.
    Bytes(Vec<u8>),
    /// Why there are none, in a sentence naming it.
    Failed(String),
    /// It is larger than [`ON_PAGE_BYTES`]: not read here.
    OnPage,
}

/// Reads `files` (each with its name) in order, handing each file's outcome to `each` (with
/// its place in `files`) as soon as its read is done; the read of the next group is under way
/// while `each` handles this one's files. A file larger than [`ON_PAGE_BYTES`] is not read.
pub async fn read_in_groups(files: &[(String, web_sys::File)], each: &mut dyn FnMut(usize, Read)) {
    let groups = groups(files);
    let mut ahead = groups.first().and_then(|group| start(files, group));
    for (at, group) in groups.iter().enumerate() {
        let next = groups.get(at + 1).and_then(|next| start(files, next));
        let read = std::mem::replace(&mut ahead, next);
        match group {
            Group::Large(file) => each(*file, Read::OnPage),
            Group::Together {
                files: range,
                sizes,
            } => {
                let together = match read {
                    Some(read) => read.await.ok(),
                    None => None,
                };
                match together {
                    Some(bytes) if bytes.len() as u64 == sizes.iter().sum::<u64>() => {
                        let mut from = 0;
                        for (at, size) in range.clone().zip(sizes) {
                            let to = from + *size as usize;
                            each(at, Read::Bytes(bytes[from..to].to_vec()));
                            from = to;
                        }
                    }
                    // A file gone or changed since it was picked fails the read of its whole
                    // group: each is read alone, so that only it is named.
                    _ => {
                        for at in range.clone() {
                            let (name, file) = &files[at];
                            let read = match array_buffer(file).await {
                                Ok(bytes) => Read::Bytes(bytes),
                                Err(why) => Read::Failed(input::cannot_read(name, &why)),
                            };
                            each(at, read);
                        }
                    }
                }
            }
        }
    }
}

/// One read: a run of consecutive files read together, or one large file left to the page.
enum Group {
    Together {
        files: std::ops::Range<usize>,
        sizes: Vec<u64>,
    },
    Large(usize),
}

/// Splits `files` into reads, in order.
fn groups(files: &[(String, web_sys::File)]) -> Vec<Group> {
    let mut groups = Vec::new();
    let (mut start, mut sizes, mut bytes) = (0, Vec::new(), 0u64);
    for (at, (_, file)) in files.iter().enumerate() {
        let size = file.size() as u64;
        let full = !sizes.is_empty() && (bytes + size > GROUP_BYTES || sizes.len() >= GROUP_FILES);
        if full || size > ON_PAGE_BYTES {
            if !sizes.is_empty() {
                groups.push(Group::Together {
                    files: start..at,
                    sizes: std::mem::take(&mut sizes),
                });
            }
            (start, bytes) = (at, 0);
        }
        if size > ON_PAGE_BYTES {
            groups.push(Group::Large(at));
            start = at + 1;
            continue;
        }
        sizes.push(size);
        bytes += size;
    }
    if !sizes.is_empty() {
        groups.push(Group::Together {
            files: start..files.len(),
            sizes,
        });
    }
    groups
}

/// A read under way: the bytes of a group's files one after another.
type Reading = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Vec<u8>, String>>>>;

/// Starts reading `group`: `None` for a large file, or when the browser would not make the
/// `Blob` (its files are then read one by one).
fn start(files: &[(String, web_sys::File)], group: &Group) -> Option<Reading> {
    let Group::Together { files: range, .. } = group else {
        return None;
    };
    let parts: js_sys::Array = files[range.clone()].iter().map(|(_, file)| file).collect();
    let blob = web_sys::Blob::new_with_blob_sequence(&parts).ok()?;
    Some(Box::pin(async move { array_buffer(&blob).await }))
}

/// A blob's bytes, or the browser's reason it could not read them.
async fn array_buffer(blob: &web_sys::Blob) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| crate::intake::error_message(&e))?;
    let buffer: js_sys::ArrayBuffer = buffer.unchecked_into();
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
