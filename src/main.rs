//! The `khabar` command line: see `khabar --help` and the README.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
