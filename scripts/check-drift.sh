#!/usr/bin/env bash
# Fails when generated artefacts disagree with their sources:
#  - server/schema.gql must equal the schema the code-first resolvers produce;
#  - client/src/api must equal what codegen makes from schema.gql and the .graphql documents;
#  - the migrations must build exactly the schema the entities describe.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
npm run --silent schema:generate -w server >/dev/null
npm run --silent codegen -w client >/dev/null
changed=$(git status --porcelain -- server/schema.gql client/src/api)
if [ -n "$changed" ]; then
  echo "Generated files drifted (commit the regenerated versions):"
  echo "$changed"
  git --no-pager diff --stat -- server/schema.gql client/src/api
  fail=1
else
  echo "schema.gql and client/src/api are up to date."
fi
npm run --silent migration:check -w server || fail=1
exit $fail
