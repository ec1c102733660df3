#!/usr/bin/env bash
# The fault suite at full size (issue 19, item 10). CI runs the same tests smaller
# as part of `swift test`: kill -9 during replay (20 kills) and during delivery, a
# hanging webhook receiver, clock-poisoning lines, replayed signed requests
# (also after a restart), SIGTERM while reading.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
swift build --build-tests
LINLI_FAULT_KILLS="${LINLI_FAULT_KILLS:-55}" LINLI_FAULT_EVENTS="${LINLI_FAULT_EVENTS:-5000}" \
  swift test --skip-build --filter 'KillReplayTests|DeliveryProgressTests|ReliabilityTests|SigtermTests|IngressTests/aReplayed|IngressTests/aSignedRequestReplayed|IngressTests/forged'
