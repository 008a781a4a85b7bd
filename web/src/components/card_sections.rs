//! The card's collapsible sections, each shown only when the record has something
//! for it. `<details>` makes them keyboard-accessible without script.

use trialcards_core::model::{large_doc_url, BrowseModule, CriterionItem, Outcome, Severity};
use trialcards_core::Study;
use yew::prelude::*;

use super::card::fact;
use super::markdown::{safe_url, web_url, Markdown};
use crate::display::{code_words, count, phase_words, words};
use crate::state::SourceRef;

/// Props of [`CardSections`].
#[derive(Properties, PartialEq)]
pub struct CardSectionsProps {
    /// The source the record came from (shared, so passing it costs nothing); its text is
    /// what "View source text" shows.
    pub source: SourceRef,
    /// The record's index among the source's records.
    pub index: usize,
}

/// How many items of each list a card shows at first, and how many more each "Show more"
/// adds: a hostile page can hold a million criteria or unrecognised lines, and rendering them
/// all at once would freeze the tab. The record keeps every item (Copy JSON has them all).
pub const LIST_STEP: usize = 200;

/// The source text a card shows at most (the first 1 MB); a larger text is cut with a note.
pub const SOURCE_TEXT_LIMIT: usize = 1024 * 1024;

/// The card's list limit and the way to raise it.
#[derive(Clone)]
struct Cap {
    limit: usize,
    more: Callback<MouseEvent>,
}

impl Cap {
    /// The items of `items` the card shows now.
    fn take<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        &items[..items.len().min(self.limit)]
    }

    /// Under a list of `total` items: how many are shown and a button to show more.
    fn note(&self, total: usize, what: &str) -> Html {
        if total <= self.limit {
            return Html::default();
        }
        html! {
            <p class="more-note">
                { format!("Showing {} of {} {what}. ", count(self.limit), count(total)) }
                <button type="button" class="link-button" onclick={self.more.clone()}>
                    { format!("Show {} more", LIST_STEP.min(total - self.limit)) }
                </button>
            </p>
        }
    }
}

/// Every section the record has content for, then the source text on request.
#[component]
pub fn CardSections(props: &CardSectionsProps) -> Html {
    let show_source = use_state(|| false);
    let limit = use_state(|| LIST_STEP);
    let Some(s) = props.source.records.get(props.index) else {
        return Html::default();
    };
    let cap = &Cap {
        limit: *limit,
        more: Callback::from(move |_: MouseEvent| limit.set(*limit + LIST_STEP)),
    };
    let toggle_source = {
        let show_source = show_source.clone();
        Callback::from(move |_: MouseEvent| show_source.set(!*show_source))
    };
    html! {
        <div class="card-sections">
            { description(s) }
            { eligibility(s, cap) }
            { design(s) }
            { arms(s, cap) }
            { outcomes(s, cap) }
            { sponsors(s) }
            { oversight(s) }
            { contacts(s, cap) }
            { identifiers(s, cap) }
            { references(s, cap) }
            { data_sharing(s, cap) }
            { documents(s, cap) }
            { mesh_terms(s, cap) }
            { related(s, cap) }
            { results(s, cap) }
            { other_fields(s, cap) }
            { unrecognized(s, cap) }
            { diagnostics(s, cap) }
            <div class="source-text">
                <button type="button" class="link-button" aria-expanded={show_source.to_string()}
                    onclick={toggle_source}>
                    { if *show_source { "Hide source text" } else { "View source text" } }
                </button>
                if *show_source {
                    <pre class="source-pre" tabindex="0" aria-label="The text this card was read from">
                        { source_text_shown(&props.source.text) }
                    </pre>
                    if props.source.text.len() > SOURCE_TEXT_LIMIT {
                        <p class="more-note">{ format!(
                            "Showing the first {} MB of {:.1} MB: the rest is in the file itself.",
                            SOURCE_TEXT_LIMIT / (1024 * 1024),
                            props.source.text.len() as f64 / (1024.0 * 1024.0),
                        ) }</p>
                    }
                }
            </div>
        </div>
    }
}

