// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace Tillbridge::Core {

/**
 * Named crash points for the exactly-once kill tests (reliability.md §6.1 item 4). Off unless the environment names
 * them: TILLBRIDGE_FAILPOINT="relay.after_claim_commit:3,import.before_commit:10" kills the process (SIGKILL, no
 * clean-up, like a power cut for everything above the disk) on the 3rd hit of the first and the 10th of the second.
 * A point costs one hash lookup when the variable is set and nothing measurable when it is not.
 *
 * The names used by the engine: import.before_commit, relay.after_claim_commit, relay.after_http_send_before_response,
 * relay.after_2xx_before_posted_commit, relay.mid_batch_commit, push.after_stock_put_before_commit.
 */
class FailPoints
{
public:
    /** Counts a hit of `name` and, if this is the configured hit, ends the process at once. */
    static void hit(const char *name);

    /** How many times `name` was hit in this process (for tests and the checker's report). */
    static int hits(const char *name);

    /** Tests: re-read a specification instead of the environment, and act with `action` instead of SIGKILL. */
    static void configureForTest(const QString &specification, std::function<void(const QString &name)> action);
};

} // namespace Tillbridge::Core
