#!/usr/bin/env bash
# Builds linli in release mode and runs the webhook delivery benchmark against nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
command -v nginx >/dev/null && command -v curl >/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq nginx-light curl >&2
}
swift build -c release --product linli
python3 bench/deliver.py
