#!/usr/bin/env bash
# Lighthouse (mobile) on the four main pages of a running RunBack, with Debian's Chromium. Prints one row per page.
# Usage: bash .ci/lighthouse.sh [base URL, default http://localhost:5293]
# Needs Node.js; uses `npx lighthouse` (npm downloads it on first use). Run it against a Release build
# (`dotnet run -c Release --project src/RunBack.Web --environment Production` with Security__SecureCookies=false,
# Site__PublicBaseUrl=http://127.0.0.1:5293 and Fhir__CanonicalBase=https://runback.example/lighthouse/fhir on loopback;
# the README's Lighthouse command has them all).
set -euo pipefail
base="${1:-http://localhost:5293}"
out="${LIGHTHOUSE_OUT:-$(mktemp -d)}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
printf '| Page | Performance | Accessibility | Best practices | SEO | CLS |\n| --- | --- | --- | --- | --- | --- |\n'
release=$(curl -fsS "$base/api/questionnaire" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).release))')
for path in / /check "/guidance/$release/hip-flexors" /history; do
  name=$(echo "$path" | tr '/' '_')
  npx --yes lighthouse@12 "$base$path" --quiet --form-factor=mobile --output=json --output-path="$out/lh$name.json" \
    --chrome-flags="--headless --no-sandbox" >/dev/null 2>&1
  node -e '
    const r = require(process.argv[1]); const c = r.categories; const s = k => Math.round(c[k].score * 100);
    const cls = r.audits["cumulative-layout-shift"].numericValue.toFixed(3);
    console.log(`| ${process.argv[2]} | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} | ${cls} |`);
  ' "$out/lh$name.json" "$path"
done
echo "Reports: $out" >&2
