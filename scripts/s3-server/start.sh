#!/bin/bash
# A real S3 server for the team-store tests: single-node Ceph RGW from Debian's packages, all on
# 127.0.0.1, no systemd, no manager daemon. One monitor, one OSD whose data lives in RAM
# (memstore; kept across a clean stop) and one radosgw. State lives in $S3_STATE_DIR.
#
# Safe to run again: a running server is left as it is; users and buckets are created only when
# missing. Prints the connection details as KEY=value lines on stdout (progress goes to stderr).
#
# `start.sh --packages-only` installs the packages and stops there (for CI's setup step).
#
# Settings (environment):
#   S3_STATE_DIR     state folder            (default: <temp dir>/ff2api-s3)
#   S3_PORT          radosgw HTTP port       (default: 17480)
#   S3_MON_PORT      monitor port (msgr v2)  (default: 13300)
#   S3_START_TIMEOUT seconds to wait         (default: 180)
#
# Test fixtures it makes:
#   user "ff2api"      owns ff2api-test (CORS rule), ff2api-test-nocors (no CORS rule) and
#                      ff2api-test-locked (versioning + Object Lock);
#   user "ff2api-other" owns ff2api-test-other only (RGW keys reach their owner's buckets only).
set -euo pipefail

STATE=${S3_STATE_DIR:-${TMPDIR:-/tmp}/ff2api-s3}
PORT=${S3_PORT:-17480}
MON_PORT=${S3_MON_PORT:-13300}
TIMEOUT=${S3_START_TIMEOUT:-180}
REGION=us-east-1
ACCESS=ff2apitestaccess
SECRET=ff2apitestsecret0123456789abcdef
OTHER_ACCESS=ff2apiotheraccess
OTHER_SECRET=ff2apiothersecret0123456789abcd
ENDPOINT="http://127.0.0.1:$PORT"
PACKAGES=(ceph-mon ceph-osd radosgw ceph-common curl openssl uuid-runtime)
INSTALL="apt-get update && apt-get install -y --no-install-recommends --no-upgrade ${PACKAGES[*]}"

