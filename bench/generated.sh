# Sourced by the benches of generated projects (frameworks.sh, ws-broadcast.sh, grpc-unary.sh): the repository
# root as the working directory, Java 25 for the launcher, a scratch directory removed on exit together with the
# server under test, and release builds in the shared cargo target (RUST_ENGINEER_CARGO_TARGET) so a second run
# does not rebuild them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
work=$(mktemp -d /tmp/rust-engineer-bench.XXXXXX)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
shared_target="${RUST_ENGINEER_CARGO_TARGET:-$HOME/.cache/rust-engineer/cargo-target}"

# generate_release NAME NEW-ARGS...: `new NAME NEW-ARGS` into the scratch directory, then its release build;
# the binary is "$shared_target/release/NAME".
generate_release() {
  local name="$1"
  shift
  ./rust-engineer new "$name" "$@" --dir "$work" >/dev/null
  (cd "$work/$name" && CARGO_TARGET_DIR="$shared_target" cargo build --release -q)
}
