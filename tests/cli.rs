//! The `khabar` binary end to end: formats, inputs, errors and exit codes.

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use std::path::Path;

const ARTICLE: &str = "قال الرئيس الأوكراني فولوديمير زيلينسكي أمس إن روسيا نشرت أكثر من 10 آلاف جندي كوري شمالي في منطقة كورسك.";

fn khabar() -> Command {
    cargo_bin_cmd!("khabar")
}

fn seed() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed.txt").display().to_string()
}

fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(out.to_vec()).unwrap().lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn extract_prints_one_document_per_input() {
    let out = khabar().args(["extract", "--published", "2024-11-13", &seed()]).assert().success().get_output().stdout.clone();
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["schema"], "khabar/1");
    assert_eq!(doc["published"], "2024-11-13");
    for key in ["claims", "actors", "locations", "dates", "troops"] {
        assert!(!doc[key].as_array().unwrap().is_empty(), "{key} is empty for the seed article");
    }
    assert_eq!(doc["source"]["bytes"].as_u64().unwrap() as usize, std::fs::read(seed()).unwrap().len());
    assert_eq!(doc["source"]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn stdin_and_dash_read_standard_input() {
    for args in [vec!["extract", "--published", "2024-11-13"], vec!["extract", "--published", "2024-11-13", "-"]] {
        let out = khabar().args(&args).write_stdin(ARTICLE).assert().success().get_output().stdout.clone();
        let doc = &json_lines(&out)[0];
        assert_eq!(doc["source"]["path"], "-");
        assert_eq!(doc["dates"][0]["value"], "2024-11-12");
        assert_eq!(doc["troops"][0]["count"], 10000);
    }
}

#[test]
fn pretty_and_text_formats() {
    let out = khabar().args(["extract", "--published", "2024-11-13", "--format", "pretty", "-"]).write_stdin(ARTICLE).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.starts_with("{\n  \"schema\": \"khabar/1\""));
    serde_json::from_str::<serde_json::Value>(&stdout).unwrap();

    khabar()
        .args(["extract", "--published", "2024-11-13", "-f", "text", "-"])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stdout(predicate::str::contains("فولوديمير زيلينسكي"))
        .stdout(predicate::str::contains("1 claim (0 without a source)"));
}

#[test]
fn folders_are_walked_recursively_in_sorted_order_and_the_glob_applies() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("b.txt"), "قال بوتين.").unwrap();
    std::fs::write(dir.path().join("a.txt"), "قال زيلينسكي.").unwrap();
    std::fs::write(dir.path().join("sub/c.txt"), "قالت روسيا.").unwrap();
    std::fs::write(dir.path().join("notes.md"), "تجاهل").unwrap();
    let out = khabar().arg("extract").arg(dir.path()).assert().success().get_output().stdout.clone();
    let paths: Vec<String> = json_lines(&out).iter().map(|d| d["source"]["path"].as_str().unwrap().to_string()).collect();
    let names: Vec<&str> = paths.iter().map(|p| p.rsplit(['/', '\\']).next().unwrap()).collect();
    assert_eq!(names, ["a.txt", "b.txt", "c.txt"]);

    let out = khabar().args(["extract", "--glob", "*.md"]).arg(dir.path()).assert().success().get_output().stdout.clone();
    assert_eq!(json_lines(&out).len(), 1);
}

#[test]
fn output_is_byte_identical_for_any_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(seed()).unwrap();
    for i in 0..40 {
        let text = if i % 3 == 0 { ARTICLE.to_string() } else { seed.clone() };
        std::fs::write(dir.path().join(format!("{i:03}.txt")), text).unwrap();
    }
    let run = |jobs: &str| {
        khabar()
            .args(["extract", "--published", "2024-11-13", "--jobs", jobs])
            .arg(dir.path())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1");
    assert_eq!(json_lines(&one).len(), 40);
    assert_eq!(one, run("4"));
    assert_eq!(one, run("7"));
}

#[test]
fn a_missing_file_is_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, ARTICLE).unwrap();
    let missing = dir.path().join("missing.txt");
    let out = khabar()
        .arg("extract")
        .arg(&missing)
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"))
        .stderr(predicate::str::starts_with("khabar: "))
        .get_output()
        .stdout
        .clone();
    assert_eq!(json_lines(&out).len(), 1);
}

#[test]
fn invalid_utf8_names_the_file_and_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    let mut bytes = "قال".as_bytes().to_vec();
    bytes.extend([0xff, 0xfe]);
    std::fs::write(&bad, bytes).unwrap();
    khabar().arg("extract").arg(&bad).assert().code(2).stderr(predicate::str::contains("bad.txt: invalid UTF-8 at byte 6"));
}

