//! Build progress: a bar on a terminal, one plain line per asset elsewhere (CI logs).

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use placard_build::Event;

/// Shows build events.
pub struct Progress {
    bar: Option<ProgressBar>,
    done: AtomicUsize,
    total: AtomicUsize,
    lines: Mutex<()>,
}

impl Progress {
    pub fn new() -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Progress { bar, done: AtomicUsize::new(0), total: AtomicUsize::new(0), lines: Mutex::new(()) }
    }

    pub fn event(&self, event: &Event<'_>) {
        match event {
            Event::Planned { total, .. } => {
                self.total.store(*total, Ordering::Relaxed);
                if let Some(bar) = &self.bar {
                    bar.set_length(*total as u64);
                }
            }
            Event::Finished { locale, template, reused } => {
                let what = if *reused { "unchanged" } else { "rendered" };
                self.one_done(locale, template, what);
            }
            Event::Refused { locale, template } => self.one_done(locale, template, "refused by the layout checks"),
        }
    }

    /// One asset done, whatever became of it: the bar moves on, or a line says what happened.
    fn one_done(&self, locale: &str, template: &str, what: &str) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        match &self.bar {
            Some(bar) => {
                bar.set_message(format!("{locale}/{template}"));
                bar.inc(1);
            }
            None => {
                let _guard = self.lines.lock();
                let total = self.total.load(Ordering::Relaxed);
                let _ = writeln!(std::io::stderr(), "[{done}/{total}] {locale}/{template} {what}");
            }
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
