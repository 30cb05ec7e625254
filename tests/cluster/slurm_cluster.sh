#!/usr/bin/env bash
# A single-node Slurm cluster in a private folder, for the job-array test (docs/CLUSTERS.md):
# its own munge key and daemon, slurmctld and slurmd as the current user (root in CI), on
# ports of their own, so that nothing of the machine's own Slurm or munge is touched.
#   tests/cluster/slurm_cluster.sh start DIR   -> prints "SLURM_CONF=DIR/slurm.conf" when up
#   tests/cluster/slurm_cluster.sh stop DIR
# Exits 3 with the reason on standard error when a cluster cannot start here (no packages,
# not root, daemons failing): the test then says it was not run, and why.
set -euo pipefail
cmd=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)

stop() {
  for p in slurmd slurmctld munged; do
    [[ -f "$dir/$p.pid" ]] && kill "$(cat "$dir/$p.pid")" 2>/dev/null || true
  done
  sleep 1
}

if [[ $cmd == stop ]]; then stop; exit 0; fi

for bin in munged mungekey slurmctld slurmd sbatch squeue; do
  command -v "$bin" >/dev/null || { echo "no $bin: install slurm-wlm and munge" >&2; exit 3; }
done
[[ $(id -u) == 0 ]] || { echo "slurmd needs root to launch jobs" >&2; exit 3; }

host=$(hostname -s)
cpus=$(nproc)
mkdir -p "$dir/state" "$dir/spool" "$dir/log"
mungekey --create --keyfile="$dir/munge.key" --force 2>/dev/null ||
  { echo "mungekey could not create a key" >&2; exit 3; }
chmod 0400 "$dir/munge.key"
munged --key-file="$dir/munge.key" --socket="$dir/munge.socket" --pid-file="$dir/munged.pid" \
  --log-file="$dir/log/munged.log" --seed-file="$dir/munge.seed" --force 2>"$dir/log/munged.err" ||
  { echo "munged did not start: $(cat "$dir/log/munged.err")" >&2; exit 3; }

cat >"$dir/slurm.conf" <<CONF
ClusterName=innosim-test
SlurmctldHost=$host
SlurmctldPort=17817
SlurmdPort=17818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
SchedulerType=sched/builtin
MaxArraySize=1001
NodeName=$host CPUs=$cpus RealMemory=1000 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -f "$SLURM_CONF" 2>"$dir/log/slurmctld.err" ||
  { stop; echo "slurmctld did not start: $(tail -3 "$dir/log/slurmctld.err")" >&2; exit 3; }
slurmd -f "$SLURM_CONF" 2>"$dir/log/slurmd.err" ||
  { stop; echo "slurmd did not start: $(tail -3 "$dir/log/slurmd.err")" >&2; exit 3; }
for _ in $(seq 1 60); do
  if sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then
    echo "SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 0.5
done
state=$(sinfo -h -o '%t %E' 2>&1 | head -1)
stop
echo "the node did not come up (sinfo: $state; logs in $dir/log)" >&2
exit 3
