#!/usr/bin/env bash
# Regenerates the communes reference file shipped with the platform from the npm package
# @etalab/decoupage-administratif (INSEE COG, populations légales, La Poste postcodes; Licence Ouverte).
# Usage: scripts/communes/generate.sh [VERSION]   (default 6.0.0, the millésime the platform was built on)
set -euo pipefail
version="${1:-6.0.0}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../src/OpenCpts.Web/Features/Territoire/Referentiel"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@etalab/decoupage-administratif@$version" >/dev/null && tar -xzf ./*.tgz)
node "$here/generate-communes.mjs" "$work/package/data" "$out" "$version"
