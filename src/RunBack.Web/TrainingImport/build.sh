#!/usr/bin/env bash
# Builds the training-file reader into ../wwwroot/js/training (checked in, so `dotnet run` needs no Node):
#   cd src/RunBack.Web/TrainingImport && npm ci && bash build.sh
# Pinned: package-lock.json (@garmin/fitsdk, fflate, esbuild). Minified, no source maps.
set -euo pipefail
cd "$(dirname "$0")"
out=../wwwroot/js/training
mkdir -p "$out"
npx esbuild src/worker.js --bundle --minify --format=iife --target=es2020 --legal-comments=eof --outfile="$out/worker.js"
npx esbuild src/import.js --bundle --minify --format=esm --target=es2020 --legal-comments=eof --outfile="$out/import.js"
ls -l "$out"
