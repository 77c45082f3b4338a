#!/usr/bin/env bash
# Copies the front-end packages pinned by package-lock.json (GOV.UK Frontend, MoJ Frontend, accessible-autocomplete)
# into wwwroot/lib, which is committed so that the service runs with the .NET SDK alone.
# Usage: ./update-frontend.sh [target-dir]   (default: wwwroot/lib). After changing package.json, run `npm install` first.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:-wwwroot/lib}
npm ci --no-audit --no-fund --silent
rm -rf "$target" && mkdir -p "$target/govuk-frontend/assets" "$target/moj-frontend" "$target/accessible-autocomplete"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$target/govuk-frontend/"
cp -r node_modules/govuk-frontend/dist/govuk/assets/. "$target/govuk-frontend/assets/"
cp -r node_modules/@ministryofjustice/frontend/moj/assets/. "$target/govuk-frontend/assets/"
cp node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.css node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js "$target/moj-frontend/"
cp node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.css node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js "$target/accessible-autocomplete/"
cp node_modules/govuk-frontend/LICENSE.txt "$target/govuk-frontend/LICENSE.txt" 2>/dev/null || true
cp node_modules/@ministryofjustice/frontend/LICENSE.txt "$target/moj-frontend/LICENSE.txt" 2>/dev/null || true
cp node_modules/accessible-autocomplete/LICENSE.txt "$target/accessible-autocomplete/LICENSE.txt" 2>/dev/null || true
