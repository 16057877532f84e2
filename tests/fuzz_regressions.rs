//! Hostile bytes (`fixtures/fuzz/*.bin`, made by courtgen's `broken::mutants` from a
//! generated S.D.N.Y. order): each is the order broken in one known way (cut short, offsets
//! or lengths wrong, flipped stream bits, a page-tree loop, deep nesting, a flate bomb, a
//! content stream of absurd operators). Each must give a record that is not a panic, within
//! the default time limit, and a download cut short must say so.

mod common;

#[test]
fn hostile_mutants_give_records_without_panics() {
    let dir = common::fixtures().join("fuzz");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    inputs.sort();
    assert!(
        inputs.len() >= 10,
        "fixtures/fuzz holds the generated mutants (cargo run -p courtgen -- fixtures)"
    );
    for input in inputs {
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&input).unwrap();
        let started = std::time::Instant::now();
        let rec = ordex::process(&name, bytes, &ordex::Config::default());
        assert!(
            started.elapsed().as_secs() < 30,
            "{name}: {:?}",
            started.elapsed()
        );
        if let Some(err) = &rec.error {
            assert_ne!(err.kind, "panic", "{name}: {}", err.message);
        }
        if name.contains("-cut-") {
            // Either read in part, and said, or refused as damaged.
            let said = rec.warnings.iter().any(|w| w.starts_with("truncated"));
            let damaged = rec.error.as_ref().is_some_and(|e| e.kind == "damaged");
            assert!(
                said || damaged,
                "{name}: {:?} {:?}",
                rec.error,
                rec.warnings
            );
        }
        if name.contains("header-garbled") {
            assert_eq!(rec.error.as_ref().map(|e| e.kind.as_ref()), Some("not_pdf"));
        }
        serde_json::to_string(&rec).unwrap();
    }
}
