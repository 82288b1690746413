#!/usr/bin/env bash
# The generated CLI's `find` (`new --kind cli`, release build) against `grep -rn` and ripgrep (`rg -n`, the same
# path:line:text output), side by side in one hyperfine run per input: a tree of sources and one large file made
# by concatenating the tree's .rs files (deleted on exit). Same pattern for all three, output piped and thrown
# away: hyperfine's `--output=pipe`, because GNU grep stops at the first match when stdout is /dev/null itself.
# Prints each tool's mean wall time and CPU time (user + system), the number of lines each printed, and the
# ratios CLI/rg and CLI/grep.
# Usage: bench/cli-vs-ripgrep.sh [PATTERN] [TREE] [SIZE_MB]
#   default PhantomData, ~/.cargo/registry/src (the crate sources cargo unpacked on this machine), 2048;
#   RUNS (default 5) timed runs after one warm-up run. ripgrep and hyperfine are Debian packages, installed here
#   when missing.
source "$(dirname "${BASH_SOURCE[0]}")/generated.sh"
pattern="${1:-PhantomData}" tree="${2:-$HOME/.cargo/registry/src}" size_mb="${3:-2048}" runs="${RUNS:-5}"
for tool in rg:ripgrep hyperfine:hyperfine; do
  command -v "${tool%%:*}" >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${tool##*:}" >/dev/null
  }
done
[ -d "$tree" ] || { echo "no tree at $tree" >&2; exit 2; }

generate_release bench-cli-find --kind cli
cli="$shared_target/release/bench-cli-find"
big="$work/big.txt"
while [ "$(stat -c %s "$big" 2>/dev/null || echo 0)" -lt $((size_mb * 1024 * 1024)) ]; do
  find "$tree" -name '*.rs' -type f -print0 | xargs -0 cat >>"$big"
done

echo "pattern '$pattern'; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(basename "$cli") (rust-engineer new --kind cli, release), $(rg --version | sed -n 1p), $(grep --version | sed -n 1p), $(hyperfine --version)"
# One hyperfine run over the three commands for INPUT; prints a table row per tool and the ratios.
compare() {
  local label="$1" input="$2" csv="$work/$1.csv"
  local grep_flags="-rn"
  [ -f "$input" ] && grep_flags="-n"
  local -a names=("cli find" "grep $grep_flags" "rg -n")
  local -a commands=("$cli find '$pattern' '$input'" "grep $grep_flags -E '$pattern' '$input'" "rg -n '$pattern' '$input'")
  echo
  echo "== $label: $input ($(du -sh --apparent-size "$input" | cut -f1)B, $(find "$input" -type f | wc -l) files)"
  for i in 0 1 2; do
    # Lines printed, to show the three did the same search (grep -r also reads what .gitignore and hidden
    # directories leave out, and says "binary file matches" where rg and the CLI skip a walked binary file).
    printf '%-10s %s lines\n' "${names[$i]}" "$(sh -c "${commands[$i]}" 2>/dev/null | wc -l)"
  done
  hyperfine -N --style basic --warmup 1 --runs "$runs" --output=pipe --export-csv "$csv" \
    -n "${names[0]}" "${commands[0]}" -n "${names[1]}" "${commands[1]}" -n "${names[2]}" "${commands[2]}" >/dev/null
  # CSV columns: command,mean,stddev,median,user,system,min,max (seconds).
  awk -F, -v label="$label" 'NR > 1 { mean[NR-1] = $2; sd[NR-1] = $3; cpu[NR-1] = $5 + $6; name[NR-1] = $1 }
    END {
      for (i = 1; i <= 3; i++) printf "%-10s wall %.3f s ± %.3f, cpu %.3f s\n", name[i], mean[i], sd[i], cpu[i]
      printf "%s: cli/rg wall %.2fx, cpu %.2fx; cli/grep wall %.2fx, cpu %.2fx\n", label,
        mean[1] / mean[3], cpu[1] / cpu[3], mean[1] / mean[2], cpu[1] / cpu[2]
    }' "$csv"
}
compare tree "$tree"
compare file "$big"
