// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/schemamigrator.h"

#include "core/logging.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <initializer_list>

namespace Tillbridge::Core {

namespace {

struct Migration
{
    int version;
    const char *description;
    std::initializer_list<const char *> statements;
};

// Append-only: never edit a migration that has shipped; add a new one. Money is INTEGER minor units + currency.
// Timestamps are UTC text "YYYY-MM-DDTHH:MM:SS.sssZ" (sortable, and portable to PostgreSQL's timestamptz).

// The audit table's indexes and triggers, created with it (migration 1) and again when it was rebuilt (12). The
// indentation inside the raw strings is kept as it shipped: SQLite stores the text in sqlite_master.
constexpr const char *kAuditActionIndex = "CREATE INDEX audit_events_action ON audit_events (action, seq)";
constexpr const char *kAuditEntityIndex =
    "CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id, seq)";
// SQLite-only trigger syntax (RAISE); PostgreSQL will use a role without UPDATE/DELETE grants.
constexpr const char *kAuditNoUpdate = R"(CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
                     BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: entries cannot be changed'); END)";
constexpr const char *kAuditNoDelete = R"(CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
                     BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: entries cannot be deleted'); END)";
constexpr const char *kAuditExtendsHead = R"(CREATE TRIGGER audit_events_extend_head BEFORE INSERT ON audit_events
                     WHEN NEW.seq <> COALESCE((SELECT MAX(seq) FROM audit_events), 0) + 1
                       OR NEW.prev_hash <> COALESCE((SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1),
                            '0000000000000000000000000000000000000000000000000000000000000000')
                     BEGIN SELECT RAISE(ABORT, 'an audit event must extend the head of the chain'); END)";

const std::array kMigrations{
    Migration{1,
              "Audit chain, users and stores",
              {
                  R"(CREATE TABLE schema_version (
                        version     INTEGER PRIMARY KEY,
                        description TEXT NOT NULL,
                        applied_at  TEXT NOT NULL))",
                  R"(CREATE TABLE audit_events (
                        seq         INTEGER PRIMARY KEY,
                        occurred_at TEXT NOT NULL,
                        actor       TEXT NOT NULL,
                        action      TEXT NOT NULL,
                        entity_type TEXT NOT NULL,
                        entity_id   TEXT NOT NULL,
                        details     TEXT NOT NULL,
                        prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
                        hash        TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)))",
                  kAuditActionIndex,
                  kAuditEntityIndex,
                  kAuditNoUpdate,
                  kAuditNoDelete,
                  kAuditExtendsHead,
                  R"(CREATE TABLE users (
                        id              INTEGER PRIMARY KEY,
                        username        TEXT NOT NULL UNIQUE,
                        display_name    TEXT NOT NULL,
                        role            TEXT NOT NULL CHECK (role IN ('preparer', 'approver', 'admin')),
                        password_hash   TEXT NOT NULL,
                        password_salt   TEXT NOT NULL,
                        hash_iterations INTEGER NOT NULL CHECK (hash_iterations > 0),
                        active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                        created_at      TEXT NOT NULL))",
                  R"(CREATE TABLE stores (
                        id                 INTEGER PRIMARY KEY,
                        sitoo_account      TEXT NOT NULL,
                        sitoo_store_id     TEXT NOT NULL,
                        sitoo_warehouse_id INTEGER NOT NULL DEFAULT 0,
                        name               TEXT NOT NULL,
                        currency           TEXT NOT NULL CHECK (length(currency) = 3),
                        country_code       TEXT NOT NULL,
                        tax_regime         TEXT NOT NULL CHECK (tax_regime IN ('UK', 'SE')),
                        time_zone          TEXT NOT NULL,
                        prima_location     TEXT,
                        active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                        created_at         TEXT NOT NULL,
                        updated_at         TEXT NOT NULL,
                        UNIQUE (sitoo_account, sitoo_store_id)))",
              }},
    Migration{2,
              "POS orders, exceptions and their history",
              {
                  R"(CREATE TABLE raw_orders (
                        id             INTEGER PRIMARY KEY,
                        sitoo_account  TEXT NOT NULL,
                        sitoo_order_id INTEGER NOT NULL,
                        payload        BLOB NOT NULL,
                        payload_sha256 TEXT NOT NULL CHECK (length(payload_sha256) = 64),
                        received_at    TEXT NOT NULL,
                        UNIQUE (sitoo_account, sitoo_order_id, payload_sha256)))",
                  R"(CREATE TABLE pos_orders (
                        id                   INTEGER PRIMARY KEY,
                        sitoo_account        TEXT NOT NULL,
                        sitoo_order_id       INTEGER NOT NULL,
                        raw_order_id         INTEGER NOT NULL REFERENCES raw_orders (id),
                        store_id             INTEGER REFERENCES stores (id),
                        kind                 TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
                        receipt_id           TEXT NOT NULL DEFAULT '',
                        register_id          TEXT NOT NULL DEFAULT '',
                        warehouse_id         INTEGER NOT NULL DEFAULT 0,
                        order_date           TEXT NOT NULL,
                        currency             TEXT NOT NULL CHECK (length(currency) = 3),
                        total_net_minor      INTEGER NOT NULL,
                        total_vat_minor      INTEGER NOT NULL,
                        rounding_minor       INTEGER NOT NULL,
                        total_gross_minor    INTEGER NOT NULL,
                        original_order_id    INTEGER,
                        refund_reason_code   TEXT NOT NULL DEFAULT '',
                        state                TEXT NOT NULL CHECK (state IN
                                               ('received', 'quarantined', 'ready', 'posted', 'superseded')),
                        created_at           TEXT NOT NULL,
                        updated_at           TEXT NOT NULL,
                        UNIQUE (sitoo_account, sitoo_order_id)))",
                  "CREATE INDEX pos_orders_state ON pos_orders (state, order_date)",
                  "CREATE INDEX pos_orders_store_day ON pos_orders (store_id, order_date)",
                  R"(CREATE TABLE pos_order_lines (
                        order_id            INTEGER NOT NULL REFERENCES pos_orders (id) ON DELETE CASCADE,
                        line_index          INTEGER NOT NULL,
                        item_type           INTEGER NOT NULL,
                        sku                 TEXT NOT NULL,
                        product_name        TEXT NOT NULL,
                        quantity            INTEGER NOT NULL,
                        unit_net_minor      INTEGER NOT NULL,
                        line_net_minor      INTEGER NOT NULL,
                        line_vat_minor      INTEGER NOT NULL,
                        vat_rate_units      INTEGER NOT NULL CHECK (vat_rate_units >= 0),
                        discount_net_minor  INTEGER NOT NULL DEFAULT 0,
                        voucher_code        TEXT NOT NULL DEFAULT '',
                        original_line_index INTEGER,
                        return_reason_code  TEXT NOT NULL DEFAULT '',
                        PRIMARY KEY (order_id, line_index)))",
                  "CREATE INDEX pos_order_lines_sku ON pos_order_lines (sku)",
                  R"(CREATE TABLE pos_order_payments (
                        order_id      INTEGER NOT NULL REFERENCES pos_orders (id) ON DELETE CASCADE,
                        payment_index INTEGER NOT NULL,
                        method_name   TEXT NOT NULL,
                        amount_minor  INTEGER NOT NULL,
                        reference     TEXT NOT NULL DEFAULT '',
                        PRIMARY KEY (order_id, payment_index)))",
                  R"(CREATE TABLE exceptions (
                        id                INTEGER PRIMARY KEY,
                        kind              TEXT NOT NULL,
                        severity          TEXT NOT NULL CHECK (severity IN ('blocking', 'warning', 'info')),
                        owner_team        TEXT NOT NULL CHECK (owner_team IN ('finance', 'retail-ops', 'data')),
                        store_id          INTEGER REFERENCES stores (id),
                        entity_type       TEXT NOT NULL,
                        entity_id         TEXT NOT NULL,
                        explanation       TEXT NOT NULL,
                        details           TEXT NOT NULL DEFAULT '{}',
                        state             TEXT NOT NULL CHECK (state IN
                                            ('open', 'assigned', 'resolved', 'approved', 'rejected', 'auto-resolved')),
                        assigned_to       TEXT,
                        created_at        TEXT NOT NULL,
                        updated_at        TEXT NOT NULL,
                        resolved_at       TEXT,
                        resolution_reason TEXT,
                        made_by           TEXT,
                        approved_by       TEXT,
                        -- Maker-checker, enforced by the storage layer itself: nobody approves their own override.
                        CHECK (approved_by IS NULL OR made_by IS NULL OR approved_by <> made_by)))",
                  "CREATE INDEX exceptions_queue ON exceptions (state, created_at, id)",
                  "CREATE INDEX exceptions_entity ON exceptions (entity_type, entity_id)",
                  R"(CREATE TABLE exception_history (
                        id           INTEGER PRIMARY KEY,
                        exception_id INTEGER NOT NULL REFERENCES exceptions (id),
                        at           TEXT NOT NULL,
                        actor        TEXT NOT NULL,
                        from_state   TEXT,
                        to_state     TEXT NOT NULL,
                        note         TEXT NOT NULL DEFAULT ''))",
                  "CREATE INDEX exception_history_exception ON exception_history (exception_id, id)",
              }},
    Migration{3,
              "Outbox, posting attempts and sync cursors",
              {
                  R"(CREATE TABLE outbox (
                        id                INTEGER PRIMARY KEY,
                        pos_order_id      INTEGER NOT NULL REFERENCES pos_orders (id),
                        document_type     TEXT NOT NULL CHECK (document_type IN ('sales_order', 'credit_note')),
                        idempotency_key   TEXT NOT NULL UNIQUE,
                        external_ref      TEXT NOT NULL UNIQUE,
                        payload           TEXT NOT NULL,
                        state             TEXT NOT NULL CHECK (state IN
                                            ('pending', 'sending', 'posted', 'retry_wait', 'failed_permanent',
                                             'unknown')),
                        prima_document_no TEXT,
                        attempts          INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at   TEXT,
                        created_at        TEXT NOT NULL,
                        updated_at        TEXT NOT NULL,
                        CHECK (state <> 'posted' OR prima_document_no IS NOT NULL),
                        UNIQUE (pos_order_id, document_type)))",
                  "CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id)",
                  R"(CREATE TABLE posting_attempts (
                        id              INTEGER PRIMARY KEY,
                        outbox_id       INTEGER NOT NULL REFERENCES outbox (id),
                        attempt_no      INTEGER NOT NULL,
                        idempotency_key TEXT NOT NULL,
                        correlation_id  TEXT NOT NULL,
                        started_at      TEXT NOT NULL,
                        finished_at     TEXT,
                        outcome         TEXT CHECK (outcome IS NULL OR outcome IN
                                          ('posted', 'replayed', 'rejected', 'transient', 'unknown', 'adopted')),
                        http_status     INTEGER,
                        error_code      TEXT,
                        response        TEXT,
                        UNIQUE (outbox_id, attempt_no)))",
                  R"(CREATE TABLE sync_cursors (
                        source     TEXT NOT NULL,
                        account    TEXT NOT NULL,
                        stream     TEXT NOT NULL,
                        cursor     TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        PRIMARY KEY (source, account, stream)))",
              }},
    Migration{4,
              "Mappings, catalogue snapshots and stock levels",
              {
                  R"(CREATE TABLE mappings (
                        kind       TEXT NOT NULL CHECK (kind IN
                                     ('store', 'tax_rate', 'payment_method', 'promotion', 'refund_reason')),
                        source_key TEXT NOT NULL,
                        target     TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        updated_by TEXT NOT NULL,
                        PRIMARY KEY (kind, source_key)))",
                  R"(CREATE TABLE catalogue_snapshots (
                        id         INTEGER PRIMARY KEY,
                        source     TEXT NOT NULL CHECK (source IN ('prima', 'sitoo')),
                        taken_at   TEXT NOT NULL,
                        item_count INTEGER NOT NULL DEFAULT 0))",
                  R"(CREATE TABLE catalogue_items (
                        snapshot_id    INTEGER NOT NULL REFERENCES catalogue_snapshots (id) ON DELETE CASCADE,
                        sku            TEXT NOT NULL,
                        title          TEXT NOT NULL DEFAULT '',
                        barcode        TEXT NOT NULL DEFAULT '',
                        price_minor    INTEGER NOT NULL,
                        currency       TEXT NOT NULL CHECK (length(currency) = 3),
                        vat_rate_units INTEGER NOT NULL CHECK (vat_rate_units >= 0),
                        active         INTEGER NOT NULL CHECK (active IN (0, 1)),
                        blocked        INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
                        PRIMARY KEY (snapshot_id, sku)))",
                  R"(CREATE TABLE stock_levels (
                        sku               TEXT NOT NULL,
                        location          TEXT NOT NULL,
                        on_hand           INTEGER NOT NULL,
                        allocated         INTEGER NOT NULL,
                        available_to_sell INTEGER NOT NULL,
                        version           INTEGER NOT NULL,
                        observed_at       TEXT NOT NULL,
                        pushed_version    INTEGER,
                        pushed_at         TEXT,
                        CHECK (pushed_version IS NULL OR pushed_version <= version),
                        PRIMARY KEY (sku, location)))",
              }},
    Migration{5,
              "Order details, malformed orders, one open exception per entity and kind, state guards",
              {
                  // A malformed order keeps placeholders in pos_orders' NOT NULL columns, and this flag says they
                  // are not facts. Relaxing NOT NULL instead would mean rebuilding pos_orders, which lines,
                  // payments and the outbox reference; with foreign_keys=ON inside this transaction, dropping the
                  // old table would cascade into the lines. ADD COLUMN is cheap and portable.
                  R"(ALTER TABLE pos_orders ADD COLUMN malformed INTEGER NOT NULL DEFAULT 0
                        CHECK (malformed IN (0, 1)))",
                  // PosOrder fields migration 2 did not keep, so that a stored order loads back as it was received.
                  "ALTER TABLE pos_orders ADD COLUMN store_external_id TEXT NOT NULL DEFAULT ''",
                  "ALTER TABLE pos_orders ADD COLUMN time_zone TEXT NOT NULL DEFAULT ''",
                  "ALTER TABLE pos_orders ADD COLUMN sales_tax_minor INTEGER NOT NULL DEFAULT 0",
                  "ALTER TABLE pos_orders ADD COLUMN eshop_id INTEGER NOT NULL DEFAULT 0",
                  "ALTER TABLE pos_orders ADD COLUMN external_id TEXT NOT NULL DEFAULT ''",
                  "ALTER TABLE pos_orders ADD COLUMN credit_order_id INTEGER",
                  "ALTER TABLE pos_orders ADD COLUMN order_state_id INTEGER",
                  "ALTER TABLE pos_orders ADD COLUMN payment_state_id INTEGER",
                  "ALTER TABLE pos_orders ADD COLUMN order_type_id INTEGER",
                  R"(ALTER TABLE pos_order_lines ADD COLUMN has_discount INTEGER NOT NULL DEFAULT 0
                        CHECK (has_discount IN (0, 1)))",
                  "ALTER TABLE pos_order_lines ADD COLUMN discount_unit_net_minor INTEGER NOT NULL DEFAULT 0",
                  "ALTER TABLE pos_order_lines ADD COLUMN voucher_name TEXT NOT NULL DEFAULT ''",
                  "ALTER TABLE pos_order_lines ADD COLUMN unit_quantity TEXT",
                  "ALTER TABLE pos_order_payments ADD COLUMN original_payment_index INTEGER",
                  // Refund -> sale look-ups (RETURN_EXCEEDS_ORIGINAL) and raw version -> order.
                  R"(CREATE INDEX pos_orders_original ON pos_orders (sitoo_account, original_order_id)
                        WHERE original_order_id IS NOT NULL)",
                  "CREATE INDEX pos_orders_raw ON pos_orders (raw_order_id)",
                  // The queue pages by (created_at, id).
                  "CREATE INDEX exceptions_age ON exceptions (created_at, id)",
                  // At most one open copy of an exception per entity and kind: raising it again refreshes it.
                  R"(CREATE UNIQUE INDEX exceptions_one_open ON exceptions (entity_type, entity_id, kind)
                        WHERE state IN ('open', 'assigned'))",
                  // SQLite-only trigger syntax (RAISE, IS NOT) below; PostgreSQL will use trigger functions.
                  R"(CREATE TRIGGER pos_orders_malformed_insert BEFORE INSERT ON pos_orders
                     WHEN NEW.malformed = 1 AND NEW.state <> 'quarantined'
                     BEGIN SELECT RAISE(ABORT, 'a malformed order is stored quarantined'); END)",
                  R"(CREATE TRIGGER pos_orders_malformed_update BEFORE UPDATE ON pos_orders
                     WHEN NEW.malformed <> OLD.malformed
                       OR (NEW.malformed = 1 AND NEW.state NOT IN ('quarantined', 'superseded'))
                     BEGIN SELECT RAISE(ABORT, 'a malformed order can only be quarantined or superseded'); END)",
                  R"(CREATE TRIGGER pos_orders_posted_is_final BEFORE UPDATE ON pos_orders
                     WHEN OLD.state = 'posted' AND NEW.state <> 'posted'
                     BEGIN SELECT RAISE(ABORT, 'a posted order cannot change state'); END)",
                  // Maker-checker beyond the CHECK of migration 2: an approval needs a maker, a checker who is not
                  // the maker (also not by case or spaces), and never the engine's own "system" account.
                  R"(CREATE TRIGGER exceptions_maker_checker_insert BEFORE INSERT ON exceptions
                     WHEN (NEW.approved_by IS NOT NULL AND (NEW.made_by IS NULL
                             OR lower(trim(NEW.approved_by)) = lower(trim(NEW.made_by))
                             OR lower(trim(NEW.approved_by)) IN ('', 'system')))
                       OR (NEW.state = 'approved' AND (NEW.approved_by IS NULL OR NEW.made_by IS NULL))
                     BEGIN SELECT RAISE(ABORT, 'maker-checker: the approver must not be the maker'); END)",
                  R"(CREATE TRIGGER exceptions_maker_checker_update BEFORE UPDATE ON exceptions
                     WHEN (NEW.approved_by IS NOT NULL AND (NEW.made_by IS NULL
                             OR lower(trim(NEW.approved_by)) = lower(trim(NEW.made_by))
                             OR lower(trim(NEW.approved_by)) IN ('', 'system')))
                       OR (NEW.state = 'approved' AND (NEW.approved_by IS NULL OR NEW.made_by IS NULL))
                     BEGIN SELECT RAISE(ABORT, 'maker-checker: the approver must not be the maker'); END)",
                  R"(CREATE TRIGGER exceptions_closed_is_final BEFORE UPDATE ON exceptions
                     WHEN OLD.state NOT IN ('open', 'assigned')
                       AND (NEW.state <> OLD.state OR NEW.made_by IS NOT OLD.made_by
                            OR NEW.approved_by IS NOT OLD.approved_by)
                     BEGIN SELECT RAISE(ABORT, 'a closed exception cannot change'); END)",
                  R"(CREATE TRIGGER outbox_posted_is_final BEFORE UPDATE ON outbox
                     WHEN OLD.state = 'posted'
                       AND (NEW.state <> 'posted' OR NEW.prima_document_no IS NOT OLD.prima_document_no)
                     BEGIN SELECT RAISE(ABORT, 'a posted document cannot change'); END)",
                  R"(CREATE TRIGGER outbox_posted_needs_document BEFORE UPDATE ON outbox
                     WHEN NEW.state = 'posted' AND NEW.prima_document_no IS NOT NULL
                       AND trim(NEW.prima_document_no) = ''
                     BEGIN SELECT RAISE(ABORT, 'posted requires a Prima document number'); END)",
              }},
    Migration{6,
              "Receipt look-up for duplicate receipts under different order ids",
              {
                  "CREATE INDEX pos_orders_receipt ON pos_orders (sitoo_account, receipt_id)",
              }},
    Migration{7,
              "Stock push: write-before-act intent, retry schedule, the level written, due index, lag per location",
              {
                  // The version being written to Sitoo, committed before the write (write-before-act); the push
                  // commits pushed_version = intent_version after Sitoo answered. A crash in between leaves the
                  // row due again; the level is absolute, so writing it again cannot double-apply a change.
                  "ALTER TABLE stock_levels ADD COLUMN intent_version INTEGER",
                  "ALTER TABLE stock_levels ADD COLUMN intent_at TEXT",
                  "ALTER TABLE stock_levels ADD COLUMN pushed_level INTEGER",
                  "ALTER TABLE stock_levels ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
                  "ALTER TABLE stock_levels ADD COLUMN next_attempt_at TEXT",
                  "ALTER TABLE stock_levels ADD COLUMN last_error TEXT",
                  // Only the rows still to push: a fast-lane pass over millions of levels reads just these.
                  R"(CREATE INDEX stock_levels_due ON stock_levels (location, sku)
                        WHERE pushed_version IS NULL OR version > pushed_version)",
                  // Lag from Prima's change (asOf) to the Sitoo write, per Prima location (one store each).
                  R"(CREATE TABLE stock_push_lag (
                        location       TEXT PRIMARY KEY,
                        store_id       INTEGER REFERENCES stores (id),
                        last_lag_ms    INTEGER NOT NULL,
                        max_lag_ms     INTEGER NOT NULL,
                        total_lag_ms   INTEGER NOT NULL,
                        samples        INTEGER NOT NULL,
                        last_pushed_at TEXT NOT NULL))",
              }},
    Migration{8,
              "SKU audit runs with their counts, for the trend of catalogue drift",
              {
                  R"(CREATE TABLE sku_audit_runs (
                        id                 INTEGER PRIMARY KEY,
                        eshop_id           INTEGER NOT NULL,
                        started_at         TEXT NOT NULL,
                        finished_at        TEXT NOT NULL,
                        actor              TEXT NOT NULL,
                        prima_snapshot_id  INTEGER REFERENCES catalogue_snapshots (id),
                        sitoo_snapshot_id  INTEGER REFERENCES catalogue_snapshots (id),
                        prima_items        INTEGER NOT NULL CHECK (prima_items >= 0),
                        sitoo_items        INTEGER NOT NULL CHECK (sitoo_items >= 0),
                        only_in_sitoo      INTEGER NOT NULL CHECK (only_in_sitoo >= 0),
                        only_in_prima      INTEGER NOT NULL CHECK (only_in_prima >= 0),
                        field_mismatch     INTEGER NOT NULL CHECK (field_mismatch >= 0),
                        near_match_hints   INTEGER NOT NULL CHECK (near_match_hints >= 0),
                        auto_resolved      INTEGER NOT NULL CHECK (auto_resolved >= 0)))",
                  "CREATE INDEX sku_audit_runs_site ON sku_audit_runs (eshop_id, id)",
              }},
    Migration{9,
              "Reconciliation results, tax variance by rate, trading hours, month-end close and period locks",
              {
                  // One row per store, trading day (in the store's time zone), and tender or VAT rate; a later run
                  // for the same day replaces it. `zreport_minor` is the Z-reports' figure for a tender (NULL when
                  // there was none, and for VAT rows).
                  R"(CREATE TABLE reconciliation_results (
                        store_id         INTEGER NOT NULL REFERENCES stores (id),
                        trading_day      TEXT NOT NULL CHECK (length(trading_day) = 10),
                        kind             TEXT NOT NULL CHECK (kind IN ('tender', 'vat')),
                        item             TEXT NOT NULL,
                        currency         TEXT NOT NULL CHECK (length(currency) = 3),
                        sitoo_minor      INTEGER NOT NULL,
                        zreport_minor    INTEGER,
                        prima_minor      INTEGER NOT NULL,
                        difference_minor INTEGER NOT NULL,
                        tolerance_minor  INTEGER NOT NULL CHECK (tolerance_minor >= 0),
                        status           TEXT NOT NULL CHECK (status IN ('matched', 'variance')),
                        exception_id     INTEGER REFERENCES exceptions (id),
                        reconciled_at    TEXT NOT NULL,
                        CHECK (difference_minor = sitoo_minor - prima_minor),
                        CHECK (status <> 'matched' OR (abs(difference_minor) <= tolerance_minor
                               AND (zreport_minor IS NULL OR abs(sitoo_minor - zreport_minor) <= tolerance_minor))),
                        PRIMARY KEY (store_id, trading_day, kind, item)))",
                  "CREATE INDEX reconciliation_results_day ON reconciliation_results (trading_day, store_id)",
                  // The tax-variance charts: store x VAT rate x trading day.
                  R"(CREATE TABLE tax_variance_daily (
                        store_id            INTEGER NOT NULL REFERENCES stores (id),
                        trading_day         TEXT NOT NULL CHECK (length(trading_day) = 10),
                        vat_rate_units      INTEGER NOT NULL CHECK (vat_rate_units >= 0),
                        currency            TEXT NOT NULL CHECK (length(currency) = 3),
                        order_count         INTEGER NOT NULL CHECK (order_count >= 0),
                        sitoo_net_minor     INTEGER NOT NULL,
                        sitoo_vat_minor     INTEGER NOT NULL,
                        expected_vat_minor  INTEGER NOT NULL,
                        prima_vat_minor     INTEGER,
                        tax_exception_count INTEGER NOT NULL CHECK (tax_exception_count >= 0),
                        computed_at         TEXT NOT NULL,
                        PRIMARY KEY (store_id, trading_day, vat_rate_units)))",
                  // STORE_FEED_SILENT: when a store trades (local HH:MM) and how long it may stay silent.
                  R"(CREATE TABLE store_trading_hours (
                        store_id             INTEGER PRIMARY KEY REFERENCES stores (id),
                        opens_at             TEXT NOT NULL CHECK (length(opens_at) = 5),
                        closes_at            TEXT NOT NULL CHECK (length(closes_at) = 5),
                        silent_after_minutes INTEGER NOT NULL CHECK (silent_after_minutes > 0),
                        updated_at           TEXT NOT NULL,
                        updated_by           TEXT NOT NULL))",
                  // Month-end close. One row per period (YYYY-MM) once its close has started.
                  R"(CREATE TABLE close_periods (
                        period            TEXT PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
                        state             TEXT NOT NULL CHECK (state IN ('open', 'locked')),
                        locked_by         TEXT,
                        locked_at         TEXT,
                        reopen_request_id INTEGER,
                        updated_at        TEXT NOT NULL,
                        CHECK (state <> 'locked' OR (locked_by IS NOT NULL AND locked_at IS NOT NULL))))",
                  // Sign-offs of the gates and of the period itself (gate 'period'). A re-open supersedes them.
                  R"(CREATE TABLE close_signoffs (
                        id            INTEGER PRIMARY KEY,
                        period        TEXT NOT NULL,
                        gate          TEXT NOT NULL,
                        signed_by     TEXT NOT NULL,
                        signed_at     TEXT NOT NULL,
                        comment       TEXT NOT NULL DEFAULT '',
                        evidence      TEXT NOT NULL DEFAULT '{}',
                        superseded_at TEXT))",
                  R"(CREATE UNIQUE INDEX close_signoffs_current ON close_signoffs (period, gate)
                        WHERE superseded_at IS NULL)",
                  // Re-opening a locked period is a two-person action (maker-checker, reliability.md §4.3).
                  R"(CREATE TABLE close_reopen_requests (
                        id           INTEGER PRIMARY KEY,
                        period       TEXT NOT NULL,
                        requested_by TEXT NOT NULL,
                        requested_at TEXT NOT NULL,
                        reason       TEXT NOT NULL CHECK (trim(reason) <> ''),
                        state        TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
                        decided_by   TEXT,
                        decided_at   TEXT,
                        CHECK (decided_by IS NULL OR decided_by <> requested_by),
                        CHECK (state = 'pending' OR decided_by IS NOT NULL)))",
                  // SQLite-only trigger syntax (RAISE) below, as in migration 5.
                  R"(CREATE TRIGGER close_reopen_starts_pending BEFORE INSERT ON close_reopen_requests
                     WHEN NEW.state <> 'pending' OR NEW.decided_by IS NOT NULL
                     BEGIN SELECT RAISE(ABORT, 'maker-checker: a re-open request starts pending'); END)",
                  R"(CREATE TRIGGER close_reopen_maker_checker BEFORE UPDATE ON close_reopen_requests
                     WHEN OLD.state <> 'pending'
                       OR NEW.period IS NOT OLD.period OR NEW.requested_by IS NOT OLD.requested_by
                       OR (NEW.decided_by IS NOT NULL AND (lower(trim(NEW.decided_by)) = lower(trim(NEW.requested_by))
                             OR lower(trim(NEW.decided_by)) IN ('', 'system')))
                     BEGIN SELECT RAISE(ABORT, 'maker-checker: the approver must not be the requester'); END)",
                  // Unlocking needs a fresh approved re-open request for this period, decided by someone else.
                  R"(CREATE TRIGGER close_periods_unlock_needs_approval BEFORE UPDATE ON close_periods
                     WHEN OLD.state = 'locked' AND NEW.state <> 'locked'
                       AND (NEW.reopen_request_id IS NULL OR NEW.reopen_request_id IS OLD.reopen_request_id
                            OR NOT EXISTS (SELECT 1 FROM close_reopen_requests r
                                           WHERE r.id = NEW.reopen_request_id AND r.period = NEW.period
                                             AND r.state = 'approved' AND r.decided_by IS NOT NULL
                                             AND lower(trim(r.decided_by)) <> lower(trim(r.requested_by))))
                     BEGIN SELECT RAISE(ABORT, 'maker-checker: re-opening a locked period needs a second approver');
                     END)",
                  R"(CREATE TRIGGER close_periods_no_delete BEFORE DELETE ON close_periods
                     WHEN OLD.state = 'locked'
                     BEGIN SELECT RAISE(ABORT, 'a locked period cannot be deleted'); END)",
              }},
    Migration{10,
              "Index for claiming due postings",
              {
                  // claimDue() orders the due rows by this expression; without an index every claim read the
                  // whole outbox. Partial: only the rows that can still be claimed.
                  "CREATE INDEX outbox_claim_order ON outbox (COALESCE(next_attempt_at, created_at), id) "
                  "WHERE state IN ('pending', 'retry_wait')",
              }},
    Migration{11,
              "Index for counting the exception queue",
              {
                  // The queue shows how many exceptions match its filter (state, owner, kind, severity, store, age)
                  // and sizes its scroll bar by it: covered by this index, counting a million exceptions reads the
                  // index alone, not the table.
                  "CREATE INDEX exceptions_filter ON exceptions (state, owner_team, kind, severity, store_id, "
                  "created_at)",
              }},
    Migration{12,
              "Audit chain without the index on its hashes",
              {
                  // Nothing looks an entry up by its hash, and a SHA-256 chain cannot repeat one; the UNIQUE index
                  // on 64 random hex digits was pure write cost: each page of orders rewrote hundreds of its pages
                  // into the WAL (a third of what an ingest wrote there). SQLite cannot drop a column constraint, so
                  // the table is rebuilt with the same rows, in the same transaction as everything else here.
                  R"(CREATE TABLE audit_events_v12 (
                        seq         INTEGER PRIMARY KEY,
                        occurred_at TEXT NOT NULL,
                        actor       TEXT NOT NULL,
                        action      TEXT NOT NULL,
                        entity_type TEXT NOT NULL,
                        entity_id   TEXT NOT NULL,
                        details     TEXT NOT NULL,
                        prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
                        hash        TEXT NOT NULL CHECK (length(hash) = 64)))",
                  "INSERT INTO audit_events_v12 (seq, occurred_at, actor, action, entity_type, entity_id, details, "
                  "prev_hash, hash) SELECT seq, occurred_at, actor, action, entity_type, entity_id, details, "
                  "prev_hash, hash FROM audit_events ORDER BY seq",
                  "DROP TABLE audit_events", // its indexes and triggers go with it; DROP fires no DELETE trigger
                  "ALTER TABLE audit_events_v12 RENAME TO audit_events",
                  kAuditActionIndex,
                  kAuditEntityIndex,
                  kAuditNoUpdate,
                  kAuditNoDelete,
                  kAuditExtendsHead,
              }},
    Migration{13,
              "Exception search index",
              {
                  // The queue's free-text search matched LIKE '%text%' row by row: 0.9 s on a million exceptions,
                  // on the GUI thread. A trigram index finds any substring of three characters or more. External
                  // content: the text stays in `exceptions` only; the triggers keep the index in step with it.
                  // SQLite-only (FTS5); PostgreSQL will use pg_trgm.
                  R"(CREATE VIRTUAL TABLE exceptions_search USING fts5(explanation, entity_id, assigned_to,
                        content='exceptions', content_rowid='id', tokenize='trigram'))",
                  R"(CREATE TRIGGER exceptions_search_insert AFTER INSERT ON exceptions BEGIN
                        INSERT INTO exceptions_search (rowid, explanation, entity_id, assigned_to)
                        VALUES (NEW.id, NEW.explanation, NEW.entity_id, NEW.assigned_to); END)",
                  R"(CREATE TRIGGER exceptions_search_delete AFTER DELETE ON exceptions BEGIN
                        INSERT INTO exceptions_search (exceptions_search, rowid, explanation, entity_id, assigned_to)
                        VALUES ('delete', OLD.id, OLD.explanation, OLD.entity_id, OLD.assigned_to); END)",
                  R"(CREATE TRIGGER exceptions_search_update AFTER UPDATE OF explanation, entity_id, assigned_to
                        ON exceptions BEGIN
                        INSERT INTO exceptions_search (exceptions_search, rowid, explanation, entity_id, assigned_to)
                        VALUES ('delete', OLD.id, OLD.explanation, OLD.entity_id, OLD.assigned_to);
                        INSERT INTO exceptions_search (rowid, explanation, entity_id, assigned_to)
                        VALUES (NEW.id, NEW.explanation, NEW.entity_id, NEW.assigned_to); END)",
                  "INSERT INTO exceptions_search (exceptions_search) VALUES ('rebuild')",
              }},
};

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::SchemaMigrator", text);
}

