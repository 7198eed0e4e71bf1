#!/usr/bin/env bash
# The step of the GitHub Action (action.yml), run in the project's folder. Inputs come as
# PLUMBLINE_* variables; the SARIF path goes to $GITHUB_OUTPUT. Exits with the worst of
# check's and render --check's codes (2 unusable input, 1 findings or stale documents).
set -euo pipefail

# The project's own command when it has one (its lockfile's version, the same copy of
# @plumbline/core as its models); else the action's version, installed beside the models.
if [ ! -x node_modules/.bin/plumbline ]; then
  version="${PLUMBLINE_VERSION:-$(node -p 'require(process.argv[1]).version' "$PLUMBLINE_ACTION_PATH/packages/cli/package.json")}"
  echo "::group::npm install @plumbline/cli@$version"
  npm install --no-save --no-audit --no-fund "@plumbline/cli@$version"
  echo "::endgroup::"
fi
plumbline=node_modules/.bin/plumbline

read -r -a paths <<<"${PLUMBLINE_PATHS:-}"
sarif="${PLUMBLINE_SARIF_FILE:-plumbline.sarif}"
flags=(--format github --output-file "sarif=$sarif")
if [ "${PLUMBLINE_FAIL_ON_INCOMPLETE:-true}" = true ]; then flags+=(--fail-on-incomplete); fi

status=0
"$plumbline" check "${paths[@]}" "${flags[@]}" || status=$?
if [ -f "$sarif" ]; then
  echo "sarif-file=$(cd "$(dirname "$sarif")" && pwd)/$(basename "$sarif")" >>"$GITHUB_OUTPUT"
fi

if [ "${PLUMBLINE_RENDER_CHECK:-false}" = true ]; then
  rendered=0
  "$plumbline" render "${paths[@]}" --check || rendered=$?
  if [ "$rendered" -gt "$status" ]; then status=$rendered; fi
fi
exit "$status"