say() { echo "s3-server: $*" >&2; }
started_at=$(date +%s.%N)
elapsed() { awk -v a="$started_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }'; }

# --- packages: install what is missing (as root), never upgrade what is there -----------------
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "Ceph's packages are missing (${missing[*]}). Install them as root, then run this again:"
    say "    $INSTALL"
    exit 2
  fi
  say "installing ${missing[*]} (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists yet: fetch them only when the install cannot proceed.
  apt-get install -y --no-install-recommends --no-upgrade "${missing[@]}" >&2 2>/dev/null \
    || { apt-get update >&2 && apt-get install -y --no-install-recommends --no-upgrade "${missing[@]}" >&2; }
  say "packages installed after $(elapsed)"
fi
if [ "${1:-}" = --packages-only ]; then
  say "Ceph's packages are installed"
  exit 0
fi

CONF="$STATE/ceph.conf"
ceph_cli() { ceph -c "$CONF" --connect-timeout 10 "$@"; }
pid_of() { cat "$STATE/run/$1.pid" 2>/dev/null; }
alive() { local pid; pid=$(pid_of "$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
launch() { # name command...: runs a daemon in the foreground mode, in the background
  local name=$1; shift
  alive "$name" && return 0
  nohup "$@" >"$STATE/log/$name.out" 2>&1 &
  echo $! >"$STATE/run/$name.pid"
}
deadline=$(($(date +%s) + TIMEOUT))
wait_until() { # what daemon command...
  local what=$1 daemon=$2; shift 2
  until "$@" >/dev/null 2>&1; do
    if ! alive "$daemon"; then
      say "$daemon stopped while waiting for $what; its last lines:"; tail -n 20 "$STATE/log/$daemon.out" >&2; exit 1
    fi
    [ "$(date +%s)" -lt "$deadline" ] || { say "gave up waiting for $what after ${TIMEOUT}s (logs: $STATE/log)"; exit 1; }
    sleep 0.2
  done
}

# memstore keeps data only through a clean stop: state left by a crash is useless, start afresh.
if [ -f "$CONF" ] && ! alive mon && ! alive osd && [ ! -f "$STATE/stopped-cleanly" ]; then
  say "the previous server at $STATE did not stop cleanly (its in-memory data is gone): starting afresh"
  rm -rf "$STATE"
fi

if [ -f "$CONF" ] && ! grep -q "endpoint=127.0.0.1:$PORT\$" "$CONF"; then
  say "the server state at $STATE was made for other ports. Stop it first (scripts/s3-server/stop.sh --purge),"
  say "or give this one its own folder: S3_STATE_DIR=/some/other/folder"
  exit 1
fi

fresh=0
if [ ! -f "$CONF" ]; then
  fresh=1
  mkdir -p "$STATE"/{run,log,mon,osd}
  fsid=$(uuidgen)
  # `paxos propose interval` is what makes a single monitor answer in seconds instead of ~20 s.
  cat >"$CONF" <<CONF
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$MON_PORT]
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv4 = true
ms bind ipv6 = false
ms bind msgr1 = false
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
auth allow insecure global id reclaim = false
keyring = $STATE/keyring
run dir = $STATE/run
admin socket = $STATE/run/\$name.asok
log file = $STATE/log/\$name.log
log to stderr = false
err to stderr = true
debug ms = 0
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 1
mon data avail crit = 0
mon osd min down reporters = 1
paxos propose interval = 0.1
paxos min wait = 0.01
rgw rados pool pg num min = 8

[mon]
mon data = $STATE/mon

[osd]
osd data = $STATE/osd
osd objectstore = memstore
memstore device bytes = 2147483648
osd memory target = 939524096
osd fast shutdown = false
osd op num shards = 1
osd op num threads per shard = 2
osd max object size = 134217728
osd class load list = *
osd class default list = *

[client.rgw.test]
rgw frontends = beast endpoint=127.0.0.1:$PORT
rgw thread pool size = 32
rgw dns name = 127.0.0.1
rgw enable usage log = false
rgw zone = default
CONF
  ceph-authtool --create-keyring "$STATE/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-authtool "$STATE/keyring" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
  ceph-authtool "$STATE/keyring" --gen-key -n client.rgw.test --cap mon 'allow rw' --cap osd 'allow rwx' >/dev/null
  ceph-authtool "$STATE/keyring" --gen-key -n osd.0 --cap mon 'allow profile osd' --cap osd 'allow *' >/dev/null
  monmaptool --create --addv mon "[v2:127.0.0.1:$MON_PORT]" --fsid "$fsid" "$STATE/monmap" >/dev/null
  ceph-mon -c "$CONF" --mkfs -i mon --monmap "$STATE/monmap" --keyring "$STATE/keyring" >&2
fi

rm -f "$STATE/stopped-cleanly"
launch mon ceph-mon -c "$CONF" -f -i mon
wait_until "the monitor" mon ceph_cli mon stat
if [ $fresh = 1 ]; then
  osd_uuid=$(uuidgen)
  ceph_cli osd new "$osd_uuid" 0 >/dev/null
  ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$osd_uuid" >"$STATE/log/osd-mkfs.out" 2>&1 \
    || { say "creating the OSD failed:"; tail -n 5 "$STATE/log/osd-mkfs.out" >&2; exit 1; }
  ceph_cli osd crush add-bucket localhost host >/dev/null 2>&1
  ceph_cli osd crush move localhost root=default >/dev/null 2>&1
  ceph_cli osd crush add osd.0 1.0 host=localhost >/dev/null 2>&1
fi
launch osd ceph-osd -c "$CONF" -f -i 0
wait_until "the OSD" osd sh -c "ceph -c '$CONF' --connect-timeout 10 osd dump | grep -q '^osd.0 up'"
launch rgw radosgw -c "$CONF" -f -n client.rgw.test
wait_until "radosgw on $ENDPOINT" rgw sh -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' '$ENDPOINT/')\" = 200 ]"
say "answering on $ENDPOINT after $(elapsed)"

ensure_user() { # uid access secret
  radosgw-admin -c "$CONF" user info --uid="$1" >/dev/null 2>&1 \
    || radosgw-admin -c "$CONF" user create --uid="$1" --display-name="$1" --access-key="$2" --secret-key="$3" >/dev/null
}
ensure_user ff2api "$ACCESS" "$SECRET"
ensure_user ff2api-other "$OTHER_ACCESS" "$OTHER_SECRET"

signed() { # access secret method path [body] [extra header]: prints the HTTP status of a SigV4 request
  local body=${5:-}
  curl -sS -o /dev/null -w '%{http_code}' --aws-sigv4 "aws:amz:$REGION:s3" --user "$1:$2" -X "$3" \
    -H "x-amz-content-sha256: $(printf '%s' "$body" | sha256sum | cut -d' ' -f1)" \
    ${body:+-H "Content-MD5: $(printf '%s' "$body" | openssl md5 -binary | base64)" --data-binary "$body"} \
    ${6:+-H "$6"} "$ENDPOINT$4"
}
expect_status() { # what status...: fails unless the last status is one of the given ones
  local what=$1 got=$2; shift 2
  for s in "$@"; do [ "$got" = "$s" ] && return 0; done
  say "$what answered HTTP $got"; exit 1
}
cors_rule="<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>"
for method in GET PUT HEAD DELETE POST; do cors_rule+="<AllowedMethod>$method</AllowedMethod>"; done
cors_rule+="<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader>"
cors_rule+="<ExposeHeader>x-amz-version-id</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>"

make_bucket() { # access secret bucket cors(yes|no) [create header]
  expect_status "creating $3" "$(signed "$1" "$2" PUT "/$3" '' "${5:-}")" 200 409
  if [ "$4" = yes ]; then expect_status "the CORS rule of $3" "$(signed "$1" "$2" PUT "/$3?cors=" "$cors_rule")" 200; fi
}
make_bucket "$ACCESS" "$SECRET" ff2api-test yes
make_bucket "$ACCESS" "$SECRET" ff2api-test-nocors no
make_bucket "$ACCESS" "$SECRET" ff2api-test-locked yes 'x-amz-bucket-object-lock-enabled: true'
make_bucket "$OTHER_ACCESS" "$OTHER_SECRET" ff2api-test-other yes
say "ready after $(elapsed)"

cat <<ENV
S3_ENDPOINT=$ENDPOINT
S3_REGION=$REGION
S3_ACCESS_KEY=$ACCESS
S3_SECRET_KEY=$SECRET
S3_BUCKET=ff2api-test
S3_BUCKET_NO_CORS=ff2api-test-nocors
S3_BUCKET_LOCKED=ff2api-test-locked
S3_OTHER_BUCKET=ff2api-test-other
S3_OTHER_ACCESS_KEY=$OTHER_ACCESS
S3_OTHER_SECRET_KEY=$OTHER_SECRET
ENV
