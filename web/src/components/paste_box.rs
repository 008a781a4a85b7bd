//! The "Paste registry text" box. Every paste becomes a source of its own and the
//! box stays empty for the next one; typed text is read as one source, updated a
//! moment after the typing stops.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The id of the box's textarea.
pub const PASTE_INPUT: &str = "paste-input";

/// How long typing must pause before the typed text is read again.
pub const TYPING_DEBOUNCE_MS: u32 = 500;

/// Props of [`PasteBox`].
#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    /// Called with each pasted text.
    pub on_paste: Callback<String>,
    /// Called with the box's whole text once typing pauses (empty when cleared).
    pub on_typed: Callback<String>,
}

/// A labelled textarea that reads pastes at once and typing after a pause.
#[component]
pub fn PasteBox(props: &PasteBoxProps) -> Html {
    let pending = use_mut_ref(|| None::<Timeout>);
    let onpaste = {
        let on_paste = props.on_paste.clone();
        Callback::from(move |event: Event| {
            let Some(data) = event
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|e| e.clipboard_data())
            else {
                return;
            };
            let text = data.get_data("text/plain").unwrap_or_default();
            if !text.trim().is_empty() {
                event.prevent_default();
                on_paste.emit(text);
            }
        })
    };
    let oninput = {
        let on_typed = props.on_typed.clone();
        Callback::from(move |event: InputEvent| {
            let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() else {
                return;
            };
            let on_typed = on_typed.clone();
            // Replacing the timeout cancels the one before: only a pause reads.
            *pending.borrow_mut() = Some(Timeout::new(TYPING_DEBOUNCE_MS, move || {
                on_typed.emit(area.value());
            }));
        })
    };
    html! {
        <div class="paste-box">
            <label for={PASTE_INPUT}>{ "Paste registry text" }</label>
            <textarea id={PASTE_INPUT} rows="6" aria-describedby="paste-hint"
                placeholder="Copy a whole trial page (Ctrl+A, Ctrl+C) and paste it here (Ctrl+V)"
                {onpaste} {oninput} />
            <p id="paste-hint" class="hint">
                { "Each paste is read at once and added; typed text is read when you pause." }
            </p>
        </div>
    }
}
