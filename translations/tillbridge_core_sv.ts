<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Tillbridge::Core</name>
    <message>
        <location filename="../core/money/money.cpp" line="+19"/>
        <source>The amount is too large to be represented exactly.</source>
        <translation>Beloppet är för stort för att kunna representeras exakt.</translation>
    </message>
    <message>
        <location filename="../core/money/vatrate.cpp" line="+19"/>
        <source>VAT can be computed to between 0 and 18 decimals.</source>
        <translation>Moms kan beräknas med mellan 0 och 18 decimaler.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>The VAT amount is too large to be represented exactly.</source>
        <translation>Momsbeloppet är för stort för att kunna representeras exakt.</translation>
    </message>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="+43"/>
        <location line="+6"/>
        <source>The audit trail could not be read or written: %1</source>
        <translation>Revisionsspåret kunde inte läsas eller skrivas: %1</translation>
    </message>
    <message>
        <location filename="../core/storage/schemamigrator.cpp" line="+587"/>
        <source>The cache is at schema version %1 and cannot take migration %2.</source>
        <translation>Cachen har schemaversion %1 och kan inte ta emot migrering %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Updating the cache to schema version %1 failed: %2</source>
        <translation>Uppdateringen av cachen till schemaversion %1 misslyckades: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recording schema version %1 failed: %2</source>
        <translation>Registreringen av schemaversion %1 misslyckades: %2</translation>
    </message>
    <message>
        <location filename="../core/storage/orderrepository.cpp" line="+34"/>
        <location line="+6"/>
        <source>The orders could not be read or saved: %1</source>
        <translation>Ordrarna kunde inte läsas eller sparas: %1</translation>
    </message>
    <message>
        <location filename="../core/storage/exceptionrepository.cpp" line="+33"/>
        <source>The exceptions could not be read or saved: %1</source>
        <translation>Undantagen kunde inte läsas eller sparas: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Exception %1 has a kind, severity, owner or state this version does not know (%2).</source>
        <translation>Undantag %1 har en typ, allvarlighetsgrad, ansvarig eller status som denna version inte känner till (%2).</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Exception %1 does not exist.</source>
        <translation>Undantag %1 finns inte.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exception %1 is already %2; a closed exception cannot change.</source>
        <translation>Undantag %1 är redan %2; ett stängt undantag kan inte ändras.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Closing exception %1 needs a reason.</source>
        <translation>För att stänga undantag %1 krävs en motivering.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A change to exception %1 must name who made it.</source>
        <translation>En ändring av undantag %1 måste ange vem som gjorde den.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Exception %1 changed while it was being updated.</source>
        <translation>Undantag %1 ändrades medan det uppdaterades.</translation>
    </message>
    <message>
        <location filename="../core/storage/mappingrepository.cpp" line="+38"/>
        <source>The mappings could not be read or saved: %1</source>
        <translation>Mappningarna kunde inte läsas eller sparas: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>A %1 mapping needs a source key.</source>
        <translation>En %1-mappning behöver en källnyckel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 key &quot;%2…&quot; is too long.</source>
        <translation>%1-nyckeln &quot;%2…&quot; är för lång.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tax_rate key &quot;%1&quot; is not a VAT rate: %2</source>
        <translation>tax_rate-nyckeln &quot;%1&quot; är ingen momssats: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The %1 mapping of &quot;%2&quot; has no target.</source>
        <translation>%1-mappningen av &quot;%2&quot; saknar mål.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 mapping of &quot;%2&quot; has a target that is too long.</source>
        <translation>%1-mappningen av &quot;%2&quot; har ett för långt mål.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund_reason mapping of &quot;%1&quot; names &quot;%2&quot;, which is not a disposition (RESTOCK, QUARANTINE, WRITE_OFF or NO_STOCK_MOVEMENT).</source>
        <translation>refund_reason-mappningen av &quot;%1&quot; anger &quot;%2&quot;, som inte är en hantering (RESTOCK, QUARANTINE, WRITE_OFF eller NO_STOCK_MOVEMENT).</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The %1 mapping of &quot;%2&quot; was not saved.</source>
        <translation>%1-mappningen av &quot;%2&quot; sparades inte.</translation>
    </message>
    <message>
        <location filename="../core/storage/outboxrepository.cpp" line="+35"/>
        <source>The posting queue could not be read or saved: %1</source>
        <translation>Bokföringskön kunde inte läsas eller sparas: %1</translation>
    </message>
    <message>
        <location line="+86"/>
        <location line="+19"/>
        <source>Outbox row %1 does not exist.</source>
        <translation>Utkorgsrad %1 finns inte.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A document can only be queued for a stored order.</source>
        <translation>Ett dokument kan bara köas för en sparad order.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A document needs an idempotency key of 1 to 255 characters.</source>
        <translation>Ett dokument behöver en idempotensnyckel på 1 till 255 tecken.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A document needs an external reference of 1 to 255 characters.</source>
        <translation>Ett dokument behöver en extern referens på 1 till 255 tecken.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Outbox row %1 is %2, not %3; the outcome was not recorded.</source>
        <translation>Utkorgsrad %1 är %2, inte %3; utfallet registrerades inte.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Attempt %1 is not an attempt of outbox row %2.</source>
        <translation>Försök %1 är inte ett försök för utkorgsrad %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Attempt %1 of outbox row %2 is not the one in flight; the outcome was not recorded.</source>
        <translation>Försök %1 för utkorgsrad %2 är inte det som pågår; utfallet registrerades inte.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Outbox row %1 changed while it was being updated.</source>
        <translation>Utkorgsrad %1 ändrades medan den uppdaterades.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Attempt %1 changed while it was being updated.</source>
        <translation>Försök %1 ändrades medan det uppdaterades.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Order %1 changed while it was being updated.</source>
        <translation>Order %1 ändrades medan den uppdaterades.</translation>
    </message>
    <message>
        <location filename="../core/storage/userrepository.cpp" line="+32"/>
        <source>The user accounts could not be read or saved: %1</source>
        <translation>Användarkontona kunde inte läsas eller sparas: %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The user name or the password is not right.</source>
        <translation>Användarnamnet eller lösenordet är fel.</translation>
    </message>
    <message>
        <location filename="../core/storage/syncstaterepository.cpp" line="+28"/>
        <source>The sync positions could not be read or saved: %1</source>
        <translation>Synkroniseringspositionerna kunde inte läsas eller sparas: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A sync position needs a source, an account and a stream.</source>
        <translation>En synkroniseringsposition behöver en källa, ett konto och en ström.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The sync position of %1/%2/%3 was not saved.</source>
        <translation>Synkroniseringspositionen för %1/%2/%3 sparades inte.</translation>
    </message>
    <message>
        <location filename="../core/models/storehealth.cpp" line="+24"/>
        <source>Store health could not be read: %1</source>
        <translation>Butikernas status kunde inte läsas: %1</translation>
    </message>
    <message>
        <location filename="../core/sitoo/sitooclient.cpp" line="+31"/>
        <source>Sitoo&apos;s certificate could not be verified, so nothing was sent. %1</source>
        <translation>Sitoos certifikat kunde inte verifieras, så ingenting skickades. %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sitoo did not answer in time. %1</source>
        <translation>Sitoo svarade inte i tid. %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo could not be reached: %1</source>
        <translation>Sitoo kunde inte nås: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sitoo refused the API id and password (HTTP 401). Check them in Settings, and that this computer&apos;s IP address is allowed in Sitoo Backoffice.</source>
        <translation>Sitoo avvisade API-id och lösenord (HTTP 401). Kontrollera dem i Inställningar, och att datorns IP-adress är tillåten i Sitoo Backoffice.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sitoo is limiting requests (HTTP 429); Tillbridge will try again later.</source>
        <translation>Sitoo begränsar antalet anrop (HTTP 429); Tillbridge försöker igen senare.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo answered HTTP %1.</source>
        <translation>Sitoo svarade HTTP %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitoo answered HTTP %1: %2</source>
        <translation>Sitoo svarade HTTP %1: %2</translation>
    </message>
    <message>
        <location filename="../core/catalogue/cataloguediff.cpp" line="+118"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../core/stock/stockpush.cpp" line="+42"/>
        <source>The stock push could not %1: %2</source>
        <translation>Lageröverföringen kunde inte %1: %2</translation>
    </message>
    <message>
        <location filename="../core/engine/postingrelay.cpp" line="+63"/>
        <source>The document for %1 no longer matches what was queued; it is not sent.</source>
        <translation>Dokumentet för %1 stämmer inte längre med det som köades; det skickas inte.</translation>
    </message>
    <message>
        <location filename="../core/engine/syncconfig.cpp" line="+39"/>
        <source>schedule.%1 must be a positive whole number.</source>
        <translation>schedule.%1 måste vara ett positivt heltal.</translation>
    </message>
    <message>
        <location filename="../core/engine/posting/documentbuilder.cpp" line="+44"/>
        <source>VAT rate %1 % has no Prima tax code.</source>
        <translation>Momssats %1 % saknar momskod i Prima.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Voucher %1 has no Prima promotion.</source>
        <translation>Presentkort/kupong %1 saknar kampanj i Prima.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Payment method %1 has no Prima tender.</source>
        <translation>Betalsätt %1 saknar betalsätt i Prima.</translation>
    </message>
    <message>
        <location filename="../core/reconciliation/reconciliationrepository.cpp" line="+35"/>
        <source>The cache refused a reconciliation step (%1): %2</source>
        <translation>Cachen avvisade ett avstämningssteg (%1): %2</translation>
    </message>
    <message>
        <location filename="../core/close/closechecklist.cpp" line="+28"/>
        <source>A close gate could not be computed (%1): %2</source>
        <translation>En kontrollpunkt för bokslutet kunde inte beräknas (%1): %2</translation>
    </message>
    <message>
        <location filename="../core/close/closepack.cpp" line="+70"/>
        <source>The close pack could not be read from the cache (%1): %2</source>
        <translation>Bokslutspaketet kunde inte läsas från cachen (%1): %2</translation>
    </message>
    <message>
        <location filename="../core/close/closeservice.cpp" line="+29"/>
        <source>The close could not be recorded (%1): %2</source>
        <translation>Bokslutet kunde inte registreras (%1): %2</translation>
    </message>
    <message>
        <location filename="../core/export/exportsources.cpp" line="+32"/>
        <source>A page of the table could not be read from the cache; nothing was exported.</source>
        <translation>En sida i tabellen kunde inte läsas från cachen; ingenting exporterades.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::AuditActions</name>
    <message>
        <location filename="../core/models/audittrailmodel.cpp" line="+58"/>
        <source>Cache schema updated</source>
        <translation>Cachens schema uppdaterat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store saved</source>
        <translation>Butik sparad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail verified</source>
        <translation>Revisionsspåret verifierat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalogue snapshot taken</source>
        <translation>Ögonblicksbild av artikelregistret tagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order received from Sitoo</source>
        <translation>Order mottagen från Sitoo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order arrived again with different content</source>
        <translation>Ordern kom igen med annat innehåll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order held back</source>
        <translation>Order kvarhållen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order ready to post</source>
        <translation>Order klar att bokföra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order posted to Prima</source>
        <translation>Order bokförd i Prima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order queued again</source>
        <translation>Order köad igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order superseded</source>
        <translation>Order ersatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception raised</source>
        <translation>Undantag registrerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception figures updated</source>
        <translation>Undantagets belopp uppdaterade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception assigned</source>
        <translation>Undantag tilldelat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception resolved</source>
        <translation>Undantag åtgärdat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override proposed</source>
        <translation>Åsidosättande föreslaget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override approved</source>
        <translation>Åsidosättande attesterat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval refused (maker-checker)</source>
        <translation>Attest vägrad (fyra ögon-principen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception rejected</source>
        <translation>Undantag avvisat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception resolved automatically</source>
        <translation>Undantag åtgärdat automatiskt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock levels read from Prima</source>
        <translation>Lagersaldon lästa från Prima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock levels about to be written to Sitoo</source>
        <translation>Lagersaldon ska skrivas till Sitoo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock levels written to Sitoo</source>
        <translation>Lagersaldon skrivna till Sitoo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mapping saved</source>
        <translation>Mappning sparad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mapping deleted</source>
        <translation>Mappning borttagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued for Prima</source>
        <translation>Köad för Prima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending to Prima</source>
        <translation>Skickas till Prima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posted to Prima</source>
        <translation>Bokförd i Prima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prima busy: will retry</source>
        <translation>Prima upptaget: försöker igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prima refused the document</source>
        <translation>Prima avvisade dokumentet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome unclear: to be checked in Prima</source>
        <translation>Oklart utfall: ska kontrolleras i Prima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in Prima: will send again</source>
        <translation>Finns inte i Prima: skickas igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User created</source>
        <translation>Användare skapad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync position reset</source>
        <translation>Synkroniseringsposition återställd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store-day reconciled: matched</source>
        <translation>Butiksdag avstämd: matchad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store-day reconciled: payout variance</source>
        <translation>Butiksdag avstämd: avvikelse i redovisning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store trading hours saved</source>
        <translation>Butikens öppettider sparade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close gate signed</source>
        <translation>Kontrollpunkt för bokslut attesterad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period signed off</source>
        <translation>Period attesterad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period locked</source>
        <translation>Period låst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period re-open requested</source>
        <translation>Återöppning av period begärd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period re-open refused (maker-checker)</source>
        <translation>Återöppning av period vägrad (fyra ögon-principen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period re-open declined</source>
        <translation>Återöppning av period avslagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period re-opened</source>
        <translation>Period återöppnad</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::AuditAnchor</name>
    <message>
        <location filename="../core/storage/auditchain.cpp" line="+42"/>
        <source>This is not a Tillbridge audit anchor file.</source>
        <translation>Detta är ingen revisionsankarfil från Tillbridge.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not write the audit anchor to %1: %2</source>
        <translation>Kunde inte skriva revisionsankaret till %1: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not read the audit anchor %1: %2</source>
        <translation>Kunde inte läsa revisionsankaret %1: %2</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::AuditChain</name>
    <message>
        <location line="+13"/>
        <source>The audit trail does not verify, so its head is not exported. %1</source>
        <translation>Revisionsspåret går inte att verifiera, så dess huvud exporteras inte. %1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>An audit event can only be written inside an open transaction.</source>
        <translation>En revisionshändelse kan bara skrivas inom en öppen transaktion.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Audit entry %1 is missing: the trail jumps from entry %2 to entry %3.</source>
        <translation>Revisionspost %1 saknas: spåret hoppar från post %2 till post %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Audit entry %1 was inserted: entry %2 continues from entry %3, not from it.</source>
        <translation>Revisionspost %1 har infogats: post %2 fortsätter från post %3, inte från den.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Audit entry %1 does not continue from entry %2: entries were moved, swapped or replaced.</source>
        <translation>Revisionspost %1 fortsätter inte från post %2: poster har flyttats, bytts ut eller ersatts.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Audit entry %1 was changed after it was written: its content no longer matches its hash.</source>
        <translation>Revisionspost %1 ändrades efter att den skrevs: innehållet stämmer inte längre med dess hash.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Audit entry %1 is not the entry that was anchored: the trail was rebuilt.</source>
        <translation>Revisionspost %1 är inte den post som förankrades: spåret har byggts om.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Verification was cancelled.</source>
        <translation>Verifieringen avbröts.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The audit trail ends at entry %1, but entry %2 was anchored: entries were removed from the end.</source>
        <translation>Revisionsspåret slutar vid post %1, men post %2 förankrades: poster har tagits bort från slutet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The audit trail is empty.</source>
        <translation>Revisionsspåret är tomt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All %1 audit entries verify; the chain is intact.</source>
        <translation>Alla %1 revisionsposter verifieras; kedjan är intakt.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::AuditTrailExport</name>
    <message>
        <location filename="../core/export/exportsources.cpp" line="+195"/>
        <source>Audit trail</source>
        <translation>Revisionsspår</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::AuditTrailModel</name>
    <message>
        <location filename="../core/models/audittrailmodel.cpp" line="+44"/>
        <source>The audit trail could not be read: %1</source>
        <translation>Revisionsspåret kunde inte läsas: %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>No.</source>
        <translation>Nr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Concerning</source>
        <translation>Avser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::Cache</name>
    <message>
        <location filename="../core/storage/cache.cpp" line="+23"/>
        <source>Could not create the folder %1 for the cache.</source>
        <translation>Kunde inte skapa mappen %1 för cachen.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::CacheStatistics</name>
    <message>
        <location filename="../core/storage/cachestatistics.cpp" line="+42"/>
        <source>The cache&apos;s figures could not be read: %1</source>
        <translation>Cachens siffror kunde inte läsas: %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::CatalogueDiff</name>
    <message>
        <location filename="../core/catalogue/cataloguediff.cpp" line="+8"/>
        <source>(no price)</source>
        <translation>(inget pris)</translation>
    </message>
    <message>
        <location line="+110"/>
        <source> Near match: %1 has %2, which differs only in letter case.</source>
        <translation> Nästan lika: %1 har %2, som bara skiljer sig i versaler/gemener.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Near match: %1 has %2, which differs only in spaces (and perhaps letter case).</source>
        <translation> Nästan lika: %1 har %2, som bara skiljer sig i mellanslag (och kanske versaler/gemener).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> Near match: %1 has %2, the same SKU but for the matrix segment &quot;%3&quot;.</source>
        <translation> Nästan lika: %1 har %2, samma artikel men för matrissegmentet &quot;%3&quot;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SKU %1 (&quot;%2&quot;, %3) is saleable in the Sitoo POS (product %4) but is not in the Prima item master. Create it in Prima, or have an approver deactivate it in the POS.</source>
        <translation>Artikel %1 (&quot;%2&quot;, %3) är säljbar i Sitoo-kassan (produkt %4) men finns inte i Primas artikelregister. Skapa den i Prima, eller låt en attestant inaktivera den i kassan.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Active Prima SKU %1 (&quot;%2&quot;, %3) is missing from Sitoo. The catalogue push creates it; if this stays, look for a failed push of this SKU.</source>
        <translation>Aktiv Prima-artikel %1 (&quot;%2&quot;, %3) saknas i Sitoo. Artikelöverföringen skapar den; om detta kvarstår, leta efter en misslyckad överföring av artikeln.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Price: Prima %1, Sitoo %2</source>
        <translation>Pris: Prima %1, Sitoo %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT: Prima %1 %, Sitoo %2 %</source>
        <translation>Moms: Prima %1 %, Sitoo %2 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title: Prima %1, Sitoo %2</source>
        <translation>Benämning: Prima %1, Sitoo %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Barcode: Prima %1, Sitoo %2</source>
        <translation>Streckkod: Prima %1, Sitoo %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active in POS: Prima %1, Sitoo %2</source>
        <translation>Aktiv i kassan: Prima %1, Sitoo %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU %1 differs: %2. Prima is the master: correct it in Prima (the push then updates Sitoo) or find out who changed it in Sitoo.</source>
        <translation>Artikel %1 skiljer sig: %2. Prima är huvudregistret: rätta i Prima (överföringen uppdaterar sedan Sitoo) eller ta reda på vem som ändrade den i Sitoo.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::CatalogueIo</name>
    <message>
        <location filename="../core/catalogue/catalogueio.cpp" line="+46"/>
        <source>Prima&apos;s item master could not be read: %1</source>
        <translation>Primas artikelregister kunde inte läsas: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sitoo site %1 did not name a currency Tillbridge knows (&quot;%2&quot;).</source>
        <translation>Sitoo-sajt %1 angav ingen valuta som Tillbridge känner till (&quot;%2&quot;).</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Product groups of Sitoo site %1 could not be read: %2</source>
        <translation>Produktgrupperna för Sitoo-sajt %1 kunde inte läsas: %2</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::CataloguePush</name>
    <message>
        <location filename="../core/catalogue/cataloguepush.cpp" line="+229"/>
        <source>no product group of Sitoo site %1 has VAT %2 %</source>
        <translation>ingen produktgrupp för Sitoo-sajt %1 har moms %2 %</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Prima SKU %1 (&quot;%2&quot;, %3) cannot be pushed to Sitoo: %4. Add the product group in Sitoo or correct the VAT code in Prima.</source>
        <translation>Prima-artikel %1 (&quot;%2&quot;, %3) kan inte föras över till Sitoo: %4. Lägg till produktgruppen i Sitoo eller rätta momskoden i Prima.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Sitoo did not take a batch of %1 products (%2): %3. Nothing is lost: the next push reads them again.</source>
        <translation>Sitoo tog inte emot en sats om %1 produkter (%2): %3. Ingenting går förlorat: nästa överföring läser dem igen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>new</source>
        <translation>nya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changes</source>
        <translation>ändringar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sitoo answered a batch of %1 products with %2 results.</source>
        <translation>Sitoo besvarade en sats om %1 produkter med %2 resultat.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Pushed from Prima to Sitoo.</source>
        <translation>Överförd från Prima till Sitoo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sitoo refused to create Prima SKU %1 (&quot;%2&quot;, %3): status %4, &quot;%5&quot;. It stays missing from the POS until it is corrected in Prima, which pushes it again.</source>
        <translation>Sitoo vägrade skapa Prima-artikel %1 (&quot;%2&quot;, %3): status %4, &quot;%5&quot;. Den saknas i kassan tills den rättas i Prima, som då för över den igen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sitoo refused to update SKU %1 to match Prima (%2): status %3, &quot;%4&quot;. Sitoo keeps its old values until the next successful push.</source>
        <translation>Sitoo vägrade uppdatera artikel %1 enligt Prima (%2): status %3, &quot;%4&quot;. Sitoo behåller sina gamla värden tills nästa lyckade överföring.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::CatalogueRepository</name>
    <message>
        <location filename="../core/storage/cataloguerepository.cpp" line="+24"/>
        <source>The catalogue could not be read or saved: %1</source>
        <translation>Artikelregistret kunde inte läsas eller sparas: %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::CloseChecklist</name>
    <message>
        <location filename="../core/close/closechecklist.cpp" line="+87"/>
        <source>Unknown close gate.</source>
        <translation>Okänd kontrollpunkt för bokslut.</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n store(s) not synced past the end of %1: %2.</source>
        <translation>
            <numerusform>%n butik inte synkroniserad efter slutet av %1: %2.</numerusform>
            <numerusform>%n butiker inte synkroniserade efter slutet av %1: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>All %n active store(s) synced past the end of the period.</source>
        <translation>
            <numerusform>Den %n aktiva butiken är synkroniserad efter periodens slut.</numerusform>
            <numerusform>Alla %n aktiva butiker är synkroniserade efter periodens slut.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Every valid order of the period is posted to Prima.</source>
        <translation>Alla giltiga ordrar för perioden är bokförda i Prima.</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>%n blocking exception(s) concerning %1 are open (%2). Resolve them, or have an override approved by a second person.</source>
        <translation>
            <numerusform>%n blockerande undantag som gäller %1 är öppet (%2). Åtgärda det, eller låt en andra person attestera ett åsidosättande.</numerusform>
            <numerusform>%n blockerande undantag som gäller %1 är öppna (%2). Åtgärda dem, eller låt en andra person attestera ett åsidosättande.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No blocking exception concerning the period is open.</source>
        <translation>Inget blockerande undantag som gäller perioden är öppet.</translation>
    </message>
    <message numerus="yes">
        <location line="-70"/>
        <source>%n order(s) of %1 are not in Prima: %2 still waiting to be posted, %3 refused by Prima.</source>
        <translation>
            <numerusform>%n order för %1 finns inte i Prima: %2 väntar fortfarande på att bokföras, %3 avvisade av Prima.</numerusform>
            <numerusform>%n ordrar för %1 finns inte i Prima: %2 väntar fortfarande på att bokföras, %3 avvisade av Prima.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+109"/>
        <source>%n store-day(s) are not settled: %1 with sales not reconciled, %2 with a payout variance open.</source>
        <translation>
            <numerusform>%n butiksdag är inte klar: %1 med försäljning inte avstämda, %2 med en öppen avvikelse i redovisningen.</numerusform>
            <numerusform>%n butiksdagar är inte klara: %1 med försäljning inte avstämda, %2 med en öppen avvikelse i redovisningen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>All %n store-day(s) reconciled within tolerance (or their variances accepted).</source>
        <translation>
            <numerusform>Den %n butiksdagen är avstämd inom toleransen (eller dess avvikelser godtagna).</numerusform>
            <numerusform>Alla %n butiksdagar är avstämda inom toleransen (eller deras avvikelser godtagna).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n store-day(s) with sales have no tax-variance figures yet: run the reconciliation.</source>
        <translation>
            <numerusform>%n butiksdag med försäljning saknar ännu siffror för momsavvikelse: kör avstämningen.</numerusform>
            <numerusform>%n butiksdagar med försäljning saknar ännu siffror för momsavvikelse: kör avstämningen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tax variance is aggregated for every store-day; it passes once a person has reviewed and signed it.</source>
        <translation>Momsavvikelsen summeras för varje butiksdag; kontrollpunkten godkänns när en person har granskat och attesterat den.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No SKU audit ran in %1.</source>
        <translation>Ingen artikelgranskning kördes under %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n blocking catalogue exception(s) are open.</source>
        <translation>
            <numerusform>%n blockerande undantag i artikelregistret är öppet.</numerusform>
            <numerusform>%n blockerande undantag i artikelregistret är öppna.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n SKU audit(s) ran in the period and no blocking catalogue exception is open.</source>
        <translation>
            <numerusform>%n artikelgranskning kördes under perioden och inget blockerande undantag i artikelregistret är öppet.</numerusform>
            <numerusform>%n artikelgranskningar kördes under perioden och inget blockerande undantag i artikelregistret är öppet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::CloseGates</name>
    <message>
        <location filename="../core/close/closetypes.cpp" line="+20"/>
        <source>Every store synced through period end</source>
        <translation>Alla butiker synkroniserade till periodens slut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing left unposted</source>
        <translation>Inget kvar att bokföra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No open blocking exceptions</source>
        <translation>Inga öppna blockerande undantag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payouts matched within tolerance</source>
        <translation>Redovisning matchad inom toleransen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tax variance reviewed</source>
        <translation>Momsavvikelse granskad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKU audit clean</source>
        <translation>Artikelgranskning utan anmärkning</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ClosePack</name>
    <message>
        <location filename="../core/close/closepack.cpp" line="+113"/>
        <source>The folder %1 could not be created.</source>
        <translation>Mappen %1 kunde inte skapas.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+160"/>
        <location line="+5"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 kunde inte skrivas: %2</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Period sign-off</source>
        <translation>Periodattest</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ClosePackWorkbook</name>
    <message>
        <location filename="../core/export/closepackworkbook.cpp" line="+43"/>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated</source>
        <translation>Framtaget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All gates pass</source>
        <translation>Alla kontrollpunkter godkända</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+22"/>
        <location line="+7"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+1"/>
        <location line="+21"/>
        <location line="+7"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes, by %1</source>
        <translation>ja, av %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconciliation lines</source>
        <translation>Avstämningsrader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variance lines</source>
        <translation>Avvikelserader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted overrides</source>
        <translation>Godkända åsidosättanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit chain</source>
        <translation>Revisionskedja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>verified</source>
        <translation>verifierad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit chain head</source>
        <translation>Revisionskedjans huvud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit chain head hash</source>
        <translation>Revisionskedjans huvudhash</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gates</source>
        <translation>Kontrollpunkter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gate</source>
        <translation>Kontrollpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passes now</source>
        <translation>Godkänd nu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by</source>
        <translation>Attesterad av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed at</source>
        <translation>Attesterad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+65"/>
        <source>Explanation</source>
        <translation>Förklaring</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Period sign-off</source>
        <translation>Periodattest</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reconciliation</source>
        <translation>Avstämning</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>VAT by rate</source>
        <translation>Moms per sats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trading day</source>
        <translation>Försäljningsdag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT rate</source>
        <translation>Momssats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Ordrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitoo VAT</source>
        <translation>Moms i Sitoo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT from the rate</source>
        <translation>Moms enligt satsen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variance</source>
        <translation>Avvikelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prima VAT</source>
        <translation>Moms i Prima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TAX exceptions</source>
        <translation>Momsundantag</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exceptions</source>
        <translation>Undantag</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Kind code</source>
        <translation>Typkod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>Antal</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Overrides</source>
        <translation>Åsidosättanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception</source>
        <translation>Undantag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entity</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maker</source>
        <translation>Upprättare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checker</source>
        <translation>Attestant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved at</source>
        <translation>Attesterat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The folder %1 could not be created.</source>
        <translation>Mappen %1 kunde inte skapas.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ClosePeriod</name>
    <message>
        <location filename="../core/close/closetypes.cpp" line="+66"/>
        <source>&quot;%1&quot; is not a period; write it as YYYY-MM, e.g. 2026-10.</source>
        <translation>&quot;%1&quot; är ingen period; skriv den som ÅÅÅÅ-MM, t.ex. 2026-10.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::CloseService</name>
    <message>
        <location filename="../core/close/closeservice.cpp" line="+58"/>
        <source>The account %1 is disabled.</source>
        <translation>Kontot %1 är inaktiverat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is a preparer; signing off a period, locking it and deciding a re-open take an approver.</source>
        <translation>%1 är upprättare; att attestera en period, låsa den och besluta om en återöppning kräver en attestant.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no local account named %1.</source>
        <translation>Det finns inget lokalt konto som heter %1.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>%1 is locked; nothing in it can be signed.</source>
        <translation>%1 är låst; ingenting i den kan attesteras.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; can be signed once these are signed: %2.</source>
        <translation>&quot;%1&quot; kan attesteras när dessa är attesterade: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; cannot be signed while its data says it fails: %2</source>
        <translation>&quot;%1&quot; kan inte attesteras medan dess data visar att den är underkänd: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; was signed already by %2.</source>
        <translation>&quot;%1&quot; har redan attesterats av %2.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+41"/>
        <source>%1 is locked already.</source>
        <translation>%1 är redan låst.</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>%1 was signed off already by %2.</source>
        <translation>%1 har redan attesterats av %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 can be signed off once every gate passes and is signed; still open: %2.</source>
        <translation>%1 kan attesteras när alla kontrollpunkter är godkända och attesterade; fortfarande öppna: %2.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 needs its sign-off before it can be locked.</source>
        <translation>%1 måste attesteras innan den kan låsas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot be locked: a gate no longer passes since it was signed.</source>
        <translation>%1 kan inte låsas: en kontrollpunkt är inte längre godkänd sedan den attesterades.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 could not be locked: it changed meanwhile.</source>
        <translation>%1 kunde inte låsas: den ändrades under tiden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Say why the period must be re-opened.</source>
        <translation>Ange varför perioden måste återöppnas.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+109"/>
        <source>%1 is not locked.</source>
        <translation>%1 är inte låst.</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>A re-open of %1 by %2 is waiting for approval already.</source>
        <translation>En återöppning av %1 begärd av %2 väntar redan på attest.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>There is no re-open request %1.</source>
        <translation>Det finns ingen begäran om återöppning %1.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 asked for %2 to be re-opened, so someone else must decide it (maker-checker).</source>
        <translation>%1 begärde att %2 skulle återöppnas, så någon annan måste besluta (fyra ögon-principen).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The re-open request was decided already (%1).</source>
        <translation>Begäran om återöppning är redan beslutad (%1).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The re-open request changed meanwhile.</source>
        <translation>Begäran om återöppning ändrades under tiden.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ConnectionSettings</name>
    <message>
        <location filename="../core/settings/connectionsettings.cpp" line="+41"/>
        <source>The CA certificate file %1 cannot be read: %2</source>
        <translation>CA-certifikatfilen %1 kan inte läsas: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 contains no PEM certificate.</source>
        <translation>%1 innehåller inget PEM-certifikat.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The Sitoo address must start with https:// and name a server.</source>
        <translation>Sitoo-adressen måste börja med https:// och ange en server.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the Sitoo API id (it looks like 90001-1).</source>
        <translation>Ange Sitoos API-id (det ser ut som 90001-1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Prima address must start with https:// and name a server.</source>
        <translation>Prima-adressen måste börja med https:// och ange en server.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ConnectionTester</name>
    <message>
        <location filename="../core/settings/connectiontester.cpp" line="+19"/>
        <source>Enter the Sitoo address and API id first.</source>
        <translation>Ange först Sitoo-adressen och API-id.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter the Prima gateway address first.</source>
        <translation>Ange först adressen till Prima-gatewayen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connected to the Prima gateway (version %1).</source>
        <translation>Ansluten till Prima-gatewayen (version %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>okänd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prima did not answer as expected: %1</source>
        <translation>Prima svarade inte som väntat: %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::CrossThreadSecretStore</name>
    <message>
        <location filename="../core/secrets/crossthreadsecretstore.cpp" line="+17"/>
        <source>The keychain is no longer available.</source>
        <translation>Nyckelringen är inte längre tillgänglig.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::CsvFile</name>
    <message>
        <location filename="../core/close/closepack.cpp" line="-229"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 kunde inte skrivas: %2</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::CsvTableWriter</name>
    <message>
        <location filename="../core/export/csvtablewriter.cpp" line="+60"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 kunde inte skrivas: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A CSV file holds one table.</source>
        <translation>En CSV-fil innehåller en tabell.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A row was written before the table&apos;s columns.</source>
        <translation>En rad skrevs före tabellens kolumner.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing was exported.</source>
        <translation>Ingenting exporterades.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::Currency</name>
    <message>
        <location filename="../core/money/currency.cpp" line="+48"/>
        <source>“%1” is not a currency code Tillbridge knows (ISO 4217, upper case, such as SEK or GBP).</source>
        <translation>”%1” är ingen valutakod som Tillbridge känner till (ISO 4217, versaler, som SEK eller GBP).</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::DatabaseConnection</name>
    <message>
        <location filename="../core/storage/databaseconnection.cpp" line="+101"/>
        <source>The cache is not in write-ahead-log mode (journal_mode=WAL), so Tillbridge will not use it.</source>
        <translation>Cachen är inte i läget för skrivlogg (journal_mode=WAL), så Tillbridge använder den inte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cache does not sync every commit to disk (synchronous=FULL), so Tillbridge will not use it.</source>
        <translation>Cachen synkar inte varje commit till disk (synchronous=FULL), så Tillbridge använder den inte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cache does not enforce foreign keys, so Tillbridge will not use it.</source>
        <translation>Cachen upprätthåller inte främmande nycklar, så Tillbridge använder den inte.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No cache file was given.</source>
        <translation>Ingen cachefil angavs.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cache %1 is on a network or synchronised file system. SQLite cannot guarantee its integrity there; choose a folder on a local disk.</source>
        <translation>Cachen %1 ligger på ett nätverks- eller synkroniserat filsystem. SQLite kan inte garantera dess integritet där; välj en mapp på en lokal disk.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The SQLite driver for Qt is not installed (package libqt6sql6-sqlite).</source>
        <translation>SQLite-drivrutinen för Qt är inte installerad (paketet libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not open the cache %1: %2</source>
        <translation>Kunde inte öppna cachen %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not set up the cache %1 (%2): %3</source>
        <translation>Kunde inte förbereda cachen %1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::DbTransaction</name>
    <message>
        <location filename="../core/storage/dbtransaction.cpp" line="+55"/>
        <source>The cache is busy or cannot be written: %1</source>
        <translation>Cachen är upptagen eller kan inte skrivas: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+26"/>
        <source>There is no open transaction to write in.</source>
        <translation>Det finns ingen öppen transaktion att skriva i.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>The cache could not prepare a statement: %1</source>
        <translation>Cachen kunde inte förbereda en sats: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Changes can only be written inside an open transaction.</source>
        <translation>Ändringar kan bara skrivas inom en öppen transaktion.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The cache could not save a step of the change: %1</source>
        <translation>Cachen kunde inte spara ett steg av ändringen: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>There is no open transaction to commit.</source>
        <translation>Det finns ingen öppen transaktion att genomföra.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The change could not be saved to the cache: %1</source>
        <translation>Ändringen kunde inte sparas i cachen: %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::Decimal</name>
    <message>
        <location filename="../core/money/decimal.cpp" line="+24"/>
        <source>The amount is empty.</source>
        <translation>Beloppet är tomt.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“%1” has more than one decimal point.</source>
        <translation>”%1” har mer än en decimalpunkt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” needs a digit before the decimal point.</source>
        <translation>”%1” behöver en siffra före decimalpunkten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” uses a comma; amounts must use a point as the decimal separator.</source>
        <translation>”%1” använder komma; belopp måste ha punkt som decimaltecken.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is in exponent notation, which is not accepted for amounts.</source>
        <translation>”%1” är skrivet med exponent, vilket inte godtas för belopp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is not a decimal number (unexpected character “%2”).</source>
        <translation>”%1” är inget decimaltal (oväntat tecken ”%2”).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” has more than %2 decimals.</source>
        <translation>”%1” har mer än %2 decimaler.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>“%1” is too large to be represented exactly.</source>
        <translation>”%1” är för stort för att kunna representeras exakt.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>“%1” contains no digits.</source>
        <translation>”%1” innehåller inga siffror.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” needs a digit after the decimal point.</source>
        <translation>”%1” behöver en siffra efter decimalpunkten.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A decimal can have between 0 and 18 decimals.</source>
        <translation>Ett decimaltal kan ha mellan 0 och 18 decimaler.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The amount %1 is too large to be represented exactly.</source>
        <translation>Beloppet %1 är för stort för att kunna representeras exakt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The product has more than 18 decimals.</source>
        <translation>Produkten har mer än 18 decimaler.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The product of %1 and %2 is too large.</source>
        <translation>Produkten av %1 och %2 är för stor.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::DocumentBuilder</name>
    <message>
        <location filename="../core/engine/posting/documentbuilder.cpp" line="+70"/>
        <source>Order %1 is a refund, not a sale.</source>
        <translation>Order %1 är en retur, inte en försäljning.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+34"/>
        <source>Store %1 has no Prima location.</source>
        <translation>Butik %1 saknar plats i Prima.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Order %1 is a sale, not a refund.</source>
        <translation>Order %1 är en försäljning, inte en retur.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::EnvironmentSecretStore</name>
    <message>
        <location filename="../core/secrets/environmentsecretstore.cpp" line="+34"/>
        <source>Secrets taken from the environment cannot be changed by Tillbridge; set them where the process is started.</source>
        <translation>Hemligheter som tas från miljön kan inte ändras av Tillbridge; ange dem där processen startas.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ExceptionKinds</name>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="+23"/>
        <source>Unknown SKU</source>
        <translation>Okänd artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKU blocked in Prima</source>
        <translation>Artikeln spärrad i Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Totals do not add up</source>
        <translation>Summorna går inte ihop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT variance</source>
        <translation>Momsavvikelse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT rounding method differs</source>
        <translation>Annan avrundningsmetod för moms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT rate not mapped</source>
        <translation>Momssats inte mappad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payment method not mapped</source>
        <translation>Betalsätt inte mappat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Promotion not mapped</source>
        <translation>Kampanj inte mappad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store not mapped</source>
        <translation>Butik inte mappad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Currency differs from the store&apos;s</source>
        <translation>Valutan skiljer sig från butikens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return without original sale</source>
        <translation>Retur utan ursprunglig försäljning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return exceeds original sale</source>
        <translation>Returen överstiger ursprunglig försäljning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate receipt with different content</source>
        <translation>Dubblettkvitto med annat innehåll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order could not be read</source>
        <translation>Ordern kunde inte läsas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima rejected the posting</source>
        <translation>Prima avvisade bokföringen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Posting date in a closed period</source>
        <translation>Bokföringsdatum i en stängd period</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKU only in Sitoo</source>
        <translation>Artikel bara i Sitoo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKU missing from Sitoo</source>
        <translation>Artikel saknas i Sitoo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catalogue field differs</source>
        <translation>Fält i artikelregistret skiljer sig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stock level not written to Sitoo</source>
        <translation>Lagersaldo inte skrivet till Sitoo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Takings differ from the ledger</source>
        <translation>Kassaredovisningen skiljer sig från huvudboken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store feed silent</source>
        <translation>Butiksflödet tyst</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ExceptionQueueExport</name>
    <message>
        <location filename="../core/export/exportsources.cpp" line="-182"/>
        <source>Exceptions</source>
        <translation>Undantag</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ExceptionQueueModel</name>
    <message>
        <location filename="../core/models/exceptionqueuemodel.cpp" line="+18"/>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Posting of order %1</source>
        <translation>Bokföring av order %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open</source>
        <translation>Öppet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assigned</source>
        <translation>Tilldelat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resolved</source>
        <translation>Åtgärdat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approved</source>
        <translation>Attesterat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rejected</source>
        <translation>Avvisat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resolved automatically</source>
        <translation>Åtgärdat automatiskt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <translation>%1 tim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Override proposed by %1</source>
        <translation>Åsidosättande föreslaget av %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Concerning</source>
        <translation>Avser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is wrong</source>
        <translation>Vad som är fel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assigned to</source>
        <translation>Tilldelat till</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ExceptionRepository</name>
    <message>
        <location filename="../core/storage/exceptionrepository.cpp" line="+21"/>
        <source>An exception must name the entity it concerns.</source>
        <translation>Ett undantag måste ange vad det gäller.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An exception needs an explanation a person can act on.</source>
        <translation>Ett undantag behöver en förklaring som en person kan agera på.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An exception must name who raised it.</source>
        <translation>Ett undantag måste ange vem som registrerade det.</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+74"/>
        <location line="+51"/>
        <location line="+65"/>
        <source>Exception %1 changed while it was being updated.</source>
        <translation>Undantag %1 ändrades medan det uppdaterades.</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>Raised again with new figures: %1</source>
        <translation>Registrerat igen med nya belopp: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The override proposed by %1 was withdrawn.</source>
        <translation>Åsidosättandet som föreslogs av %1 drogs tillbaka.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Raised: %1</source>
        <translation>Registrerat: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exception %1 can only be assigned to a named person.</source>
        <translation>Undantag %1 kan bara tilldelas en namngiven person.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A change to exception %1 must name who made it.</source>
        <translation>En ändring av undantag %1 måste ange vem som gjorde den.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Assigned to %1</source>
        <translation>Tilldelat %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>An override of exception %1 must name who makes it.</source>
        <translation>Ett åsidosättande av undantag %1 måste ange vem som gör det.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An override is made by a person, not by the engine&apos;s system account (maker-checker).</source>
        <translation>Ett åsidosättande görs av en person, inte av motorns systemkonto (fyra ögon-principen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An override of exception %1 needs a reason.</source>
        <translation>Ett åsidosättande av undantag %1 behöver en motivering.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>An override of exception %1 was already proposed by %2 and waits for approval.</source>
        <translation>Ett åsidosättande av undantag %1 har redan föreslagits av %2 och väntar på attest.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Override proposed: %1</source>
        <translation>Åsidosättande föreslaget: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exceptions can only be written inside an open transaction.</source>
        <translation>Undantag kan bara skrivas inom en öppen transaktion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An approval of exception %1 must name the approver.</source>
        <translation>En attest av undantag %1 måste ange attestanten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An approval of exception %1 needs a reason.</source>
        <translation>En attest av undantag %1 behöver en motivering.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exception %1 has no override to approve: someone must propose one first.</source>
        <translation>Undantag %1 har inget åsidosättande att attestera: någon måste föreslå ett först.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An override must be approved by a person, not by the engine&apos;s system account (maker-checker).</source>
        <translation>Ett åsidosättande måste attesteras av en person, inte av motorns systemkonto (fyra ögon-principen).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An override must be approved by someone other than the person who made it (maker-checker).</source>
        <translation>Ett åsidosättande måste attesteras av någon annan än den som gjorde det (fyra ögon-principen).</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Override by %1 approved: %2</source>
        <translation>Åsidosättande av %1 attesterat: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Closing an exception needs a reason.</source>
        <translation>För att stänga ett undantag krävs en motivering.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ExportTask</name>
    <message>
        <location filename="../core/export/exporttask.cpp" line="+52"/>
        <source>The export stopped.</source>
        <translation>Exporten stoppades.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::Exports</name>
    <message>
        <location filename="../core/export/exportsources.cpp" line="+5"/>
        <location line="+79"/>
        <location line="+173"/>
        <source>Exception</source>
        <translation>Undantag</translation>
    </message>
    <message>
        <location line="-251"/>
        <source>Raised</source>
        <translation>Registrerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>Kind code</source>
        <translation>Typkod</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Severity</source>
        <translation>Allvarlighetsgrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+119"/>
        <location line="+117"/>
        <location line="+69"/>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <location line="-304"/>
        <location line="+180"/>
        <source>Entity</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location line="-179"/>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+71"/>
        <source>Explanation</source>
        <translation>Förklaring</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+121"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>Assigned to</source>
        <translation>Tilldelat till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override by</source>
        <translation>Åsidosatt av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>Attesterat av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Uppdaterat</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+54"/>
        <source>SKU</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+56"/>
        <location line="+119"/>
        <source>Difference</source>
        <translation>Differens</translation>
    </message>
    <message>
        <location line="-173"/>
        <location line="+172"/>
        <source>Prima</source>
        <translation>Prima</translation>
    </message>
    <message>
        <location line="-171"/>
        <location line="+169"/>
        <source>Sitoo</source>
        <translation>Sitoo</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Near match</source>
        <translation>Nästan lika</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Prima location</source>
        <translation>Prima-plats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima available to sell</source>
        <translation>Säljbart saldo i Prima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitoo level</source>
        <translation>Saldo i Sitoo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last error</source>
        <translation>Senaste fel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low stock</source>
        <translation>Lågt lager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold in window</source>
        <translation>Sålt i perioden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pushed</source>
        <translation>Överfört</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Sequence</source>
        <translation>Löpnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor</source>
        <translation>Utförare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action code</source>
        <translation>Händelsekod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Trading day</source>
        <translation>Försäljningsdag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compared</source>
        <translation>Jämfört</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Z-reports</source>
        <translation>Z-rapporter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tolerance</source>
        <translation>Tolerans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>VAT rate</source>
        <translation>Momssats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orders</source>
        <translation>Ordrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitoo VAT</source>
        <translation>Moms i Sitoo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT from the rate</source>
        <translation>Moms enligt satsen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variance</source>
        <translation>Avvikelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prima VAT</source>
        <translation>Moms i Prima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days Prima known</source>
        <translation>Dagar kända i Prima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TAX exceptions</source>
        <translation>Momsundantag</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::HttpClient</name>
    <message>
        <location filename="../core/net/httpclient.cpp" line="+188"/>
        <source>No answer within %1 seconds.</source>
        <translation>Inget svar inom %1 sekunder.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server&apos;s certificate is not trusted: %1</source>
        <translation>Serverns certifikat är inte betrott: %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::KeychainSecretStore</name>
    <message>
        <location filename="../core/secrets/keychainsecretstore.cpp" line="+62"/>
        <source>Access to the system keyring was refused, so Tillbridge cannot use the saved password or token. Allow Tillbridge to use the keyring and try again.</source>
        <translation>Åtkomst till systemets nyckelring nekades, så Tillbridge kan inte använda det sparade lösenordet eller token. Tillåt Tillbridge att använda nyckelringen och försök igen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keyring is locked or refused access. Unlock it (usually by logging in to your desktop again) and try again. Tillbridge will not store the password or token anywhere else.</source>
        <translation>Systemets nyckelring är låst eller nekade åtkomst. Lås upp den (oftast genom att logga in på skrivbordet igen) och försök igen. Tillbridge sparar inte lösenordet eller token någon annanstans.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The saved password or token could not be removed from the system keyring. You can remove the entry yourself with your keyring manager.</source>
        <translation>Det sparade lösenordet eller token kunde inte tas bort från systemets nyckelring. Du kan ta bort posten själv med nyckelringshanteraren.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The system keyring is unavailable, so Tillbridge cannot read the saved password or token. Make sure your desktop keyring (for example GNOME Keyring or KWallet) is running and unlocked, then try again.</source>
        <translation>Systemets nyckelring är inte tillgänglig, så Tillbridge kan inte läsa det sparade lösenordet eller token. Kontrollera att skrivbordets nyckelring (till exempel GNOME Keyring eller KWallet) körs och är upplåst och försök sedan igen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keyring is unavailable, so the password or token was not saved. Tillbridge will not store it anywhere else. Make sure your desktop keyring (for example GNOME Keyring or KWallet) is running and unlocked, then try again.</source>
        <translation>Systemets nyckelring är inte tillgänglig, så lösenordet eller token sparades inte. Tillbridge sparar det inte någon annanstans. Kontrollera att skrivbordets nyckelring (till exempel GNOME Keyring eller KWallet) körs och är upplåst och försök sedan igen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The system keyring is unavailable, so the saved password or token could not be removed. Make sure your desktop keyring is running and unlocked, then try again.</source>
        <translation>Systemets nyckelring är inte tillgänglig, så det sparade lösenordet eller token kunde inte tas bort. Kontrollera att skrivbordets nyckelring körs och är upplåst och försök sedan igen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (Details: %2)</source>
        <translation>%1 (Detaljer: %2)</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::MappingChangeReview</name>
    <message>
        <location filename="../core/engine/review/mappingchangereview.cpp" line="+34"/>
        <source> and %1 more</source>
        <translation> och %1 till</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The mapping change is empty: there is nothing to review.</source>
        <translation>Mappningsändringen är tom: det finns inget att granska.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The mapping change was not reviewed. Problems:</source>
        <translation>Mappningsändringen granskades inte. Problem:</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>A mapping change must name who made it.</source>
        <translation>En mappningsändring måste ange vem som gjorde den.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Validated again after %1 changed the mappings: %2.</source>
        <translation>Validerad igen efter att %1 ändrade mappningarna: %2.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::MappingRepository</name>
    <message>
        <location filename="../core/storage/mappingrepository.cpp" line="+90"/>
        <location line="+17"/>
        <location line="+55"/>
        <location line="+103"/>
        <source>A mapping change must name who made it.</source>
        <translation>En mappningsändring måste ange vem som gjorde den.</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>There is no %1 mapping for &quot;%2&quot;.</source>
        <translation>Det finns ingen %1-mappning för &quot;%2&quot;.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The %1 mapping of &quot;%2&quot; was not removed.</source>
        <translation>%1-mappningen av &quot;%2&quot; togs inte bort.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Could not read the mapping file %1: %2</source>
        <translation>Kunde inte läsa mappningsfilen %1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The mapping file %1 is too large.</source>
        <translation>Mappningsfilen %1 är för stor.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The mapping file is not valid JSON (at character %1: %2); nothing was changed.</source>
        <translation>Mappningsfilen är inte giltig JSON (vid tecken %1: %2); ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The mapping file must be one JSON object of mapping kinds; nothing was changed.</source>
        <translation>Mappningsfilen måste vara ett JSON-objekt med mappningstyper; ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a mapping kind (store, tax_rate, payment_method, promotion, refund_reason).</source>
        <translation>&quot;%1&quot; är ingen mappningstyp (store, tax_rate, payment_method, promotion, refund_reason).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; must be an object of source key to target.</source>
        <translation>&quot;%1&quot; måste vara ett objekt från källnyckel till mål.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The %1 mapping of &quot;%2&quot; must be a text.</source>
        <translation>%1-mappningen av &quot;%2&quot; måste vara en text.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The %1 key &quot;%2&quot; is given more than once.</source>
        <translation>%1-nyckeln &quot;%2&quot; anges mer än en gång.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The mapping file was not imported; nothing was changed. Problems:</source>
        <translation>Mappningsfilen importerades inte; ingenting ändrades. Problem:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The mappings were not saved; nothing was changed. Problems:</source>
        <translation>Mappningarna sparades inte; ingenting ändrades. Problem:</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::MemorySecretStore</name>
    <message>
        <location filename="../core/secrets/memorysecretstore.cpp" line="+17"/>
        <source>The secret store is unavailable (simulated).</source>
        <translation>Hemlighetslagret är inte tillgängligt (simulerat).</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::Money</name>
    <message>
        <location filename="../core/money/money.cpp" line="+13"/>
        <source>An amount needs a currency.</source>
        <translation>Ett belopp behöver en valuta.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” has more decimals than %2 allows (%3).</source>
        <translation>”%1” har fler decimaler än %2 tillåter (%3).</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Cannot combine amounts in %1 and %2.</source>
        <translation>Kan inte kombinera belopp i %1 och %2.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Division by zero.</source>
        <translation>Division med noll.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing to split the amount across.</source>
        <translation>Inget att fördela beloppet på.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split weights cannot be negative.</source>
        <translation>Fördelningsvikter kan inte vara negativa.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split weights add up to zero.</source>
        <translation>Fördelningsvikterna blir sammanlagt noll.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>An amount can only be split into one or more parts.</source>
        <translation>Ett belopp kan bara delas upp i en eller flera delar.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::OfflineValidator</name>
    <message>
        <location filename="../core/engine/offlinevalidator.cpp" line="+36"/>
        <source>The item file is not a Prima item list ({&quot;items&quot;: [...]}).</source>
        <translation>Artikelfilen är ingen artikellista från Prima ({&quot;items&quot;: [...]}).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The mapping file is not a JSON object.</source>
        <translation>Mappningsfilen är inget JSON-objekt.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The order could not be read: %1</source>
        <translation>Ordern kunde inte läsas: %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::OrderIngestion</name>
    <message>
        <location filename="../core/engine/orderingestion.cpp" line="+229"/>
        <source>Order %1 arrived again with different content. Both versions are kept; the first one is the one Tillbridge works with until someone decides.</source>
        <translation>Order %1 kom igen med annat innehåll. Båda versionerna sparas; Tillbridge arbetar med den första tills någon beslutar.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Order %1 could not be read: %2 The order as Sitoo sent it is kept.</source>
        <translation>Order %1 kunde inte läsas: %2 Ordern sparas som Sitoo skickade den.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Receipt %1 arrived before as order %2 (total %3 %4); this order %5 carries the same receipt with a total of %6 %4. Only one of them can be posted.</source>
        <translation>Kvitto %1 kom tidigare som order %2 (summa %3 %4); denna order %5 har samma kvitto med summan %6 %4. Bara en av dem kan bokföras.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Held back: blocking exceptions were raised.</source>
        <translation>Kvarhållen: blockerande undantag registrerades.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::OrderRepository</name>
    <message>
        <location filename="../core/storage/orderrepository.cpp" line="+89"/>
        <source>An order cannot be stored without its Sitoo account.</source>
        <translation>En order kan inte sparas utan sitt Sitoo-konto.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order %1: the SHA-256 given for the raw payload does not match its bytes.</source>
        <translation>Order %1: SHA-256 som angavs för rådata stämmer inte med dess byte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order %1 of account %2: the parsed order names order %3 of account %4.</source>
        <translation>Order %1 för konto %2: den tolkade ordern anger order %3 för konto %4.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order %1 has no valid currency.</source>
        <translation>Order %1 har ingen giltig valuta.</translation>
    </message>
    <message>
        <location line="+250"/>
        <source>Order %1 cannot be marked posted by hand: it becomes posted when Prima confirms its document.</source>
        <translation>Order %1 kan inte markeras som bokförd för hand: den blir bokförd när Prima bekräftar dess dokument.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A change of an order&apos;s state must name who made it.</source>
        <translation>En ändring av en orders status måste ange vem som gjorde den.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+67"/>
        <location line="+116"/>
        <location line="+114"/>
        <source>Order %1 is not in the cache.</source>
        <translation>Order %1 finns inte i cachen.</translation>
    </message>
    <message>
        <location line="-286"/>
        <source>Order %1 is %2; its state can no longer change.</source>
        <translation>Order %1 är %2; dess status kan inte längre ändras.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order %1 could not be read when it arrived; it stays quarantined until it is superseded.</source>
        <translation>Order %1 kunde inte läsas när den kom; den stannar i karantän tills den ersätts.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Order %1 changed while it was being updated; nothing was saved.</source>
        <translation>Order %1 ändrades medan den uppdaterades; ingenting sparades.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Order %1 could not be read when it arrived; only its raw payload is kept.</source>
        <translation>Order %1 kunde inte läsas när den kom; endast dess rådata sparas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order %1: %2</source>
        <translation>Order %1: %2</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Order %1, line %2: %3</source>
        <translation>Order %1, rad %2: %3</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::OrderRouter</name>
    <message>
        <location filename="../core/engine/orderrouter.cpp" line="+292"/>
        <source>No longer found when the order was validated again.</source>
        <translation>Hittades inte längre när ordern validerades igen.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::OrderValidator</name>
    <message>
        <location filename="../core/engine/validation/ordervalidator.cpp" line="+45"/>
        <source>Line %1 (%2)</source>
        <translation>Rad %1 (%2)</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>%1: the net per unit of gross %2 at %3 % is exactly %4; it was rounded half-even to %5 instead of half-up to %6, so the line carries VAT %7 instead of %8 %9.</source>
        <translation>%1: nettot per enhet av brutto %2 vid %3 % är exakt %4; det avrundades till jämnt (half-even) till %5 i stället för uppåt (half-up) till %6, så raden har moms %7 i stället för %8 %9.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the net of gross %2 at %3 % is exactly %4; it was rounded half-even to %5 instead of half-up to %6, so the line carries VAT %7 instead of %8 %9.</source>
        <translation>%1: nettot av brutto %2 vid %3 % är exakt %4; det avrundades till jämnt (half-even) till %5 i stället för uppåt (half-up) till %6, så raden har moms %7 i stället för %8 %9.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: the VAT per unit in gross %2 at %3 % is exactly %4; it was rounded half-even to %5 instead of half-up to %6 %7.</source>
        <translation>%1: momsen per enhet i brutto %2 vid %3 % är exakt %4; den avrundades till jämnt (half-even) till %5 i stället för uppåt (half-up) till %6 %7.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the VAT in gross %2 at %3 % is exactly %4; it was rounded half-even to %5 instead of half-up to %6 %7.</source>
        <translation>%1: momsen i brutto %2 vid %3 % är exakt %4; den avrundades till jämnt (half-even) till %5 i stället för uppåt (half-up) till %6 %7.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: the VAT per unit on net %2 at %3 % is exactly %4; it was rounded half-even to %5 instead of half-up to %6 %7.</source>
        <translation>%1: momsen per enhet på netto %2 vid %3 % är exakt %4; den avrundades till jämnt (half-even) till %5 i stället för uppåt (half-up) till %6 %7.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the VAT on net %2 at %3 % is exactly %4; it was rounded half-even to %5 instead of half-up to %6 %7.</source>
        <translation>%1: momsen på netto %2 vid %3 % är exakt %4; den avrundades till jämnt (half-even) till %5 i stället för uppåt (half-up) till %6 %7.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: no VAT on %2 at %3 %; VAT on a standard- or reduced-rated item must never be rounded down to nil (HMRC VAT Notice 700 §17.5.2); expected %4 %5.</source>
        <translation>%1: ingen moms på %2 vid %3 %; moms på en vara med normal eller reducerad momssats får aldrig avrundas ned till noll (HMRC VAT Notice 700 §17.5.2); förväntat %4 %5.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: VAT %2 on %3 at %4 % is rounded to whole kronor; expected %5; difference %6 %7. Skatteverket does not accept VAT rounded to whole kronor for sales from 2020-01-17 on.</source>
        <translation>%1: moms %2 på %3 vid %4 % är avrundad till hela kronor; förväntat %5; differens %6 %7. Skatteverket godtar inte moms avrundad till hela kronor för försäljning från och med 2020-01-17.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: VAT %2 on %3 at %4 % is rounded down; expected %5; difference %6 %7. Rounding VAT down is a concession for invoice traders, not for retail sales (HMRC VATREC12020).</source>
        <translation>%1: moms %2 på %3 vid %4 % är avrundad nedåt; förväntat %5; differens %6 %7. Att avrunda momsen nedåt är en lättnad för fakturerande näringsidkare, inte för detaljhandel (HMRC VATREC12020).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: VAT %2 on %3 at %4 % is truncated; expected %5; difference %6 %7. VAT is rounded to two decimals by the third decimal, 5-9 up (Skatteverket).</source>
        <translation>%1: moms %2 på %3 vid %4 % är trunkerad; förväntat %5; differens %6 %7. Moms avrundas till två decimaler efter tredje decimalen, 5–9 uppåt (Skatteverket).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: VAT %2 on gross %3 at %4 %; expected %5; difference %6 %7.</source>
        <translation>%1: moms %2 på brutto %3 vid %4 %; förväntat %5; differens %6 %7.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: VAT %2 on net %3 at %4 %; expected %5; difference %6 %7.</source>
        <translation>%1: moms %2 på netto %3 vid %4 %; förväntat %5; differens %6 %7.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the amounts are too large for the VAT to be checked exactly.</source>
        <translation>%1: beloppen är för stora för att momsen ska kunna kontrolleras exakt.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Sitoo warehouse %1 (store “%2”) is not linked to a store in Tillbridge, so the order has no Prima location to post to.</source>
        <translation>Sitoo-lager %1 (butik ”%2”) är inte kopplat till en butik i Tillbridge, så ordern har ingen plats i Prima att bokföras på.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Store %1 (Sitoo store “%2”) has no Prima location to post to.</source>
        <translation>Butik %1 (Sitoo-butik ”%2”) har ingen plats i Prima att bokföra på.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The order is in %1, but store %2 trades in %3.</source>
        <translation>Ordern är i %1, men butik %2 handlar i %3.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 has no SKU.</source>
        <translation>%1 saknar artikelnummer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: SKU %2 (“%3”) is not in the Prima item master.</source>
        <translation>%1: artikel %2 (”%3”) finns inte i Primas artikelregister.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>blocked</source>
        <translation>spärrad</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: SKU %2 (“%3”) may not be sold: Prima has it as %4.</source>
        <translation>%1: artikel %2 (”%3”) får inte säljas: Prima har den som %4.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>VAT rate %1 % (line %2) has no Prima tax code.</source>
        <translation>Momssats %1 % (rad %2) saknar momskod i Prima.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT rate %1 % (lines %2) has no Prima tax code.</source>
        <translation>Momssats %1 % (rader %2) saknar momskod i Prima.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Payment method “%1” (1 payment, %2 %3) has no Prima tender.</source>
        <translation>Betalsätt ”%1” (1 betalning, %2 %3) saknar betalsätt i Prima.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment method “%1” (%4 payments, %2 %3) has no Prima tender.</source>
        <translation>Betalsätt ”%1” (%4 betalningar, %2 %3) saknar betalsätt i Prima.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Voucher %1 (“%2”) on %3 has no Prima promotion code.</source>
        <translation>Kupong %1 (”%2”) på %3 saknar kampanjkod i Prima.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The lines add up to more than can be represented; the order cannot be checked.</source>
        <translation>Raderna summerar till mer än vad som kan representeras; ordern kan inte kontrolleras.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Lines %1 + VAT %2 + rounding %3 = %4; order total %5; difference %6 %7.</source>
        <translation>Rader %1 + moms %2 + avrundning %3 = %4; ordersumma %5; differens %6 %7.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lines %1 + VAT %2 + rounding %3 + sales tax %4 = %5; order total %6; difference %7 %8.</source>
        <translation>Rader %1 + moms %2 + avrundning %3 + försäljningsskatt %4 = %5; ordersumma %6; differens %7 %8.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Order net %1 and VAT %2; the lines add up to net %3 and VAT %4; difference net %5, VAT %6 %7.</source>
        <translation>Orderns netto %1 och moms %2; raderna summerar till netto %3 och moms %4; differens netto %5, moms %6 %7.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No payments; order total %1; difference %2 %3.</source>
        <translation>Inga betalningar; ordersumma %1; differens %2 %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payments %1 = %2; order total %3; difference %4 %5.</source>
        <translation>Betalningar %1 = %2; ordersumma %3; differens %4 %5.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The order carries cash rounding of %1 %2, but amounts payable in this store&apos;s tax regime (%3) are not rounded.</source>
        <translation>Ordern har öresavrundning på %1 %2, men belopp att betala avrundas inte i butikens skatteregim (%3).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cash rounding %1 takes the amount payable from %2 to %3 %4; öresavrundning rounds to the nearest whole krona, by at most 0.50.</source>
        <translation>Öresavrundning %1 ändrar beloppet att betala från %2 till %3 %4; öresavrundning avrundar till närmaste hela krona, med högst 0,50.</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>VAT at %1 %: the %8 lines carry %2 on gross %3; computed once on that gross it is %4; difference %5 %6 is more than the %7 that rounding per line can explain.</source>
        <translation>Moms vid %1 %: de %8 raderna har %2 på brutto %3; beräknad en gång på det bruttot blir den %4; differensen %5 %6 är större än de %7 som avrundning per rad kan förklara.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>VAT at %1 %: the %8 lines carry %2 on net %3; computed once on that net it is %4; difference %5 %6 is more than the %7 that rounding per line can explain.</source>
        <translation>Moms vid %1 %: de %8 raderna har %2 på netto %3; beräknad en gång på det nettot blir den %4; differensen %5 %6 är större än de %7 som avrundning per rad kan förklara.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Refund %1 does not say which sale it refunds.</source>
        <translation>Retur %1 anger inte vilken försäljning den gäller.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refund %1 refers to sale %2, which Tillbridge has not received from Sitoo.</source>
        <translation>Retur %1 hänvisar till försäljning %2, som Tillbridge inte har tagit emot från Sitoo.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>line %1 of sale %2</source>
        <translation>rad %1 i försäljning %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SKU %1 on sale %2</source>
        <translation>artikel %1 i försäljning %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 returns %2 of %3, but that line sold %4, not %5.</source>
        <translation>%1 returnerar %2 av %3, men den raden sålde %4, inte %5.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 returns %2 of %3, which sold %4 with %5 already returned; %6 too many.</source>
        <translation>%1 returnerar %2 av %3, som sålde %4 varav %5 redan returnerats; %6 för många.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::OutboxRepository</name>
    <message>
        <location filename="../core/storage/outboxrepository.cpp" line="+54"/>
        <source>The document for key %1 is not a JSON object.</source>
        <translation>Dokumentet för nyckel %1 är inget JSON-objekt.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The posting queue could not be read or saved: %1</source>
        <translation>Bokföringskön kunde inte läsas eller sparas: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>A different document is queued already under key %1, reference %2, or for order %3 as %4. A changed document needs a new key (a new version); it never replaces a queued one.</source>
        <translation>Ett annat dokument är redan köat under nyckel %1, referens %2, eller för order %3 som %4. Ett ändrat dokument behöver en ny nyckel (en ny version); det ersätter aldrig ett köat.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+87"/>
        <source>Claiming due postings needs the current time.</source>
        <translation>För att hämta förfallna bokföringar behövs aktuell tid.</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Outbox row %1 changed while it was being claimed.</source>
        <translation>Utkorgsrad %1 ändrades medan den hämtades.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Outbox row %1 cannot be posted without Prima&apos;s document number.</source>
        <translation>Utkorgsrad %1 kan inte bokföras utan Primas dokumentnummer.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+124"/>
        <source>A retry of outbox row %1 needs the time of the next attempt.</source>
        <translation>Ett nytt försök för utkorgsrad %1 behöver tiden för nästa försök.</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>The application stopped while this document was being sent; Prima may or may not have it.</source>
        <translation>Programmet stoppades medan detta dokument skickades; Prima kan ha fått det eller inte.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Outbox row %1 changed while it was being recovered.</source>
        <translation>Utkorgsrad %1 ändrades medan den återställdes.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Outbox row %1 cannot adopt a document without its number.</source>
        <translation>Utkorgsrad %1 kan inte överta ett dokument utan dess nummer.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Outbox row %1 is %2, not unknown; it was not queued again.</source>
        <translation>Utkorgsrad %1 är %2, inte okänd; den köades inte igen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Outbox row %1 changed while it was being updated.</source>
        <translation>Utkorgsrad %1 ändrades medan den uppdaterades.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::OverrideApproval</name>
    <message>
        <location filename="../core/engine/review/overrideapproval.cpp" line="+69"/>
        <source>An exception of kind %1 cannot be overridden: fix it where it comes from (a mapping, the catalogue) and retry the order instead.</source>
        <translation>Ett undantag av typen %1 kan inte åsidosättas: rätta det där det uppstår (en mappning, artikelregistret) och försök med ordern igen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; has no active Tillbridge account; an override is proposed by a signed-in person.</source>
        <translation>&quot;%1&quot; har inget aktivt Tillbridge-konto; ett åsidosättande föreslås av en inloggad person.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>A decision on an override needs a reason.</source>
        <translation>Ett beslut om ett åsidosättande behöver en motivering.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The user name or password is not right; nothing was decided.</source>
        <translation>Användarnamnet eller lösenordet är fel; ingenting beslutades.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is a preparer. An override is approved or rejected by an approver or an administrator.</source>
        <translation>%1 är upprättare. Ett åsidosättande attesteras eller avvisas av en attestant eller en administratör.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nobody has proposed an override of exception %1 yet; a preparer proposes it first.</source>
        <translation>Ingen har föreslagit något åsidosättande av undantag %1 ännu; en upprättare föreslår det först.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 proposed this override, so someone else must approve it (maker-checker).</source>
        <translation>%1 föreslog detta åsidosättande, så någon annan måste attestera det (fyra ögon-principen).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Validated again after %1 approved the override of %2 proposed by %3.</source>
        <translation>Validerad igen efter att %1 attesterade åsidosättandet av %2 som föreslogs av %3.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::OwnerTeam</name>
    <message>
        <location filename="../core/domain/exceptionrecord.cpp" line="+131"/>
        <source>Finance</source>
        <translation>Ekonomi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retail operations</source>
        <translation>Butiksdrift</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data team</source>
        <translation>Datateam</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::PayoutsModel</name>
    <message>
        <location filename="../core/models/payoutsmodel.cpp" line="+99"/>
        <source>VAT (all rates)</source>
        <translation>Moms (alla satser)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT %1</source>
        <translation>Moms %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+20"/>
        <source>Matched</source>
        <translation>Matchad</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Variance</source>
        <translation>Avvikelse</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No Z-report covered this day: the orders were compared with Prima only.</source>
        <translation>Ingen Z-rapport täckte dagen: ordrarna jämfördes endast med Prima.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beyond the tolerance of %1. Open the payout variance in the exception queue to accept or fix it.</source>
        <translation>Utanför toleransen på %1. Öppna redovisningsavvikelsen i undantagskön för att godta eller rätta den.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+39"/>
        <source>Sitoo − Prima</source>
        <translation>Sitoo − Prima</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Variance beyond tolerance</source>
        <translation>Avvikelse utanför toleransen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The day&apos;s posted and ready orders in Sitoo</source>
        <translation>Dagens bokförda och klara ordrar i Sitoo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The registers&apos; end-of-day totals; – when no Z-report covered the day</source>
        <translation>Kassornas dagsavslutssummor; – när ingen Z-rapport täckte dagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima&apos;s ledger postings of the store and day</source>
        <translation>Primas bokföringsposter för butiken och dagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The largest difference that still counts as matched</source>
        <translation>Den största differens som fortfarande räknas som matchad</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trading day</source>
        <translation>Försäljningsdag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tender</source>
        <translation>Betalsätt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo</source>
        <translation>Sitoo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Z-report</source>
        <translation>Z-rapport</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima</source>
        <translation>Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Difference</source>
        <translation>Differens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tolerance</source>
        <translation>Tolerans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::PeriodLock</name>
    <message>
        <location filename="../core/close/periodlock.cpp" line="+16"/>
        <source>The posting date is not a date.</source>
        <translation>Bokföringsdatumet är inget datum.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Whether the period is locked could not be read: %1</source>
        <translation>Om perioden är låst kunde inte läsas: %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::PostingRelay</name>
    <message>
        <location filename="../core/engine/postingrelay.cpp" line="+165"/>
        <source>Prima does not hold the document: it is sent again with the same key.</source>
        <translation>Prima har inte dokumentet: det skickas igen med samma nyckel.</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>%1 is dated %2, in a period that is closed and locked in Tillbridge.</source>
        <translation>%1 är daterad %2, i en period som är stängd och låst i Tillbridge.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Prima&apos;s answer does not match the documents sent.</source>
        <translation>Primas svar stämmer inte med de skickade dokumenten.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Not posted: %1</source>
        <translation>Inte bokförd: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prima refused %1: %2</source>
        <translation>Prima avvisade %1: %2</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::PrimaJson</name>
    <message>
        <location filename="../core/prima/primajson.cpp" line="+51"/>
        <source>“%1” is not a whole number.</source>
        <translation>”%1” är inget heltal.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+12"/>
        <source>Prima&apos;s answer is not valid JSON: %1.</source>
        <translation>Primas svar är inte giltig JSON: %1.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Prima&apos;s answer is not a JSON object.</source>
        <translation>Primas svar är inget JSON-objekt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Prima&apos;s answer is not a list.</source>
        <translation>Primas svar är ingen lista.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Entry %1 of Prima&apos;s answer is not an object.</source>
        <translation>Post %1 i Primas svar är inget objekt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entry %1 of Prima&apos;s answer: %2</source>
        <translation>Post %1 i Primas svar: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+696"/>
        <source>Prima&apos;s answer has no “items” list.</source>
        <translation>Primas svar har ingen ”items”-lista.</translation>
    </message>
    <message>
        <location line="-686"/>
        <source>Prima&apos;s “nextCursor” is neither text nor null.</source>
        <translation>Primas ”nextCursor” är varken text eller null.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The currency is missing.</source>
        <translation>Valutan saknas.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The VAT rate is missing.</source>
        <translation>Momssatsen saknas.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+14"/>
        <source>%1 is in %2, the document in %3.</source>
        <translation>%1 är i %2, dokumentet i %3.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Line %1</source>
        <translation>Rad %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not in the document&apos;s currency %2.</source>
        <translation>%1 är inte i dokumentets valuta %2.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Tender %1</source>
        <translation>Betalsätt %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The rounding</source>
        <translation>Avrundningen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The total is in %1, the document in %2.</source>
        <translation>Summan är i %1, dokumentet i %2.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>“%1” is not a date (YYYY-MM-DD).</source>
        <translation>”%1” är inget datum (ÅÅÅÅ-MM-DD).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“%1” is not an RFC 3339 timestamp.</source>
        <translation>”%1” är ingen tidsstämpel enligt RFC 3339.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An amount must be sent as a decimal string, not as a number.</source>
        <translation>Ett belopp måste skickas som en decimalsträng, inte som ett tal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An amount is missing.</source>
        <translation>Ett belopp saknas.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Sales order %1 has no currency.</source>
        <translation>Försäljningsorder %1 saknar valuta.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Credit note %1 has no currency.</source>
        <translation>Kreditnota %1 saknar valuta.</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>The document has no “documentNo”.</source>
        <translation>Dokumentet saknar ”documentNo”.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>An item has no “sku”.</source>
        <translation>En artikel saknar ”sku”.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+3"/>
        <location line="+6"/>
        <location line="+5"/>
        <source>Item %1: %2</source>
        <translation>Artikel %1: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A stock level has no “sku” or “location”.</source>
        <translation>Ett lagersaldo saknar ”sku” eller ”location”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stock of %1 at %2 has no “%3”.</source>
        <translation>Lagret för %1 på %2 saknar ”%3”.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>A tax code has no “code”.</source>
        <translation>En momskod saknar ”code”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tax code %1: %2</source>
        <translation>Momskod %1: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A location has no “id”.</source>
        <translation>En plats saknar ”id”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Location %1: %2</source>
        <translation>Plats %1: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A ledger posting has no “postingId”.</source>
        <translation>En bokföringspost saknar ”postingId”.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>Posting %1: %2</source>
        <translation>Bokföringspost %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A period has no “period”.</source>
        <translation>En period saknar ”period”.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The health answer has no “status”.</source>
        <translation>Hälsosvaret saknar ”status”.</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Prima&apos;s batch answer has no “results” list.</source>
        <translation>Primas svar på satsen saknar en ”results”-lista.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Entry %1 of Prima&apos;s batch answer: %2</source>
        <translation>Post %1 i Primas svar på satsen: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entry %1 of Prima&apos;s batch answer has status %2, which is not an HTTP status.</source>
        <translation>Post %1 i Primas svar på satsen har status %2, vilket inte är en HTTP-status.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::QuarantineReview</name>
    <message>
        <location filename="../core/engine/review/quarantinereview.cpp" line="+96"/>
        <source>Order %1 is not quarantined (it is %2); only quarantined orders are reviewed.</source>
        <translation>Order %1 är inte i karantän (den är %2); endast ordrar i karantän granskas.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>A review of quarantined orders must name who asked for it.</source>
        <translation>En granskning av ordrar i karantän måste ange vem som begärde den.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A retry must name who asked for it.</source>
        <translation>Ett nytt försök måste ange vem som begärde det.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Validated again when %1 retried the order with the current mappings and catalogue.</source>
        <translation>Validerad igen när %1 försökte med ordern igen med aktuella mappningar och artikelregister.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::Reconciler</name>
    <message>
        <location filename="../core/reconciliation/reconciler.cpp" line="+95"/>
        <source>VAT %1 %</source>
        <translation>Moms %1 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> + %1 %</source>
        <translation> + %1 %</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VAT code %1</source>
        <translation>Momskod %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>VAT (all rates)</source>
        <translation>Moms (alla satser)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: Sitoo %2, Prima %3, difference %4</source>
        <translation>%1: Sitoo %2, Prima %3, differens %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: Sitoo orders %2, Z-reports %3, difference %4</source>
        <translation>%1: Sitoo-ordrar %2, Z-rapporter %3, differens %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, trading day %2 (tolerance %3): %4.</source>
        <translation>%1, försäljningsdag %2 (tolerans %3): %4.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n order(s) of the day are not posted to Prima yet.</source>
        <translation>
            <numerusform>%n av dagens ordrar är ännu inte bokförd i Prima.</numerusform>
            <numerusform>%n av dagens ordrar är ännu inte bokförda i Prima.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ReconciliationExport</name>
    <message>
        <location filename="../core/export/exportsources.cpp" line="-85"/>
        <source>Reconciliation</source>
        <translation>Avstämning</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tender</source>
        <translation>Betalsätt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Matched</source>
        <translation>Matchad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Variance</source>
        <translation>Avvikelse</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ReconciliationRepository</name>
    <message>
        <location filename="../core/reconciliation/reconciliationrepository.cpp" line="+173"/>
        <source>Reconciled again: every tender and VAT line within tolerance.</source>
        <translation>Avstämd igen: alla betalsätt och momsrader inom toleransen.</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>Trading hours need an opening time before the closing time and a silence threshold of at least one minute.</source>
        <translation>Öppettider behöver en öppningstid före stängningstiden och en tystnadsgräns på minst en minut.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 has sent no orders for %2 minutes during its trading hours (%3–%4); the last order arrived at %5 local time. The threshold is %6 minutes.</source>
        <translation>%1 har inte skickat några ordrar på %2 minuter under sina öppettider (%3–%4); den senaste ordern kom kl. %5 lokal tid. Gränsen är %6 minuter.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has sent no orders at all; it has been trading for %2 minutes today (%3–%4). The threshold is %5 minutes.</source>
        <translation>%1 har inte skickat några ordrar alls; butiken har haft öppet i %2 minuter i dag (%3–%4). Gränsen är %5 minuter.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Orders are arriving again.</source>
        <translation>Ordrar kommer in igen.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ReconciliationService</name>
    <message>
        <location filename="../core/reconciliation/reconciliationservice.cpp" line="+70"/>
        <source>A reconciliation is running already.</source>
        <translation>En avstämning pågår redan.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prima&apos;s ledger cannot be read through this connection, so payouts cannot be reconciled.</source>
        <translation>Primas huvudbok kan inte läsas via denna anslutning, så redovisningen kan inte stämmas av.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No trading day was given.</source>
        <translation>Ingen försäljningsdag angavs.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 has no Prima location yet and was not reconciled.</source>
        <translation>%1 har ännu ingen plats i Prima och stämdes inte av.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Z-reports were not read (no Sitoo connection); tenders were compared with the orders only.</source>
        <translation>Z-rapporter lästes inte (ingen Sitoo-anslutning); betalsätten jämfördes endast med ordrarna.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Z-reports could not be read (%1); tenders were compared with the orders only.</source>
        <translation>Z-rapporter kunde inte läsas (%1); betalsätten jämfördes endast med ordrarna.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A Z-report was left out: %1</source>
        <translation>En Z-rapport utelämnades: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Prima connection went away during reconciliation.</source>
        <translation>Anslutningen till Prima försvann under avstämningen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Prima&apos;s ledger postings could not be read: %1</source>
        <translation>Primas bokföringsposter kunde inte läsas: %1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Prima posting %1 for %2 is in %3, but the store trades in %4.</source>
        <translation>Prima-bokföringspost %1 för %2 är i %3, men butiken handlar i %4.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::ReconciliationSettings</name>
    <message>
        <location filename="../core/reconciliation/reconciliationsettings.cpp" line="+24"/>
        <source>%1 could not be read: %2</source>
        <translation>%1 kunde inte läsas: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1 är inget JSON-objekt: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;reconciliation&quot; must be an object.</source>
        <translation>&quot;reconciliation&quot; måste vara ett objekt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;reconciliation.toleranceMinor&quot; must be a whole number of minor units, 0 or more.</source>
        <translation>&quot;reconciliation.toleranceMinor&quot; måste vara ett heltal minsta valutaenheter, 0 eller mer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;reconciliation.vatAccount&quot; must be an account name.</source>
        <translation>&quot;reconciliation.vatAccount&quot; måste vara ett kontonamn.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;reconciliation.%1&quot; is not a setting; known: toleranceMinor, vatAccount.</source>
        <translation>&quot;reconciliation.%1&quot; är ingen inställning; kända är: toleranceMinor, vatAccount.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::RestPrimaGateway</name>
    <message>
        <location filename="../core/prima/restprimagateway.cpp" line="+224"/>
        <source>The Prima address %1 is not usable: it must be an https:// address (plain http only for the sandbox on this computer).</source>
        <translation>Prima-adressen %1 går inte att använda: den måste vara en https://-adress (vanlig http endast för sandlådan på den här datorn).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The connection to Prima is not set up.</source>
        <translation>Anslutningen till Prima är inte konfigurerad.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No Prima access token is stored in the keychain. Enter it in the settings.</source>
        <translation>Ingen åtkomsttoken för Prima finns sparad i nyckelringen. Ange den i inställningarna.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The connection to Prima was closed.</source>
        <translation>Anslutningen till Prima stängdes.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Document %1 has no idempotency key; it is not sent.</source>
        <translation>Dokument %1 saknar idempotensnyckel; det skickas inte.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>A batch must hold between 1 and %1 documents; this one holds %2.</source>
        <translation>En sats måste innehålla mellan 1 och %1 dokument; denna innehåller %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Document %1 has no idempotency key; the batch is not sent.</source>
        <translation>Dokument %1 saknar idempotensnyckel; satsen skickas inte.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Prima answered %1 results for %2 documents.</source>
        <translation>Prima svarade med %1 resultat för %2 dokument.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SchemaMigrator</name>
    <message>
        <location filename="../core/storage/schemamigrator.cpp" line="+39"/>
        <location line="+5"/>
        <source>Could not read the cache&apos;s schema: %1</source>
        <translation>Kunde inte läsa cachens schema: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This cache was written by a newer Tillbridge (schema version %1); this version understands up to %2. Update Tillbridge to open it.</source>
        <translation>Denna cache skrevs av en nyare Tillbridge (schemaversion %1); denna version förstår upp till %2. Uppdatera Tillbridge för att öppna den.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SitooClient</name>
    <message>
        <location filename="../core/sitoo/sitooclient.cpp" line="+43"/>
        <source>Sitoo is not set up yet: enter its address and API id in Settings.</source>
        <translation>Sitoo är ännu inte konfigurerat: ange adress och API-id i Inställningar.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No Sitoo API password is stored in the keychain for API id %1. Enter it in Settings.</source>
        <translation>Inget API-lösenord för Sitoo finns sparat i nyckelringen för API-id %1. Ange det i Inställningar.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Sitoo&apos;s answer is not valid JSON (%1 bytes).</source>
        <translation>Sitoos svar är inte giltig JSON (%1 byte).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sitoo&apos;s answer to %1 is not a {totalcount, items} envelope.</source>
        <translation>Sitoos svar på %1 är inget {totalcount, items}-kuvert.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Sitoo&apos;s answer to a batch of %1 is not one result per element.</source>
        <translation>Sitoos svar på en sats om %1 är inte ett resultat per element.</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>Connected to Sitoo account %1 (sites: %2).</source>
        <translation>Ansluten till Sitoo-konto %1 (sajter: %2).</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SitooJsonReader</name>
    <message>
        <location filename="../core/sitoo/sitoojson.cpp" line="+59"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is missing.</source>
        <translation>&quot;%1&quot; saknas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is null, but a value is needed.</source>
        <translation>&quot;%1&quot; är null, men ett värde behövs.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;%1&quot; is empty, but a value is needed.</source>
        <translation>&quot;%1&quot; är tomt, men ett värde behövs.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is %2, but amounts must be text with a point as the decimal separator, such as &quot;12.50&quot;.</source>
        <translation>&quot;%1&quot; är %2, men belopp måste vara text med punkt som decimaltecken, som &quot;12.50&quot;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+9"/>
        <source>&quot;%1&quot; is %2, which is not an amount: %3</source>
        <translation>&quot;%1&quot; är %2, vilket inte är ett belopp: %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is %2, but quantities must be text with a point as the decimal separator, such as &quot;5.000&quot;.</source>
        <translation>&quot;%1&quot; är %2, men kvantiteter måste vara text med punkt som decimaltecken, som &quot;5.000&quot;.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is %2, which is not a decimal number: %3</source>
        <translation>&quot;%1&quot; är %2, vilket inte är ett decimaltal: %3</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&quot;%1&quot; is %2, which is not a whole number.</source>
        <translation>&quot;%1&quot; är %2, vilket inte är ett heltal.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is %2, which is out of range.</source>
        <translation>&quot;%1&quot; är %2, vilket är utanför tillåtet intervall.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot; is %2, which is not text.</source>
        <translation>&quot;%1&quot; är %2, vilket inte är text.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is %2, which is not a date (Sitoo sends dates as whole seconds since 1970-01-01 UTC).</source>
        <translation>&quot;%1&quot; är %2, vilket inte är ett datum (Sitoo skickar datum som hela sekunder sedan 1970-01-01 UTC).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&quot;%1&quot; is %2, which is not true or false.</source>
        <translation>&quot;%1&quot; är %2, vilket varken är true eller false.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;%1&quot; is %2: %3</source>
        <translation>&quot;%1&quot; är %2: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is %2, which is not a VAT rate (a percentage such as 25).</source>
        <translation>&quot;%1&quot; är %2, vilket inte är en momssats (en procentsats som 25).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is %2, which is not a currency code such as &quot;SEK&quot;.</source>
        <translation>&quot;%1&quot; är %2, vilket inte är en valutakod som &quot;SEK&quot;.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is %2, which is not a currency Tillbridge can use: %3</source>
        <translation>&quot;%1&quot; är %2, vilket inte är en valuta som Tillbridge kan använda: %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot; is %2, but a list was expected.</source>
        <translation>&quot;%1&quot; är %2, men en lista förväntades.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;%1&quot; is %2, but an object with named values was expected.</source>
        <translation>&quot;%1&quot; är %2, men ett objekt med namngivna värden förväntades.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>a list</source>
        <translation>en lista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>ett objekt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing</source>
        <translation>saknas</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SitooOrderParser</name>
    <message>
        <location filename="../core/sitoo/sitooorderparser.cpp" line="+153"/>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order (id unreadable)</source>
        <translation>Order (id oläsligt)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&quot;orderid&quot; is %1, which is not an order id.</source>
        <translation>&quot;orderid&quot; är %1, vilket inte är ett order-id.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>&quot;%1&quot; cannot be computed: %2</source>
        <translation>&quot;%1&quot; kan inte beräknas: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is missing.</source>
        <translation>&quot;%1&quot; saknas.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1, line %2</source>
        <translation>%1, rad %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is %2, not an order item.</source>
        <translation>%1 är %2, inte en orderrad.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;orderitemid&quot; is %1, which is not a line number.</source>
        <translation>&quot;orderitemid&quot; är %1, vilket inte är ett radnummer.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;additionaldata.pos-originalsales-orderitemid&quot; is %1, which is not a line number.</source>
        <translation>&quot;additionaldata.pos-originalsales-orderitemid&quot; är %1, vilket inte är ett radnummer.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the discount of %1 per unit on %2 units is too large: %3</source>
        <translation>rabatten på %1 per enhet på %2 enheter är för stor: %3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1, payment %2</source>
        <translation>%1, betalning %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is %2, not a payment.</source>
        <translation>%1 är %2, inte en betalning.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;name&quot; is empty, so the tender cannot be identified.</source>
        <translation>&quot;name&quot; är tomt, så betalsättet kan inte identifieras.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&quot;creditorderid&quot; is %1, which is not an order id.</source>
        <translation>&quot;creditorderid&quot; är %1, vilket inte är ett order-id.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;creditorderid&quot; is %1 but &quot;additionaldata.pos-originalsales-orderid&quot; is %2, so it is not clear which sale this refund belongs to.</source>
        <translation>&quot;creditorderid&quot; är %1 men &quot;additionaldata.pos-originalsales-orderid&quot; är %2, så det är oklart vilken försäljning denna retur hör till.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: the order data is empty.</source>
        <translation>%1: orderdata är tomma.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the order data is not valid JSON (%2 at byte %3); it may have been cut off in transfer.</source>
        <translation>%1: orderdata är inte giltig JSON (%2 vid byte %3); de kan ha kapats under överföringen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: the order data is a list, not an order object.</source>
        <translation>%1: orderdata är en lista, inte ett orderobjekt.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The order list from Sitoo is not valid JSON (%1 at byte %2).</source>
        <translation>Orderlistan från Sitoo är inte giltig JSON (%1 vid byte %2).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The order list from Sitoo</source>
        <translation>Orderlistan från Sitoo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;totalcount&quot; is %1, which is not a count.</source>
        <translation>&quot;totalcount&quot; är %1, vilket inte är ett antal.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;totalcount&quot; is %1, but there is no &quot;items&quot; list.</source>
        <translation>&quot;totalcount&quot; är %1, men det finns ingen &quot;items&quot;-lista.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SitooParsers</name>
    <message>
        <location filename="../core/sitoo/sitooparsers.cpp" line="+28"/>
        <source>The reply from Sitoo is not valid JSON (%1 at byte %2).</source>
        <translation>Svaret från Sitoo är inte giltig JSON (%1 vid byte %2).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The list from Sitoo</source>
        <translation>Listan från Sitoo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;totalcount&quot; is %1, which is not a count.</source>
        <translation>&quot;totalcount&quot; är %1, vilket inte är ett antal.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;totalcount&quot; is %1, but there is no &quot;items&quot; list.</source>
        <translation>&quot;totalcount&quot; är %1, men det finns ingen &quot;items&quot;-lista.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 is %2, not an object.</source>
        <translation>%1 är %2, inte ett objekt.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&quot;%1&quot; is empty.</source>
        <translation>&quot;%1&quot; är tomt.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; item %2 is %3, which is not text.</source>
        <translation>&quot;%1&quot; post %2 är %3, vilket inte är text.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1, variant attribute %2</source>
        <translation>%1, variantattribut %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Product %1</source>
        <translation>Produkt %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product number %1 in the list</source>
        <translation>Produkt nummer %1 i listan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sitoo prices cannot be read without the site&apos;s currency.</source>
        <translation>Sitoos priser kan inte läsas utan sajtens valuta.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Product group %1</source>
        <translation>Produktgrupp %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product group number %1 in the list</source>
        <translation>Produktgrupp nummer %1 i listan</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Store %1</source>
        <translation>Butik %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store number %1 in the list</source>
        <translation>Butik nummer %1 i listan</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Warehouse %1</source>
        <translation>Lager %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warehouse number %1 in the list</source>
        <translation>Lager nummer %1 i listan</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Stock of SKU %1</source>
        <translation>Lagersaldo för artikel %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock line %1 in the list</source>
        <translation>Lagerrad %1 i listan</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Payment type %1</source>
        <translation>Betalningstyp %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment type number %1 in the list</source>
        <translation>Betalningstyp nummer %1 i listan</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1, &quot;%2&quot; item %3</source>
        <translation>%1, &quot;%2&quot; post %3</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Z-report %1</source>
        <translation>Z-rapport %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z-report number %1 in the list</source>
        <translation>Z-rapport nummer %1 i listan</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Batch result %1</source>
        <translation>Satsresultat %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: the status %2 is not an HTTP status.</source>
        <translation>%1: statusen %2 är inte en HTTP-status.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The reply from Sitoo is a bare list, not a {&quot;totalcount&quot;, &quot;items&quot;} envelope.</source>
        <translation>Svaret från Sitoo är en naken lista, inte ett {&quot;totalcount&quot;, &quot;items&quot;}-kuvert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The reply from Sitoo is not an error body.</source>
        <translation>Svaret från Sitoo är inget felmeddelande.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The error from Sitoo</source>
        <translation>Felet från Sitoo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The reply to a batch write is not a list of results.</source>
        <translation>Svaret på en satsskrivning är ingen lista med resultat.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The reply to a write is not a single JSON value.</source>
        <translation>Svaret på en skrivning är inte ett enskilt JSON-värde.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SkuAudit</name>
    <message>
        <location filename="../core/catalogue/skuaudit.cpp" line="+154"/>
        <source>There is no Prima item master in the cache yet; run the audit with a refresh of Prima&apos;s items first.</source>
        <translation>Det finns ännu inget artikelregister från Prima i cachen; kör först granskningen med en uppdatering av Primas artiklar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prima prices are in %1 but Sitoo site %2 sells in %3: comparing them needs a price list in %3 (not supported yet).</source>
        <translation>Primas priser är i %1 men Sitoo-sajt %2 säljer i %3: att jämföra dem kräver en prislista i %3 (stöds inte ännu).</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Not found again by SKU audit run %1 of Sitoo site %2.</source>
        <translation>Hittades inte igen av artikelgranskning %1 för Sitoo-sajt %2.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Exception %1 is not an open &quot;only in Sitoo&quot; SKU, so there is nothing to deactivate.</source>
        <translation>Undantag %1 är ingen öppen artikel av typen &quot;bara i Sitoo&quot;, så det finns inget att inaktivera.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Say why the SKU is deactivated in the POS.</source>
        <translation>Ange varför artikeln inaktiveras i kassan.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not a known user.</source>
        <translation>%1 är ingen känd användare.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1&apos;s account is disabled.</source>
        <translation>%1s konto är inaktiverat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not an approver: only an approver may deactivate a SKU in the POS.</source>
        <translation>%1 är ingen attestant: bara en attestant får inaktivera en artikel i kassan.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exception %1 does not say which Sitoo product to deactivate.</source>
        <translation>Undantag %1 anger inte vilken Sitoo-produkt som ska inaktiveras.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sitoo refused to deactivate product %1 (%2): %3 %4</source>
        <translation>Sitoo vägrade inaktivera produkt %1 (%2): %3 %4</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Deactivated in the POS (activepos=false): %1</source>
        <translation>Inaktiverad i kassan (activepos=false): %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SkuAuditRepository</name>
    <message>
        <location filename="../core/catalogue/skuauditrepository.cpp" line="+18"/>
        <source>The SKU audit could not be read or saved: %1</source>
        <translation>Artikelgranskningen kunde inte läsas eller sparas: %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SkuAuditTrendModel</name>
    <message>
        <location filename="../core/models/skudiffmodel.cpp" line="+452"/>
        <source>Run %1 by %2, finished %3</source>
        <translation>Körning %1 av %2, klar %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Audit run</source>
        <translation>Granskningskörning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima SKUs</source>
        <translation>Prima-artiklar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo SKUs</source>
        <translation>Sitoo-artiklar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only in Sitoo</source>
        <translation>Bara i Sitoo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only in Prima</source>
        <translation>Bara i Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Different fields</source>
        <translation>Olika fält</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolved since last</source>
        <translation>Lösta sedan förra</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SkuDiffExport</name>
    <message>
        <location filename="../core/export/exportsources.cpp" line="-200"/>
        <source>SKU differences</source>
        <translation>Artikelskillnader</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SkuDiffModel</name>
    <message>
        <location filename="../core/models/skudiffmodel.cpp" line="-440"/>
        <source>no price</source>
        <translation>inget pris</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Price %1</source>
        <translation>Pris %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT %1</source>
        <translation>Moms %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title “%1”</source>
        <translation>Benämning ”%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No barcode</source>
        <translation>Ingen streckkod</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Barcode %1</source>
        <translation>Streckkod %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sellable in the POS</source>
        <translation>Säljbar i kassan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not sellable in the POS</source>
        <translation>Inte säljbar i kassan</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>price</source>
        <translation>pris</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>title</source>
        <translation>benämning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>barcode</source>
        <translation>streckkod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>active flag</source>
        <translation>aktiv-flagga</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The SKU audit runs could not be read: %1</source>
        <translation>Artikelgranskningens körningar kunde inte läsas: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+158"/>
        <source>The SKU differences could not be counted: %1</source>
        <translation>Artikelskillnaderna kunde inte räknas: %1</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Only in Sitoo</source>
        <translation>Bara i Sitoo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only in Prima</source>
        <translation>Bara i Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Different fields</source>
        <translation>Olika fält</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(not in Prima)</source>
        <translation>(inte i Prima)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(not in Sitoo)</source>
        <translation>(inte i Sitoo)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Different %1</source>
        <translation>Olika %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sitoo</source>
        <translation>Sitoo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prima</source>
        <translation>Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has %2 (letter case differs)</source>
        <translation>%1 har %2 (versaler/gemener skiljer sig)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has %2 (spaces differ)</source>
        <translation>%1 har %2 (mellanslag skiljer sig)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has %2 (segment “%3”)</source>
        <translation>%1 har %2 (segment ”%3”)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has %2</source>
        <translation>%1 har %2</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The SKU differences could not be read: %1</source>
        <translation>Artikelskillnaderna kunde inte läsas: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>SKU</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Difference</source>
        <comment>what differs between the catalogues</comment>
        <translation>Skillnad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima (master)</source>
        <translation>Prima (huvudregister)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo POS</source>
        <translation>Sitoo-kassan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Near match</source>
        <translation>Nästan lika</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SqliteStatement</name>
    <message>
        <location filename="../core/storage/sqlitestatement.cpp" line="+55"/>
        <source>The cache is not an open SQLite database.</source>
        <translation>Cachen är inte en öppen SQLite-databas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The cache could not prepare a statement: %1</source>
        <translation>Cachen kunde inte förbereda en sats: %1</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>A statement that should change the cache returned rows.</source>
        <translation>En sats som skulle ändra cachen returnerade rader.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StockLevelsExport</name>
    <message>
        <location filename="../core/export/exportsources.cpp" line="+52"/>
        <source>Stock</source>
        <translation>Lager</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Failed</source>
        <translation>Misslyckade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to push</source>
        <translation>Väntar på överföring</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not written yet</source>
        <translation>Inte skrivet ännu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In Sitoo</source>
        <translation>I Sitoo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StockLevelsModel</name>
    <message>
        <location filename="../core/models/stocklevelsmodel.cpp" line="+39"/>
        <source>The stock figures could not be read: %1</source>
        <translation>Lagersiffrorna kunde inte läsas: %1</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>The stock levels could not be read: %1</source>
        <translation>Lagersaldona kunde inte läsas: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 (no store)</source>
        <translation>%1 (ingen butik)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not written</source>
        <translation>inte skrivet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Failed: %1</source>
        <translation>Misslyckades: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting to push</source>
        <translation>Väntar på överföring</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not written yet</source>
        <translation>Inte skrivet ännu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In Sitoo</source>
        <translation>I Sitoo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Low stock</source>
        <translation>Lågt lager</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fast mover (%1 sold)</source>
        <translation>Snabbsäljare (%1 sålda)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Prima location %1</source>
        <translation>Prima-plats %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Negative available-to-sell is written to Sitoo as 0 (version %1)</source>
        <translation>Negativt säljbart saldo skrivs till Sitoo som 0 (version %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima version %1</source>
        <translation>Prima-version %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo&apos;s level minus what Prima says it should be</source>
        <translation>Sitoos saldo minus vad Prima säger att det borde vara</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In the fast lane: available-to-sell at or below %1, or at least %2 sold at this store in the last %3 h</source>
        <translation>I snabbfilen: säljbart saldo på eller under %1, eller minst %2 sålda i denna butik de senaste %3 timmarna</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKU</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima ATS</source>
        <translation>Säljbart (Prima)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo level</source>
        <translation>Saldo i Sitoo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Difference</source>
        <translation>Differens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Push</source>
        <translation>Överföring</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fast lane</source>
        <translation>Snabbfil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last written</source>
        <translation>Senast skrivet</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StockPush</name>
    <message>
        <location filename="../core/stock/stockpush.cpp" line="+127"/>
        <source>Prima&apos;s stock could not be read: %1</source>
        <translation>Primas lager kunde inte läsas: %1</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Sitoo&apos;s sites could not be read: %1</source>
        <translation>Sitoos sajter kunde inte läsas: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sitoo&apos;s warehouses could not be read: %1</source>
        <translation>Sitoos lager kunde inte läsas: %1</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>Sitoo refused %1 stock writes in a row; the rest waits for the next run.</source>
        <translation>Sitoo vägrade %1 lagerskrivningar i rad; resten väntar till nästa körning.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sitoo gave no answer for this level.</source>
        <translation>Sitoo gav inget svar för detta saldo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo refused it (%1): %2</source>
        <translation>Sitoo vägrade (%1): %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tillbridge: Prima available-to-sell at %1</source>
        <translation>Tillbridge: säljbart saldo i Prima vid %1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Version %1 was written to Sitoo.</source>
        <translation>Version %1 skrevs till Sitoo.</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Available-to-sell %1 of %2 at %3 (Prima version %4) could not be written to Sitoo warehouse %5 after %n attempt(s): %6. It is tried again automatically.</source>
        <translation>
            <numerusform>Säljbart saldo %1 av %2 på %3 (Prima-version %4) kunde inte skrivas till Sitoo-lager %5 efter %n försök: %6. Det försöks igen automatiskt.</numerusform>
            <numerusform>Säljbart saldo %1 av %2 på %3 (Prima-version %4) kunde inte skrivas till Sitoo-lager %5 efter %n försök: %6. Det försöks igen automatiskt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StockPushConfig</name>
    <message>
        <location line="-475"/>
        <source>stock.%1 must be a number of at least %2.</source>
        <translation>stock.%1 måste vara ett tal på minst %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>stock.batchSize is at most 1000 (Sitoo&apos;s limit).</source>
        <translation>stock.batchSize är högst 1000 (Sitoos gräns).</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StockStoresModel</name>
    <message>
        <location filename="../core/models/stocklevelsmodel.cpp" line="+33"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 tim %2 min</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (no store)</source>
        <translation>%1 (ingen butik)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Prima location %1</source>
        <translation>Prima-plats %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n open “stock push failed” exception(s) in the queue</source>
        <translation>
            <numerusform>%n öppet undantag av typen ”lageröverföring misslyckades” i kön</numerusform>
            <numerusform>%n öppna undantag av typen ”lageröverföring misslyckades” i kön</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKUs</source>
        <translation>Artiklar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Differ</source>
        <translation>Skiljer sig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fast lane now</source>
        <translation>I snabbfilen nu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Misslyckade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last lag</source>
        <translation>Senaste väntetid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean lag</source>
        <translation>Medelväntetid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max lag</source>
        <translation>Max väntetid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last push</source>
        <translation>Senaste överföring</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StoreHealthModel</name>
    <message>
        <location filename="../core/models/storehealth.cpp" line="+166"/>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min ago</source>
        <translation>%1 min sedan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h ago</source>
        <translation>%1 tim sedan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d ago</source>
        <translation>%1 d sedan</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>Kontrollera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Act</source>
        <translation>Åtgärda</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not mapped</source>
        <translation>inte mappad</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Health</source>
        <translation>Hälsa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last sale pulled</source>
        <translation>Senast hämtad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last posted</source>
        <translation>Senast bokförd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for Prima</source>
        <translation>Väntar på Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held back</source>
        <translation>Kvarhållna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Oldest unposted sale</source>
        <translation>Äldsta obokförda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failures (24 h)</source>
        <translation>Fel (24 tim)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stock lag</source>
        <translation>Lagerfördröjning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima location</source>
        <translation>Prima-plats</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StoreHealthReport</name>
    <message>
        <location line="-255"/>
        <source>no Prima location is mapped, so nothing can be posted</source>
        <translation>ingen Prima-plats är mappad, så ingenting kan bokföras</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>a sale from %1 h ago is not in Prima yet</source>
        <translation>en försäljning för %1 tim sedan finns ännu inte i Prima</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n blocking exception(s) raised in the last 24 hours</source>
        <translation>
            <numerusform>%n blockerande undantag registrerat de senaste 24 timmarna</numerusform>
            <numerusform>%n blockerande undantag registrerade de senaste 24 timmarna</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n order(s) held back</source>
        <translation>
            <numerusform>%n order hålls kvar</numerusform>
            <numerusform>%n ordrar hålls kvar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stock reached the tills %1 min after Prima changed</source>
        <translation>lagret nådde kassorna %1 min efter att Prima ändrades</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every sale pulled so far is in Prima.</source>
        <translation>All försäljning som hämtats hittills finns i Prima.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StoreRepository</name>
    <message>
        <location filename="../core/storage/storerepository.cpp" line="+19"/>
        <source>The stores could not be read or saved: %1</source>
        <translation>Butikerna kunde inte läsas eller sparas: %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::StoresModel</name>
    <message>
        <location filename="../core/models/storesmodel.cpp" line="+43"/>
        <source>%1 / store %2</source>
        <translation>%1 / butik %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Swedish VAT</source>
        <translation>Svensk moms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UK VAT</source>
        <translation>Brittisk moms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not mapped</source>
        <translation>Inte mappad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trading</source>
        <translation>Öppettider</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo account / store</source>
        <translation>Sitoo-konto / butik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT rules</source>
        <translation>Momsregler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time zone</source>
        <translation>Tidszon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima location</source>
        <translation>Prima-plats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SyncConfig</name>
    <message>
        <location filename="../core/engine/syncconfig.cpp" line="+9"/>
        <source>Cannot read the configuration %1: %2</source>
        <translation>Kan inte läsa konfigurationen %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not a JSON object (%1).</source>
        <translation>inget JSON-objekt (%1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;cache&quot; must name the cache file.</source>
        <translation>&quot;cache&quot; måste ange cachefilen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;sitoo&quot; needs baseUrl, accountId and apiId.</source>
        <translation>&quot;sitoo&quot; behöver baseUrl, accountId och apiId.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;prima&quot; needs baseUrl.</source>
        <translation>&quot;prima&quot; behöver baseUrl.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;credentials&quot; is &quot;keychain&quot; or &quot;environment&quot;, not &quot;%1&quot;.</source>
        <translation>&quot;credentials&quot; är &quot;keychain&quot; eller &quot;environment&quot;, inte &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>schedule.postingBatchSize cannot exceed Prima&apos;s batch limit of 100.</source>
        <translation>schedule.postingBatchSize kan inte överskrida Primas satsgräns på 100.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>schedule.primaRequestsPerSecond must be a positive number.</source>
        <translation>schedule.primaRequestsPerSecond måste vara ett positivt tal.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SyncCycle</name>
    <message>
        <location filename="../core/engine/synccycle.cpp" line="+224"/>
        <source>Prima&apos;s item master could not be read: %1</source>
        <translation>Primas artikelregister kunde inte läsas: %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SyncEngine</name>
    <message>
        <location filename="../core/engine/syncengine.cpp" line="+89"/>
        <source>The sync engine is not running.</source>
        <translation>Synkroniseringsmotorn körs inte.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SyncStateRepository</name>
    <message>
        <location filename="../core/storage/syncstaterepository.cpp" line="+31"/>
        <location line="+11"/>
        <source>A sync position can only be saved inside an open transaction.</source>
        <translation>En synkroniseringsposition kan bara sparas inom en öppen transaktion.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Moving a sync position by hand needs the name of who does it and a reason.</source>
        <translation>Att flytta en synkroniseringsposition för hand kräver namnet på den som gör det och en motivering.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::SyncWorker</name>
    <message>
        <location filename="../core/engine/syncengine.cpp" line="+94"/>
        <location line="+10"/>
        <source>The sync engine could not start; see the previous message.</source>
        <translation>Synkroniseringsmotorn kunde inte starta; se föregående meddelande.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deactivated in the POS by %1.</source>
        <translation>Inaktiverad i kassan av %1.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Catalogue to Sitoo: %1 new, %2 changed, %3 unchanged, %4 refused.</source>
        <translation>Artikelregister till Sitoo: %1 nya, %2 ändrade, %3 oförändrade, %4 avvisade.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Catalogue to Sitoo: %1</source>
        <translation>Artikelregister till Sitoo: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>SKU audit: %1 only in Sitoo, %2 only in Prima, %3 with different fields.</source>
        <translation>Artikelgranskning: %1 bara i Sitoo, %2 bara i Prima, %3 med olika fält.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SKU audit: %1</source>
        <translation>Artikelgranskning: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Reconciliation: %n payout or VAT difference(s) beyond tolerance.</source>
        <translation>
            <numerusform>Avstämning: %n avvikelse i redovisning eller moms utanför toleransen.</numerusform>
            <numerusform>Avstämning: %n avvikelser i redovisning eller moms utanför toleransen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Stock to Sitoo: %n level(s) written, %1 refused or waiting, %2 without a store.</source>
        <translation>
            <numerusform>Lager till Sitoo: %n saldo skrivet, %1 avvisade eller väntande, %2 utan butik.</numerusform>
            <numerusform>Lager till Sitoo: %n saldon skrivna, %1 avvisade eller väntande, %2 utan butik.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Reconciliation of %1: %2</source>
        <translation>Avstämning av %1: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Stock to Sitoo: %1</source>
        <translation>Lager till Sitoo: %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::TaxVarianceExport</name>
    <message>
        <location filename="../core/export/exportsources.cpp" line="+144"/>
        <source>VAT variance</source>
        <translation>Momsavvikelse</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::TaxVarianceOrdersModel</name>
    <message>
        <location filename="../core/models/taxvarianceordersmodel.cpp" line="+38"/>
        <source>Posted</source>
        <translation>Bokförd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready to post</source>
        <translation>Klar att bokföra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held back</source>
        <translation>Kvarhållna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Double-click to open the exception in the queue.</source>
        <translation>Dubbelklicka för att öppna undantaget i kön.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT charged by the till − VAT the rate gives on the net</source>
        <translation>Moms debiterad av kassan − moms enligt satsen på nettot</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Ordered (store time)</source>
        <translation>Beställd (butikens tid)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo order</source>
        <translation>Sitoo-order</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Net at this rate</source>
        <translation>Netto vid denna sats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT charged</source>
        <translation>Debiterad moms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT at the rate</source>
        <translation>Moms enligt satsen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Variance</source>
        <translation>Avvikelse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exception</source>
        <translation>Undantag</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::TaxVarianceReport</name>
    <message>
        <location filename="../core/reconciliation/taxvariancereport.cpp" line="+25"/>
        <source>The cache could not read the VAT variance (%1): %2</source>
        <translation>Cachen kunde inte läsa momsavvikelsen (%1): %2</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Store %1 is not in the cache.</source>
        <translation>Butik %1 finns inte i cachen.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::UserRepository</name>
    <message>
        <location filename="../core/storage/userrepository.cpp" line="+45"/>
        <source>Accounts can only be created inside an open transaction.</source>
        <translation>Konton kan bara skapas inom en öppen transaktion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A user name has 1 to 64 characters and no spaces at either end.</source>
        <translation>Ett användarnamn har 1 till 64 tecken och inga mellanslag i början eller slutet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The user name &quot;system&quot; is reserved for the engine.</source>
        <translation>Användarnamnet &quot;system&quot; är reserverat för motorn.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The account %1 needs a display name.</source>
        <translation>Kontot %1 behöver ett visningsnamn.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password needs at least %1 characters.</source>
        <translation>Ett lösenord behöver minst %1 tecken.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password can have at most %1 characters.</source>
        <translation>Ett lösenord kan ha högst %1 tecken.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creating an account must name who does it.</source>
        <translation>När ett konto skapas måste det anges vem som gör det.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There is already an account named %1.</source>
        <translation>Det finns redan ett konto som heter %1.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The account %1 is disabled.</source>
        <translation>Kontot %1 är inaktiverat.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::VatCalculation</name>
    <message>
        <location filename="../core/money/vatcalculation.cpp" line="+33"/>
        <source>A line in %1 cannot be part of a document in %2.</source>
        <translation>En rad i %1 kan inte ingå i ett dokument i %2.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::VatRate</name>
    <message>
        <location filename="../core/money/vatrate.cpp" line="+9"/>
        <source>“%1” is not a VAT rate: %2</source>
        <translation>”%1” är ingen momssats: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A VAT rate cannot be negative (“%1”).</source>
        <translation>En momssats kan inte vara negativ (”%1”).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” has more than four decimals for a VAT rate.</source>
        <translation>”%1” har mer än fyra decimaler för en momssats.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” % is not a plausible VAT rate.</source>
        <translation>”%1” % är ingen rimlig momssats.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Core::XlsxTableWriter</name>
    <message>
        <location filename="../core/export/xlsxtablewriter.cpp" line="+85"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 kunde inte skrivas: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 could not be created.</source>
        <translation>%1 kunde inte skapas.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The sheet %1 could not be added.</source>
        <translation>Bladet %1 kunde inte läggas till.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A row was written before the table&apos;s columns.</source>
        <translation>En rad skrevs före tabellens kolumner.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Nothing was exported.</source>
        <translation>Ingenting exporterades.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 could not be written.</source>
        <translation>%1 kunde inte skrivas.</translation>
    </message>
</context>
</TS>
