//! Output for people and maps: `extract --format text` (colour, bidi isolates, summary),
//! `--format geojson`, the progress bar, shell completions and the man page.

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

fn khabar() -> Command {
    let mut cmd = cargo_bin_cmd!("khabar");
    cmd.env_remove("CLICOLOR_FORCE");
    cmd
}

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

const ARTICLE: &str = "قال الرئيس الأوكراني فولوديمير زيلينسكي أمس إن أكثر من 10 آلاف جندي كوري شمالي وصلوا إلى منطقة كورسك. \
وقال مصدر عسكري إن مقاتلات F-16 قصفت مواقع قرب خاركيف. وقتل 12 مدنياً في قصف على مدينة دونيتسك.";

fn text(args: &[&str]) -> String {
    let out = khabar().args(["extract", "--published", "2024-11-13", "-f", "text"]).args(args).write_stdin(ARTICLE).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn text_shows_each_claim_with_its_source_and_facts_and_a_summary() {
    let out = text(&[]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "- (2024-11-13)");
    assert!(lines[1].starts_with("  [c1] 1:1  "), "{out}");
    assert!(lines[1].contains(&format!("{FSI}فولوديمير زيلينسكي{PDI}, {FSI}الرئيس الأوكراني{PDI}")), "{out}");
    assert!(out.contains(&format!("      date: {FSI}أمس{PDI} = 2024-11-12\n")), "{out}");
    assert!(
        out.contains(&format!("      troops: {FSI}أكثر من 10 آلاف جندي كوري شمالي{PDI} = >10000 of {FSI}كوريا الشمالية{PDI}\n")),
        "{out}"
    );
    assert!(out.contains(&format!("{FSI}مصدر عسكري{PDI} (anonymous)")), "{out}");
    assert!(out.contains("  [c3] 1:"), "{out}");
    assert!(out.contains("  no source\n"), "{out}");
    assert!(out.contains(&format!("      casualties: {FSI}قتل 12 مدنياً{PDI} = 12 killed civilians\n")), "{out}");
    assert_eq!(
        *lines.last().unwrap(),
        "  3 claims (1 without a source), 2 actors, 3 places, 1 date, 1 troop figure, 1 casualty figure",
        "{out}"
    );
}

#[test]
fn text_isolates_latin_runs_inside_arabic_and_json_never_does() {
    let out = text(&[]);
    assert!(out.contains(&format!("مقاتلات {FSI}F-16{PDI} قصفت")), "{out}");
    let json = khabar().args(["extract", "-"]).write_stdin(ARTICLE).assert().success().get_output().stdout.clone();
    let json = String::from_utf8(json).unwrap();
    assert!(!json.contains(FSI) && !json.contains(PDI));
}

#[test]
fn text_colour_follows_the_flag_and_never_reaches_a_pipe() {
    assert!(!text(&[]).contains('\x1b'));
    assert!(!text(&["--color", "never"]).contains('\x1b'));
    let coloured = text(&["--color", "always"]);
    assert!(coloured.contains("\x1b[1m-\x1b[0m (2024-11-13)"), "{coloured:?}");
    assert!(coloured.contains("\x1b[33mno source\x1b[0m"), "{coloured:?}");
    // JSON is never coloured.
    let json = khabar().args(["extract", "--color", "always", "-"]).write_stdin(ARTICLE).assert().success().get_output().stdout.clone();
    assert!(!json.contains(&0x1b));
}

#[test]
fn text_separates_documents_with_a_blank_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "قال بوتين إن الوفد وصل.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "وصل الوفد.").unwrap();
    let out = khabar().args(["extract", "-f", "text"]).arg(dir.path()).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let blocks: Vec<&str> = out.split("\n\n").collect();
    assert_eq!(blocks.len(), 2, "{out}");
    assert!(blocks[0].contains("a.txt (no publication date)") && blocks[1].contains("b.txt"), "{out}");
}

// ---- GeoJSON ----

fn geojson(args: &[&str], stdin: &str) -> serde_json::Value {
    let out = khabar().args(["extract", "--published", "2024-11-13", "-f", "geojson"]).args(args).write_stdin(stdin.to_string()).assert();
    let out = out.get_output().stdout.clone();
    serde_json::from_slice(&out).expect("the whole output is one JSON document")
}

#[test]
fn geojson_gives_a_point_per_claim_and_located_place() {
    let g = geojson(&[], ARTICLE);
    assert_eq!(g["type"], "FeatureCollection");
    let features = g["features"].as_array().unwrap();
    let places: Vec<(&str, &str)> =
        features.iter().map(|f| (f["properties"]["claim"].as_str().unwrap(), f["properties"]["place"].as_str().unwrap())).collect();
    assert_eq!(places.len(), 3, "{places:?}");
    for ((claim, place), (want_claim, want_place)) in places.iter().zip([("c1", "كورسك"), ("c2", "خاركيف"), ("c3", "دونيتسك")])
    {
        assert!(*claim == want_claim && place.contains(want_place), "{places:?}");
    }

    let kursk = &features[0];
    assert_eq!(kursk["type"], "Feature");
    assert_eq!(kursk["geometry"]["type"], "Point");
    // [longitude, latitude], from the lexicon: Kursk is near 36°E 51.7°N.
    let [lon, lat] = [kursk["geometry"]["coordinates"][0].as_f64().unwrap(), kursk["geometry"]["coordinates"][1].as_f64().unwrap()];
    assert!((35.0..38.0).contains(&lon) && (51.0..53.0).contains(&lat), "{lon} {lat}");
    let p = &kursk["properties"];
    assert_eq!(p["source"], "فولوديمير زيلينسكي");
    assert_eq!(p["role"], "الرئيس الأوكراني");
    assert_eq!(p["date"], "2024-11-12");
    assert_eq!(p["published"], "2024-11-13");
    assert!(p["text"].as_str().unwrap().starts_with("قال الرئيس الأوكراني"));
    assert_eq!(p["figures"][0]["kind"], "troops");
    assert_eq!(p["figures"][0]["count"], 10000);
    assert_eq!(p["figures"][0]["qualifier"], "more_than");
    assert_eq!(p["figures"][0]["actor"], "كوريا الشمالية");

    // A claim without a dated expression takes the publication date; an unsourced one has a null source.
    let donetsk = &features[2]["properties"];
    assert_eq!(donetsk["date"], "2024-11-13");
    assert!(donetsk["source"].is_null());
    assert_eq!(donetsk["figures"][0]["kind"], "casualties");
    assert_eq!(donetsk["figures"][0]["status"], "killed");
    assert_eq!(donetsk["figures"][0]["group"], "civilians");
}

