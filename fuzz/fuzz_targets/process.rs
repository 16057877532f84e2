//! Any bytes through the whole pipeline: `process` must return a record, never panic (a panic
//! caught inside `process` is still a finding: the record would say `panic`), never hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let rec = ordex::process("fuzz.pdf", data.to_vec(), &ordex::Config::default());
    if let Some(err) = &rec.error {
        assert_ne!(err.kind, "panic", "{}", err.message);
    }
    serde_json::to_string(&rec).expect("a record always serialises");
});
