#!/bin/bash
# Stops the test S3 server started by start.sh: radosgw first, then the OSD, then the monitor,
# each by the PID it recorded. A clean OSD stop keeps memstore's data for the next start;
# `--purge` removes the state folder too.
set -uo pipefail

STATE=${S3_STATE_DIR:-${TMPDIR:-/tmp}/ff2api-s3}
clean=yes
for daemon in rgw osd mon; do
  pidfile="$STATE/run/$daemon.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; clean=no; fi
  elif [ "$daemon" = osd ]; then
    clean=no # the OSD was already gone: its in-memory data went with it
  fi
  rm -f "$pidfile"
done
if [ -d "$STATE" ] && [ $clean = yes ]; then touch "$STATE/stopped-cleanly"; fi
if [ "${1:-}" = --purge ]; then rm -rf "$STATE"; fi
exit 0
