//! `khabar check` end to end: every check with hits and near-misses, every format, the level
//! options, khabar.toml, and the exit codes.

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

/// `khabar check --no-config …`: the tests do not depend on a khabar.toml above the checkout.
fn check(args: &[&str]) -> Command {
    let mut cmd = cargo_bin_cmd!("khabar");
    cmd.args(["check", "--no-config"]).args(args).env_remove("CLICOLOR_FORCE");
    cmd
}

/// Runs `check` on `text` (standard input) and returns (exit code, stdout lines).
fn run(args: &[&str], text: &str) -> (i32, Vec<String>) {
    let out = check(args).write_stdin(text).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    (out.status.code().unwrap(), stdout.lines().map(str::to_string).collect())
}

/// The codes of the findings in text-format lines.
fn codes(lines: &[String]) -> Vec<&str> {
    lines.iter().map(|l| l.split(": ").nth(2).unwrap_or("")).collect()
}

// ---- unattributed-figure ----

#[test]
fn unattributed_troop_and_casualty_figures_are_errors() {
    let (code, lines) = run(&[], "وصل 3 آلاف جندي إلى الحدود.");
    assert_eq!(code, 1);
    assert_eq!(lines, ["-:1:5: error: unattributed-figure: troop figure «3 آلاف جندي» has no source: say who gives it"]);

    // A casualty figure that holds a troop figure is one finding, about the casualty.
    let (code, lines) = run(&[], "مقتل 7 جنود في هجوم على قاعدة.");
    assert_eq!(code, 1);
    assert_eq!(lines, ["-:1:1: error: unattributed-figure: casualty figure «مقتل 7 جنود» has no source: say who gives it"]);
}

#[test]
fn sourced_and_vague_figures_are_not_reported() {
    for text in [
        "وقالت وزارة الدفاع الروسية إن 3 آلاف جندي وصلوا إلى الحدود.",
        "وصل 3 آلاف جندي إلى الحدود، بحسب رويترز.",
        // An anonymous source is a source here (anonymous-source is about those).
        "وقال مصدر عسكري إن 3 آلاف جندي وصلوا إلى الحدود.",
        // No number: nothing to source.
        "وصل عشرات الجنود إلى الحدود.",
    ] {
        let (_, lines) = run(&["--allow", "anonymous-source"], text);
        assert!(lines.is_empty(), "{text}: {lines:?}");
    }
}

#[test]
fn a_headline_repeating_a_sourced_figure_is_not_reported() {
    let text = "مقتل 7 جنود في هجوم\n\nوقالت وزارة الدفاع الروسية إن 7 جنود قتلوا في الهجوم.";
    assert_eq!(run(&[], text), (0, vec![]));
    // A different number in the headline is its own figure.
    let text = "مقتل 9 جنود في هجوم\n\nوقالت وزارة الدفاع الروسية إن 7 جنود قتلوا في الهجوم.";
    let (code, lines) = run(&[], text);
    assert_eq!((code, codes(&lines)), (1, vec!["unattributed-figure"]));
}

// ---- unresolved-date ----

#[test]
fn a_relative_date_without_an_anchor_is_an_error() {
    let (code, lines) = run(&[], "وصل الوفد أمس.");
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        ["-:1:11: error: unresolved-date: relative date «أمس» cannot be resolved: no publication date (--published) or dateline"]
    );
    assert_eq!(run(&["--published", "2024-11-13"], "وصل الوفد أمس."), (0, vec![]));
    assert_eq!(run(&[], "الرياض - 13 نوفمبر 2024\nوصل الوفد أمس."), (0, vec![]));
}

// ---- weekday-mismatch ----

#[test]
fn a_weekday_that_contradicts_its_date_is_an_error() {
    // Published on Tuesday 12 November 2024: yesterday was a Monday.
    let (code, lines) = run(&["--published", "2024-11-12"], "وصل الوفد أمس الثلاثاء.");
    assert_eq!(code, 1);
    assert_eq!(lines, ["-:1:11: error: weekday-mismatch: «أمس الثلاثاء» names another weekday: 2024-11-11 is a Monday"]);
    assert_eq!(run(&["--published", "2024-11-13"], "وصل الوفد أمس الثلاثاء."), (0, vec![]));

    let (_, lines) = run(&[], "وصل الوفد يوم الجمعة 14 نوفمبر 2024.");
    assert_eq!(codes(&lines), ["weekday-mismatch"]);
    assert!(lines[0].ends_with("2024-11-14 is a Thursday"), "{lines:?}");
    assert_eq!(run(&[], "وصل الوفد يوم الخميس 14 نوفمبر 2024."), (0, vec![]));
}

// ---- anonymous-source ----

