#!/usr/bin/env bash
# An optimised build of the tree-sitter native libraries the audit parses with. The ones inside the Maven artifacts
# (io.github.bonede:tree-sitter, :tree-sitter-rust) are compiled without optimisation; this compiles the same JNI
# glue (native/tree-sitter-jni/, copied from bonede/tree-sitter-ng) with tree-sitter's C sources of the same
# versions (the tree-sitter and tree-sitter-rust crates, fetched by cargo from crates.io) at -O2, into
#   ~/.cache/rust-engineer/tree-sitter/<core version>-rust-<grammar version>/lib/
# named as the binding looks for them (-Dtree-sitter-lib=DIR loads DIR/lib/x86_64-linux-gnu-tree-sitter.so).
# The audit uses that directory when both libraries are there (dev.rustengineer.audit.TreeSitterLibrary); without
# it, the bundled libraries. Versions come from pom.xml. Idempotent; x86_64 and aarch64 Linux only.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target=x86_64-linux-gnu ;;
  Linux-aarch64) target=aarch64-linux-gnu ;;
  *) echo "55-tree-sitter-release: $(uname -s)-$(uname -m) keeps the bundled libraries"; exit 0 ;;
esac
versions=$(python3 - "$here/pom.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
deps = {d.findtext("m:artifactId", namespaces=ns): d.findtext("m:version", namespaces=ns)
        for d in ET.parse(sys.argv[1]).getroot().iterfind("m:dependencies/m:dependency", ns)}
print(deps["tree-sitter"], deps["tree-sitter-rust"])
PY
)
read -r core grammar <<< "$versions"
out="${HOME}/.cache/rust-engineer/tree-sitter/${core}-rust-${grammar}/lib"
if [ -f "$out/$target-tree-sitter.so" ] && [ -f "$out/$target-tree-sitter-rust.so" ]; then
  exit 0
fi
command -v cc >/dev/null || { echo "55-tree-sitter-release: no C compiler (cc) on PATH" >&2; exit 1; }
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/fetch/src"
cat > "$work/fetch/Cargo.toml" <<EOF
[package]
name = "rust-engineer-tree-sitter-sources"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
tree-sitter = "=$core"
tree-sitter-rust = "=$grammar"
EOF
: > "$work/fetch/src/lib.rs"
(cd "$work/fetch" && cargo vendor --quiet --versioned-dirs vendor > /dev/null)
ts="$work/fetch/vendor/tree-sitter-$core"
rs="$work/fetch/vendor/tree-sitter-rust-$grammar"
glue="$here/native/tree-sitter-jni"
jni=(-I"$java_home/include" -I"$java_home/include/linux")
mkdir -p "$work/lib"
cc -O2 -g0 -fPIC -shared -w "${jni[@]}" -I"$ts/include" -I"$ts/src" \
  "$glue/org_treesitter_TSParser.c" "$glue/ConvertUTF.c" "$ts/src/lib.c" -o "$work/lib/$target-tree-sitter.so"
cc -O2 -g0 -fPIC -shared -w "${jni[@]}" -I"$rs/src" \
  "$glue/org_treesitter_TreeSitterRust.c" "$rs/src/parser.c" "$rs/src/scanner.c" -o "$work/lib/$target-tree-sitter-rust.so"
mkdir -p "$out"
# Both files or neither: the audit only takes the directory when it holds both.
mv "$work/lib/$target-tree-sitter-rust.so" "$out/"
mv "$work/lib/$target-tree-sitter.so" "$out/"
echo "55-tree-sitter-release: optimised tree-sitter $core + tree-sitter-rust $grammar in $out"
