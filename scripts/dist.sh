#!/usr/bin/env bash
# Builds the self-contained distribution: target/dist/rust-engineer-<version>-linux-x64.tar.gz.
#
# Inside: a jlink'd Java runtime with only the modules jdeps finds in the application, the application jar with
# only this platform's native libraries, a Java AOT cache (JEP 483/514) recorded by a training run of advise, new
# and audit, the launcher bin/rust-engineer, and bash completion. Unpacked anywhere, bin/rust-engineer runs with
# no Maven, no JDK and no repository.
#
#   scripts/dist.sh             build the jar with Maven, then the distribution
#   scripts/dist.sh --no-build  use target/rust-engineer.jar as it is (CI's integration tests, after `package`)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
jbin="$JAVA_HOME/bin"
say() { echo "dist: $*" >&2; }

if [ "${1:-}" != "--no-build" ]; then
  say "building the jar (mvn -DskipTests package)"
  MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
    mvn -q -B -Dstyle.color=never -DskipTests package 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g' >&2
fi
jar="target/rust-engineer.jar"
[ -f "$jar" ] || { say "no $jar: run without --no-build"; exit 2; }
version="$("$jbin/java" -cp "$jar" -XX:+UseSerialGC dev.rustengineer.cli.Main --version | awk '{print $2}')"
name="rust-engineer-$version-linux-x64"
out="target/dist"
stage="$out/$name"
rm -rf "$stage" "$out/$name.tar.gz"
mkdir -p "$stage/bin" "$stage/lib" "$stage/completion"

# The shaded jar carries native libraries for every platform its dependencies support (ONNX Runtime, the
# tokenizers, tree-sitter, JNA): this distribution is for x86_64 Linux, so the others are left out. `zip -d`
# deletes entries in place; the JDK's jar tool cannot.
say "application jar with only linux-x64 natives"
cp "$jar" "$stage/lib/rust-engineer.jar"
zip -q -d "$stage/lib/rust-engineer.jar" \
  'ai/onnxruntime/native/osx-*' 'ai/onnxruntime/native/win-*' 'ai/onnxruntime/native/linux-aarch64/*' \
  'native/lib/osx-*' 'native/lib/win-*' 'native/lib/linux-aarch64/*' \
  'lib/*macos*' 'lib/*windows*' 'lib/aarch64-*' \
  'com/sun/jna/aix-*' 'com/sun/jna/darwin-*' 'com/sun/jna/freebsd-*' 'com/sun/jna/openbsd-*' 'com/sun/jna/sunos-*' \
  'com/sun/jna/dragonflybsd-*' 'com/sun/jna/win32-*' 'com/sun/jna/linux-a*' 'com/sun/jna/linux-l*' \
  'com/sun/jna/linux-m*' 'com/sun/jna/linux-p*' 'com/sun/jna/linux-r*' 'com/sun/jna/linux-s*' 'com/sun/jna/linux-x86/*' \
  >/dev/null || true

# Modules: what jdeps finds in the application, plus those it cannot see because they are reached by name at run
# time (service loaders and reflection): jdk.crypto.ec for TLS to the crates registry, jdk.zipfs for zip file
# systems, jdk.unsupported for sun.misc.Unsafe users, jdk.management for the JVM's own metrics.
modules="$("$jbin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps "$stage/lib/rust-engineer.jar")"
modules="$modules,jdk.crypto.ec,jdk.zipfs,jdk.unsupported,jdk.management"
say "jlink runtime: $modules"
# The runtime's module image is left uncompressed: the tarball's gzip packs it better than jlink's zip-6 inside
# it would (33 MB against 41 MB for the runtime, measured), and the JVM then maps classes without inflating them.
"$jbin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$stage/runtime"

cat >"$stage/bin/rust-engineer" <<'LAUNCHER'
#!/bin/sh
# rust-engineer, from its distribution: the runtime and the application sit next to this script.
set -eu
self="$(readlink -f "$0")"
home="$(dirname "$(dirname "$self")")"
aot="$home/lib/rust-engineer.aot"
# A single advise (or --version) stops at the first JIT compiler, as ./rust-engineer does: C2 compiled little that
# ran again before the process ended (bench/advise.sh); batches, audits and servers keep C2.
jit=-XX:TieredStopAtLevel=4
case "${1:-}" in
  advise) case " $* " in *" --batch"*) ;; *) jit=-XX:TieredStopAtLevel=1 ;; esac ;;
  --version) jit=-XX:TieredStopAtLevel=1 ;;
esac
if [ -f "$aot" ] && [ "${RUST_ENGINEER_AOT:-1}" != 0 ]; then
  exec "$home/runtime/bin/java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED "$jit" -XX:AOTCache="$aot" \
    -Xlog:aot=off,cds=off -jar "$home/lib/rust-engineer.jar" "$@"
fi
exec "$home/runtime/bin/java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED "$jit" -jar "$home/lib/rust-engineer.jar" "$@"
LAUNCHER
chmod +x "$stage/bin/rust-engineer"

# The AOT cache is recorded with the distribution's own runtime, jar and flags (a cache only maps into the JVM
# and class path that made it), by the training run of advise, new and audit in AotTraining.
say "AOT cache: training run"
(cd "$stage" && runtime/bin/java -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED \
  -XX:AOTCacheOutput=lib/rust-engineer.aot -Xlog:aot=error,cds=error \
  -cp lib/rust-engineer.jar dev.rustengineer.cli.AotTraining) >&2
rm -f "$stage/lib/rust-engineer.aot.config"

say "bash completion"
"$stage/runtime/bin/java" -cp "$stage/lib/rust-engineer.jar" dev.rustengineer.cli.Completion \
  "$stage/completion/rust-engineer.bash"

cat >"$stage/README.txt" <<EOF
rust-engineer $version for x86_64 Linux (glibc).

  bin/rust-engineer --help          every command
  bin/rust-engineer doctor          which Rust tools this machine has (new --verify and verify need cargo)
  source completion/rust-engineer.bash

Link bin/rust-engineer into a directory on PATH; it finds its runtime by its own path. RUST_ENGINEER_AOT=0 starts
without the AOT cache. Documentation: the project's README and docs/.
EOF

tar -C "$out" -czf "$out/$name.tar.gz" "$name"
say "$(du -sh "$stage" | cut -f1) unpacked, $(du -h "$out/$name.tar.gz" | cut -f1) packed: $out/$name.tar.gz"
echo "$out/$name.tar.gz"
