#!/usr/bin/env bash
# Installs what Linli needs beyond Swift on a fresh Debian/Ubuntu machine:
# libcurl's development files (outbound webhooks are sent with libcurl), SQLite's
# (GRDB and the linli VFS compile against sqlite3.h),
# Chromium with a Chinese font (the staff pages are tested in it, headless),
# curl and openssl (deploy/platform-check.sh, tested against `linli serve`), and
# PostgreSQL with libpq (the second store; its tests start a private server).
# Safe to run again: it does nothing when everything is there.
set -euo pipefail

packages=(libcurl4-openssl-dev libsqlite3-dev pkg-config chromium fonts-wqy-microhei curl openssl postgresql libpq-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
$sudo apt-get install -y -qq "${missing[@]}" >&2
