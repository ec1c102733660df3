#!/usr/bin/env bash
# Plays a chat platform against `linli serve`: signs (and, where the platform does,
# encrypts) one callback the way the platform would and POSTs it, so that a
# community can see its URL and secrets agree before it touches the console.
#
#   deploy/platform-check.sh dingtalk URL APP_SECRET [TEXT]
#   deploy/platform-check.sh feishu   URL VERIFICATION_TOKEN [ENCRYPT_KEY]   # the URL check (challenge)
#   deploy/platform-check.sh wecom    URL TOKEN ENCODING_AES_KEY CORP_ID     # the URL check (GET echostr)
#   deploy/platform-check.sh wecom_bot URL TOKEN ENCODING_AES_KEY           # the URL check, receive id empty
#   deploy/platform-check.sh onebot   URL SECRET SELF_ID [TEXT]
#
# URL is the platform's callback, e.g. http://127.0.0.1:8080/v1/platforms/dd.
# A check that passes prints the answer and exits 0; a refused one prints 401 and exits 1.
# Needs: bash, curl, openssl, base64, od, head, tr.
set -euo pipefail
kind="${1:?usage: platform-check.sh KIND URL SECRETS… (see the top of this file)}"
url="${2:?callback URL}"

hex() { od -An -tx1 | tr -d ' \n'; }
unhex() { printf '%b' "$(sed 's/../\\x&/g')"; }
post() { # url, then curl arguments; prints the answer, exits 1 unless 2xx
  local out status
  out=$(curl -sS -w '\n%{http_code}' "$@")
  status="${out##*$'\n'}"
  printf '%s\n' "${out%$'\n'*}"
  echo "HTTP $status"
  [[ "$status" == 2* ]]
}

case "$kind" in
dingtalk)
  secret="${3:?app secret}"
  text="${4:-进度}"
  ts=$(($(date +%s) * 1000))
  sign=$(printf '%s\n%s' "$ts" "$secret" | openssl dgst -sha256 -hmac "$secret" -binary | base64)
  body=$(printf '{"msgId":"check-%s","msgtype":"text","text":{"content":"%s"},"senderStaffId":"platform-check","senderNick":"check","conversationType":"1","conversationId":"check","sessionWebhook":"","sessionWebhookExpiredTime":0}' "$ts" "$text")
  post -X POST "$url" -H 'content-type: application/json' -H "timestamp: $ts" -H "sign: $sign" --data-binary "$body"
  ;;
feishu)
  token="${3:?verification token}"
  key="${4:-}"
  plain=$(printf '{"challenge":"check-%s","token":"%s","type":"url_verification"}' "$(date +%s)" "$token")
  if [[ -z "$key" ]]; then
    post -X POST "$url" -H 'content-type: application/json' --data-binary "$plain"
  else
    key_hex=$(printf '%s' "$key" | openssl dgst -sha256 -binary | hex)
    iv_hex=$(head -c 16 /dev/urandom | hex)
    sealed=$( (printf '%s' "$iv_hex" | unhex
      printf '%s' "$plain" | openssl enc -aes-256-cbc -K "$key_hex" -iv "$iv_hex") | base64 -w0)
    post -X POST "$url" -H 'content-type: application/json' --data-binary "{\"encrypt\":\"$sealed\"}"
  fi
  ;;
wecom | wecom_bot)
  token="${3:?token}"
  aes="${4:?EncodingAESKey}"
  receiver=""
  [[ "$kind" == wecom ]] && receiver="${5:?corp id}"
  key_hex=$(printf '%s=' "$aes" | base64 -d | hex)
  iv_hex="${key_hex:0:32}"
  message="check-$(date +%s)"
  # 16 random bytes, the length (4 bytes, big-endian), the message, the receive id; PKCS#7 to 32 bytes.
  plain_hex="$(head -c 16 /dev/urandom | hex)$(printf '%08x' "${#message}")$(printf '%s%s' "$message" "$receiver" | hex)"
  n=$((${#plain_hex} / 2))
  pad=$((32 - n % 32))
  for ((i = 0; i < pad; i++)); do plain_hex+=$(printf '%02x' "$pad"); done
  echostr=$(printf '%s' "$plain_hex" | unhex | openssl enc -aes-256-cbc -nopad -K "$key_hex" -iv "$iv_hex" | base64 -w0)
  ts=$(date +%s)
  nonce=$RANDOM$RANDOM
  signature=$(printf '%s\n' "$token" "$ts" "$nonce" "$echostr" | LC_ALL=C sort | tr -d '\n' | openssl dgst -sha1 -r | cut -d' ' -f1)
  encoded=$(printf '%s' "$echostr" | sed 's/+/%2B/g; s#/#%2F#g; s/=/%3D/g')
  post "$url?msg_signature=$signature&timestamp=$ts&nonce=$nonce&echostr=$encoded"
  echo "expected: $message"
  ;;
onebot)
  secret="${3:?secret}"
  self="${4:?self id}"
  text="${5:-进度}"
  body=$(printf '{"time":%s,"self_id":%s,"post_type":"message","message_type":"private","sub_type":"friend","message_id":%s,"user_id":10000,"raw_message":"%s","sender":{"user_id":10000,"nickname":"check"}}' "$(date +%s)" "$self" "$RANDOM" "$text")
  sig=$(printf '%s' "$body" | openssl dgst -sha1 -hmac "$secret" -r | cut -d' ' -f1)
  post -X POST "$url" -H 'content-type: application/json' -H "X-Self-ID: $self" -H "X-Signature: sha1=$sig" --data-binary "$body"
  ;;
*)
  echo "unknown kind '$kind' (dingtalk, feishu, wecom, wecom_bot, onebot)" >&2
  exit 2
  ;;
esac
