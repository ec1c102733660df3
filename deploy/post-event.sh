#!/usr/bin/env bash
# Signs one LLP/1 event the Standard Webhooks way and POSTs it to `linli serve`.
#   LINLI_INGRESS_SECRET=whsec_… deploy/post-event.sh http://127.0.0.1:8080 '{"from":"u-li","group":"fudi-b3","text":"报修 漏水 501 厨房滴水"}'
# Needs: bash, curl, openssl, base64, od.
set -euo pipefail
url="${1:?usage: post-event.sh URL JSON-BODY}"
body="${2:?usage: post-event.sh URL JSON-BODY}"
secret="${LINLI_INGRESS_SECRET:?set LINLI_INGRESS_SECRET (whsec_…)}"
key_hex=$(printf '%s' "${secret#whsec_}" | base64 -d | od -An -tx1 | tr -d ' \n')
id="msg_$(date +%s%N)"
ts=$(date +%s)
signature=$(printf '%s.%s.%s' "$id" "$ts" "$body" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64)
curl -sS -X POST "$url/v1/events" \
  -H "content-type: application/json" \
  -H "webhook-id: $id" -H "webhook-timestamp: $ts" -H "webhook-signature: v1,$signature" \
  --data-binary "$body"
echo