#[test]
fn an_unreadable_folder_is_reported() {
    khabar().args(["extract", "/nonexistent/folder/"]).assert().code(2).stderr(predicate::str::contains("/nonexistent/folder"));
}

#[test]
fn jsonl_input_carries_ids_and_per_line_dates() {
    let input = concat!(
        r#"{"id": "a1", "text": "وصل الوفد أمس.", "published": "2024-11-13"}"#,
        "\n",
        r#"{"id": 7, "text": "وصل الوفد أمس."}"#,
        "\n\n",
        "not json\n",
        r#"{"text": "عام 2011"}"#,
        "\n"
    );
    let out = khabar().args(["extract", "--input", "jsonl", "--published", "2020-01-02"]).write_stdin(input).assert().code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("-:4: not a JSON object"), "{stderr}");
    let docs = json_lines(&out.get_output().stdout);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["id"], "a1");
    assert_eq!(docs[0]["dates"][0]["value"], "2024-11-12");
    assert_eq!(docs[1]["id"], 7);
    assert_eq!(docs[1]["dates"][0]["value"], "2020-01-01");
    assert!(docs[2].get("id").is_none());
    assert_eq!(docs[2]["source"]["line"], 5);
}

#[test]
fn without_a_date_relative_dates_are_null_with_a_warning() {
    let out = khabar().args(["extract", "-"]).write_stdin("وصل الوفد أمس.").assert().success().get_output().stdout.clone();
    let doc = &json_lines(&out)[0];
    assert!(doc["dates"][0]["value"].is_null());
    assert_eq!(doc["warnings"][0]["code"], "unanchored_relative_date");
}

#[test]
fn a_dateline_anchors_relative_dates() {
    let out = khabar()
        .args(["extract", "-"])
        .write_stdin("الرياض - 13 نوفمبر 2024\nوصل الوفد أمس.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc = &json_lines(&out)[0];
    assert_eq!(doc["published"], "2024-11-13");
    assert_eq!(doc["dates"][1]["value"], "2024-11-12");
}

#[test]
fn a_bad_published_date_is_a_usage_error() {
    khabar()
        .args(["extract", "--published", "13/11/2024", "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--published"));
    khabar().args(["extract", "--format", "xml", "-"]).assert().code(2);
}

#[test]
fn normalize_prints_the_folded_text() {
    khabar().arg("normalize").write_stdin("أكّدت الـوزارةُ ١٠ آلاف").assert().success().stdout("اكدت الوزاره 10 الاف\n");
}

#[test]
fn schema_is_a_json_schema_of_the_document() {
    let out = khabar().arg("schema").assert().success().get_output().stdout.clone();
    let schema: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(schema["title"], "Document");
    for key in ["claims", "actors", "locations", "dates", "troops", "casualties", "warnings"] {
        assert!(schema["properties"].get(key).is_some(), "{key} missing from the schema");
    }
}

#[test]
fn a_user_lexicon_adds_names_and_overrides_built_in_entries() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("newsroom.tsv"),
        "id\tkind\tcountry\tname\taliases\nperson:vladimir-putin\tperson\tRU\tفلاديمير فلاديميروفيتش بوتين\tبوتين\norg:khabar-desk\torganization\t\tمكتب خبر للتحقق\t\n",
    )
    .unwrap();
    let out = khabar()
        .args(["extract", "--lexicon"])
        .arg(dir.path())
        .arg("-")
        .write_stdin("قال بوتين إن مكتب خبر للتحقق راجع الأرقام.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc = &json_lines(&out)[0];
    let names: Vec<&str> = doc["actors"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"فلاديمير فلاديميروفيتش بوتين"), "{names:?}");
    assert!(names.contains(&"مكتب خبر للتحقق"), "{names:?}");

    khabar()
        .args(["extract", "--lexicon", "/nonexistent/lexicon", "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/lexicon"));
}

#[test]
fn help_teaches_and_exits_zero() {
    khabar().arg("--help").assert().success().stdout(predicate::str::contains("extract")).stdout(predicate::str::contains("Exit codes"));
    khabar().args(["extract", "--help"]).assert().success().stdout(predicate::str::contains("--published"));
    khabar().arg("--version").assert().success();
    khabar().assert().code(2);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // `khabar extract big | head -c 1`: the reader goes away; khabar must exit quietly.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), ARTICLE).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin!("khabar");
    let mut child = std::process::Command::new(bin)
        .arg("extract")
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.code() == Some(0), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
