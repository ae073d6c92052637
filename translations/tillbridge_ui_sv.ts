<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Tillbridge::Ui::AuditTrailPage</name>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="24"/>
        <source>Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="29"/>
        <source>Filter by action, user, entity or details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="31"/>
        <source>Filter the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="33"/>
        <source>Re-compute every entry&apos;s hash and check that none was changed, removed or inserted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="34"/>
        <source>Verify the audit chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="45"/>
        <source>The chain has not been verified in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="48"/>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="62"/>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="63"/>
        <source>Every change Tillbridge made or a person approved, in a tamper-evident chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="88"/>
        <source>Verifying the audit chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="98"/>
        <source>The audit chain could not be verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="103"/>
        <source>✔ Chain intact: %1 entries verified. Head hash %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="106"/>
        <source>✖ Chain broken at entry %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::DashboardPage</name>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="26"/>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="45"/>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="60"/>
        <source>Stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="27"/>
        <source>POS orders in the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="28"/>
        <source>Quarantined orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="29"/>
        <source>Open exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="30"/>
        <source>Waiting to post to Prima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="31"/>
        <source>Audit trail entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="33"/>
        <source>Orders held back from Prima until an exception is resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="34"/>
        <source>Exceptions not yet resolved, approved or rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="35"/>
        <source>Documents written to the outbox that Prima has not confirmed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="54"/>
        <source>No stores yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="55"/>
        <source>Stores appear here after the first pull from Sitoo. Each store will show when its sales were last pulled and posted, what is waiting, and a traffic light for its sync health.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="66"/>
        <source>Store health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="67"/>
        <source>Where every store&apos;s sales stand between the tills and the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="39"/>
        <source>Tillbridge — Sitoo to Prima reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="41"/>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="46"/>
        <source>Store health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="46"/>
        <source>Sync health per store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="47"/>
        <location filename="../ui/mainwindow.cpp" line="48"/>
        <source>Exception queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="47"/>
        <source>Quarantined orders and other exceptions to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="49"/>
        <source>Orders held back from Prima, with what is wrong and who owns it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="50"/>
        <source>No exceptions to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="51"/>
        <source>Orders that fail validation — an unknown SKU, totals that do not add up, VAT outside the rounding rules, an unmapped tax code or payment method — wait here with an explanation, an owner and an age until someone fixes or approves them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="55"/>
        <location filename="../ui/mainwindow.cpp" line="56"/>
        <source>SKU differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="55"/>
        <source>Catalogue differences between Prima and Sitoo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="56"/>
        <source>Prima is the product master; Sitoo should match it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="57"/>
        <source>No catalogue comparison yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="58"/>
        <source>A SKU audit compares both catalogues field by field: SKUs only in Sitoo, SKUs missing from Sitoo, and prices, VAT, titles or barcodes that differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="61"/>
        <location filename="../ui/mainwindow.cpp" line="62"/>
        <source>VAT variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="61"/>
        <source>VAT differences by store, rate and day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="63"/>
        <source>VAT on the receipts compared with what the rounding rules allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="64"/>
        <source>No sales to analyse yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="65"/>
        <source>Once sales are pulled, VAT differences appear here by store, rate and day, with the orders behind each one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="68"/>
        <location filename="../ui/mainwindow.cpp" line="69"/>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="68"/>
        <source>Available-to-sell in Prima against the level in Sitoo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="69"/>
        <source>Prima&apos;s available-to-sell, as the tills see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="70"/>
        <source>No stock levels yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="71"/>
        <source>Stock levels appear here once Prima&apos;s available-to-sell is read: Prima against Sitoo per store and SKU, with the delay of each push.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="74"/>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="74"/>
        <source>Every audited change, with chain verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="76"/>
        <location filename="../ui/mainwindow.cpp" line="77"/>
        <source>Month-end close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="76"/>
        <source>The close checklist for a period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="78"/>
        <source>Every gate green, signed off, locked, and a close pack for the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="79"/>
        <source>No period to close yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="80"/>
        <source>The walkthrough checks that every store is synced through the period end, nothing is left unposted, exceptions are cleared and takings match the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="83"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="83"/>
        <source>Cache and audit settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="110"/>
        <source>Sitoo POS → Prima ERP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="121"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="123"/>
        <source>Re-read every view from the cache (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="134"/>
        <source>Cache: %1 · schema %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::SettingsPage</name>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="23"/>
        <source>Export audit anchor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="30"/>
        <source>Local cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="32"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="33"/>
        <source>Schema version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="34"/>
        <source>Write-ahead log; every commit is synced to disk; foreign keys enforced. Checked each time the cache is opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="38"/>
        <source>Durability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="40"/>
        <source>Audit anchor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="42"/>
        <source>Keep a copy of the audit trail&apos;s head outside the cache (for example with the month-end close pack). Anyone able to write to the cache could rebuild the chain; an anchor kept elsewhere proves it was not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="49"/>
        <source>Export the audit anchor to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="60"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="60"/>
        <source>How this workstation keeps its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="71"/>
        <source>Export audit anchor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="72"/>
        <source>Audit anchor (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="80"/>
        <source>Verifying the audit chain before exporting its head…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="92"/>
        <source>Anchored entry %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
