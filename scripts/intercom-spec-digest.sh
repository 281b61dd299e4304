#!/usr/bin/env bash
# Regenerates the digest of Intercom's OpenAPI description that the contract tests read
# (tests/Rapport.Contract.Tests/Spec/api.intercom.io.2.16.digest.json) from an official spec file:
#   scripts/intercom-spec-digest.sh <api.intercom.io.yaml|.json> <commit>
# where the file is descriptions/2.16/api.intercom.io.yaml of https://github.com/intercom/Intercom-OpenAPI (or its JSON
# conversion) and <commit> the commit it was taken at. The digest keeps structure and the examples the tests replay, and
# leaves out every description, summary and other prose.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 <api.intercom.io.yaml|.json> <upstream commit>" >&2
  exit 2
fi
spec=$(realpath "$1")
cd "$(dirname "$0")/.."
dotnet run --project eng/IntercomSpecDigest -c Release -- "$spec" --commit "$2" \
  --out tests/Rapport.Contract.Tests/Spec/api.intercom.io.2.16.digest.json
