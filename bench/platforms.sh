#!/usr/bin/env bash
# Builds linli in release mode and loads `linli serve` with signed DingTalk callbacks
# and encrypted Feishu ones beside POST /v1/events (bench/platforms.py), replies
# delivered to nginx as the sink.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
command -v wrk >/dev/null && command -v nginx >/dev/null && python3 -c "import cryptography" 2>/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk nginx-light python3-cryptography >&2
}
swift build -c release --product linli
python3 bench/platforms.py
