//! The trials the records make, as a CSV of one row per record: which trial (group) it is
//! part of, the registry IDs that joined it, and where it was read — what a systematic review
//! counts duplicates with (PRISMA's "records removed as duplicates" is the number of rows
//! minus the number of groups).

use crate::collection::reconcile::{reconcile, registry_ids};
use crate::model::Study;

use super::csv::{write_table, CsvOptions};
use super::formula_guard;

/// The columns of [`to_groups_csv`], in order.
pub const GROUP_COLUMNS: &[&str] = &[
    "Group",
    "Records In Group",
    "NCT Number",
    "Registry IDs",
    "Joined By",
    "File Name",
    "Layout",
    "Last Update Posted",
    "Shown",
    "Split Off",
];

/// One row per record, grouped into trials as the cards group them ([`reconcile`]): groups
/// numbered from 1 in the order each trial first appears, a group's rows together in the
/// order given. "Registry IDs" are the record's own (NCT and secondary IDs, `|`-joined),
/// "Joined By" the reasons its group is one trial ("same EudraCT number 2012-004303-12",
/// `; `-joined), "File Name" and "Layout" where it was read, "Shown" `yes` for the record the
/// card shows (the one updated last), "Split Off" `yes` for a record the user split off. Rows
/// end in CRLF; cells that would start a spreadsheet formula get an apostrophe.
pub fn to_groups_csv(studies: &[&Study], options: CsvOptions) -> String {
    let keyed: Vec<(usize, &Study)> = studies.iter().copied().enumerate().collect();
    let mut rows = Vec::with_capacity(studies.len());
    for (number, group) in reconcile(&keyed).iter().enumerate() {
        for (at, &member) in group.members.iter().enumerate() {
            let study = studies[member];
            let ids: Vec<String> = registry_ids(study).into_iter().map(|(id, _)| id).collect();
            let source = &study.trialcards.source;
            let updated = study
                .protocol_section
                .status_module
                .last_update_post_date_struct
                .as_ref()
                .and_then(|d| d.date.clone());
            let yes = |flag: bool| if flag { "yes" } else { "" }.to_string();
            let row = vec![
                (number + 1).to_string(),
                group.members.len().to_string(),
                group.nct_id.clone().unwrap_or_default(),
                ids.join("|"),
                group.joined_by.join("; "),
                source.file_name.clone(),
                source.layout.clone(),
                updated.unwrap_or_default(),
                yes(at == group.primary),
                yes(study.trialcards.apart),
            ];
            rows.push(row.into_iter().map(formula_guard::guard_owned).collect());
        }
    }
    write_table(GROUP_COLUMNS, &rows, options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::test_records::study;
    use serde_json::json;

    fn read(csv: &str) -> Vec<Vec<String>> {
        ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn one_row_per_record_grouped_by_shared_registry_ids() {
        let mut ctgov = study(json!({"protocolSection": {
            "identificationModule": {"nctId": "NCT09990001",
                "secondaryIdInfos": [{"id": "2012-004303-12", "type": "EUDRACT_NUMBER"}]},
            "statusModule": {"lastUpdatePostDateStruct": {"date": "2024-05-02"}}
        }}));
        ctgov.trialcards.source.file_name = "NCT09990001.json".into();
        ctgov.trialcards.source.layout = "ctgov-json".into();
        let mut eu = study(json!({"protocolSection": {"identificationModule": {
            "secondaryIdInfos": [{"id": "2012-004303-12"}]
        }}}));
        eu.trialcards.source.file_name = "=eu page.txt".into();
        let other =
            study(json!({"protocolSection": {"identificationModule": {"nctId": "NCT09990002"}}}));
        let mut split = eu.clone();
        split.trialcards.apart = true;
        split.trialcards.source.file_name = "copy.txt".into();

        let rows = read(&to_groups_csv(
            &[&ctgov, &other, &eu, &split],
            CsvOptions::default(),
        ));
        assert_eq!(rows[0], GROUP_COLUMNS);
        assert_eq!(rows.len(), 5, "a header and one row per record");
        assert_eq!(
            rows[1],
            [
                "1",
                "2",
                "NCT09990001",
                "NCT09990001|2012-004303-12",
                "same EudraCT number 2012-004303-12",
                "NCT09990001.json",
                "ctgov-json",
                "2024-05-02",
                "yes",
                ""
            ]
        );
        // The EU page is in the first group, right after it; its name cannot start a formula.
        assert_eq!(
            &rows[2][..6],
            [
                "1",
                "2",
                "NCT09990001",
                "2012-004303-12",
                "same EudraCT number 2012-004303-12",
                "'=eu page.txt"
            ]
        );
        assert_eq!(&rows[3][..3], ["2", "1", "NCT09990002"]);
        assert_eq!((rows[4][0].as_str(), rows[4][9].as_str()), ("3", "yes"));
        let bom = to_groups_csv(
            &[&ctgov],
            CsvOptions {
                byte_order_mark: true,
            },
        );
        assert!(bom.starts_with("\u{FEFF}Group,") && bom.ends_with("\r\n"));
    }
}
