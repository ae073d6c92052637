#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The reliability and security suite (R3, R7–R11) with a table of figures; see run-suite.py.
#   tests/security/run-suite.sh [BUILD_DIR] [--long]
# Build first: ninja -C BUILD_DIR tillbridge-cli tillbridge-store-secrets tillbridge_faultvfs tst_hostileinput \
#   tst_makerchecker tst_tlsconnectors tst_auditchain tst_overrideapproval tst_tls
# The secrets canary needs a keyring: without a D-Bus session the suite runs inside a throw-away one.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]]; then
    exec "$here/../../installer/with-test-keyring.sh" python3 "$here/run-suite.py" "$@"
fi
exec python3 "$here/run-suite.py" "$@"
