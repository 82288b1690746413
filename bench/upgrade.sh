#!/usr/bin/env bash
# upgrade: the time of `./rust-engineer upgrade` per template set, beside `./rust-engineer new` of the same project
# in the same run (JVM start included in both; the ratio says what upgrading costs over generating).
# Usage: bench/upgrade.sh [RUNS]   (median of RUNS, default 3; numbers go into BENCHMARKS.md by hand, with this command)
# Each upgrade starts from the same fixture: the project as `new` wrote it, made to look as if an older generator
# had written it (README.md ended with a paragraph since dropped, in the file and in .rust-engineer/base.zip), with
# a user's edit in src/lib.rs. So upgrade regenerates and formats the whole project, merges every file three ways,
# updates README.md, keeps the user's line, and rewrites the record and the merge base.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
runs="${1:-3}"
work=$(mktemp -d /tmp/rust-engineer-bench-upgrade.XXXXXX)
trap 'rm -rf "$work"' EXIT
./rust-engineer --version >/dev/null   # builds the jar if needed

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

# Makes the project in $1 look as an older generator left it, with one user edit.
age() {
  python3 - "$1" <<'PY'
import pathlib, sys, zipfile
project = pathlib.Path(sys.argv[1])
footer = "\nOld generator footer: this paragraph was dropped since.\n"
readme = project / "README.md"
readme.write_text(readme.read_text() + footer)
base = project / ".rust-engineer" / "base.zip"
with zipfile.ZipFile(base) as z:
    files = {n: z.read(n) for n in z.namelist()}
files["README.md"] = files["README.md"] + footer.encode()
with zipfile.ZipFile(base, "w", zipfile.ZIP_STORED) as z:
    for name in sorted(files):
        z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), files[name])
lib = next(p for p in [project / "src/lib.rs", *project.glob("*/src/lib.rs")] if p.exists())
lib.write_text(lib.read_text() + "// the team's line\n")
PY
}

sets=(
  "axum-service:--kind service --web axum"
  "actix-service:--kind service --web actix-web"
  "hyper-service:--kind service --web hyper"
  "rocket-service:--kind service --web rocket"
  "grpc-service:--kind grpc"
  "cli-tool:--kind cli"
  "ffi-wrapper:--kind ffi-wrapper"
  "ffi-export:--kind ffi-export"
  "ffi-benchmark:--kind ffi-benchmark"
  "ffi-rewrite:--kind ffi-rewrite"
  "ffi-windows:--kind ffi-windows"
  "wasm-library:--kind wasm"
)
printf '%-16s %7s %10s %10s %8s\n' "set" "files" "new ms" "upgrade ms" "ratio"
for entry in "${sets[@]}"; do
  set_id="${entry%%:*}"
  read -r -a args <<<"${entry#*:}"
  news=()
  for i in $(seq "$runs"); do
    rm -rf "$work/new"
    news+=("$(ms ./rust-engineer new orders --dir "$work/new" "${args[@]}")")
  done
  rm -rf "$work/fixture" && ./rust-engineer new orders --dir "$work/fixture" "${args[@]}" >/dev/null
  grep -q "template = \"$set_id\"" "$work/fixture/orders/.rust-engineer/project.toml" || { echo "not $set_id: ${args[*]}" >&2; exit 1; }
  age "$work/fixture/orders"
  files=$(find "$work/fixture/orders" -type f | wc -l)
  ups=()
  for i in $(seq "$runs"); do
    rm -rf "$work/up" && cp -r "$work/fixture" "$work/up"
    ups+=("$(ms ./rust-engineer upgrade "$work/up/orders" --allow-dirty)")
  done
  grep -q "Old generator footer" "$work/up/orders/README.md" && { echo "$set_id: the upgrade did not update README.md" >&2; exit 1; }
  grep -q "the team's line" "$work/up/orders/src/lib.rs" "$work"/up/orders/*/src/lib.rs 2>/dev/null || { echo "$set_id: the user's line is gone" >&2; exit 1; }
  n=$(printf '%s\n' "${news[@]}" | median)
  u=$(printf '%s\n' "${ups[@]}" | median)
  awk -v s="$set_id" -v f="$files" -v n="$n" -v u="$u" 'BEGIN { printf "%-16s %7d %10d %10d %8.2f\n", s, f, n, u, u / n }'
done
