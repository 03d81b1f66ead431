#!/usr/bin/env bash
# Build the release binary and run the PySpark pipe() check with it (see spark_pipe.py).
#   scripts/spark_pipe.sh [python3]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin zhnews
exec "${1:-python3}" scripts/spark_pipe.py target/release/zhnews
