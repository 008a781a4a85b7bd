//! "Check a patient": a person's age, sex, whether a healthy volunteer, and measurements
//! (any variable of the thresholds' vocabulary with its unit), checked against every trial by
//! the core ([`trialcards_core::eligibility::check`]). These are health data: they live in
//! this component's caller's memory only — never in the address, the browser's storage or an
//! export — and "Forget" clears them. The inputs ask the browser not to remember them either.

use trialcards_core::eligibility::{Fact, Patient, PatientSex};
use trialcards_core::model::Variable;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`PatientPanel`].
#[derive(Properties, PartialEq)]
pub struct PatientPanelProps {
    /// The facts given so far.
    pub patient: Patient,
    /// Called with the facts after each change.
    pub on_change: Callback<Patient>,
    /// How many of the trials the facts exclude, when any fact is given.
    pub excluded: Option<usize>,
    /// Whether only the trials still possible are shown.
    pub possible_only: bool,
    /// Called to show only the possible trials, or all again.
    pub on_possible_only: Callback<bool>,
}

/// The value of the input or select behind `event`.
fn value_of(event: &Event) -> String {
    event
        .target()
        .and_then(|t| {
            t.dyn_ref::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| t.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()))
        })
        .unwrap_or_default()
}

/// Whether any fact is given.
pub fn is_given(p: &Patient) -> bool {
    p.age.is_some() || p.sex.is_some() || p.healthy.is_some() || !p.facts.is_empty()
}

/// The panel.
#[component]
pub fn PatientPanel(props: &PatientPanelProps) -> Html {
    let variable = use_state(|| Variable::Anc);
    let measured = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let p = &props.patient;
    let change = |edit: fn(&mut Patient, String)| {
        let (patient, on_change) = (p.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let mut next = patient.clone();
            edit(&mut next, value_of(&e));
            on_change.emit(next);
        })
    };
    let on_age = change(|p, v| {
        p.age = v
            .trim()
            .replace(',', ".")
            .parse()
            .ok()
            .filter(|a: &f64| *a >= 0.0)
    });
    let on_sex = change(|p, v| {
        p.sex = match v.as_str() {
            "female" => Some(PatientSex::Female),
            "male" => Some(PatientSex::Male),
            _ => None,
        }
    });
    let on_healthy = change(|p, v| {
        p.healthy = match v.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        }
    });
    let on_variable = {
        let variable = variable.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = Variable::from_code(&value_of(&e)) {
                variable.set(v);
            }
        })
    };
    let on_measured = {
        let measured = measured.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                measured.set(input.value());
            }
        })
    };
    let add = {
        let (patient, on_change) = (p.clone(), props.on_change.clone());
        let (variable, measured, problem) = (variable.clone(), measured.clone(), problem.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match Fact::parse(&format!("{}={}", variable.code(), *measured)) {
                Ok(fact) => {
                    let mut next = patient.clone();
                    next.facts.retain(|f| f.variable != fact.variable);
                    next.facts.push(fact);
                    on_change.emit(next);
                    measured.set(String::new());
                    problem.set(None);
                }
                Err(why) => problem.set(Some(why.to_string())),
            }
        })
    };
    let remove = |at: usize| {
        let (patient, on_change) = (p.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = patient.clone();
            next.facts.remove(at);
            on_change.emit(next);
        })
    };
    let forget = {
        let (on_change, measured, problem) =
            (props.on_change.clone(), measured.clone(), problem.clone());
        let on_possible_only = props.on_possible_only.clone();
        Callback::from(move |_: MouseEvent| {
            on_change.emit(Patient::default());
            on_possible_only.emit(false);
            measured.set(String::new());
            problem.set(None);
        })
    };
    let on_possible = {
        let on = props.on_possible_only.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            on.emit(checked);
        })
    };
    let sex = match p.sex {
        Some(PatientSex::Female) => "female",
        Some(PatientSex::Male) => "male",
        None => "",
    };
    let healthy = match p.healthy {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    };
    let age = p.age.map(|a| a.to_string()).unwrap_or_default();
    html! {
        <details class="patient-panel" data-testid="patient-panel">
            <summary><h2>{ "Check a patient" }</h2></summary>
            <p class="privacy-note" data-testid="patient-privacy">
                { "These facts are health data. They stay in this tab's memory only: never in the address, never saved in this browser, never in an export. Forget clears them; closing or reloading the tab does too." }
            </p>
            <div class="patient-facts">
                <label>{ "Age (years) " }
                    <input type="number" min="0" max="130" step="any" inputmode="decimal" autocomplete="off"
                        name="patient-age" value={age} onchange={on_age} />
                </label>
                <label>{ "Sex " }
                    <select autocomplete="off" onchange={on_sex}>
                        <option value="" selected={sex.is_empty()}>{ "Not given" }</option>
                        <option value="female" selected={sex == "female"}>{ "Female" }</option>
                        <option value="male" selected={sex == "male"}>{ "Male" }</option>
                    </select>
                </label>
                <label>{ "Healthy volunteer " }
                    <select autocomplete="off" onchange={on_healthy}>
                        <option value="" selected={healthy.is_empty()}>{ "Not given" }</option>
                        <option value="yes" selected={healthy == "yes"}>{ "Yes" }</option>
                        <option value="no" selected={healthy == "no"}>{ "No" }</option>
                    </select>
                </label>
            </div>
            <form class="patient-measure" onsubmit={add} autocomplete="off">
                <label>{ "Measurement " }
                    <select onchange={on_variable} aria-label="What was measured">
                        { for Variable::ALL.iter().filter(|v| **v != Variable::Age).map(|v| html! {
                            <option value={v.code()} selected={*v == *variable}>{ v.label() }</option>
                        }) }
                    </select>
                </label>
                <input type="text" autocomplete="off" spellcheck="false" aria-label="Value and unit"
                    placeholder="e.g. 1.2 x10^9/L" value={(*measured).clone()} oninput={on_measured} />
                <button type="submit" class="secondary">{ "Add" }</button>
            </form>
            if let Some(why) = &*problem {
                <p class="patient-problem" role="alert">{ why.clone() }</p>
            }
            if !p.facts.is_empty() {
                <ul class="patient-list" aria-label="Measurements given">
                    { for p.facts.iter().enumerate().map(|(i, f)| html! {
                        <li>
                            { format!("{} {} ", f.variable.label(),
                                f.unit.map_or(f.written.clone(), |u| u.after(&f.written))) }
                            <button type="button" class="link-button" onclick={remove(i)}
                                aria-label={format!("Remove {}", f.variable.label())}>{ "Remove" }</button>
                        </li>
                    }) }
                </ul>
            }
            <div class="patient-actions">
                if let Some(excluded) = props.excluded {
                    <span class="patient-count" data-testid="patient-count" aria-live="polite">
                        { match excluded { 1 => "1 trial excludes these facts".to_string(), n => format!("{n} trials exclude these facts") } }
                    </span>
                    <label><input type="checkbox" checked={props.possible_only} onchange={on_possible} />{ " Possible only" }</label>
                }
                <button type="button" class="secondary" onclick={forget} disabled={!is_given(p)}>{ "Forget" }</button>
            </div>
        </details>
    }
}
