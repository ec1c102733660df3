#!/usr/bin/env bash
# Builds linli and the bare Hummingbird app (bench/baseline) in release mode and
# loads both with wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
# nginx: the load balancer of BENCH_SERVERS=2 (several processes on BENCH_POSTGRES).
command -v wrk >/dev/null && command -v nginx >/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk nginx-light >&2
}
swift build -c release --product linli
swift build -c release --package-path bench/baseline
python3 bench/http.py
