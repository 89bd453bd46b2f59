//! Containing a dependency's panic: bad input that makes a parser or decoder panic is a finding
//! about that input, not a crash of Placard.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`; a panic inside it becomes `Err` with the panic's message, and is not printed (the
/// caller reports it as a finding about the input). Panics elsewhere, on other threads included,
/// still reach the previous panic hook.
pub fn contain_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(contain_panic(|| 7), Ok(7));
        let caught = contain_panic(|| -> u8 { panic!("index {} out of range", 3) });
        assert_eq!(caught, Err("index 3 out of range".to_owned()));
        // Nested: the inner containment does not turn the outer one off.
        let outer = contain_panic(|| {
            let _ = contain_panic(|| panic!("inner"));
            panic!("outer")
        });
        assert_eq!(outer, Err::<(), _>("outer".to_owned()));
    }
}
