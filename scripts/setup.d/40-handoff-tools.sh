#!/usr/bin/env bash
# The receiving specialists' own tools, for `handoff`'s tests: each installed only when missing (or at another
# version), from the registries this machine reaches. Go tools go to $(go env GOPATH)/bin, TypeScript to
# ~/.cache/rust-engineer/node, the Kubernetes schemas (kubernetes-validate ships them) to pip's site.
# Prints each tool's version and how long its install took.
set -euo pipefail
export PATH="$PATH:/usr/local/go/bin"
gobin="$(go env GOPATH)/bin"
mkdir -p "$gobin"
export PATH="$gobin:$PATH"
timed() { local t0=$SECONDS; "$@"; echo "   installed in $((SECONDS - t0)) s: $*"; }

# name  module@version  the string its version output contains
go_tool() {
  local bin=$1 pkg=$2 want=$3 flag=${4:---version}
  if [ -x "$gobin/$bin" ] && "$gobin/$bin" $flag 2>&1 | grep -q -- "$want"; then return 0; fi
  timed env GOFLAGS=-mod=mod go install "$pkg"
}
go_tool promtool github.com/prometheus/prometheus/cmd/promtool@v0.316.0 "" --version
go_tool helm helm.sh/helm/v3/cmd/helm@v3.22.0 "v3.22.0" version
go_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform@v0.7.0 "v0.7.0" -v
go_tool protoc-gen-go google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12 "v1.36.12" --version
go_tool protoc-gen-go-grpc google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.6.0 "1.6.0" --version

if ! command -v protoc >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  timed apt-get install -y -qq protobuf-compiler >/dev/null
fi

node_dir="$HOME/.cache/rust-engineer/node"
if ! "$node_dir/node_modules/.bin/tsc" --version 2>/dev/null | grep -q 5.9.3; then
  mkdir -p "$node_dir"
  timed npm install --silent --no-audit --no-fund --prefix "$node_dir" typescript@5.9.3
fi

if ! python3 -c 'import kubernetes_validate' 2>/dev/null; then
  timed python3 -m pip install -q kubernetes-validate==1.37.0
fi

promtool --version | head -1
helm version --short
kubeconform -v
protoc-gen-go --version
protoc-gen-go-grpc --version
protoc --version
"$node_dir/node_modules/.bin/tsc" --version
python3 -m pip show kubernetes-validate | grep -i '^version'