/// At most [`SOURCE_TEXT_LIMIT`] bytes of `text`, cut at a character boundary.
fn source_text_shown(text: &str) -> String {
    let mut end = text.len().min(SOURCE_TEXT_LIMIT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

fn section(title: &str, class: &'static str, body: Html) -> Html {
    html! {
        <details class={classes!("section", class)}>
            <summary><h3>{ title }</h3></summary>
            <div class="section-body">{ body }</div>
        </details>
    }
}

fn description(s: &Study) -> Html {
    let d = &s.protocol_section.description_module;
    if d.brief_summary.is_none() && d.detailed_description.is_none() {
        return Html::default();
    }
    section(
        "Summary and description",
        "description",
        html! {
            <>
                if let Some(summary) = d.brief_summary.clone() {
                    <h4>{ "Brief summary" }</h4>
                    <Markdown text={summary} />
                }
                if let Some(detail) = d.detailed_description.clone() {
                    <h4>{ "Detailed description" }</h4>
                    <Markdown text={detail} />
                }
            </>
        },
    )
}

/// Criteria as the page listed them: marked items as list items (nested lists kept
/// nested), unmarked lines (a lead-in such as "… if any of the following applies:")
/// as paragraphs between the lists, so they are never counted as criteria.
fn criteria_list(items: &[CriterionItem], cap: &Cap) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut list: Vec<Html> = Vec::new();
    let flush = |list: &mut Vec<Html>, out: &mut Vec<Html>| {
        if !list.is_empty() {
            out.push(html! { <ul class="criteria">{ for list.drain(..) }</ul> });
        }
    };
    for item in cap.take(items) {
        let children = (!item.children.is_empty()).then(|| criteria_list(&item.children, cap));
        if item.marker.is_none() {
            flush(&mut list, &mut out);
            out.push(html! { <p class="criteria-note">{ &item.text }</p> });
            out.extend(children);
        } else {
            list.push(html! { <li>{ &item.text }{ for children }</li> });
        }
    }
    flush(&mut list, &mut out);
    out.push(cap.note(items.len(), "items"));
    out.into_iter().collect()
}

fn eligibility(s: &Study, cap: &Cap) -> Html {
    let e = &s.protocol_section.eligibility_module;
    let tree = s.trialcards.criteria.as_ref();
    let has_tree = tree.is_some_and(|t| {
        !t.inclusion.is_empty() || !t.exclusion.is_empty() || !t.preamble.is_empty()
    });
    if !has_tree
        && e.eligibility_criteria.is_none()
        && e.study_population.is_none()
        && e.sampling_method.is_none()
    {
        return Html::default();
    }
    section(
        "Eligibility",
        "eligibility",
        html! {
            <>
                if let Some(population) = e.study_population.clone() {
                    <h4>{ "Study population" }</h4>
                    <Markdown text={population} />
                }
                if let Some(method) = e.sampling_method {
                    <dl class="facts">{ fact("Sampling method", Some(code_words(method))) }</dl>
                }
                if let (true, Some(tree)) = (has_tree, tree) {
                    { for cap.take(&tree.preamble).iter().map(|p| html! { <p>{ p }</p> }) }
                    { cap.note(tree.preamble.len(), "paragraphs") }
                    if !tree.inclusion.is_empty() {
                        <h4>{ "Inclusion criteria" }</h4>
                        { criteria_list(&tree.inclusion, cap) }
                    }
                    if !tree.exclusion.is_empty() {
                        <h4>{ "Exclusion criteria" }</h4>
                        { criteria_list(&tree.exclusion, cap) }
                    }
                } else if let Some(text) = e.eligibility_criteria.clone() {
                    <Markdown text={text} />
                }
            </>
        },
    )
}

fn design(s: &Study) -> Html {
    let d = &s.protocol_section.design_module;
    let info = d.design_info.clone().unwrap_or_default();
    let masking = info.masking_info.as_ref().and_then(|m| {
        let who: Vec<String> = m.who_masked.iter().map(|w| code_words(*w)).collect();
        m.masking.map(|level| {
            let level = match code_words(level).as_str() {
                "None" => "None (open label)".to_string(),
                other => other.to_string(),
            };
            match who.is_empty() {
                true => level,
                false => format!("{level} ({})", who.join(", ")),
            }
        })
    });
    let phases = (!d.phases.is_empty()).then(|| {
        d.phases
            .iter()
            .map(|p| phase_words(*p))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let rows = [
        fact("Study type", d.study_type.map(code_words)),
        fact("Phases", phases),
        fact("Primary purpose", info.primary_purpose.map(code_words)),
        fact(
            "Allocation",
            info.allocation.map(|a| match code_words(a).as_str() {
                "Na" => "Not applicable".to_string(),
                other => other.to_string(),
            }),
        ),
        fact(
            "Intervention model",
            info.intervention_model.map(code_words),
        ),
        fact(
            "Model description",
            info.intervention_model_description.clone(),
        ),
        fact("Masking", masking),
        fact(
            "Observational model",
            info.observational_model.map(code_words),
        ),
        fact("Time perspective", info.time_perspective.map(code_words)),
    ];
    if rows.iter().all(|r| *r == Html::default()) {
        return Html::default();
    }
    section(
        "Design",
        "design",
        html! { <dl class="facts">{ for rows }</dl> },
    )
}

fn arms(s: &Study, cap: &Cap) -> Html {
    let a = &s.protocol_section.arms_interventions_module;
    if a.arm_groups.is_empty() && a.interventions.is_empty() {
        return Html::default();
    }
    section(
        "Arms and interventions",
        "arms",
        html! {
            <>
                if !a.arm_groups.is_empty() {
                    <ul class="arm-list">
                        { for cap.take(&a.arm_groups).iter().map(|arm| html! {
                            <li class="arm">
                                <p class="arm-label">
                                    <strong>{ arm.label.clone().unwrap_or_else(|| "Unnamed group".into()) }</strong>
                                    if let Some(kind) = arm.arm_type {
                                        <span class="badge arm-type">{ code_words(kind) }</span>
                                    }
                                </p>
                                if let Some(description) = arm.description.clone() {
                                    <Markdown text={description} />
                                }
                                if !arm.intervention_names.is_empty() {
                                    <p class="arm-treatments">{ format!("Treatment: {}", arm.intervention_names.join("; ")) }</p>
                                }
                            </li>
                        }) }
                    </ul>
                    { cap.note(a.arm_groups.len(), "groups") }
                }
                if a.interventions.iter().any(|i| i.description.is_some() || !i.other_names.is_empty()) {
                    <h4>{ "Interventions" }</h4>
                    <ul class="intervention-details">
                        { for cap.take(&a.interventions).iter().map(|i| html! {
                            <li>
                                <strong>{ i.name.clone().unwrap_or_default() }</strong>
                                if let Some(kind) = i.intervention_type { { format!(" ({})", kind.display()) } }
                                if !i.other_names.is_empty() { { format!(" — also called {}", i.other_names.join(", ")) } }
                                if let Some(description) = i.description.clone() { <Markdown text={description} /> }
                            </li>
                        }) }
                    </ul>
                    { cap.note(a.interventions.len(), "interventions") }
                }
            </>
        },
    )
}

fn sponsors(s: &Study) -> Html {
    let sc = &s.protocol_section.sponsor_collaborators_module;
    let funders = &s.trialcards.funder_types;
    if sc.lead_sponsor.is_none()
        && sc.collaborators.is_empty()
        && sc.responsible_party.is_none()
        && funders.is_empty()
    {
        return Html::default();
    }
    let named = |sponsor: &trialcards_core::model::Sponsor| {
        let name = sponsor
            .name
            .clone()
            .unwrap_or_else(|| "Unnamed".to_string());
        match sponsor.class {
            Some(class) => format!("{name} ({})", code_words(class)),
            None => name,
        }
    };
    let party = sc.responsible_party.as_ref().map(|p| {
        let who: Vec<String> = [
            &p.investigator_full_name,
            &p.investigator_title,
            &p.investigator_affiliation,
            &p.old_name_title,
            &p.old_organization,
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
        match (p.party_type.map(code_words), who.is_empty()) {
            (Some(kind), true) => kind,
            (Some(kind), false) => format!("{kind}: {}", who.join(", ")),
            (None, _) => who.join(", "),
        }
    });
    let funder_words = (!funders.is_empty()).then(|| {
        funders
            .iter()
            .map(|f| code_words(*f))
            .collect::<Vec<_>>()
            .join(", ")
    });
    section(
        "Sponsors",
        "sponsors",
        html! {
            <>
                <dl class="facts">
                    { fact("Lead sponsor", sc.lead_sponsor.as_ref().map(named)) }
                    { fact("Responsible party", party) }
                    { fact("Funder types", funder_words) }
                </dl>
                if !sc.collaborators.is_empty() {
                    <h4>{ "Collaborators" }</h4>
                    <ul>{ for sc.collaborators.iter().map(|c| html! { <li>{ named(c) }</li> }) }</ul>
                }
            </>
        },
    )
}

/// `text` when it looks like an e-mail address (one `@`, a dotted domain, nothing that
/// could make the `mailto:` link say more than the address); else the text stays unlinked.
fn email_address(text: &str) -> Option<&str> {
    let (local, domain) = text.split_once('@')?;
    let plain = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-'".contains(c))
    };
    (plain(local) && plain(domain) && domain.contains('.')).then_some(text)
}

fn contact_line(name: Option<&str>, detail: Vec<String>, email: Option<&str>) -> Html {
    let unlinked = email.filter(|e| email_address(e).is_none());
    let email = email
        .and_then(email_address)
        .and_then(|e| safe_url(&format!("mailto:{e}")).map(|url| (e.to_string(), url)));
    html! {
        <li>
            { name.unwrap_or("Unnamed contact") }
            if !detail.is_empty() { { format!(" — {}", detail.join(", ")) } }
            if let Some((text, url)) = email { { " · " }<a href={url}>{ text }</a> }
            if let Some(text) = unlinked { { format!(" · {text}") } }
        </li>
    }
}

fn contacts(s: &Study, cap: &Cap) -> Html {
    let c = &s.protocol_section.contacts_locations_module;
    let count = s.trialcards.location_count;
    let countries = &s.trialcards.countries;
    if c.central_contacts.is_empty()
        && c.overall_officials.is_empty()
        && c.locations.is_empty()
        && count.is_none()
        && countries.is_empty()
    {
        return Html::default();
    }
    section(
        "Contacts and locations",
        "contacts",
        html! {
            <>
                if !c.central_contacts.is_empty() {
                    <h4>{ "Central contacts" }</h4>
                    <ul>{ for cap.take(&c.central_contacts).iter().map(|p| {
                        let detail = p.role.map(code_words).into_iter().chain(p.phone.clone()).collect();
                        contact_line(p.name.as_deref(), detail, p.email.as_deref())
                    }) }</ul>
                    { cap.note(c.central_contacts.len(), "contacts") }
                }
                if !c.overall_officials.is_empty() {
                    <h4>{ "Investigators" }</h4>
                    <ul>{ for cap.take(&c.overall_officials).iter().map(|o| {
                        let detail = o.role.map(code_words).into_iter().chain(o.affiliation.clone()).collect();
                        contact_line(o.name.as_deref(), detail, None)
                    }) }</ul>
                    { cap.note(c.overall_officials.len(), "investigators") }
                }
                if !c.locations.is_empty() {
                    <h4>{ "Locations" }</h4>
                    <ul>{ for cap.take(&c.locations).iter().map(|l| {
                        let place: Vec<String> = [&l.city, &l.state, &l.zip, &l.country].into_iter().flatten().cloned().collect();
                        html! {
                            <li>
                                { l.facility.clone().unwrap_or_default() }
                                if !place.is_empty() { { format!(" — {}", place.join(", ")) } }
                                if let Some(status) = l.status { { format!(" ({})", code_words(status)) } }
                            </li>
                        }
                    }) }</ul>
                    { cap.note(c.locations.len(), "locations") }
                }
                if let Some(count) = count {
                    <p>{ format!("{count} site{} listed on the page.", if count == 1 { "" } else { "s" }) }</p>
                }
                if !countries.is_empty() {
                    <p>{ format!("Countries: {}", countries.join(", ")) }</p>
                }
            </>
        },
    )
}

fn identifiers(s: &Study, cap: &Cap) -> Html {
    let id = &s.protocol_section.identification_module;
    let org = id.org_study_id_info.as_ref().and_then(|o| o.id.clone());
    if org.is_none() && id.secondary_id_infos.is_empty() && id.official_title.is_none() {
        return Html::default();
    }
    section(
        "Identifiers",
        "identifiers",
        html! {
            <>
            <dl class="facts">
                { fact("Official title", id.official_title.clone()) }
                { fact("Organization's study ID", org) }
                { for cap.take(&id.secondary_id_infos).iter().map(|sid| fact(
                    &sid.id_type.map(code_words).unwrap_or_else(|| "Other ID".to_string()),
                    sid.id.clone().map(|v| match &sid.domain { Some(d) => format!("{v} ({d})"), None => v }),
                )) }
            </dl>
            { cap.note(id.secondary_id_infos.len(), "identifiers") }
            </>
        },
    )
}

/// A DOI as a https://doi.org link, with characters outside the URL-safe set escaped.
fn doi_url(doi: &str) -> Option<String> {
    let doi = doi.trim();
    if !doi.starts_with("10.") || doi.chars().any(char::is_whitespace) {
        return None;
    }
    let mut url = String::from("https://doi.org/");
    for byte in doi.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'.'
            | b'-'
            | b'_'
            | b'/'
            | b'('
            | b')'
            | b';'
            | b':' => url.push(byte as char),
            other => url.push_str(&format!("%{other:02X}")),
        }
    }
    Some(url)
}

fn references(s: &Study, cap: &Cap) -> Html {
    let refs = &s.protocol_section.references_module.references;
    let links = &s.protocol_section.references_module.see_also_links;
    if refs.is_empty() && links.is_empty() {
        return Html::default();
    }
    let dois = &s.trialcards.reference_dois;
    section(
        "References",
        "references",
        html! {
            <>
            <ol class="references">
                { for cap.take(refs).iter().enumerate().map(|(i, r)| {
                    let pmid = r.pmid.clone().filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
                    let doi = dois.iter().find(|d| d.index == i).and_then(|d| doi_url(&d.doi).map(|u| (d.doi.clone(), u)));
                    html! {
                        <li>
                            { r.citation.clone().unwrap_or_default() }
                            if let Some(kind) = r.reference_type { <span class="muted">{ format!(" ({})", code_words(kind)) }</span> }
                            if let Some(pmid) = pmid {
                                { " " }
                                <a href={format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/")} target="_blank"
                                    rel="noopener noreferrer">{ format!("PMID {pmid}") }</a>
                            }
                            if let Some((doi, url)) = doi {
                                { " " }<a href={url} target="_blank" rel="noopener noreferrer">{ format!("doi:{doi}") }</a>
                            }
                        </li>
                    }
                }) }
            </ol>
            { cap.note(refs.len(), "references") }
            if !links.is_empty() {
                <h4>{ "Links" }</h4>
                <ul class="see-also">
                    { for cap.take(links).iter().map(|l| {
                        let label = l.label.clone().or_else(|| l.url.clone()).unwrap_or_default();
                        html! {
                            <li>
                                { web_link(&label, l.url.as_deref()) }
                                if let (Some(url), true) = (&l.url, l.label.is_some() && l.url.as_deref().and_then(web_url).is_none()) {
                                    <span class="muted">{ format!(" ({url})") }</span>
                                }
                            </li>
                        }
                    }) }
                </ul>
                { cap.note(links.len(), "links") }
            }
            </>
        },
    )
}

/// `text`, as a link to `url` when `url` is an http(s) address ([`web_url`]); else plain text.
fn web_link(text: &str, url: Option<&str>) -> Html {
    match url.and_then(web_url) {
        Some(url) => html! {
            <a href={url} target="_blank" rel="noopener noreferrer">{ text }</a>
        },
        None => html! { { text } },
    }
}

/// "Yes" or "No".
fn yes_no(value: Option<bool>) -> Option<String> {
    value.map(|yes| if yes { "Yes" } else { "No" }.to_string())
}

/// Who watches over the study: a data monitoring committee, FDA regulation.
fn oversight(s: &Study) -> Html {
    let o = &s.protocol_section.oversight_module;
    let rows = [
        fact("Data monitoring committee", yes_no(o.oversight_has_dmc)),
        fact("FDA-regulated drug", yes_no(o.is_fda_regulated_drug)),
        fact("FDA-regulated device", yes_no(o.is_fda_regulated_device)),
        fact(
            "Device not approved or cleared by the FDA",
            yes_no(o.is_unapproved_device),
        ),
        fact(
            "Pediatric postmarket surveillance of a device",
            yes_no(o.is_ppsd),
        ),
        fact("Product exported from the U.S.", yes_no(o.is_us_export)),
        fact("FDAAA 801 violation", yes_no(o.fdaaa801_violation)),
    ];
    if rows.iter().all(|r| *r == Html::default()) {
        return Html::default();
    }
    section(
        "Oversight",
        "oversight",
        html! { <dl class="facts">{ for rows }</dl> },
    )
}

/// Whether and how the individual participant data (IPD) will be shared, and the data sets
/// and documents the record says are available.
fn data_sharing(s: &Study, cap: &Cap) -> Html {
    let ipd = &s.protocol_section.ipd_sharing_statement_module;
    let available = &s.protocol_section.references_module.avail_ipds;
    if *ipd == Default::default() && available.is_empty() {
        return Html::default();
    }
    let documents = (!ipd.info_types.is_empty()).then(|| {
        ipd.info_types
            .iter()
            .map(|t| code_words(*t))
            .collect::<Vec<_>>()
            .join(", ")
    });
    section(
        "Sharing of participant data",
        "data-sharing",
        html! {
            <>
                <dl class="facts">
                    { fact("Plan to share individual participant data", ipd.ipd_sharing.map(code_words)) }
                    { fact("Documents shared", documents) }
                    { fact("Time frame", ipd.time_frame.clone()) }
                    if let Some(url) = ipd.url.as_deref() {
                        <div class="fact"><dt>{ "Where" }</dt><dd>{ web_link(url, Some(url)) }</dd></div>
                    }
                </dl>
                if let Some(description) = ipd.description.clone() {
                    <h4>{ "What will be shared" }</h4>
                    <Markdown text={description} />
                }
                if let Some(criteria) = ipd.access_criteria.clone() {
                    <h4>{ "Access criteria" }</h4>
                    <Markdown text={criteria} />
                }
                if !available.is_empty() {
                    <h4>{ "Available data and documents" }</h4>
                    <ul class="available-ipd">
                        { for cap.take(available).iter().map(|a| {
                            let name = a.ipd_type.clone().unwrap_or_else(|| "Data or document".to_string());
                            html! {
                                <li>
                                    { web_link(&name, a.url.as_deref()) }
                                    if let Some(id) = &a.id { { format!(" ({id})") } }
                                    if let Some(comment) = &a.comment { <span class="muted">{ format!(" — {comment}") }</span> }
                                </li>
                            }
                        }) }
                    </ul>
                    { cap.note(available.len(), "items") }
                }
            </>
        },
    )
}

/// The documents the study uploaded to ClinicalTrials.gov, each a link to CT.gov's copy when
/// the record gives its NCT ID and file name.
fn documents(s: &Study, cap: &Cap) -> Html {
    let m = &s.document_section.large_document_module;
    if m.large_docs.is_empty() && m.no_sap != Some(true) {
        return Html::default();
    }
    let nct = s.nct_id();
    section(
        "Study documents",
        "documents",
        html! {
            <>
                if !m.large_docs.is_empty() {
                    <ul class="documents">
                        { for cap.take(&m.large_docs).iter().map(|doc| {
                            let name = doc.label.clone()
                                .or_else(|| doc.type_abbrev.clone())
                                .or_else(|| doc.filename.clone())
                                .unwrap_or_else(|| "Document".to_string());
                            let url = nct.zip(doc.filename.as_deref()).and_then(|(n, f)| large_doc_url(n, f));
                            // Without a link, the file name still says which document it is.
                            let file = doc.filename.clone().filter(|f| url.is_none() && *f != name);
                            html! {
                                <li>
                                    { web_link(&name, url.as_deref()) }
                                    if let Some(date) = &doc.date { { format!(" ({date})") } }
                                    if let Some(file) = file { <span class="muted">{ format!(" — {file}") }</span> }
                                </li>
                            }
                        }) }
                    </ul>
                    { cap.note(m.large_docs.len(), "documents") }
                }
                if m.no_sap == Some(true) {
                    <p>{ "The study has no statistical analysis plan." }</p>
                }
            </>
        },
    )
}

/// The MeSH terms ClinicalTrials.gov matched the conditions and interventions to, as chips.
fn mesh_terms(s: &Study, cap: &Cap) -> Html {
    let d = &s.derived_section;
    let terms = |m: &BrowseModule| -> Vec<(String, Option<String>)> {
        m.meshes
            .iter()
            .filter_map(|m| Some((m.term.clone()?, m.id.clone())))
            .collect()
    };
    let conditions = terms(&d.condition_browse_module);
    let interventions = terms(&d.intervention_browse_module);
    if conditions.is_empty() && interventions.is_empty() {
        return Html::default();
    }
    let chips = |label: &'static str, list: &[(String, Option<String>)]| {
        html! {
            <>
                <h4>{ label }</h4>
                <ul class="chips" aria-label={format!("{label} (MeSH)")}>
                    { for cap.take(list).iter().map(|(term, id)| html! {
                        <li class="chip" title={id.as_ref().map(|id| format!("MeSH {id}"))}>{ term }</li>
                    }) }
                </ul>
                { cap.note(list.len(), "terms") }
            </>
        }
    };
    section(
        "MeSH terms",
        "mesh",
        html! {
            <>
                if !conditions.is_empty() { { chips("Conditions", &conditions) } }
                if !interventions.is_empty() { { chips("Interventions", &interventions) } }
            </>
        },
    )
}

fn related(s: &Study, cap: &Cap) -> Html {
    let related = &s.trialcards.related_trials;
    if related.is_empty() {
        return Html::default();
    }
    section(
        "Related trials",
        "related",
        html! {
            <>
            <ul class="related">
                { for cap.take(related).iter().map(|t| {
                    let nct = t.nct_id.clone().filter(|id| id.len() == 11 && id.starts_with("NCT") && id[3..].bytes().all(|b| b.is_ascii_digit()));
                    html! {
                        <li>
                            if let Some(nct) = nct {
                                <a href={format!("https://clinicaltrials.gov/study/{nct}")} target="_blank"
                                    rel="noopener noreferrer" class="nct-id">{ nct.clone() }</a>{ " " }
                            }
                            { t.title.clone().unwrap_or_default() }
                            if let Some(status) = t.overall_status { <span class="muted">{ format!(" · {}", code_words(status)) }</span> }
                            if !t.phases.is_empty() {
                                <span class="muted">{ format!(" · {}", t.phases.iter().map(|p| phase_words(*p)).collect::<Vec<_>>().join(", ")) }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
            { cap.note(related.len(), "related trials") }
            </>
        },
    )
}

/// The outcome measures the study planned: primary, secondary and other, each with its
/// time frame and description.
fn outcomes(s: &Study, cap: &Cap) -> Html {
    let o = &s.protocol_section.outcomes_module;
    let groups = [
        ("Primary", &o.primary_outcomes),
        ("Secondary", &o.secondary_outcomes),
        ("Other", &o.other_outcomes),
    ];
    if groups.iter().all(|(_, list)| list.is_empty()) {
        return Html::default();
    }
    let outcome = |m: &Outcome| {
        html! {
            <li>
                { m.measure.clone().unwrap_or_else(|| "(no measure given)".to_string()) }
                if let Some(tf) = m.time_frame.clone() {
                    <span class="time-frame">{ format!(" — {tf}") }</span>
                }
                if let Some(d) = m.description.clone() {
                    <p class="outcome-description">{ d }</p>
                }
            </li>
        }
    };
    section(
        "Outcome measures",
        "outcomes",
        html! {
            <>
            { for groups.iter().filter(|(_, list)| !list.is_empty()).map(|(kind, list)| html! {
                <>
                    <h4>{ format!("{kind} outcomes") }</h4>
                    <ul>{ for cap.take(list).iter().map(outcome) }</ul>
                    { cap.note(list.len(), "outcomes") }
                </>
            }) }
            </>
        },
    )
}

fn results(s: &Study, cap: &Cap) -> Html {
    let Some(r) = s.trialcards.results.as_ref() else {
        return Html::default();
    };
    section(
        "Results",
        "results",
        html! {
            <>
                <dl class="facts">
                    { fact("Results posted", r.results_posted_date.clone()) }
                    { fact("Primary outcome time frame", r.primary_outcome_time_frame.clone()) }
                </dl>
                if let Some(overview) = r.overview.clone() {
                    <h4>{ "Overview" }</h4>
                    <Markdown text={overview} />
                }
                if let Some(flow) = r.participant_flow.clone() {
                    <h4>{ "Participant flow" }</h4>
                    <pre class="results-text" tabindex="0">{ flow }</pre>
                }
                { for cap.take(&r.sections).iter().map(|sec| html! {
                    <>
                        <h4>{ &sec.label }</h4>
                        <pre class="results-text" tabindex="0">{ &sec.value }</pre>
                    </>
                }) }
                { cap.note(r.sections.len(), "sections") }
            </>
        },
    )
}

fn other_fields(s: &Study, cap: &Cap) -> Html {
    let other = &s.trialcards.other_fields;
    if other.is_empty() {
        return Html::default();
    }
    section(
        "Other details",
        "other",
        html! {
            <>
                <dl class="facts">{ for cap.take(other).iter().map(|f| fact(&f.label, Some(f.value.clone()))) }</dl>
                { cap.note(other.len(), "details") }
            </>
        },
    )
}

fn unrecognized(s: &Study, cap: &Cap) -> Html {
    let lines = &s.trialcards.unrecognized;
    if lines.is_empty() {
        return Html::default();
    }
    section(
        &format!("Text not recognised ({})", count(lines.len())),
        "unrecognized",
        html! {
            <>
                <p class="muted">{ "Lines of the page the parser could not place. Nothing is dropped: they are kept here." }</p>
                <ol class="unrecognized-lines">
                    { for cap.take(lines).iter().map(|l| html! {
                        <li>
                            <span class="line-no">{ format!("line {}", l.line) }</span>
                            if let Some(section) = &l.section { <span class="muted">{ format!(" in “{section}”") }</span> }
                            { ": " }{ &l.text }
                        </li>
                    }) }
                </ol>
                { cap.note(lines.len(), "lines") }
            </>
        },
    )
}

fn diagnostics(s: &Study, cap: &Cap) -> Html {
    let diags = &s.trialcards.diagnostics;
    if diags.is_empty() {
        return Html::default();
    }
    section(
        &format!("Notes from the parser ({})", count(diags.len())),
        "diagnostics",
        html! {
            <>
            <ul class="diagnostics">
                { for cap.take(diags).iter().map(|d| {
                    let level = match d.severity {
                        Severity::Info => "Note",
                        Severity::Warning => "Warning",
                        Severity::Error => "Error",
                    };
                    html! {
                        <li class={classes!("diagnostic", words(level).to_lowercase())}>
                            <strong>{ level }</strong>
                            if let Some(line) = d.line { { format!(" (line {line})") } }
                            { format!(": {}", d.message) }
                        </li>
                    }
                }) }
            </ul>
            { cap.note(diags.len(), "notes") }
            </>
        },
    )
}
