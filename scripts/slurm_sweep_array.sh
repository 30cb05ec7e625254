#!/usr/bin/env bash
# A sweep as a Slurm job array (docs/CLUSTERS.md): each array task runs its shard of the
# design's tasks and checkpoints it; a task that dies is resubmitted with the same command and
# resumes. When every task has ended, innosim merge joins the shards.
#
#   sbatch --array=0-7 scripts/slurm_sweep_array.sh DESIGN.toml OUTDIR [INNOSIM]
#   innosim merge OUTDIR/shard-*-of-8.h5 --out sweep.h5
#
#SBATCH --job-name=innosim-sweep
#SBATCH --cpus-per-task=1
#SBATCH --output=innosim-sweep-%A_%a.log
set -euo pipefail
design=$1
outdir=$2
innosim=${3:-innosim}
count=${SLURM_ARRAY_TASK_COUNT:?submit with sbatch --array=0-(N-1)}
index=$((SLURM_ARRAY_TASK_ID - ${SLURM_ARRAY_TASK_MIN:-0}))
mkdir -p "$outdir"
exec "$innosim" sweep "$design" --quiet --resume --shard "$index/$count" \
  --threads "${SLURM_CPUS_PER_TASK:-1}" --out "$outdir/shard-$index-of-$count.h5"
