//! The file picker: each chosen file is read as text and added as a source.

use gloo::file::File;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::Action;

/// Props of [`FilePicker`].
#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    /// Called once per file, with the file's text or why it could not be read.
    pub on_file: Callback<Action>,
}

/// A labelled `<input type="file" multiple>`.
#[component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let files: Vec<File> = input
                .files()
                .map(|list| {
                    (0..list.length())
                        .filter_map(|i| list.get(i))
                        .map(File::from)
                        .collect()
                })
                .unwrap_or_default();
            input.set_value("");
            for file in files {
                read_file(file, on_file.clone());
            }
        })
    };
    html! {
        <div class="file-picker">
            <label for="file-input" class="button">{ "Choose files…" }</label>
            <input id="file-input" class="visually-hidden-input" type="file" multiple=true {onchange} />
        </div>
    }
}

/// Reads `file` without blocking and reports the outcome through `on_file`.
fn read_file(file: File, on_file: Callback<Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        match gloo::file::futures::read_as_bytes(&file).await {
            Ok(bytes) => on_file.emit(Action::AddFile {
                name,
                text: String::from_utf8_lossy(&bytes).into_owned(),
            }),
            Err(err) => on_file.emit(Action::FileUnreadable {
                name,
                reason: err.to_string(),
            }),
        }
    });
}
