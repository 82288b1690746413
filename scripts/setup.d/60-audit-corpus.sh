#!/usr/bin/env bash
# The real crates the audit's labelled corpus refers to (src/test/resources/audit-real/crates.txt, the tuning
# set, which since 2026-12-07 holds the first to fourth held-out sets' crates too, and audit-real/heldout*/crates.txt,
# the held-out test sets: name, version and the registry's sha256 per line), downloaded from crates.io's static host and unpacked under
# ~/.cache/rust-engineer/audit-corpus/NAME-VERSION (RUST_ENGINEER_AUDIT_CORPUS overrides). Every archive is
# checked against its recorded checksum, so the labels always point at the same bytes. Idempotent.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
root="${RUST_ENGINEER_AUDIT_CORPUS:-$HOME/.cache/rust-engineer/audit-corpus}"
mkdir -p "$root"
count=0
while read -r name version sum; do
  case "$name" in ''|'#'*) continue ;; esac
  count=$((count + 1))
  [ -f "$root/$name-$version/.complete" ] && continue
  archive="$root/$name-$version.crate"
  curl -fsSL --retry 3 -o "$archive" "https://static.crates.io/crates/$name/$name-${version/+/%2B}.crate"
  echo "$sum  $archive" | sha256sum -c --quiet - || { echo "checksum mismatch: $name $version" >&2; exit 1; }
  rm -rf "${root:?}/$name-$version"
  tar xzf "$archive" -C "$root"
  rm -f "$archive"
  touch "$root/$name-$version/.complete"
done < <(cat "$here/src/test/resources/audit-real/crates.txt" "$here"/src/test/resources/audit-real/heldout*/crates.txt)
echo "audit corpus: $count crates in $root"
