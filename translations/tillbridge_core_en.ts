<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Tillbridge::Core::CloseChecklist</name>
    <message numerus="yes">
        <location filename="../core/close/closechecklist.cpp" line="+147"/>
        <source>%n store(s) not synced past the end of %1: %2.</source>
        <translation>
            <numerusform>%n store not synced past the end of %1: %2.</numerusform>
            <numerusform>%n stores not synced past the end of %1: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>All %n active store(s) synced past the end of the period.</source>
        <translation>
            <numerusform>The active store synced past the end of the period.</numerusform>
            <numerusform>All %n active stores synced past the end of the period.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n order(s) of %1 are not in Prima: %2 still waiting to be posted, %3 refused by Prima.</source>
        <translation>
            <numerusform>%n order of %1 is not in Prima: %2 still waiting to be posted, %3 refused by Prima.</numerusform>
            <numerusform>%n orders of %1 are not in Prima: %2 still waiting to be posted, %3 refused by Prima.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <source>%n blocking exception(s) concerning %1 are open (%2). Resolve them, or have an override approved by a second person.</source>
        <translation>
            <numerusform>%n blocking exception concerning %1 is open (%2). Resolve it, or have an override approved by a second person.</numerusform>
            <numerusform>%n blocking exceptions concerning %1 are open (%2). Resolve them, or have an override approved by a second person.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n store-day(s) are not settled: %1 with sales not reconciled, %2 with a payout variance open.</source>
        <translation>
            <numerusform>%n store-day is not settled: %1 with sales not reconciled, %2 with a payout variance open.</numerusform>
            <numerusform>%n store-days are not settled: %1 with sales not reconciled, %2 with a payout variance open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>All %n store-day(s) reconciled within tolerance (or their variances accepted).</source>
        <translation>
            <numerusform>The store-day reconciled within tolerance (or its variance accepted).</numerusform>
            <numerusform>All %n store-days reconciled within tolerance (or their variances accepted).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n store-day(s) with sales have no tax-variance figures yet: run the reconciliation.</source>
        <translation>
            <numerusform>%n store-day with sales has no tax-variance figures yet: run the reconciliation.</numerusform>
            <numerusform>%n store-days with sales have no tax-variance figures yet: run the reconciliation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n blocking catalogue exception(s) are open.</source>
        <translation>
            <numerusform>%n blocking catalogue exception is open.</numerusform>
            <numerusform>%n blocking catalogue exceptions are open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n SKU audit(s) ran in the period and no blocking catalogue exception is open.</source>
        <translation>
            <numerusform>%n SKU audit ran in the period and no blocking catalogue exception is open.</numerusform>
            <numerusform>%n SKU audits ran in the period and no blocking catalogue exception is open.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::Reconciler</name>
    <message numerus="yes">
        <location filename="../core/reconciliation/reconciler.cpp" line="+145"/>
        <source>%n order(s) of the day are not posted to Prima yet.</source>
        <translation>
            <numerusform>%n order of the day is not posted to Prima yet.</numerusform>
            <numerusform>%n orders of the day are not posted to Prima yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StockPush</name>
    <message numerus="yes">
        <location filename="../core/stock/stockpush.cpp" line="+558"/>
        <source>Available-to-sell %1 of %2 at %3 (Prima version %4) could not be written to Sitoo warehouse %5 after %n attempt(s): %6. It is tried again automatically.</source>
        <translation>
            <numerusform>Available-to-sell %1 of %2 at %3 (Prima version %4) could not be written to Sitoo warehouse %5 after %n attempt: %6. It is tried again automatically.</numerusform>
            <numerusform>Available-to-sell %1 of %2 at %3 (Prima version %4) could not be written to Sitoo warehouse %5 after %n attempts: %6. It is tried again automatically.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StockStoresModel</name>
    <message numerus="yes">
        <location filename="../core/models/stocklevelsmodel.cpp" line="+435"/>
        <source>%n open “stock push failed” exception(s) in the queue</source>
        <translation>
            <numerusform>%n open “stock push failed” exception in the queue</numerusform>
            <numerusform>%n open “stock push failed” exceptions in the queue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StoreHealthReport</name>
    <message numerus="yes">
        <location filename="../core/models/storehealth.cpp" line="+47"/>
        <source>%n blocking exception(s) raised in the last 24 hours</source>
        <translation>
            <numerusform>%n blocking exception raised in the last 24 hours</numerusform>
            <numerusform>%n blocking exceptions raised in the last 24 hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n order(s) held back</source>
        <translation>
            <numerusform>%n order held back</numerusform>
            <numerusform>%n orders held back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SyncWorker</name>
    <message numerus="yes">
        <location filename="../core/engine/syncengine.cpp" line="+296"/>
        <source>Reconciliation: %n payout or VAT difference(s) beyond tolerance.</source>
        <translation>
            <numerusform>Reconciliation: %n payout or VAT difference beyond tolerance.</numerusform>
            <numerusform>Reconciliation: %n payout or VAT differences beyond tolerance.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Stock to Sitoo: %n level(s) written, %1 refused or waiting, %2 without a store.</source>
        <translation>
            <numerusform>Stock to Sitoo: %n level written, %1 refused or waiting, %2 without a store.</numerusform>
            <numerusform>Stock to Sitoo: %n levels written, %1 refused or waiting, %2 without a store.</numerusform>
        </translation>
    </message>
</context>
</TS>