#[test]
fn geojson_is_one_collection_for_a_batch_with_one_feature_per_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "قال بوتين إن القوات وصلت إلى كورسك.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "وصل الوفد.").unwrap();
    std::fs::write(dir.path().join("c.txt"), "قصفت القوات خاركيف ودونيتسك.").unwrap();
    let out = khabar().args(["extract", "-f", "geojson"]).arg(dir.path()).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    let g: serde_json::Value = serde_json::from_str(&text).unwrap();
    let articles: Vec<&str> = g["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["article"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(articles, ["a.txt", "c.txt", "c.txt"]);
    assert_eq!(text.lines().count(), 2 + 3, "header, one line per Feature, footer:\n{text}");

    // Nothing located (or no input at all) is still a valid, empty collection.
    assert_eq!(geojson(&[], "وصل الوفد.")["features"], serde_json::json!([]));
}

#[test]
fn geojson_of_json_lines_carries_the_article_ids() {
    let input = "{\"id\": \"k-1\", \"text\": \"وصلت القوات إلى كورسك.\"}\n";
    let g = geojson(&["--input", "jsonl"], input);
    let p = &g["features"][0]["properties"];
    assert_eq!(p["article_id"], "k-1");
    assert_eq!(p["article"], "-:1");
    let id = format!("-:1#c1@{}", p["place_id"].as_str().unwrap());
    assert_eq!(g["features"][0]["id"], id.as_str());
}

// ---- progress bar ----

/// Runs a shell command with standard output and error on a pseudo-terminal (util-linux
/// `script`), and returns what the terminal received.
#[cfg(target_os = "linux")]
fn on_a_terminal(command: &str, env: &[(&str, &str)]) -> String {
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", command, "/dev/null"]).env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE").env("TERM", "xterm-256color");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("script (util-linux) runs");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{command}: {:?} {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[cfg(target_os = "linux")]
#[test]
fn a_long_batch_draws_a_progress_bar_on_a_terminal_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..150 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), "قال بوتين إن 300 جندي وصلوا إلى كورسك.").unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin!("khabar").display().to_string();
    let d = dir.path().display().to_string();
    let shown = on_a_terminal(&format!("{bin} extract --jobs 1 {d} > /dev/null"), &[]);
    assert!(shown.contains("/150 articles"), "{shown:?}");
    assert_eq!(on_a_terminal(&format!("{bin} extract --quiet --jobs 1 {d} > /dev/null"), &[]), "");
    // One article draws nothing.
    assert_eq!(on_a_terminal(&format!("{bin} extract {d}/000.txt > /dev/null"), &[]), "");
}

#[cfg(target_os = "linux")]
#[test]
fn text_is_coloured_on_a_terminal_unless_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "وصل 3 آلاف جندي إلى الحدود.").unwrap();
    let bin = assert_cmd::cargo::cargo_bin!("khabar").display().to_string();
    let command = format!("{bin} extract -f text {}", file.display());
    assert!(on_a_terminal(&command, &[]).contains("\x1b["));
    assert!(!on_a_terminal(&command, &[("NO_COLOR", "1")]).contains("\x1b["));
    let command = format!("{bin} check --no-config --quiet {}", file.display());
    assert!(on_a_terminal(&command, &[]).contains("\x1b[31merror:"));
    assert!(!on_a_terminal(&command, &[("NO_COLOR", "1")]).contains("\x1b["));
}

// ---- completions and man page ----

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = khabar().args(["completions", shell]).assert().success().get_output().stdout.clone();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("khabar") && out.contains("published"), "{shell}: {out}");
        // The shells that complete values offer the check codes after --deny.
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(out.contains("unattributed-figure"), "{shell}: {out}");
        }
    }
    khabar().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_page_from_the_clap_definitions() {
    khabar()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(".ie"))
        .stdout(predicate::str::contains(".TH khabar 1"))
        .stdout(predicate::str::contains("khabar\\-check(1)"));
    let dir = tempfile::tempdir().unwrap();
    khabar().args(["man", "--dir"]).arg(dir.path()).assert().success().stdout("");
    let check = std::fs::read_to_string(dir.path().join("khabar-check.1")).unwrap();
    assert!(check.contains("\\-\\-deny"), "{check}");
    assert!(dir.path().join("khabar.1").is_file() && dir.path().join("khabar-extract.1").is_file());
}
