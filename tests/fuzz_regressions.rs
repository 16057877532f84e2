//! Inputs the fuzzer flagged (`fixtures/fuzz/*.bin`, from `fuzz/artifacts/process/`): each must
//! still give a record that is not a panic. They were flagged as slow under AddressSanitizer on
//! a starved machine; run alone, each takes well under a second.

mod common;

#[test]
fn fuzzer_findings_give_records_without_panics() {
    let dir = common::fixtures().join("fuzz");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    inputs.sort();
    assert!(
        !inputs.is_empty(),
        "fixtures/fuzz holds the fuzzer's findings"
    );
    for input in inputs {
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&input).unwrap();
        let rec = ordex::process(&name, bytes, &ordex::Config::default());
        if let Some(err) = &rec.error {
            assert_ne!(err.kind, "panic", "{name}: {}", err.message);
        }
        serde_json::to_string(&rec).unwrap();
    }
}
