#!/bin/sh
# Outlet figures of a registry that did not learn the dev labels, through the CLI:
#   tools/outlets/quality_without_labels.sh [LABELS_FILE] [CURATED_FILE]
# Builds the registry with build_default_registry.py --no-labels (from CURATED_FILE instead of curated.txt when
# given), builds the CLI with it into a scratch folder, puts the shipped registry back, and runs
# ../shared/tools/quality_eval.py on LABELS_FILE (default ../shared/data/labels/dev-labels.json).
set -e
cd "$(dirname "$0")/../.."
labels=${1:-../shared/data/labels/dev-labels.json}
scratch=$(mktemp -d)
registry=src/NewsPerspectives/Outlets/default-outlets.yaml
curated=tools/outlets/curated.txt
cp "$registry" "$scratch/shipped.yaml"
cp "$curated" "$scratch/curated.txt"
restore() { cp "$scratch/shipped.yaml" "$registry"; cp "$scratch/curated.txt" "$curated"; }
trap 'restore; rm -rf "$scratch"' EXIT
trap 'exit 1' INT TERM
if [ -n "$2" ]; then cp "$2" "$curated"; fi
python3 tools/outlets/build_default_registry.py --no-labels "$scratch/no-labels.yaml"
restore
cp "$scratch/no-labels.yaml" "$registry"
dotnet build -c Release samples/NewsPerspectives.Cli -o "$scratch/cli" >"$scratch/build.log" 2>&1 || { cat "$scratch/build.log"; exit 1; }
restore
python3 ../shared/tools/quality_eval.py --cli "dotnet $scratch/cli/NewsPerspectives.Cli.dll" --labels "$labels" --work "$scratch/work" | tail -1
