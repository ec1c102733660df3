#!/usr/bin/env bash
# Builds linli in release mode and times the staff pages' overview and Open311's
# requests.json on a year of a 2,000-household community (issue 18, item 6).
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
swift build -c release --product linli
python3 bench/dashboard.py
