//! `lineage show` carries the substance findings: the contract's `rights` and `requests`
//! shapes in JSON, and readable sections in text.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn lineage() -> Command {
    let mut cmd = Command::cargo_bin("lineage").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn show_json(id: &str) -> Value {
    let out = lineage().args(["show", id, "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn json_has_the_contract_shapes() {
    let doc = show_json("47/23");
    let op3 = doc["requests"].as_array().unwrap().iter().find(|r| r["paragraph"] == "OP3").expect("OP3 asks");
    assert_eq!(op3["addressee"], "OHCHR");
    assert_eq!(op3["kind"], "request");
    assert_eq!(op3["deliverables"], serde_json::json!(["report", "expert_consultation"]));
    assert_eq!(op3["due_sessions"], serde_json::json!([50, 53]));
    assert_eq!(op3["due"][0], serde_json::json!({ "body": "HRC", "session": 50 }));
    assert!(op3["action"].as_str().unwrap().starts_with("召集两次专家磋商会"));
    let privacy = doc["rights"].as_array().unwrap().iter().find(|r| r["paragraph"] == "PP10" && r["id"] == "privacy");
    let privacy = privacy.expect("PP10 names privacy");
    assert_eq!(privacy["label"], "right to privacy");
    assert_eq!(privacy["surface"], "隐私权");
    assert_eq!(privacy["anchor"], "ICCPR art. 17");
    assert_eq!(privacy["context"], "text");
    let noted = &show_json("53/29")["requests"][0];
    assert_eq!((noted["paragraph"].as_str(), noted["kind"].as_str()), (Some("OP2"), Some("noted")));
}

#[test]
fn text_lists_rights_and_requests() {
    lineage()
        .args(["show", "53/29"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Rights named"))
        .stdout(predicate::str::contains("right to life (ICCPR art. 6): PP12"))
        .stdout(predicate::str::contains("OP5      request to OHCHR (高级专员办事处): report, interactive_dialogue; due HRC 56"))
        .stdout(predicate::str::contains("OP2      noted to OHCHR"));
}