Status applyMigration(const QSqlDatabase &db, const Migration &migration, const QString &actor)
{
    DbTransaction tx(db);
    if (!tx.isActive())
        return tx.beginStatus();
    // Re-read inside the write lock: another thread may have migrated while we waited for it.
    auto current = SchemaMigrator::currentVersion(db);
    if (!current)
        return current.error();
    if (*current >= migration.version)
        return Status::success();
    if (*current != migration.version - 1) {
        return Error{ErrorCode::Schema, tr("The cache is at schema version %1 and cannot take migration %2.")
                                            .arg(*current)
                                            .arg(migration.version)};
    }

    QSqlQuery query(db);
    for (const char *statement : migration.statements) {
        if (!query.exec(QString::fromUtf8(statement))) {
            qCWarning(lcDb) << "migration" << migration.version << "failed:" << query.lastError().text();
            return Error{ErrorCode::Schema, tr("Updating the cache to schema version %1 failed: %2")
                                                .arg(migration.version)
                                                .arg(query.lastError().text())};
        }
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    query.prepare(QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"));
    query.addBindValue(migration.version);
    query.addBindValue(QString::fromUtf8(migration.description));
    query.addBindValue(now);
    if (!query.exec())
        return Error{ErrorCode::Schema, tr("Recording schema version %1 failed: %2")
                                            .arg(migration.version)
                                            .arg(query.lastError().text())};

    AuditEvent event;
    event.actor = actor;
    event.action = QStringLiteral("schema.migrated");
    event.entityType = QStringLiteral("schema");
    event.entityId = QString::number(migration.version);
    event.details = QJsonObject{{QStringLiteral("from_version"), migration.version - 1},
                                {QStringLiteral("to_version"), migration.version},
                                {QStringLiteral("description"), QString::fromUtf8(migration.description)}};
    if (auto appended = AuditChain::append(tx, event); !appended)
        return appended.error();
    return tx.commit();
}

} // namespace

int SchemaMigrator::latestVersion()
{
    return kMigrations.back().version;
}

QString SchemaMigrator::description(int version)
{
    for (const auto &migration : kMigrations) {
        if (migration.version == version)
            return QString::fromUtf8(migration.description);
    }
    return {};
}

Result<int> SchemaMigrator::currentVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"))
        || !query.next()) {
        return Error{ErrorCode::Database, tr("Could not read the cache's schema: %1").arg(query.lastError().text())};
    }
    if (query.value(0).toInt() == 0)
        return 0;
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) || !query.next())
        return Error{ErrorCode::Database, tr("Could not read the cache's schema: %1").arg(query.lastError().text())};
    return query.value(0).toInt();
}

Status SchemaMigrator::migrate(const QSqlDatabase &db, int targetVersion, const QString &actor,
                              const StepStarted &stepStarted)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    auto current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current > latestVersion()) {
        return Error{ErrorCode::Schema, tr("This cache was written by a newer Tillbridge (schema version %1); this "
                                           "version understands up to %2. Update Tillbridge to open it.")
                                            .arg(*current)
                                            .arg(latestVersion())};
    }
    const auto applies = [&](const Migration &migration) {
        return migration.version > *current && migration.version <= targetVersion;
    };
    const int steps = int(std::count_if(kMigrations.cbegin(), kMigrations.cend(), applies));
    int step = 0;
    for (const auto &migration : kMigrations) {
        if (!applies(migration))
            continue;
        if (stepStarted)
            stepStarted(migration.version, ++step, steps);
        if (auto status = applyMigration(db, migration, actor); !status)
            return status;
        qCInfo(lcDb) << "cache migrated to schema version" << migration.version;
    }
    return Status::success();
}

} // namespace Tillbridge::Core