#[test]
fn an_anonymous_source_is_a_warning_once_per_source() {
    // The second claim continues the first one's source: one finding.
    let text = "وقال مصدر عسكري إن القوات انسحبت. وأضاف أن الهجوم فشل.";
    let (code, lines) = run(&[], text);
    assert_eq!(code, 0, "a warning does not fail");
    assert_eq!(lines, ["-:1:6: warning: anonymous-source: claim attributed to an anonymous source, «مصدر عسكري»"]);

    let (code, lines) = run(&["--deny", "anonymous-source"], text);
    assert_eq!(code, 1);
    assert!(lines[0].starts_with("-:1:6: error: anonymous-source:"), "{lines:?}");

    assert_eq!(run(&[], "وقال الرئيس الأوكراني فولوديمير زيلينسكي إن القوات انسحبت."), (0, vec![]));
}

// ---- unbalanced-quote ----

#[test]
fn unbalanced_quotes_are_found_where_they_stand() {
    let text = "وقال: «لن ننسحب.\nوقال في تصريح لـ»المدينة» إن الوفد وصل.\nوقال \"نعم\" ثم \"لا.\nوقال: “لن ننسحب.";
    let (code, lines) = run(&[], text);
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        [
            "-:1:7: error: unbalanced-quote: « opens a quotation that is not closed on its line",
            // The « typed as » is reported once, at the first ».
            "-:2:17: error: unbalanced-quote: » closes a quotation that was never opened (a « typed as »?)",
            "-:3:15: error: unbalanced-quote: \" has no partner on its line (an odd number of \" quotes)",
            "-:4:7: error: unbalanced-quote: “ has no partner on its line (an odd number of “ ” quotes)",
        ]
    );
}

#[test]
fn balanced_quotes_in_every_style_pass() {
    for text in [
        "وقال: «لن ننسحب».",
        "وقال: «قالوا لنا «انسحبوا» فرفضنا».",
        "وقال: “لن ننسحب”.",
        // ” at both ends, as Arabic copy often has it.
        "وقال بـ ”لن ننسحب”.",
        "وقال \"نعم\" ثم \"لا\".",
        "قال إن الجيش's لم ينسحب.",
    ] {
        assert_eq!(run(&[], text), (0, vec![]), "{text}");
    }
}

// ---- formats ----

const MIXED: &str = "وصل 3 آلاف جندي إلى الحدود. وقال مصدر عسكري إن القوات انسحبت.";

#[test]
fn json_format_is_one_object_per_finding() {
    let (code, lines) = run(&["--format", "json"], MIXED);
    assert_eq!(code, 1);
    let findings: Vec<serde_json::Value> = lines.iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(findings.len(), 2);
    let f = &findings[0];
    assert_eq!(f["path"], "-");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(1), Some(5)));
    assert_eq!(f["level"], "error");
    assert_eq!(f["code"], "unattributed-figure");
    assert_eq!(f["text"], "3 آلاف جندي");
    let (start, end) = (f["span"]["start"].as_u64().unwrap() as usize, f["span"]["end"].as_u64().unwrap() as usize);
    assert_eq!(&MIXED[start..end], "3 آلاف جندي");
    assert_eq!(findings[1]["level"], "warning");
    assert_eq!(findings[1]["code"], "anonymous-source");
}

#[test]
fn github_format_is_workflow_commands() {
    let (code, lines) = run(&["--format", "github"], MIXED);
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        [
            "::error file=-,line=1,col=5,title=khabar unattributed-figure::troop figure «3 آلاف جندي» has no source: say who gives it",
            "::warning file=-,line=1,col=34,title=khabar anonymous-source::claim attributed to an anonymous source, «مصدر عسكري»",
        ]
    );
}

#[test]
fn github_properties_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a,b:c.txt");
    std::fs::write(&path, "وصل 3 آلاف جندي إلى الحدود.").unwrap();
    let out = check(&["--format", "github"]).arg(&path).assert().code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("a%2Cb%3Ac.txt,line=1,col=5,"), "{out}");
}

#[test]
fn text_format_is_coloured_only_on_demand() {
    let plain = check(&[]).write_stdin(MIXED).assert().code(1).get_output().stdout.clone();
    assert!(!plain.contains(&0x1b), "no escape codes when stdout is not a terminal");
    let coloured = check(&["--color", "always"]).write_stdin(MIXED).assert().code(1).get_output().stdout.clone();
    let coloured = String::from_utf8(coloured).unwrap();
    assert!(coloured.contains("\x1b[1m\x1b[31merror:\x1b[0m"), "{coloured:?}");
    assert!(coloured.contains("\x1b[1m\x1b[33mwarning:\x1b[0m"), "{coloured:?}");
}

