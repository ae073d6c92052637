<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Tillbridge::Ui::ClosePage</name>
    <message numerus="yes">
        <location filename="../ui/close/closepage.cpp" line="+500"/>
        <source>%n order(s) of the period still wait to be posted to Prima.</source>
        <translation>
            <numerusform>%n order of the period still waits to be posted to Prima.</numerusform>
            <numerusform>%n orders of the period still wait to be posted to Prima.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n order(s) were refused by Prima.</source>
        <translation>
            <numerusform>%n order was refused by Prima.</numerusform>
            <numerusform>%n orders were refused by Prima.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n store-day(s) with sales are not reconciled yet: run the reconciliation for them.</source>
        <translation>
            <numerusform>%n store-day with sales is not reconciled yet: run the reconciliation for it.</numerusform>
            <numerusform>%n store-days with sales are not reconciled yet: run the reconciliation for them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n store-day(s) have a payout variance open.</source>
        <translation>
            <numerusform>%n store-day has a payout variance open.</numerusform>
            <numerusform>%n store-days have a payout variance open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n store-day(s) with sales have no tax-variance figures yet: run the reconciliation.</source>
        <translation>
            <numerusform>%n store-day with sales has no tax-variance figures yet: run the reconciliation.</numerusform>
            <numerusform>%n store-days with sales have no tax-variance figures yet: run the reconciliation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+391"/>
        <source>Close pack for %1 written to %2 (%n file(s)).</source>
        <translation>
            <numerusform>Close pack for %1 written to %2 (%n file).</numerusform>
            <numerusform>Close pack for %1 written to %2 (%n files).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::ExceptionQueuePage</name>
    <message numerus="yes">
        <location filename="../ui/exceptions/exceptionqueuepage.cpp" line="+201"/>
        <source>%Ln exception(s)</source>
        <translation>
            <numerusform>%Ln exception</numerusform>
            <numerusform>%Ln exceptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+288"/>
        <source>%n exception(s) assigned to %1.</source>
        <translation>
            <numerusform>%n exception assigned to %1.</numerusform>
            <numerusform>%n exceptions assigned to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Checked %n order(s): %1 released to Prima, %2 still held back.</source>
        <translation>
            <numerusform>Checked %n order: %1 released to Prima, %2 still held back.</numerusform>
            <numerusform>Checked %n orders: %1 released to Prima, %2 still held back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n selected item(s) are not held-back orders and were left as they are.</source>
        <translation>
            <numerusform>%n selected item is not a held-back order and was left as it is.</numerusform>
            <numerusform>%n selected items are not held-back orders and were left as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n exception(s) resolved.</source>
        <translation>
            <numerusform>%n exception resolved.</numerusform>
            <numerusform>%n exceptions resolved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::ExportController</name>
    <message numerus="yes">
        <location filename="../ui/common/exportcontroller.cpp" line="+151"/>
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="+267"/>
        <source>%n new exception(s) hold orders back from Prima.</source>
        <translation>
            <numerusform>%n new exception holds orders back from Prima.</numerusform>
            <numerusform>%n new exceptions hold orders back from Prima.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::MappingsForm</name>
    <message numerus="yes">
        <location filename="../ui/settings/mappingsform.cpp" line="+391"/>
        <source>Saved %1. %n order(s) released to Prima; %2 still held back.</source>
        <translation>
            <numerusform>Saved %1. %n order released to Prima; %2 still held back.</numerusform>
            <numerusform>Saved %1. %n orders released to Prima; %2 still held back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::SkuDiffPage</name>
    <message numerus="yes">
        <location filename="../ui/skudiff/skudiffpage.cpp" line="+181"/>
        <source>%Ln difference(s) shown</source>
        <translation>
            <numerusform>%Ln difference shown</numerusform>
            <numerusform>%Ln differences shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::StockPage</name>
    <message numerus="yes">
        <location filename="../ui/stock/stockpage.cpp" line="+304"/>
        <source>%Ln level(s)</source>
        <translation>
            <numerusform>%Ln level</numerusform>
            <numerusform>%Ln levels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::TaxVariancePage</name>
    <message numerus="yes">
        <location filename="../ui/taxvariance/taxvariancepage.cpp" line="+549"/>
        <source>Prima&apos;s VAT at this rate %1 (on %n day(s))</source>
        <translation>
            <numerusform>Prima&apos;s VAT at this rate %1 (on %n day)</numerusform>
            <numerusform>Prima&apos;s VAT at this rate %1 (on %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%1 of %2 store and rate pairs differ; %n VAT exception(s) were raised. Click a bar for its orders.</source>
        <translation>
            <numerusform>%1 of %2 store and rate pairs differ; %n VAT exception was raised. Click a bar for its orders.</numerusform>
            <numerusform>%1 of %2 store and rate pairs differ; %n VAT exceptions were raised. Click a bar for its orders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n line(s) shown</source>
        <translation>
            <numerusform>%n line shown</numerusform>
            <numerusform>%n lines shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n variance(s) in %1</source>
        <translation>
            <numerusform>%n variance in %1</numerusform>
            <numerusform>%n variances in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+90"/>
        <source>%1 — %n order(s); double-click one with an exception to open it</source>
        <translation>
            <numerusform>%1 — %n order; double-click one with an exception to open it</numerusform>
            <numerusform>%1 — %n orders; double-click one with an exception to open it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::UsersForm</name>
    <message numerus="yes">
        <location filename="../ui/settings/usersform.cpp" line="+65"/>
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
</context>
</TS>
