#!/usr/bin/env bash
# Builds linli in release mode and the C floor (bench/floor.c), and runs the replay benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
# The floor is built against SQLite's C library, the one linli's GRDB uses.
[ -f /usr/include/sqlite3.h ] || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq libsqlite3-dev >&2
}
swift build -c release --product linli
mkdir -p .build
cc -O2 -Wall -o .build/bench-floor bench/floor.c -lsqlite3
python3 bench/replay.py
