//! The first visit loads a small shell, not the whole viewer: `trialcards-shell` draws the
//! empty page (the same header, paste box, file picker and examples button) and takes the
//! first thing the user gives it. That opens the viewer (`web/boot.js` loads it), which ends
//! the shell, draws itself in its place and reads what the shell was given, in order, then
//! gives focus back to where it was. A browser that kept a collection opens the viewer at once.
//!
//! The two are separate WebAssembly modules, so what passes between them is JS values on
//! the page's global object: [`hand_over`] appends to a list, [`take_all`] empties it.

use std::cell::RefCell;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, FileSystemEntry};

use crate::intake::{error_message, Dropped};

/// The global list of inputs handed over and not yet taken.
pub const PENDING: &str = "trialcardsPending";
/// The global function (set by `web/boot.js`) that loads the viewer; calling it again is
/// the same load.
pub const OPEN_APP: &str = "trialcardsOpenApp";
/// The global function (set by the viewer) that takes what was handed over since.
pub const TAKE: &str = "trialcardsTakePending";
/// The global function (set by the shell) that ends the shell and returns the id of the
/// element that had focus.
pub const END_SHELL: &str = "trialcardsEndShell";

/// Something the user gave the shell.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Files chosen with the picker, named, in order.
    Files(Vec<(String, File)>),
    /// A drop.
    Dropped(Dropped),
    /// A paste into the box.
    Paste(String),
    /// The box's text once typing paused.
    Typed(String),
    /// "Load examples".
    Examples,
}

impl Pending {
    /// As a plain JS object: `{kind, text?, files?, names?, entries?}`.
    pub fn to_js(&self) -> JsValue {
        let object = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = Reflect::set(&object, &key.into(), value);
        };
        let files = |files: &[(String, File)]| {
            let names: Array = files.iter().map(|(n, _)| JsValue::from_str(n)).collect();
            let list: Array = files.iter().map(|(_, f)| JsValue::from(f)).collect();
            set("names", &names);
            set("files", &list);
        };
        match self {
            Self::Files(chosen) => {
                set("kind", &"files".into());
                files(chosen);
            }
            Self::Dropped(dropped) => {
                set("kind", &"dropped".into());
                files(&dropped.files);
                let entries: Array = dropped.entries.iter().map(JsValue::from).collect();
                set("entries", &entries);
            }
            Self::Paste(text) => {
                set("kind", &"paste".into());
                set("text", &text.into());
            }
            Self::Typed(text) => {
                set("kind", &"typed".into());
                set("text", &text.into());
            }
            Self::Examples => set("kind", &"examples".into()),
        }
        object.into()
    }

    /// What [`Pending::to_js`] wrote; `None` for anything else.
    pub fn from_js(value: &JsValue) -> Option<Self> {
        let get = |key: &str| Reflect::get(value, &key.into()).ok();
        let text = || get("text")?.as_string();
        let files = || -> Option<Vec<(String, File)>> {
            let names: Array = get("names")?.dyn_into().ok()?;
            let files: Array = get("files")?.dyn_into().ok()?;
            names
                .iter()
                .zip(files.iter())
                .map(|(name, file)| Some((name.as_string()?, file.dyn_into::<File>().ok()?)))
                .collect()
        };
        match get("kind")?.as_string()?.as_str() {
            "files" => Some(Self::Files(files()?)),
            "dropped" => {
                let entries: Array = get("entries")?.dyn_into().ok()?;
                // Chromium's entries are `Entry` objects, not instances of a global
                // `FileSystemEntry`: these are the ones `Dropped::take` put here.
                let entries = entries
                    .iter()
                    .map(JsCast::unchecked_into::<FileSystemEntry>)
                    .collect();
                Some(Self::Dropped(Dropped {
                    entries,
                    files: files()?,
                }))
            }
            "paste" => Some(Self::Paste(text()?)),
            "typed" => Some(Self::Typed(text()?)),
            "examples" => Some(Self::Examples),
            _ => None,
        }
    }
}

/// The global list of inputs handed over, if there is one.
fn pending_list() -> Option<Array> {
    Reflect::get(&js_sys::global(), &PENDING.into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Appends `pending` to the global list for the viewer to take.
pub fn hand_over(pending: &Pending) {
    let list = pending_list().unwrap_or_else(|| {
        let list = Array::new();
        let _ = Reflect::set(&js_sys::global(), &PENDING.into(), &list);
        list
    });
    list.push(&pending.to_js());
}

/// Takes every input handed over, in order, emptying the list.
pub fn take_all() -> Vec<Pending> {
    let Some(list) = pending_list() else {
        return Vec::new();
    };
    let _ = Reflect::delete_property(
        js_sys::global().unchecked_ref::<js_sys::Object>(),
        &PENDING.into(),
    );
    list.iter().filter_map(|p| Pending::from_js(&p)).collect()
}

/// Calls the global function `name` with no arguments, if there is one.
fn call_global(name: &str) -> Option<JsValue> {
    let function: Function = Reflect::get(&js_sys::global(), &name.into())
        .ok()?
        .dyn_into()
        .ok()?;
    function.call0(&JsValue::NULL).ok()
}

/// Asks `web/boot.js` to load the viewer (once, however often asked, until a load fails);
/// `Err` says why it could not be loaded. Without a loader on the page, nothing happens.
pub async fn open_app() -> Result<(), String> {
    let Some(loading) = call_global(OPEN_APP) else {
        return Ok(());
    };
    let Ok(loading) = loading.dyn_into::<js_sys::Promise>() else {
        return Ok(());
    };
    wasm_bindgen_futures::JsFuture::from(loading)
        .await
        .map(|_| ())
        .map_err(|e| error_message(&e))
}

/// Registers `take` as the viewer's [`TAKE`], for the shell to call with what it is given
/// after the viewer has taken its place.
pub fn on_take(take: impl Fn() + 'static) {
    let function = Closure::<dyn Fn()>::new(take).into_js_value();
    let _ = Reflect::set(&js_sys::global(), &TAKE.into(), &function);
}

/// Tells the viewer, if it runs, to take what was handed over.
pub fn deliver() {
    call_global(TAKE);
}

thread_local! {
    static FOCUS: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Ends the shell, if this page has one, remembering where its focus was for
/// [`focus_again`].
pub fn end_shell() {
    let focused = call_global(END_SHELL)
        .and_then(|id| id.as_string())
        .filter(|id| !id.is_empty());
    let _ = Reflect::delete_property(
        js_sys::global().unchecked_ref::<js_sys::Object>(),
        &END_SHELL.into(),
    );
    FOCUS.with(|f| *f.borrow_mut() = focused);
}

/// Gives focus to the element that had it in the shell (same id), once.
pub fn focus_again() {
    let Some(id) = FOCUS.with(|f| f.borrow_mut().take()) else {
        return;
    };
    if let Some(element) = gloo::utils::document()
        .get_element_by_id(&id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Registers the shell's end for the viewer: `end` ends it (takes it out of the page); the
/// function returns the id of the element that had focus.
pub fn on_end_shell(end: impl FnOnce() + 'static) {
    let function = Closure::once_into_js(move || -> JsValue {
        let focused = gloo::utils::document()
            .active_element()
            .map(|e| e.id())
            .unwrap_or_default();
        end();
        focused.into()
    });
    let _ = Reflect::set(&js_sys::global(), &END_SHELL.into(), &function);
}
