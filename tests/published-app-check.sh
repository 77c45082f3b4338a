#!/usr/bin/env bash
# The published app runs from any working directory: publishes the built app (no rebuild) to a scratch folder, starts
# it from another directory in Production (key ring certificate made here, no demo), and fetches a page, its style
# sheets and a GOV.UK font. Prints one PASS or FAIL line per request; exits non-zero on any failure. Cleans up after.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/openmash-published.XXXXXX)
pid=
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi; rm -rf "$work"; }
trap cleanup EXIT

dotnet publish "$root/src/OpenMash.Web" --no-build -c Debug -o "$work/app" -nologo -v quiet || { echo "FAIL  publish"; exit 1; }
openssl req -x509 -newkey rsa:2048 -sha256 -days 2 -nodes -subj "/CN=OpenMash published check" -keyout "$work/k.key" -out "$work/k.crt" >/dev/null 2>&1 \
  && openssl pkcs12 -export -inkey "$work/k.key" -in "$work/k.crt" -out "$work/keyring.pfx" -passout pass:check >/dev/null 2>&1 \
  || { echo "FAIL  could not make a key ring certificate with openssl"; exit 1; }

port=$((20000 + RANDOM % 20000))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
mkdir "$work/elsewhere" && cd "$work/elsewhere" || exit 1
ASPNETCORE_ENVIRONMENT=Production DataProtection__CertificatePassword=check dotnet "$work/app/OpenMash.Web.dll" \
  --urls "http://127.0.0.1:$port" --Security:HttpsOnly=false --ConnectionStrings:OpenMash="Data Source=$work/check.db" \
  --DataProtection:KeysDirectory="$work/keys" --DataProtection:CertificatePath="$work/keyring.pfx" --Smtp:PickupDirectory="$work/pickup" \
  >"$work/app.log" 2>&1 &
pid=$!

base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/live")" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done

failed=0
check() { # path expected-content-type [text the body must contain]
  local code type
  curl -s -D "$work/headers" -o "$work/body" "$base$1" || true
  code=$(sed -n '1s/^HTTP\/[0-9.]* \([0-9]*\).*/\1/p' "$work/headers" 2>/dev/null)
  type=$(grep -i '^content-type:' "$work/headers" 2>/dev/null | tr -d '\r' | cut -d' ' -f2-)
  if [ "$code" = 200 ] && [[ "$type" == "$2"* ]] && { [ -z "${3:-}" ] || grep -qF "$3" "$work/body"; }; then
    echo "PASS  GET $1: $code $type"
  else
    echo "FAIL  GET $1: ${code:-no answer} ${type:-}"; failed=1
  fi
}
check /health/live text/plain
check /Account/SignIn text/html "/lib/govuk-frontend/govuk-frontend.min.css"
check /lib/govuk-frontend/govuk-frontend.min.css text/css
check /css/site.css text/css
check /assets/fonts/bold-b542beb274-v2.woff2 font/woff2
if [ -n "$(ls -A "$work/elsewhere")" ]; then echo "FAIL  the app wrote into its working directory: $(ls -A "$work/elsewhere")"; failed=1; fi
if [ "$failed" -ne 0 ]; then echo "--- app log (last lines)"; tail -c 3000 "$work/app.log"; fi
exit "$failed"
