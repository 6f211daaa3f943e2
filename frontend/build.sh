#!/usr/bin/env bash
# Build Heeded's front-end assets into heeded/static/ (served) and
# heeded/tests_support/ (browser tests only, NOT served).
#
# The built files are committed, so Node is only needed to rebuild them.
# Usage: frontend/build.sh   (or `make assets` from the repository root)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

root="$(cd .. && pwd)"
static="$root/heeded/static"
govuk_dist="node_modules/govuk-frontend/dist/govuk"

if [ ! -d node_modules/govuk-frontend ] || [ ! -d node_modules/sass ]; then
  echo "frontend/node_modules is missing: run 'cd frontend && npm ci --ignore-scripts' first" >&2
  exit 1
fi

mkdir -p "$static/govuk/assets" "$static/js" "$root/heeded/tests_support"

# 1. Stylesheet (GOV.UK Frontend + Heeded styles), Arial, no crown.
npx sass --load-path=node_modules --style=compressed --no-source-map --quiet-deps \
  heeded.scss "$static/govuk/heeded.css"

if grep -q "GDS Transport" "$static/govuk/heeded.css"; then
  echo "heeded.css mentions GDS Transport: Heeded is not a GOV.UK service" >&2
  exit 1
fi

# 2. GOV.UK Frontend JavaScript (ES module, loaded by heeded/static/js/init.js).
#    The trailing `//# sourceMappingURL=` comment is dropped: we do not ship the
#    map, and Django's ManifestStaticFilesStorage fails collectstatic on a
#    reference to a missing file.
sed -e 's|//# sourceMappingURL=[^[:space:]]*$||' \
  "$govuk_dist/govuk-frontend.min.js" > "$static/govuk/govuk-frontend.min.js"

# 3. Images (and the manifest, if this version ships one). Not the fonts:
#    GDS Transport is for GOV.UK services only.
rm -rf "$static/govuk/assets/images"
cp -R "$govuk_dist/assets/images" "$static/govuk/assets/images"
if [ -f "$govuk_dist/assets/manifest.json" ]; then
  cp "$govuk_dist/assets/manifest.json" "$static/govuk/assets/manifest.json"
fi

# 4. htmx.
cp node_modules/htmx.org/dist/htmx.min.js "$static/js/htmx.min.js"

# 5. axe-core, for accessibility checks in browser tests. Not served.
cp node_modules/axe-core/axe.min.js "$root/heeded/tests_support/axe.min.js"

echo "Built: $(du -h "$static/govuk/heeded.css" | cut -f1) heeded/static/govuk/heeded.css"
