//! One component per file.

mod card;
mod card_entries;
mod card_list;
mod card_sections;
mod clear_all;
mod compare;
mod drop_zone;
mod empty_state;
mod export_bar;
mod file_picker;
mod keep_note;
mod markdown;
mod overview;
mod paste_box;
mod sources_differ;
mod sources_list;
mod toolbar;
mod trials_pane;

pub use card::{Card, CardProps};
pub use card_list::{CardList, CardListProps};
pub use card_sections::{CardSections, CardSectionsProps};
pub use clear_all::{ClearAll, ClearAllProps};
pub use compare::{Compare, CompareProps, COMPARE_MAX, COMPARE_MIN};
pub use drop_zone::{DropZone, DropZoneProps};
pub use empty_state::{EmptyState, EmptyStateProps};
pub use export_bar::{ExportBar, ExportBarProps};
pub use file_picker::{FilePicker, FilePickerProps};
pub use keep_note::{KeepNote, KeepNoteProps};
pub use markdown::{render_markdown, safe_url, web_url, Markdown, MarkdownProps};
pub use overview::{Overview, OverviewProps, TIMELINE_ROWS};
pub use paste_box::{PasteBox, PasteBoxProps};
pub use sources_differ::{SourcesDiffer, SourcesDifferProps};
pub use sources_list::{SourcesList, SourcesListProps};
pub use toolbar::{Toolbar, ToolbarProps};
pub use trials_pane::{TrialsPane, TrialsPaneProps};
