//! The progress bar of long batches: on standard error, only when it is a terminal, never with
//! `--quiet`, and only once a batch turns out to be long (more inputs than one round of work), so
//! that one article piped through a terminal draws nothing.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::io::IsTerminal as _;

/// A progress bar that may never be shown.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A hidden bar that counts; it can be shown when `enabled` and standard error is a terminal.
    pub fn new(enabled: bool) -> Progress {
        let bar = (enabled && std::io::stderr().is_terminal()).then(|| ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()));
        Progress { bar }
    }

    /// Shows the bar (once), with the total from `total` when it knows one.
    pub fn show(&self, total: impl FnOnce() -> Option<u64>) {
        let Some(bar) = &self.bar else { return };
        if !bar.is_hidden() {
            return;
        }
        let style = match total() {
            Some(n) => {
                bar.set_length(n);
                ProgressStyle::with_template("{bar:30.cyan/blue} {pos}/{len} articles  {rate}  eta {eta}")
            }
            None => ProgressStyle::with_template("{spinner} {pos} articles  {rate}  {elapsed}"),
        };
        if let Ok(style) = style {
            bar.set_style(style.with_key("rate", |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}/s", s.per_sec());
            }));
        }
        bar.set_draw_target(ProgressDrawTarget::stderr());
    }

    /// Counts one input done.
    pub fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Runs `f` (which writes to stderr) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Removes the bar from the screen.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
