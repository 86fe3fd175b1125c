//! Queries: `list` and `show` of every type, filters, `--where`, formats, `search`, `stats`.

use crate::support::Test;

fn network(args: &[&str]) -> crate::support::Output {
    Test::fixture("network").args(args.iter().copied()).run()
}

fn ok(args: &[&str]) -> String {
    let output = network(args);
    assert_eq!(output.status, Some(0), "{args:?}: {}", output.stderr);
    assert_eq!(output.stderr, "", "{args:?}");
    output.stdout
}

fn ids(args: &[&str]) -> Vec<String> {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&ok(&args)).expect("json");
    json.as_array()
        .expect("array")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_string())
        .collect()
}

fn sample(args: &[&str]) -> String {
    let output = Test::empty()
        .args(["--root", env!("CARGO_MANIFEST_DIR")])
        .args(args.iter().copied())
        .run();
    assert_eq!(output.status, Some(0), "{}", output.stderr);
    output.stdout
}

#[test]
fn sample_themes_table() {
    insta::assert_snapshot!(sample(&["themes", "list"]));
}

#[test]
fn sample_sessions_organisations_and_retrospectives_tables() {
    insta::assert_snapshot!("sample_sessions", sample(&["sessions", "list"]));
    insta::assert_snapshot!("sample_organisations", sample(&["organisations", "list"]));
    insta::assert_snapshot!("sample_retrospectives", sample(&["retrospectives", "list"]));
}

#[test]
fn sample_stats() {
    insta::assert_snapshot!(sample(&["stats"]));
}

#[test]
fn themes_in_every_format() {
    insta::assert_snapshot!("themes_table", ok(&["themes", "list"]));
    insta::assert_snapshot!("themes_json", ok(&["themes", "list", "--format", "json"]));
    insta::assert_snapshot!("themes_csv", ok(&["themes", "list", "--format", "csv"]));
    insta::assert_snapshot!(
        "themes_markdown",
        ok(&["themes", "list", "--format", "markdown"])
    );
}

#[test]
fn theme_filters() {
    assert_eq!(
        ids(&["themes", "list", "--status", "proposed"]),
        ["cafe-gesprek"]
    );
    assert_eq!(
        ids(&["themes", "list", "--status", "scheduled"]),
        ["checklist"]
    );
    assert_eq!(
        ids(&["themes", "list", "--status", "discussed"]),
        ["open-wob"]
    );
    assert_eq!(
        ids(&["themes", "list", "--status", "closed"]),
        ["raadsinformatie"]
    );
    assert_eq!(
        ids(&["themes", "list", "--carrier", "utrecht"]),
        ["open-wob", "raadsinformatie"]
    );
    assert_eq!(
        ids(&["themes", "list", "--tag", "open-data"]),
        ["open-wob", "raadsinformatie"]
    );
}

#[test]
fn session_filters() {
    assert_eq!(
        ids(&["sessions", "list", "--upcoming"]),
        ["2027-02-01-zwolle"]
    );
    assert_eq!(
        ids(&["sessions", "list", "--past"]),
        ["2017-09-18-kick-off"]
    );
    assert_eq!(
        ids(&["sessions", "list", "--host", "den-haag"]),
        ["2018-03-01-den-haag"]
    );
    assert_eq!(
        ids(&["sessions", "list", "--theme", "checklist"]),
        ["2027-02-01-zwolle"]
    );
    assert_eq!(
        ids(&["sessions", "list", "--year", "2018"]),
        ["2018-03-01-den-haag"]
    );
    insta::assert_snapshot!("sessions_table", ok(&["sessions", "list"]));
}

#[test]
fn retrospective_and_organisation_filters_and_aliases() {
    assert_eq!(
        ids(&["retros", "list", "--session", "2017-09-18-kick-off"]),
        ["2017-09-18-kick-off"]
    );
    assert_eq!(ids(&["retrospectives", "list"]), ["2017-09-18-kick-off"]);
    assert_eq!(
        ids(&["orgs", "list", "--kind", "municipality"]),
        ["den-haag", "utrecht", "zwolle"]
    );
}

#[test]
fn organisations_sort_by_name_in_dutch_order() {
    assert_eq!(
        ids(&["organisations", "list"]),
        ["argu", "den-haag", "een", "utrecht", "zwolle"]
    );
}

#[test]
fn sort_reverse_and_limit() {
    assert_eq!(
        ids(&["themes", "list", "--sort", "id", "--limit", "2"]),
        ["cafe-gesprek", "checklist"]
    );
    assert_eq!(
        ids(&[
            "themes",
            "list",
            "--sort",
            "id",
            "--reverse",
            "--limit",
            "1"
        ]),
        ["raadsinformatie"]
    );
    assert_eq!(
        ids(&["sessions", "list", "--reverse"])[0],
        "2027-02-01-zwolle"
    );
    assert_eq!(
        ids(&["themes", "list", "--sort", "status"])[0],
        "raadsinformatie"
    );
}

#[test]
fn unknown_sort_field_is_a_usage_error() {
    let output = network(&["themes", "list", "--sort", "titel"]);
    assert_eq!(output.status, Some(2));
    assert!(
        output.stderr.contains("did you mean `title`?"),
        "{}",
        output.stderr
    );
}

