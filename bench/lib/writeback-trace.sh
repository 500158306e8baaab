# Sourced by bench/load/run.sh with TRACE=1: where an ingestion's bytes go, second by second.
#   trace_start LABEL      — a background loop printing one line a second: rows/s (PostgreSQL: from the predictions
#                            sequence), the kernel's Dirty, Writeback and MemFree (MB, /proc/meminfo), the kernel's
#                            share of processor time (system + irq + softirq, /proc/stat) and, on PostgreSQL, WAL
#                            MB/s, full-page images/s and WAL syncs/s with their mean time (pg_stat_wal).
#   trace_stop             — ends the loop.
#   pg_counters            — one line of PostgreSQL's cumulative write counters (for a before/after difference).
#   pg_counters_report A B ROWS — the difference of two pg_counters lines, per row and in total.
#   pg_sizes               — the size of predictions and each of its indexes.
# Needs $pg_bin/$pg_port when PostgreSQL runs (bench/lib/postgres.sh sets them).

_pg_sql() { "$pg_bin/psql" -X -q -At -F ' ' -h 127.0.0.1 -p "$pg_port" -U postgres -d vigil -c "$1" 2>/dev/null; }

# rows wal_records wal_fpi wal_bytes wal_write wal_sync wal_sync_time_ms buffers_checkpoint buffers_clean
# buffers_backend buffers_backend_fsync checkpoints autovacuum-workers-now
pg_counters() {
  _pg_sql "SELECT coalesce((SELECT last_value FROM predictions_seq_seq), 0), w.wal_records, w.wal_fpi, w.wal_bytes,
             w.wal_write, w.wal_sync, w.wal_sync_time, b.buffers_checkpoint, b.buffers_clean, b.buffers_backend,
             b.buffers_backend_fsync, b.checkpoints_timed + b.checkpoints_req,
             (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker')
           FROM pg_stat_wal w, pg_stat_bgwriter b"
}

pg_counters_report() {
  awk -v rows="$3" 'NR == 1 { for (i = 1; i <= NF; i++) a[i] = $i } NR == 2 { for (i = 1; i <= NF; i++) d[i] = $i - a[i] }
    END {
      if (rows <= 0) rows = d[1]; if (rows <= 0) rows = 1
      printf "PostgreSQL per row over %d rows: WAL %.0f bytes in %.2f records, full-page images %.4f (%.0f in all); ", rows, d[4] / rows, d[2] / rows, d[3] / rows, d[3]
      printf "WAL writes %d, syncs %d (mean %.2f ms); ", d[5], d[6], d[6] ? d[7] / d[6] : 0
      printf "data pages written by checkpointer %d, bgwriter %d, backends %d (%.0f bytes/row; backend fsyncs %d); checkpoints %d\n",
        d[8], d[9], d[10], (d[8] + d[9] + d[10]) * 8192 / rows, d[11], d[12]
    }' <(echo "$1") <(echo "$2")
}

pg_sizes() {
  _pg_sql "SELECT string_agg(format('%s %s', c.relname, pg_size_pretty(pg_relation_size(c.oid))), ', ' ORDER BY c.relname)
           FROM pg_class c WHERE c.relname = 'predictions' OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'predictions'::regclass)
             OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE relname = 'predictions')" | sed 's/^/sizes: /'
}

_meminfo_mb() { awk -v k="$1:" '$1 == k { printf "%d", $2 / 1024 }' /proc/meminfo; }

# "system-ticks all-ticks" of every processor (/proc/stat): the kernel's share of the machine each second.
_cpu_ticks() { awk '$1 == "cpu" { t = 0; for (i = 2; i <= NF; i++) t += $i; print $4 + $7 + $8, t; exit }' /proc/stat; }

trace_start() {
  (
    local label="$1" t=0 prev="" now
    # free-MB falling is the page cache growing into memory the machine has not used lately: on a VM that hands free
    # memory back to its host (virtio-balloon free page reporting), that memory costs about ten times more to fill
    # (docs/scale.md, "Why the rate falls"), and the kernel's share (sys %) rises with it.
    echo "trace ($label): second rows/s dirty-MB writeback-MB free-MB sys-%${pg_port:+ wal-MB/s fpi/s wal-syncs/s sync-ms data-MB/s autovacuums}"
    while :; do
      now="$(date +%s.%N) $(_meminfo_mb Dirty) $(_meminfo_mb Writeback) $(_meminfo_mb MemFree) $(_cpu_ticks)"
      if [ -n "${pg_port:-}" ]; then now="$now $(pg_counters)"; fi
      if [ -n "$prev" ]; then
        awk -v t="$t" -v a="$prev" -v b="$now" 'BEGIN {
          n = split(a, x, " "); split(b, y, " "); dt = y[1] - x[1]
          printf "trace %3d %7s %6d %6d %6d %5.1f", t, (n > 6) ? sprintf("%d", (y[7] - x[7]) / dt) : "-", y[2], y[3], y[4], (y[6] > x[6]) ? 100 * (y[5] - x[5]) / (y[6] - x[6]) : 0
          if (n > 6) { s = y[12] - x[12]; printf " %6.1f %6d %5d %6.2f %6.1f %d", (y[10] - x[10]) / 1048576 / dt, (y[9] - x[9]) / dt, s / dt, s ? (y[13] - x[13]) / s : 0, (y[14] + y[15] + y[16] - x[14] - x[15] - x[16]) * 8192 / 1048576 / dt, y[19] }
          printf "\n" }'
      fi
      prev="$now"; t=$((t + 1))
      sleep 1
    done
  ) &
  trace_pid=$!
}

trace_stop() {
  if [ -n "${trace_pid:-}" ]; then kill "$trace_pid" 2>/dev/null || true; wait "$trace_pid" 2>/dev/null || true; trace_pid=""; fi
}
