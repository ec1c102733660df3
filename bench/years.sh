#!/usr/bin/env bash
# Builds linli in release mode and replays 1,000,000 events into one database (issue 19, item 9).
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
swift build -c release --product linli
python3 bench/years.py
