#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image (Ubuntu): Node 20.19 or newer
# from nodejs.org's own build (Ubuntu's is older), Python 3 for the Python track, util-linux and
# iproute2 for the grader's process and network isolation, then the kit's packages.
set -euo pipefail
node_version=20.19.5
apt-get update -qq
apt-get install -y -qq python3 util-linux iproute2 xz-utils curl ca-certificates
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null; then
  curl -fsSL "https://nodejs.org/dist/v${node_version}/node-v${node_version}-linux-x64.tar.xz" | tar -xJ -C /usr/local --strip-components=1
fi
cd /autograder/source
npm ci --omit=dev --no-audit --no-fund