#[test]
fn where_expressions() {
    assert_eq!(
        ids(&[
            "themes",
            "list",
            "--where",
            "status = closed and \"utrecht\" in carriers"
        ]),
        ["raadsinformatie"]
    );
    assert_eq!(
        ids(&[
            "sessions",
            "list",
            "--where",
            "date >= 2018-01-01 and not cancelled"
        ]),
        ["2027-02-01-zwolle"]
    );
    assert_eq!(
        ids(&["themes", "list", "--where", "title contains CAFE"]),
        ["cafe-gesprek"]
    );
    assert_eq!(
        ids(&[
            "orgs",
            "list",
            "--where",
            "\"open-wob\" in carries or kind = company"
        ]),
        ["argu", "utrecht"]
    );
    assert_eq!(
        ids(&[
            "sessions",
            "list",
            "--where",
            "year < 2018 or (state = planned)"
        ]),
        ["2017-09-18-kick-off", "2027-02-01-zwolle"]
    );
}

#[test]
fn where_errors_point_at_the_column() {
    let output = network(&[
        "themes",
        "list",
        "--where",
        "status = proposed and carriers = utrecht",
    ]);
    assert_eq!(output.status, Some(2));
    insta::assert_snapshot!(output.stderr);
}

#[test]
fn unknown_ids_exit_1_with_a_suggestion() {
    let output = network(&["themes", "show", "open-wbo"]);
    assert_eq!(output.status, Some(1));
    assert_eq!(
        output.stderr,
        "error: no theme `open-wbo`; did you mean `open-wob`?\n"
    );
    let output = network(&["themes", "list", "--carrier", "utrect"]);
    assert_eq!(output.status, Some(1));
    assert!(
        output
            .stderr
            .contains("no organisation `utrect`; did you mean `utrecht`?")
    );
}

#[test]
fn show_as_text_and_json() {
    insta::assert_snapshot!("show_theme", ok(&["themes", "show", "open-wob"]));
    insta::assert_snapshot!("show_organisation", ok(&["orgs", "show", "utrecht"]));
    insta::assert_snapshot!(
        "show_session",
        ok(&["sessions", "show", "2017-09-18-kick-off"])
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "retros",
        "show",
        "2017-09-18-kick-off",
        "--format",
        "json",
    ]))
    .expect("json");
    assert_eq!(json["body"], "We spraken over de Wob.\n");
    assert_eq!(json["session"], "2017-09-18-kick-off");
}

#[test]
fn search_ranks_titles_above_bodies_and_ignores_accents() {
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["search", "wob", "--format", "json"])).expect("json");
    let hits: Vec<_> = json
        .as_array()
        .expect("array")
        .iter()
        .map(|h| h["id"].as_str().expect("id"))
        .collect();
    assert_eq!(hits[0], "open-wob");
    assert!(hits.contains(&"raadsinformatie"));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["search", "cafe", "--format", "json"])).expect("json");
    assert_eq!(json[0]["id"], "cafe-gesprek");
    assert_eq!(json[0]["type"], "theme");
    assert!(
        json[0]["snippet"]
            .as_str()
            .expect("snippet")
            .contains("café")
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "search", "wob", "--type", "session", "--format", "json",
    ]))
    .expect("json");
    assert_eq!(json.as_array().map(Vec::len), Some(0));
    insta::assert_snapshot!("search_table", ok(&["search", "wob", "--limit", "2"]));
}

#[test]
fn stats_table_and_json() {
    insta::assert_snapshot!("stats_table", ok(&["stats"]));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["stats", "--format", "json"])).expect("json");
    assert_eq!(json["themes_per_status"]["closed"], 1);
    assert_eq!(json["sessions_per_year"]["2017"], 1);
    assert_eq!(json["themes_without_carriers"][0], "cafe-gesprek");
    assert_eq!(
        json["awaiting_retrospective"].as_array().map(Vec::len),
        Some(0)
    );
    assert_eq!(json["median_days_to_first_session"], 0.0);
}

#[test]
fn queries_run_on_content_with_errors_and_say_so_once() {
    let output = Test::fixture("network")
        .file("content/themes/kapot.md", "---\ntitle: [\n---\n")
        .file(
            "content/themes/half.md",
            "---\ntitle: Half\nsummary: S\ncarriers: [nergens]\n---\n",
        )
        .args(["themes", "list", "--format", "json"])
        .run();
    assert_eq!(output.status, Some(0));
    assert_eq!(
        output.stderr,
        "warning: 2 files have problems; run `pioneers validate` to see them\n"
    );
    assert!(output.stdout.contains("\"half\""));
}

#[test]
fn every_list_has_examples_in_its_help() {
    for command in [
        ["themes", "list"],
        ["sessions", "list"],
        ["retros", "list"],
        ["orgs", "list"],
    ] {
        let help = network(&[command[0], command[1], "--help"]).stdout;
        assert!(help.contains("Examples:"), "{command:?}");
        assert!(help.contains("--where"), "{command:?}");
    }
    assert!(network(&["search", "--help"]).stdout.contains("Examples:"));
    assert!(network(&["stats", "--help"]).stdout.contains("Examples:"));
}

/// Errors of the query commands speak the knowledge base's language.
#[test]
fn an_unknown_id_is_reported_in_dutch_with_a_suggestion() {
    let output = Test::fixture("clean")
        .env("PIONEERS_LANG", "nl")
        .args(["themes", "show", "open-wbo"])
        .run();
    assert_eq!(output.status, Some(1));
    assert_eq!(
        output.stderr,
        "fout: geen thema `open-wbo`; bedoel je `open-wob`?\n"
    );
    let sort = Test::fixture("clean")
        .env("PIONEERS_LANG", "nl")
        .args(["themes", "list", "--sort", "titel"])
        .run();
    assert_eq!(sort.status, Some(2));
    assert_eq!(
        sort.stderr,
        "fout: Thema's kunnen niet gesorteerd worden op `titel`; bedoel je `title`?\n"
    );
}
