<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Tillbridge::Core</name>
    <message>
        <location filename="../core/money/money.cpp" line="19"/>
        <source>The amount is too large to be represented exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/vatrate.cpp" line="19"/>
        <source>VAT can be computed to between 0 and 18 decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/vatrate.cpp" line="24"/>
        <location filename="../core/money/vatrate.cpp" line="31"/>
        <source>The VAT amount is too large to be represented exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="36"/>
        <source>The audit trail could not be read or written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/schemamigrator.cpp" line="281"/>
        <source>The cache is at schema version %1 and cannot take migration %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/schemamigrator.cpp" line="290"/>
        <source>Updating the cache to schema version %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/schemamigrator.cpp" line="301"/>
        <source>Recording schema version %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::AuditActions</name>
    <message>
        <location filename="../core/models/audittrailmodel.cpp" line="59"/>
        <source>Cache schema updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/audittrailmodel.cpp" line="60"/>
        <source>Store saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/audittrailmodel.cpp" line="61"/>
        <source>Audit trail verified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::AuditAnchor</name>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="78"/>
        <source>This is not a Tillbridge audit anchor file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="88"/>
        <source>Could not write the audit anchor to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="98"/>
        <source>Could not read the audit anchor %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::AuditChain</name>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="111"/>
        <source>The audit trail does not verify, so its head is not exported. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="164"/>
        <source>An audit event can only be written inside an open transaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="226"/>
        <source>Audit entry %1 is missing: the trail jumps from entry %2 to entry %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="234"/>
        <source>Audit entry %1 was inserted: entry %2 continues from entry %3, not from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="240"/>
        <source>Audit entry %1 does not continue from entry %2: entries were moved, swapped or replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="250"/>
        <source>Audit entry %1 was changed after it was written: its content no longer matches its hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="258"/>
        <source>Audit entry %1 is not the entry that was anchored: the trail was rebuilt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="266"/>
        <source>Verification was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="275"/>
        <source>The audit trail ends at entry %1, but entry %2 was anchored: entries were removed from the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="282"/>
        <source>The audit trail is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="283"/>
        <source>All %1 audit entries verify; the chain is intact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::AuditTrailModel</name>
    <message>
        <location filename="../core/models/audittrailmodel.cpp" line="155"/>
        <source>The audit trail could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/audittrailmodel.cpp" line="221"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/audittrailmodel.cpp" line="223"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/audittrailmodel.cpp" line="225"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/audittrailmodel.cpp" line="227"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/audittrailmodel.cpp" line="229"/>
        <source>Concerning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/audittrailmodel.cpp" line="231"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::Cache</name>
    <message>
        <location filename="../core/storage/cache.cpp" line="22"/>
        <source>Could not create the folder %1 for the cache.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::CacheStatistics</name>
    <message>
        <location filename="../core/storage/cachestatistics.cpp" line="42"/>
        <source>The cache&apos;s figures could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::Currency</name>
    <message>
        <location filename="../core/money/currency.cpp" line="48"/>
        <source>“%1” is not a currency code Tillbridge knows (ISO 4217, upper case, such as SEK or GBP).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::DatabaseConnection</name>
    <message>
        <location filename="../core/storage/databaseconnection.cpp" line="96"/>
        <source>The cache is not in write-ahead-log mode (journal_mode=WAL), so Tillbridge will not use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/databaseconnection.cpp" line="99"/>
        <source>The cache does not sync every commit to disk (synchronous=FULL), so Tillbridge will not use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/databaseconnection.cpp" line="103"/>
        <source>The cache does not enforce foreign keys, so Tillbridge will not use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/databaseconnection.cpp" line="111"/>
        <source>No cache file was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/databaseconnection.cpp" line="116"/>
        <source>The cache %1 is on a network or synchronised file system. SQLite cannot guarantee its integrity there; choose a folder on a local disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/databaseconnection.cpp" line="131"/>
        <source>The SQLite driver for Qt is not installed (package libqt6sql6-sqlite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/databaseconnection.cpp" line="133"/>
        <source>Could not open the cache %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::DbTransaction</name>
    <message>
        <location filename="../core/storage/dbtransaction.cpp" line="46"/>
        <source>The cache is busy or cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/dbtransaction.cpp" line="61"/>
        <source>There is no open transaction to commit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/dbtransaction.cpp" line="75"/>
        <source>The change could not be saved to the cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::Decimal</name>
    <message>
        <location filename="../core/money/decimal.cpp" line="24"/>
        <source>The amount is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="43"/>
        <source>“%1” has more than one decimal point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="45"/>
        <source>“%1” needs a digit before the decimal point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="51"/>
        <source>“%1” uses a comma; amounts must use a point as the decimal separator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="53"/>
        <source>“%1” is in exponent notation, which is not accepted for amounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="54"/>
        <source>“%1” is not a decimal number (unexpected character “%2”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="58"/>
        <source>“%1” has more than %2 decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="64"/>
        <location filename="../core/money/decimal.cpp" line="73"/>
        <source>“%1” is too large to be represented exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="68"/>
        <source>“%1” contains no digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="70"/>
        <source>“%1” needs a digit after the decimal point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="82"/>
        <source>A decimal can have between 0 and 18 decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="91"/>
        <source>The amount %1 is too large to be represented exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="99"/>
        <source>The product has more than 18 decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/decimal.cpp" line="102"/>
        <source>The product of %1 and %2 is too large.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ExceptionKinds</name>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="23"/>
        <source>Unknown SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="25"/>
        <source>SKU blocked in Prima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="27"/>
        <source>Totals do not add up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="29"/>
        <source>VAT variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="31"/>
        <source>VAT rounding method differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="33"/>
        <source>VAT rate not mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="35"/>
        <source>Payment method not mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="37"/>
        <source>Promotion not mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="39"/>
        <source>Store not mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="41"/>
        <source>Currency differs from the store&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="43"/>
        <source>Return without original sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="45"/>
        <source>Return exceeds original sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="47"/>
        <source>Duplicate receipt with different content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="49"/>
        <source>Order could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="51"/>
        <source>Prima rejected the posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="53"/>
        <source>Posting date in a closed period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="55"/>
        <source>SKU only in Sitoo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="57"/>
        <source>SKU missing from Sitoo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="59"/>
        <source>Catalogue field differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="61"/>
        <source>Stock level not written to Sitoo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="63"/>
        <source>Takings differ from the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="65"/>
        <source>Store feed silent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::KeychainSecretStore</name>
    <message>
        <location filename="../core/secrets/keychainsecretstore.cpp" line="62"/>
        <source>Access to the system keyring was refused, so Tillbridge cannot use the saved password or token. Allow Tillbridge to use the keyring and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/secrets/keychainsecretstore.cpp" line="68"/>
        <source>The system keyring is locked or refused access. Unlock it (usually by logging in to your desktop again) and try again. Tillbridge will not store the password or token anywhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/secrets/keychainsecretstore.cpp" line="74"/>
        <source>The saved password or token could not be removed from the system keyring. You can remove the entry yourself with your keyring manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/secrets/keychainsecretstore.cpp" line="85"/>
        <source>The system keyring is unavailable, so Tillbridge cannot read the saved password or token. Make sure your desktop keyring (for example GNOME Keyring or KWallet) is running and unlocked, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/secrets/keychainsecretstore.cpp" line="91"/>
        <source>The system keyring is unavailable, so the password or token was not saved. Tillbridge will not store it anywhere else. Make sure your desktop keyring (for example GNOME Keyring or KWallet) is running and unlocked, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/secrets/keychainsecretstore.cpp" line="98"/>
        <source>The system keyring is unavailable, so the saved password or token could not be removed. Make sure your desktop keyring is running and unlocked, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/secrets/keychainsecretstore.cpp" line="108"/>
        <source>%1 (Details: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::MemorySecretStore</name>
    <message>
        <location filename="../core/secrets/memorysecretstore.cpp" line="17"/>
        <source>The secret store is unavailable (simulated).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::Money</name>
    <message>
        <location filename="../core/money/money.cpp" line="32"/>
        <source>An amount needs a currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/money.cpp" line="41"/>
        <source>“%1” has more decimals than %2 allows (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/money.cpp" line="85"/>
        <source>Cannot combine amounts in %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/money.cpp" line="123"/>
        <source>Division by zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/money.cpp" line="130"/>
        <source>Nothing to split the amount across.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/money.cpp" line="134"/>
        <source>Split weights cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/money.cpp" line="138"/>
        <source>Split weights add up to zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/money.cpp" line="170"/>
        <source>An amount can only be split into one or more parts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::OwnerTeam</name>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="180"/>
        <source>Finance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="182"/>
        <source>Retail operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="184"/>
        <source>Data team</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SchemaMigrator</name>
    <message>
        <location filename="../core/storage/schemamigrator.cpp" line="340"/>
        <location filename="../core/storage/schemamigrator.cpp" line="345"/>
        <source>Could not read the cache&apos;s schema: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/schemamigrator.cpp" line="357"/>
        <source>This cache was written by a newer Tillbridge (schema version %1); this version understands up to %2. Update Tillbridge to open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StoreRepository</name>
    <message>
        <location filename="../core/storage/storerepository.cpp" line="19"/>
        <source>The stores could not be read or saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StoresModel</name>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="43"/>
        <source>%1 / store %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="47"/>
        <source>Swedish VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="47"/>
        <source>UK VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="51"/>
        <source>Not mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="53"/>
        <source>Trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="53"/>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="64"/>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="66"/>
        <source>Sitoo account / store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="68"/>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="70"/>
        <source>VAT rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="72"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="74"/>
        <source>Prima location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="76"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::VatCalculation</name>
    <message>
        <location filename="../core/money/vatcalculation.cpp" line="33"/>
        <source>A line in %1 cannot be part of a document in %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::VatRate</name>
    <message>
        <location filename="../core/money/vatrate.cpp" line="40"/>
        <source>“%1” is not a VAT rate: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/vatrate.cpp" line="42"/>
        <source>A VAT rate cannot be negative (“%1”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/vatrate.cpp" line="46"/>
        <source>“%1” has more than four decimals for a VAT rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/money/vatrate.cpp" line="50"/>
        <source>“%1” % is not a plausible VAT rate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
