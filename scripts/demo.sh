#!/usr/bin/env bash
# `make run`: the DingTalk simulator and the proxy with policies/demo.yaml, state under
# var/demo/. Prints curl commands that show one employee as each demo role. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
SIM_ADDR=${SIM_ADDR:-127.0.0.1:8081}
PROXY_ADDR=${PROXY_ADDR:-127.0.0.1:8080}
ADMIN_ADDR=${ADMIN_ADDR:-127.0.0.1:8082}
FORWARD_ADDR=${FORWARD_ADDR:-127.0.0.1:8443}
STATE=var/demo
mkdir -p "$STATE/keys"
# The demo policy's hash key (keys.hash); real deployments provision their own.
if [ ! -s "$STATE/keys/hash.key" ]; then
  (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$STATE/keys/hash.key")
fi

# The forward-mode CA (HTTPS_PROXY clients trust it; see docs/forward-mode.md).
[ -s "$STATE/ca/ca.pem" ] || bin/proxy ca init --dir "$STATE/ca" >/dev/null

pids=()
cleanup() {
  trap - INT TERM EXIT
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped; logs are in $STATE/sim.log and $STATE/proxy.log"
}
trap cleanup INT TERM EXIT

wait_http() { # url name
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "$2 did not start; see $STATE/*.log" >&2
  exit 1
}

bin/dingtalk-sim -addr "$SIM_ADDR" -employees 200 -seed 1 -app-token-as-user >"$STATE/sim.log" 2>&1 &
pids+=($!)
wait_http "http://$SIM_ADDR/_sim/healthz" "the simulator"

bin/proxy serve --config configs/demo.yaml --listen "$PROXY_ADDR" --admin-listen "$ADMIN_ADDR" --forward-listen "$FORWARD_ADDR" \
  --upstream "oapi=http://$SIM_ADDR" --upstream "api=http://$SIM_ADDR" >"$STATE/proxy.log" 2>&1 &
pids+=($!)
wait_http "http://$PROXY_ADDR/readyz" "the proxy"

P="http://$PROXY_ADDR"
# Employee 10 of seed 1 has an HKID and an emergency contact in the free-text remark.
USERID=$(curl -fsS "http://$SIM_ADDR/_sim/employees/${DEMO_EMPLOYEE:-10}" | sed -n 's/.*"UserID":"\([^"]*\)".*/\1/p')
TOKEN=$(curl -fsS -H 'X-Api-Key: demo-hr-admin-key' "$P/gettoken?appkey=demo-app-key&appsecret=demo-app-secret" |
  sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')

cat <<MSG

  DingTalk simulator  http://$SIM_ADDR   (what "DingTalk" received: curl http://$SIM_ADDR/_sim/requests)
  PII proxy           $P   (policy: policies/demo.yaml, state: $STATE/)
  admin listener      http://$ADMIN_ADDR  (/metrics, /dashboard with X-Api-Key: demo-admin-key)
  forward mode        http://$FORWARD_ADDR  (for HTTPS_PROXY clients that trust $STATE/ca/ca.pem; docs/forward-mode.md)

  An access token through the proxy:
    curl -s -H 'X-Api-Key: demo-hr-admin-key' '$P/gettoken?appkey=demo-app-key&appsecret=demo-app-secret'

  One employee through POST /topapi/v2/user/get, as each role:
MSG
for key in hr-admin payroll support; do
  cmd="curl -s -H 'X-Api-Key: demo-$key-key' -H 'Content-Type: application/json' '$P/topapi/v2/user/get?access_token=$TOKEN' -d '{\"userid\":\"$USERID\"}'"
  echo
  echo "  # as $key"
  echo "  $cmd"
  eval "$cmd" | head -c 2000
  echo
done
# Not SSL_CERT_FILE: curl hands OpenSSL its own CA bundle, so the variable is never read and
# the handshake fails with "unable to get local issuer certificate".
cmd="HTTPS_PROXY=http://demo:demo-support-key@$FORWARD_ADDR curl -s --cacert $STATE/ca/ca.pem -H 'Content-Type: application/json' 'https://oapi.dingtalk.com/topapi/v2/user/get?access_token=$TOKEN' -d '{\"userid\":\"$USERID\"}'"
cat <<MSG

  The same call in forward mode (as support; curl never resolves oapi.dingtalk.com, the proxy answers for it):
    $cmd
MSG
cat <<MSG

  Verify the audit trail:  bin/proxy audit verify $STATE/audit
  Press Ctrl-C to stop.
MSG
wait
