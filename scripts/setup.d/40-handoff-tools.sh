#!/usr/bin/env bash
# The receiving specialists' own tools, for `handoff`'s tests: each installed only when missing (or at another
# version), from the registries this machine reaches. Go tools go to $(go env GOPATH)/bin, TypeScript to
# ~/.cache/rust-engineer/node, kubernetes-validate (which ships the Kubernetes JSON schemas) with pip.
# Prints each tool's version and how long its install took.
set -euo pipefail
export PATH="$PATH:/usr/local/go/bin"
gobin="$(go env GOPATH)/bin"
mkdir -p "$gobin"
export PATH="$gobin:$PATH"
timed() { local t0=$SECONDS; "$@"; echo "   installed in $((SECONDS - t0)) s: $*"; }

# A Go tool is current when the module version built into its binary (go version -m) is the one asked for.
go_tool() {
  local bin=$1 pkg=$2
  local version=${pkg##*@}
  if [ -x "$gobin/$bin" ] && go version -m "$gobin/$bin" | grep -E "^\s+mod\s" | grep -q -- "\s$version\s"; then return 0; fi
  timed env GOFLAGS=-mod=mod go install "$pkg"
}
go_tool helm helm.sh/helm/v3/cmd/helm@v3.22.0
go_tool protoc-gen-go google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
go_tool protoc-gen-go-grpc google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.6.0

# Debian's packages: protoc, and promtool from Debian's prometheus (2.42, installed in about 20 s; built from the
# Go module proxy it took 982 s here, which would have been a third of CI's cold run). The package's server is
# not started: nothing here runs systemd.
missing=()
command -v protoc >/dev/null || missing+=(protobuf-compiler)
[ -x /usr/bin/promtool ] || missing+=(prometheus)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq; timed apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

node_dir="$HOME/.cache/rust-engineer/node"
if ! "$node_dir/node_modules/.bin/tsc" --version 2>/dev/null | grep -q 5.9.3; then
  mkdir -p "$node_dir"
  timed npm install --silent --no-audit --no-fund --prefix "$node_dir" typescript@5.9.3
fi

if ! python3 -c 'import kubernetes_validate' 2>/dev/null; then
  timed python3 -m pip install -q kubernetes-validate==1.37.0
fi

# go install builds without release ldflags, so helm prints no exact version of its own: the module versions
# the binaries carry say it.
/usr/bin/promtool --version 2>&1 | head -1
for t in helm protoc-gen-go protoc-gen-go-grpc; do
  go version -m "$gobin/$t" | awk -v t="$t" '$1 == "mod" { print t ": " $2 " " $3 }'
done
protoc --version
"$node_dir/node_modules/.bin/tsc" --version
echo "kubernetes-validate $(kubernetes-validate --version)"
