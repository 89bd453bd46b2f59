#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| placard_fuzzing::image(data));
