# shellcheck shell=bash
# Starts a throwaway Virtuoso (Debian package virtuoso-opensource-7-bin, listed in
# .ci/apt-packages.txt; nothing is installed here) on loopback with a temporary database
# directory, waits until its SPARQL endpoint answers, and exports its address for the tests:
#   VIRTUOSO_URL        http://127.0.0.1:PORT      (HTTP server root)
#   VIRTUOSO_STORE      the --store value for article-kg (dba/dba: a throwaway database only)
#   VIRTUOSO_PID, VIRTUOSO_DIR
# Sourced by .ci/run; can also be sourced by hand: `source .ci/services/virtuoso.sh`.
# Stop it with: kill "$VIRTUOSO_PID" (the directory is removed when the shell exits).

# Whether the SPARQL endpoint answers an ASK (node's fetch: no curl needed).
virtuoso_answers() {
  node -e 'fetch(process.argv[1] + "/sparql?query=ASK%7B%7D", { signal: AbortSignal.timeout(2000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1" 2>/dev/null
}

virtuoso_start() {
  local bin
  bin=$(command -v virtuoso-t || true)
  if [ -z "$bin" ]; then
    echo "virtuoso: virtuoso-t not found (install virtuoso-opensource-7-bin); tests that need it will skip or fail" >&2
    return 0
  fi
  local dir http sql
  dir=$(mktemp -d "${TMPDIR:-/tmp}/kg-virtuoso.XXXXXX")
  # Free ports on loopback: ask the kernel through node (always present here).
  read -r http sql < <(node -e '
    const net = require("node:net");
    const one = () => new Promise((r) => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => r(p)); }); });
    (async () => console.log(await one(), await one()))();')
  mkdir -p "$dir/www"
  cat >"$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$sql
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
CheckpointAuditTrail = 0
AllowOSCalls = 0
SchedulerInterval = 10
DirsAllowed = ., $dir
ThreadCleanupInterval = 0
ThreadThreshold = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize = 100000
SingleCPU = 0
VADInstallDir = $dir
PrefixResultNames = 0
RdfFreeTextRulesSize = 100
IndexTreeMaps = 64
MaxMemPoolSize = 50000000
MaxQueryMem = 500M
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DefaultIsolation = 2

[HTTPServer]
ServerPort = 127.0.0.1:$http
ServerRoot = $dir/www
MaxClientConnections = 10
DavRoot = DAV
EnabledDavVSP = 0
HTTPProxyEnabled = 0
ServerThreads = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
MaxCachedProxyConnections = 10
ProxyConnectionCacheTimeout = 15
HTTPThreadSize = 280000
HttpPrintWarningsInOutput = 0
Charset = UTF-8
MaintenancePage = atomic.html
EnabledGzipContent = 1

[AutoRepair]
BadParentLinks = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[Replication]
ServerName = kg-test
ServerEnable = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 120
DefaultQuery = select distinct ?Concept where {[] a ?Concept} LIMIT 100
DeferInferenceRulesInit = 0
INI
  (cd "$dir" && exec "$bin" +foreground +configfile "$dir/virtuoso.ini" >"$dir/stdout.log" 2>&1) &
  VIRTUOSO_PID=$!
  VIRTUOSO_DIR=$dir
  VIRTUOSO_URL="http://127.0.0.1:$http"
  local i
  for i in $(seq 1 120); do
    if virtuoso_answers "$VIRTUOSO_URL"; then break; fi
    if ! kill -0 "$VIRTUOSO_PID" 2>/dev/null; then
      echo "virtuoso: exited during start-up; log:" >&2
      tail -n 30 "$dir/virtuoso.log" "$dir/stdout.log" >&2 || true
      unset VIRTUOSO_URL
      return 0
    fi
    sleep 0.5
  done
  if [ -z "${VIRTUOSO_URL:-}" ] || ! virtuoso_answers "$VIRTUOSO_URL"; then
    echo "virtuoso: did not answer within 60 s" >&2
    unset VIRTUOSO_URL
    return 0
  fi
  VIRTUOSO_STORE="sparql+http://dba:dba@127.0.0.1:$http/sparql-auth?gsp=/sparql-graph-crud-auth"
  VIRTUOSO_SQL_PORT=$sql
  export VIRTUOSO_URL VIRTUOSO_STORE VIRTUOSO_PID VIRTUOSO_DIR VIRTUOSO_SQL_PORT
  echo "virtuoso: up at $VIRTUOSO_URL (pid $VIRTUOSO_PID, db $dir)"
  # shellcheck disable=SC2064
  trap "kill $VIRTUOSO_PID 2>/dev/null; sleep 1; rm -rf '$dir'" EXIT
}

virtuoso_start
