//! One component per file.

mod card;
mod card_list;
mod card_sections;
mod clear_all;
mod drop_zone;
mod empty_state;
mod file_picker;
mod keep_note;
mod markdown;
mod paste_box;
mod sources_list;

pub use card::{Card, CardProps};
pub use card_list::{CardList, CardListProps};
pub use card_sections::{CardSections, CardSectionsProps};
pub use clear_all::{ClearAll, ClearAllProps};
pub use drop_zone::{DropZone, DropZoneProps};
pub use empty_state::{EmptyState, EmptyStateProps};
pub use file_picker::{FilePicker, FilePickerProps};
pub use keep_note::{KeepNote, KeepNoteProps};
pub use markdown::{render_markdown, safe_url, Markdown, MarkdownProps};
pub use paste_box::{PasteBox, PasteBoxProps};
pub use sources_list::{SourcesList, SourcesListProps};
