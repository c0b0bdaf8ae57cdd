#!/usr/bin/env bash
# Runs the suite (the UTC project) with the machine's clock moved to other calendar days, so a test
# that leans on the real date fails here and not on the day it happens to break. Needs Debian's
# faketime. Usage: scripts/test-on-dates.sh [YYYY-MM-DD ...]   (default: two days months apart)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install -y faketime" >&2; exit 2; }
dates=("$@")
[ ${#dates[@]} -gt 0 ] || dates=(2027-03-15 2026-06-01)
for day in "${dates[@]}"; do
  echo "== the suite on ${day} (UTC project)"
  faketime -f "@${day} 09:00:00" npx vitest run --project UTC
done
