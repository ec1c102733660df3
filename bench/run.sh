#!/usr/bin/env bash
# Builds linli in release mode and runs the replay benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
swift build -c release --product linli
python3 bench/replay.py