#[test]
fn json_lines_input_points_at_the_input_line_and_the_article() {
    let input = concat!(
        r#"{"id": "a1", "text": "وصل الوفد.", "published": "2024-11-13"}"#,
        "\n",
        r#"{"id": "a2", "text": "عنوان\nوصل 3 آلاف جندي.", "published": "2024-11-13"}"#,
        "\n"
    );
    let (code, lines) = run(&["--input", "jsonl"], input);
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        ["-:2:1: error: unattributed-figure: troop figure «3 آلاف جندي» has no source: say who gives it (article \"a2\" at 2:5)"]
    );
    let (_, lines) = run(&["--input", "jsonl", "--format", "json"], input);
    let f: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(f["id"], "a2");
    assert_eq!((f["line"].as_u64(), f["span"]["line"].as_u64(), f["span"]["column"].as_u64()), (Some(2), Some(2), Some(5)));
}

// ---- levels ----

#[test]
fn allow_warn_and_deny_pick_what_fails() {
    // --allow turns a check off.
    assert_eq!(run(&["--allow", "unattributed-figure"], "وصل 3 آلاف جندي إلى الحدود."), (0, vec![]));
    // --warn reports without failing.
    let (code, lines) = run(&["--warn", "unattributed-figure"], "وصل 3 آلاف جندي إلى الحدود.");
    assert_eq!(code, 0);
    assert!(lines[0].starts_with("-:1:5: warning: unattributed-figure:"), "{lines:?}");
    // `all`, with a named code on top; comma-separated lists.
    let (code, lines) = run(&["--allow", "all", "--deny", "weekday-mismatch"], MIXED);
    assert_eq!((code, lines.len()), (0, 0));
    let (code, lines) = run(&["--deny", "all", "--warn", "unattributed-figure,anonymous-source"], MIXED);
    assert_eq!(code, 0);
    assert_eq!(codes(&lines), ["unattributed-figure", "anonymous-source"]);
    let (code, lines) = run(&["--deny", "all"], MIXED);
    assert_eq!(code, 1);
    assert!(lines.iter().all(|l| l.contains(": error: ")), "{lines:?}");
}

#[test]
fn list_shows_every_check_and_its_level() {
    let out = check(&["--list", "--deny", "anonymous-source", "--allow", "unresolved-date"]).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split_whitespace().take(2).collect()).collect();
    assert_eq!(
        rows,
        [
            ["unattributed-figure", "error"],
            ["unresolved-date", "off"],
            ["weekday-mismatch", "error"],
            ["anonymous-source", "error"],
            ["unbalanced-quote", "error"]
        ]
    );
}

// ---- exit codes ----

#[test]
fn exit_codes() {
    // 0: nothing, or only warnings.
    check(&["--published", "2024-11-13"]).write_stdin("وصل الوفد أمس.").assert().code(0).stdout("");
    check(&[]).write_stdin("وقال مصدر عسكري إن القوات انسحبت.").assert().code(0);
    // 1: an error-level finding.
    check(&[]).write_stdin("وصل الوفد أمس.").assert().code(1);
    // 2: usage errors.
    check(&["--deny", "no-such-check"]).write_stdin("").assert().code(2).stderr(predicate::str::contains("no-such-check"));
    check(&["--deny", "unbalanced-quote", "--allow", "unbalanced-quote"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("khabar: command line: unbalanced-quote is in both deny and allow"));
    check(&["--format", "xml"]).write_stdin("").assert().code(2);
    check(&["--published", "yesterday"]).write_stdin("").assert().code(2);
}

#[test]
fn an_unreadable_input_wins_over_findings_and_the_rest_is_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("a.txt");
    std::fs::write(&bad, [b'x', 0xff]).unwrap();
    let good = dir.path().join("b.txt");
    std::fs::write(&good, "وصل 3 آلاف جندي إلى الحدود.").unwrap();
    check(&[])
        .arg(dir.path())
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(2)
        .stdout(predicate::str::contains("b.txt:1:5: error: unattributed-figure"))
        .stderr(predicate::str::contains("a.txt: invalid UTF-8 at byte 1"))
        .stderr(predicate::str::contains("missing.txt"));
}

#[test]
fn findings_come_in_input_order_whatever_the_jobs() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..60 {
        let text = match i % 3 {
            0 => "وصل 3 آلاف جندي إلى الحدود.",
            1 => "وقال: «لن ننسحب.",
            _ => "وصل الوفد.",
        };
        std::fs::write(dir.path().join(format!("{i:03}.txt")), text).unwrap();
    }
    let run = |jobs: &str| check(&["--jobs", jobs]).arg(dir.path()).assert().code(1).get_output().stdout.clone();
    let one = run("1");
    assert_eq!(String::from_utf8(one.clone()).unwrap().lines().count(), 40);
    assert_eq!(one, run("3"));
}

