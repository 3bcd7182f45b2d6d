#!/usr/bin/env bash
# Makes sure what the test suite needs is here: Redis and PostgreSQL running on loopback, and
# Debian's Chromium for the browser tests. It only acts on what is missing, and says what it did.
# Tests never skip: if this cannot provide something, the tests that need it fail loudly.
set -uo pipefail

say() { printf '[provision] %s\n' "$*"; }

if [ -n "${REDIS_URL:-}" ]; then
  say "REDIS_URL is set; not touching the local Redis"
elif redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  say "Redis: running on 127.0.0.1:6379"
elif command -v redis-server >/dev/null 2>&1; then
  say "Redis: starting it"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || say "Redis: could not start it"
  for _ in $(seq 1 50); do redis-cli ping >/dev/null 2>&1 && break; sleep 0.1; done
else
  say "Redis: not installed (apt-get install -y redis-server); Redis tests will fail"
fi

if [ -n "${DATABASE_URL:-}" ]; then
  say "DATABASE_URL is set; not touching the local PostgreSQL"
elif pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
  say "PostgreSQL: running on 127.0.0.1:5432"
elif command -v pg_ctlcluster >/dev/null 2>&1; then
  say "PostgreSQL: starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || say "PostgreSQL: could not start it"
  for _ in $(seq 1 50); do pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && break; sleep 0.2; done
else
  say "PostgreSQL: not installed; PostgreSQL tests will fail"
fi

if [ -x /usr/bin/chromium ]; then
  say "Chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  say "Chromium: installing Debian's chromium (one time, a few minutes)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null) \
    || say "Chromium: install failed; browser tests will fail"
else
  say "Chromium: missing; run 'sudo apt-get install -y chromium' (browser tests will fail)"
fi
# Emoji in bot replies render as empty boxes in screenshots without a colour emoji font (cosmetic).
if [ -x /usr/bin/chromium ] && [ ! -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] && [ "$(id -u)" = "0" ]; then
  (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-color-emoji >/dev/null 2>&1 \
    || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-color-emoji >/dev/null 2>&1)) \
    && say "Emoji font: installed" || say "Emoji font: not installed (screenshots show boxes for emoji)"
fi
exit 0
