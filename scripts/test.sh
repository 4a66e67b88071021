#!/usr/bin/env bash
# npm test: installs what the suite needs from Debian when missing (PostgreSQL 15
# server binaries for the data-layer tests, Chromium and fonts for the browser test,
# LibreOffice Writer for the report's PDF),
# then runs every test. The PostgreSQL the tests use is started and removed by the
# suite itself (packages/server/test/global-setup.ts); the web app is built by the
# browser tests' set-up when its sources changed since the last build
# (packages/web/test/web-build.ts), so an unchanged app is not rebuilt on each run.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
missing=()
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || missing+=(postgresql-15)
[[ -x /usr/bin/chromium ]] || missing+=(chromium fonts-liberation)
# LibreOffice turns the consolidated report's DOCX into PDF; the writer alone, no GUI.
lean=()
command -v soffice >/dev/null || lean+=(libreoffice-writer-nogui)
# Liberation 1.x lacks Vietnamese letters (LibreOffice then borrows DejaVu); 2.x has them.
dpkg -s fonts-liberation2 >/dev/null 2>&1 || lean+=(fonts-liberation2)

if ((${#missing[@]} + ${#lean[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo -E)
    else
      echo "npm test: cần cài ${missing[*]} (apt-get) nhưng không chạy với quyền root." >&2
      exit 1
    fi
  fi
  echo "npm test: installing ${missing[*]} ${lean[*]} …"
  # The tests start their own throwaway server: no need for Debian's default cluster.
  if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
    "${sudo[@]}" mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | "${sudo[@]}" tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  "${sudo[@]}" apt-get update -qq
  if ((${#missing[@]})); then "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null; fi
  if ((${#lean[@]})); then "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null; fi
fi

exec npx vitest run "$@"
