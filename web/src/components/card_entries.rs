//! The record's items on a card: the fields of kind [`Kind::Entries`] (arms, contacts,
//! references …), each laid out by its key. A field of that kind this file does not know is
//! still shown, as a list of its values.

use trialcards_core::collection::fields::{Field, Kind};
use trialcards_core::collection::links::{doi_url, email_address, pubmed_url, study_url};
use trialcards_core::model::{large_doc_url, CriterionItem, Outcome, Sponsor};
use trialcards_core::Study;
use yew::prelude::*;

use super::card_sections::{fact_row, page_text, web_link, Cap, Part};
use super::markdown::{safe_url, Markdown};
use super::threshold_marks::marked_text;
use crate::display::{code_words, phase_words};

/// What the entries field `field` adds to its section; `None` when the record has none.
pub(super) fn entries(field: &Field, s: &Study, cap: &Cap) -> Option<Part> {
    debug_assert_eq!(field.kind, Kind::Entries);
    let p = &s.protocol_section;
    let heading = Some(field.label);
    let block = |html: Html| Some(Part::Block(heading, html));
    match field.key {
        "interventions" => {
            let list = &p.arms_interventions_module.interventions;
            (!list.is_empty()).then_some(())?;
            block(html! {
                <>
                    <ul class="interventions" aria-label={field.label}>
                        { for cap.take(list).iter().enumerate().map(|(at, i)| html! {
                            <li>
                                if let Some(kind) = i.intervention_type {
                                    <span class="intervention-type">{ format!("{}: ", kind.display()) }</span>
                                }
                                { i.name.clone().unwrap_or_default() }
                                { cap.source_button(i.name.as_deref().unwrap_or("the intervention"), field.item_lines(s, at)) }
                            </li>
                        }) }
                    </ul>
                    { cap.note(list.len(), "interventions") }
                </>
            })
        }
        "leadSponsor" => {
            let sponsor = p.sponsor_collaborators_module.lead_sponsor.as_ref()?;
            let source = cap.source_button(field.label, field.lines(s));
            let value = html! { named(sponsor) };
            Some(Part::Facts(fact_row(
                field.label,
                value,
                source,
                Some(cap.id(field.key)),
            )))
        }
        "collaborators" => {
            let list = &p.sponsor_collaborators_module.collaborators;
            (!list.is_empty()).then_some(())?;
            block(html! {
                <ul>{ for cap.take(list).iter().enumerate().map(|(i, c)| html! {
                    <li>{ named(c) }{ cap.source_button(&named(c), field.item_lines(s, i)) }</li>
                }) }</ul>
            })
        }
        "criteria" => criteria(s, cap).map(|html| Part::Block(None, html)),
        "armGroups" => {
            let arms = &p.arms_interventions_module.arm_groups;
            (!arms.is_empty()).then_some(())?;
            block(html! {
                <>
                    <ul class="arm-list">
                        { for cap.take(arms).iter().enumerate().map(|(at, arm)| html! {
                            <li class="arm">
                                <p class="arm-label">
                                    <strong>{ arm.label.clone().unwrap_or_else(|| "Unnamed group".into()) }</strong>
                                    if let Some(kind) = arm.arm_type {
                                        <span class="badge arm-type">{ code_words(kind) }</span>
                                    }
                                    { cap.source_button(arm.label.as_deref().unwrap_or("the group"), field.item_lines(s, at)) }
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
                    { cap.note(arms.len(), "groups") }
                </>
            })
        }
        "interventionDetails" => {
            let list: Vec<_> = p
                .arms_interventions_module
                .interventions
                .iter()
                .filter(|i| i.description.is_some() || !i.other_names.is_empty())
                .collect();
            (!list.is_empty()).then_some(())?;
            block(html! {
                <>
                    <ul class="intervention-details">
                        { for cap.take(&list).iter().map(|i| html! {
                            <li>
                                <strong>{ i.name.clone().unwrap_or_default() }</strong>
                                if let Some(kind) = i.intervention_type { { format!(" ({})", kind.display()) } }
                                if !i.other_names.is_empty() { { format!(" — also called {}", i.other_names.join(", ")) } }
                                if let Some(description) = i.description.clone() { <Markdown text={description} /> }
                            </li>
                        }) }
                    </ul>
                    { cap.note(list.len(), "interventions") }
                </>
            })
        }
        "primaryOutcomes" => {
            outcomes(&p.outcomes_module.primary_outcomes, field, s, cap).and_then(block)
        }
        "secondaryOutcomes" => {
            outcomes(&p.outcomes_module.secondary_outcomes, field, s, cap).and_then(block)
        }
        "otherOutcomes" => {
            outcomes(&p.outcomes_module.other_outcomes, field, s, cap).and_then(block)
        }
        "centralContacts" => {
            let list = &p.contacts_locations_module.central_contacts;
            (!list.is_empty()).then_some(())?;
            block(html! {
                <>
                    <ul>{ for cap.take(list).iter().enumerate().map(|(at, c)| {
                        let detail = c.role.map(code_words).into_iter().chain(c.phone.clone()).collect();
                        let source = cap.source_button(c.name.as_deref().unwrap_or("the contact"), field.item_lines(s, at));
                        contact_line(c.name.as_deref(), detail, c.email.as_deref(), source)
                    }) }</ul>
                    { cap.note(list.len(), "contacts") }
                </>
            })
        }
        "overallOfficials" => {
            let list = &p.contacts_locations_module.overall_officials;
            (!list.is_empty()).then_some(())?;
            block(html! {
                <>
                    <ul>{ for cap.take(list).iter().enumerate().map(|(at, o)| {
                        let detail = o.role.map(code_words).into_iter().chain(o.affiliation.clone()).collect();
                        let source = cap.source_button(o.name.as_deref().unwrap_or("the investigator"), field.item_lines(s, at));
                        contact_line(o.name.as_deref(), detail, None, source)
                    }) }</ul>
                    { cap.note(list.len(), "investigators") }
                </>
            })
        }
        "locations" => {
            let list = &p.contacts_locations_module.locations;
            (!list.is_empty()).then_some(())?;
            block(html! {
                <>
                    <ul>{ for cap.take(list).iter().enumerate().map(|(at, l)| {
                        let place: Vec<String> = [&l.city, &l.state, &l.zip, &l.country].into_iter().flatten().cloned().collect();
                        html! {
                            <li>
                                { l.facility.clone().unwrap_or_default() }
                                if !place.is_empty() { { format!(" — {}", place.join(", ")) } }
                                if let Some(status) = l.status { { format!(" ({})", code_words(status)) } }
                                { cap.source_button(l.facility.as_deref().unwrap_or("the location"), field.item_lines(s, at)) }
                                if !l.contacts.is_empty() {
                                    <ul>{ for l.contacts.iter().map(|c| {
                                        let detail = c.role.map(code_words).into_iter().chain(c.phone.clone()).collect();
                                        contact_line(c.name.as_deref(), detail, c.email.as_deref(), Html::default())
                                    }) }</ul>
                                }
                            </li>
                        }
                    }) }</ul>
                    { cap.note(list.len(), "locations") }
                </>
            })
        }
        "secondaryIdInfos" => {
            let ids = &p.identification_module.secondary_id_infos;
            (!ids.is_empty()).then_some(())?;
            Some(Part::Facts(html! {
                <>
                    { for cap.take(ids).iter().enumerate().map(|(at, sid)| {
                        let label = sid.id_type.map(code_words).unwrap_or_else(|| "Other ID".to_string());
                        let value = sid.id.clone().map(|v| match &sid.domain { Some(d) => format!("{v} ({d})"), None => v });
                        let source = cap.source_button(&label, field.item_lines(s, at));
                        fact_row(&label, html! { value.unwrap_or_default() }, source, None)
                    }) }
                    { cap.note(ids.len(), "identifiers") }
                </>
            }))
        }
        "referenceList" => {
            let refs = &p.references_module.references;
            (!refs.is_empty()).then_some(())?;
            let dois = &s.trialcards.reference_dois;
            block(html! {
                <>
                    <ol class="references">
                        { for cap.take(refs).iter().enumerate().map(|(i, r)| {
                            let pmid = r.pmid.as_deref().and_then(|p| pubmed_url(p).map(|u| (p.to_string(), u)));
                            let doi = dois.iter().find(|d| d.index == i).and_then(|d| doi_url(&d.doi).map(|u| (d.doi.clone(), u)));
                            html! {
                                <li>
                                    { r.citation.clone().unwrap_or_default() }
                                    if let Some(kind) = r.reference_type { <span class="muted">{ format!(" ({})", code_words(kind)) }</span> }
                                    if let Some((pmid, url)) = pmid {
                                        { " " }<a href={url} target="_blank" rel="noopener noreferrer">{ format!("PMID {pmid}") }</a>
                                    }
                                    if let Some((doi, url)) = doi {
                                        { " " }<a href={url} target="_blank" rel="noopener noreferrer">{ format!("doi:{doi}") }</a>
                                    }
                                    { cap.source_button("the reference", field.item_lines(s, i)) }
                                </li>
                            }
                        }) }
                    </ol>
                    { cap.note(refs.len(), "references") }
                </>
            })
        }
        "seeAlsoLinks" => {
            let links = &p.references_module.see_also_links;
            (!links.is_empty()).then_some(())?;
            block(html! {
                <>
                    <ul class="see-also">
                        { for cap.take(links).iter().map(|l| {
                            let label = l.label.clone().or_else(|| l.url.clone()).unwrap_or_default();
                            let unlinked = l.label.is_some() && l.url.as_deref().and_then(super::markdown::web_url).is_none();
                            html! {
                                <li>
                                    { web_link(&label, l.url.as_deref()) }
                                    if let (Some(url), true) = (&l.url, unlinked) {
                                        <span class="muted">{ format!(" ({url})") }</span>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                    { cap.note(links.len(), "links") }
                </>
            })
        }
        "availIpds" => {
            let list = &p.references_module.avail_ipds;
            (!list.is_empty()).then_some(())?;
            block(html! {
                <>
                    <ul class="available-ipd">
                        { for cap.take(list).iter().map(|a| {
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
                    { cap.note(list.len(), "items") }
                </>
            })
        }
        "largeDocs" => {
            let docs = &s.document_section.large_document_module.large_docs;
            (!docs.is_empty()).then_some(())?;
            let nct = s.nct_id();
            block(html! {
                <>
                    <ul class="documents">
                        { for cap.take(docs).iter().map(|doc| {
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
                                    if let Some(uploaded) = &doc.upload_date { <span class="muted">{ format!(" · uploaded {uploaded}") }</span> }
                                    if let Some(file) = file { <span class="muted">{ format!(" — {file}") }</span> }
                                </li>
                            }
                        }) }
                    </ul>
                    { cap.note(docs.len(), "documents") }
                </>
            })
        }
        "relatedTrials" => {
            let related = &s.trialcards.related_trials;
            (!related.is_empty()).then_some(())?;
            block(html! {
                <>
                    <ul class="related">
                        { for cap.take(related).iter().enumerate().map(|(at, t)| {
                            let link = t.nct_id.as_deref().and_then(|id| study_url(id).map(|u| (id.to_string(), u)));
                            html! {
                                <li>
                                    if let Some((nct, url)) = link {
                                        <a href={url} target="_blank" rel="noopener noreferrer" class="nct-id">{ nct }</a>{ " " }
                                    }
                                    { t.title.clone().unwrap_or_default() }
                                    if let Some(status) = t.overall_status { <span class="muted">{ format!(" · {}", code_words(status)) }</span> }
                                    if !t.phases.is_empty() {
                                        <span class="muted">{ format!(" · {}", t.phases.iter().map(|p| phase_words(*p)).collect::<Vec<_>>().join(", ")) }</span>
                                    }
                                    if let Some(list) = &t.list { <span class="muted">{ format!(" ({list})") }</span> }
                                    { cap.source_button(t.nct_id.as_deref().unwrap_or("the related trial"), field.item_lines(s, at)) }
                                </li>
                            }
                        }) }
                    </ul>
                    { cap.note(related.len(), "related trials") }
                </>
            })
        }
        "resultSections" => {
            let sections = s.trialcards.results.as_ref().map(|r| &r.sections[..])?;
            (!sections.is_empty()).then_some(())?;
            Some(Part::Block(
                None,
                html! {
                    <>
                        { for cap.take(sections).iter().map(|sec| html! {
                            <>
                                <h4>{ &sec.label }</h4>
                                { page_text(&sec.value, s.results_section.tabulates(&sec.label)) }
                            </>
                        }) }
                        { cap.note(sections.len(), "sections") }
                    </>
                },
            ))
        }
        "otherFields" => {
            let other = &s.trialcards.other_fields;
            (!other.is_empty()).then_some(())?;
            Some(Part::Facts(html! {
                <>
                    { for cap.take(other).iter().enumerate().map(|(at, f)| {
                        let source = cap.source_button(&f.label, field.item_lines(s, at).or(f.line.map(|l| [l, l])));
                        fact_row(&f.label, html! { &f.value }, source, None)
                    }) }
                    { cap.note(other.len(), "details") }
                </>
            }))
        }
        "unrecognized" => {
            let lines = &s.trialcards.unrecognized;
            (!lines.is_empty()).then_some(())?;
            Some(Part::Block(
                None,
                html! {
                    <>
                        <p class="muted">{ "Lines of the page the parser could not place. Nothing is dropped: they are kept here." }</p>
                        <ol class="unrecognized-lines">
                            { for cap.take(lines).iter().map(|l| html! {
                                <li>
                                    { cap.source_button("this line", Some([l.line, l.line]).filter(|[n, _]| *n > 0)) }
                                    if let Some(section) = &l.section { <span class="muted">{ format!(" in “{section}”") }</span> }
                                    { ": " }{ &l.text }
                                </li>
                            }) }
                        </ol>
                        { cap.note(lines.len(), "lines") }
                    </>
                },
            ))
        }
        // Any other field of items: its values as a list.
        _ => {
            let values = field.values(s);
            (!values.is_empty()).then_some(())?;
            block(html! {
                <>
                    <ul>{ for cap.take(&values).iter().map(|v| html! { <li>{ v }</li> }) }</ul>
                    { cap.note(values.len(), "items") }
                </>
            })
        }
    }
}

/// "Name (Industry)": a sponsor with its class.
fn named(sponsor: &Sponsor) -> String {
    let name = sponsor
        .name
        .clone()
        .unwrap_or_else(|| "Unnamed".to_string());
    match sponsor.class {
        Some(class) => format!("{name} ({})", code_words(class)),
        None => name,
    }
}

/// A contact: name, role and phone or affiliation, and the e-mail address as a link when it
/// is a plain address.
fn contact_line(
    name: Option<&str>,
    detail: Vec<String>,
    email: Option<&str>,
    source: Html,
) -> Html {
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
            { source }
        </li>
    }
}

/// The outcomes of one kind, each with its time frame and description.
fn outcomes(list: &[Outcome], field: &Field, s: &Study, cap: &Cap) -> Option<Html> {
    (!list.is_empty()).then(|| {
        html! {
            <>
                <ul>{ for cap.take(list).iter().enumerate().map(|(at, m)| html! {
                    <li>
                        { m.measure.clone().unwrap_or_else(|| "(no measure given)".to_string()) }
                        if let Some(tf) = m.time_frame.clone() {
                            <span class="time-frame">{ format!(" — {tf}") }</span>
                        }
                        { cap.source_button(m.measure.as_deref().unwrap_or("the outcome"), field.item_lines(s, at)) }
                        if let Some(d) = m.description.clone() {
                            <p class="outcome-description">{ d }</p>
                        }
                    </li>
                }) }</ul>
                { cap.note(list.len(), "outcomes") }
            </>
        }
    })
}

/// The criteria as the page listed them (the tree a page reader builds), or the record's
/// criteria text when there is no tree.
fn criteria(s: &Study, cap: &Cap) -> Option<Html> {
    let tree =
        s.trialcards.criteria.as_ref().filter(|t| {
            !(t.inclusion.is_empty() && t.exclusion.is_empty() && t.preamble.is_empty())
        });
    let Some(tree) = tree else {
        let text = s
            .protocol_section
            .eligibility_module
            .eligibility_criteria
            .clone()?;
        return Some(html! { <Markdown {text} /> });
    };
    Some(html! {
        <>
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
        </>
    })
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
            out.push(html! { <p class="criteria-note">{ marked_text(item) }</p> });
            out.extend(children);
        } else {
            list.push(html! { <li>{ marked_text(item) }{ for children }</li> });
        }
    }
    flush(&mut list, &mut out);
    out.push(cap.note(items.len(), "items"));
    out.into_iter().collect()
}
