#!/usr/bin/env bash
# Installs what tests/test_avoindata_ckan.py needs to run a CKAN configured like avoindata.fi:
# Debian's PostgreSQL and Redis (only if missing) and .ckan-avoindata-venv with CKAN 2.11.5 (avoindata.fi's
# version, ../shared/reference/avoindata-fi/config/Dockerfile), ckanext-harvest 1.6.3 and ckanext-scheming
# 3.1.0 from PyPI, plus our test plugin (tests/ckan_avoindata/). Idempotent: reuses a venv that imports.
# The test starts the services itself (private PostgreSQL cluster, Redis on a free loopback port).
set -euo pipefail
cd "$(dirname "$0")/../.."
as_root=""; [ "$(id -u)" -eq 0 ] || as_root="sudo"
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $as_root apt-get update -qq && $as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi
venv=.ckan-avoindata-venv
if ! $venv/bin/python -c 'import ckan, ckanext.harvest, ckanext.scheming, kasko_ckan_avoindata.plugin' 2>/dev/null; then
  rm -rf $venv
  python3 -m venv $venv
  $venv/bin/pip install -q 'ckan[requirements]==2.11.5'
  $venv/bin/pip install -q 'ckanext-harvest==1.6.3' 'ckanext-scheming==3.1.0'
  $venv/bin/pip install -q -e tests/ckan_avoindata
fi