#[test]
fn the_summary_goes_to_stderr_unless_quiet() {
    check(&[]).write_stdin(MIXED).assert().code(1).stderr("khabar: 1 error, 1 warning in 1 of 1 article\n");
    check(&[]).write_stdin("وصل الوفد.").assert().code(0).stderr("khabar: no findings in 1 article\n");
    check(&["--quiet"]).write_stdin(MIXED).assert().code(1).stderr("");
}

// ---- khabar.toml ----

/// A project: khabar.toml with a lexicon folder, and an article two folders down.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("names")).unwrap();
    std::fs::create_dir_all(dir.path().join("articles/2024")).unwrap();
    std::fs::write(
        dir.path().join("names/desk.tsv"),
        "id\tkind\tcountry\tname\taliases\norg:verification-desk\torganization\t\tفريق خبر للتحقق\t\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("khabar.toml"), config).unwrap();
    std::fs::write(dir.path().join("articles/2024/a.txt"), "وصل 300 جندي إلى الحدود، وفق فريق خبر للتحقق.").unwrap();
    std::fs::write(dir.path().join("articles/2024/b.txt"), "وقال مصدر عسكري إن القوات انسحبت.").unwrap();
    dir
}

fn in_project(dir: &tempfile::TempDir, args: &[&str]) -> Command {
    let mut cmd = cargo_bin_cmd!("khabar");
    cmd.current_dir(dir.path().join("articles/2024")).arg("check").args(args).args(["a.txt", "b.txt"]);
    cmd
}

#[test]
fn khabar_toml_in_a_parent_folder_sets_levels_and_lexicons() {
    let dir = project("[check]\ndeny = [\"anonymous-source\"]\nlexicon = [\"names\"]\n");
    // The lexicon makes the desk a source; deny makes the anonymous source fail.
    in_project(&dir, &[])
        .assert()
        .code(1)
        .stdout("b.txt:1:6: error: anonymous-source: claim attributed to an anonymous source, «مصدر عسكري»\n");
    // The command line comes on top of the file.
    in_project(&dir, &["--warn", "anonymous-source"]).assert().code(0);
    // --no-config: defaults, built-in lexicon.
    in_project(&dir, &["--no-config"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("a.txt:1:5: error: unattributed-figure"))
        .stdout(predicate::str::contains("b.txt:1:6: warning: anonymous-source"));
}

#[test]
fn a_config_file_can_be_named_and_a_bad_one_is_a_usage_error() {
    let dir = project("[check]\nallow = [\"all\"]\n");
    in_project(&dir, &[]).assert().code(0).stdout("");
    let other = dir.path().join("strict.toml");
    std::fs::write(&other, "[check]\ndeny = [\"all\"]\n").unwrap();
    in_project(&dir, &["--config", other.to_str().unwrap()]).assert().code(1);

    std::fs::write(dir.path().join("khabar.toml"), "[check]\ndenny = [\"all\"]\n").unwrap();
    in_project(&dir, &[]).assert().code(2).stderr(predicate::str::contains("khabar.toml")).stderr(predicate::str::contains("denny"));
    std::fs::write(dir.path().join("khabar.toml"), "[check]\ndeny = [\"no-such-check\"]\n").unwrap();
    in_project(&dir, &[]).assert().code(2).stderr(predicate::str::contains("unknown check \"no-such-check\""));
    in_project(&dir, &["--config", "/nonexistent/khabar.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/khabar.toml"));
}

// ---- the README's walk-through ----

#[test]
fn the_example_desk_of_the_readme_gives_the_findings_it_shows() {
    let desk = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/desk");
    let findings = |args: &[&str]| {
        let out = cargo_bin_cmd!("khabar").current_dir(&desk).arg("check").args(args).arg("articles/").assert().code(1);
        let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        out.lines().map(|l| l.splitn(4, ": ").take(3).collect::<Vec<_>>().join(" ")).collect::<Vec<_>>()
    };
    let defaults = [
        "articles/analysis.txt:3:71 error unattributed-figure",
        "articles/gaza.txt:1:55 error unresolved-date",
        "articles/kursk.txt:5:6 warning anonymous-source",
        "articles/kursk.txt:7:2 error unattributed-figure",
        "articles/moscow.txt:3:29 error weekday-mismatch",
        "articles/moscow.txt:5:52 error unbalanced-quote",
    ];
    assert_eq!(findings(&["--no-config"]), defaults);
    // With the desk's khabar.toml: its lexicon names the source of the first, and it denies anonymous sources.
    let configured = [
        "articles/gaza.txt:1:55 error unresolved-date",
        "articles/kursk.txt:5:6 error anonymous-source",
        "articles/kursk.txt:7:2 error unattributed-figure",
        "articles/moscow.txt:3:29 error weekday-mismatch",
        "articles/moscow.txt:5:52 error unbalanced-quote",
    ];
    assert_eq!(findings(&[]), configured);
}
