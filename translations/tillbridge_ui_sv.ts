<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Tillbridge::Ui::AuditTrailPage</name>
    <message>
        <location filename="../ui/audittrail/audittrailpage.cpp" line="+26"/>
        <source>Verify chain</source>
        <translation>Verifiera kedjan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter by action, user, entity or details</source>
        <translation>Filtrera på händelse, användare, objekt eller detaljer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter the audit trail</source>
        <translation>Filtrera revisionsspåret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-compute every entry&apos;s hash and check that none was changed, removed or inserted.</source>
        <translation>Beräkna om varje posts hash och kontrollera att ingen har ändrats, tagits bort eller infogats.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify the audit chain</source>
        <translation>Verifiera revisionskedjan</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The chain has not been verified in this session.</source>
        <translation>Kedjan har inte verifierats under denna session.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+14"/>
        <source>Audit trail</source>
        <translation>Revisionsspår</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every change Tillbridge made or a person approved, in a tamper-evident chain.</source>
        <translation>Varje ändring som Tillbridge gjort eller en person attesterat, i en manipuleringssäker kedja.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Verifying the audit chain…</source>
        <translation>Verifierar revisionskedjan…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The audit chain could not be verified: %1</source>
        <translation>Revisionskedjan kunde inte verifieras: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✔ Chain intact: %1 entries verified. Head hash %2</source>
        <translation>✔ Kedjan är intakt: %1 poster verifierade. Huvudets hash %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✖ Chain broken at entry %1. %2</source>
        <translation>✖ Kedjan är bruten vid post %1. %2</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::CacheUpgradeDialog</name>
    <message>
        <location filename="../ui/common/cacheupgradedialog.cpp" line="+17"/>
        <source>Updating the Tillbridge cache</source>
        <translation>Uppdaterar Tillbridge-cachen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preparing the cache for this version of Tillbridge…</source>
        <translation>Förbereder cachen för denna version av Tillbridge…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%v of %m steps done</source>
        <translation>%v av %m steg klara</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This version of Tillbridge is updating its cache (step %1 of %2, schema version %3).

This happens once, at the first start of a new version, and takes a few minutes for a cache that holds a year of sales. Please keep Tillbridge open; if it is closed, the update goes on from the last finished step at the next start, and nothing is lost.</source>
        <translation>Denna version av Tillbridge uppdaterar sin cache (steg %1 av %2, schemaversion %3).

Det sker en gång, vid första starten av en ny version, och tar några minuter för en cache som rymmer ett års försäljning. Håll Tillbridge öppet; om det stängs fortsätter uppdateringen från det senast avslutade steget vid nästa start, och ingenting går förlorat.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::ClosePackForm</name>
    <message>
        <location filename="../ui/settings/closepackform.cpp" line="+24"/>
        <source>Company name on the close pack</source>
        <translation>Företagsnamn i bokslutspaketet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Month-end close pack</source>
        <translation>Bokslutspaket för månadsbokslutet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Company name:</source>
        <translation>Företagsnamn:</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Printed on the cover of every close pack (PDF) and in its page headers. Left empty, the pack names no company.</source>
        <translation>Skrivs på försättsbladet i varje bokslutspaket (PDF) och i dess sidhuvuden. Lämnas fältet tomt nämns inget företag.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed on the cover of every close pack (PDF) and in its page headers. Left empty, it says &quot;%1&quot;.</source>
        <translation>Skrivs på försättsbladet i varje bokslutspaket (PDF) och i dess sidhuvuden. Lämnas fältet tomt står det &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved. The next close pack names no company.</source>
        <translation>Sparat. Nästa bokslutspaket nämner inget företag.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved. The next close pack shows &quot;%1&quot; on its cover.</source>
        <translation>Sparat. Nästa bokslutspaket visar &quot;%1&quot; på försättsbladet.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::ClosePage</name>
    <message>
        <location filename="../ui/close/closepage.cpp" line="+86"/>
        <source>Check again</source>
        <translation>Kontrollera igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export close pack…</source>
        <translation>Exportera bokslutspaket…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+77"/>
        <source>What blocks this gate</source>
        <translation>Vad som stoppar denna kontrollpunkt</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Comment for the file (optional): what you checked, who you asked</source>
        <translation>Kommentar för arkivet (valfri): vad du kontrollerade, vem du frågade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-off comment</source>
        <translation>Kommentar till attest</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>Sign off this gate</source>
        <translation>Attestera denna kontrollpunkt</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Comment for the file (optional)</source>
        <translation>Kommentar för arkivet (valfri)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period sign-off comment</source>
        <translation>Kommentar till periodattest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign off the period…</source>
        <translation>Attestera perioden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock the period…</source>
        <translation>Lås perioden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-open (two approvers)</source>
        <translation>Återöppna (två attestanter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask to re-open…</source>
        <translation>Begär återöppning…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agree to re-open…</source>
        <translation>Godkänn återöppning…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decline…</source>
        <translation>Avslå…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Bakåt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Nästa</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (this month)</source>
        <translation>%1 (denna månad)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period to close</source>
        <translation>Period att stänga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The calendar month to close (YYYY-MM), each store on its own clock</source>
        <translation>Kalendermånaden som ska stängas (ÅÅÅÅ-MM), varje butik enligt sin egen klocka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the gates again</source>
        <translation>Kontrollera kontrollpunkterna igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute every gate again from the data</source>
        <translation>Beräkna alla kontrollpunkter igen utifrån data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export close pack</source>
        <translation>Exportera bokslutspaket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the reconciliation, tax, exception, sign-off and override files and a summary for the period into a folder</source>
        <translation>Skriv filerna för avstämning, moms, undantag, attester och åsidosättanden samt en sammanfattning för perioden till en mapp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Month-end close</source>
        <translation>Månadsbokslut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk the period&apos;s gates, sign each off, then an approver signs the period off and locks it.</source>
        <translation>Gå igenom periodens kontrollpunkter och attestera var och en; därefter attesterar en attestant perioden och låser den.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close summary</source>
        <translation>Sammanfattning av bokslutet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last action</source>
        <translation>Senaste åtgärd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close steps</source>
        <translation>Bokslutssteg</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Gate status</source>
        <translation>Kontrollpunktens status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the data says</source>
        <translation>Vad data säger</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded with your name, the time, your comment and the gate&apos;s figures</source>
        <translation>Registreras med ditt namn, tiden, din kommentar och kontrollpunktens siffror</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed first</source>
        <translation>Attesteras först</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign-off</source>
        <translation>Attest</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sign off the period</source>
        <translation>Attestera perioden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the period</source>
        <translation>Lås perioden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask to re-open the period</source>
        <translation>Begär återöppning av perioden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agree to re-open the period</source>
        <translation>Godkänn återöppning av perioden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decline to re-open the period</source>
        <translation>Avslå återöppning av perioden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gates</source>
        <translation>Kontrollpunkter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1. Period sign-off (an approver)</source>
        <translation>1. Periodattest (en attestant)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>2. Lock (an approver)</source>
        <translation>2. Låsning (en attestant)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reading the period…</source>
        <translation>Läser perioden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each gate is computed from the cache: stores synced, orders posted, exceptions cleared, payouts matched, tax variance aggregated, SKU audit clean.</source>
        <translation>Varje kontrollpunkt beräknas från cachen: butiker synkroniserade, ordrar bokförda, undantag åtgärdade, redovisning matchad, momsavvikelse summerad, artikelgranskning utan anmärkning.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Previous step</source>
        <translation>Föregående steg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step</source>
        <translation>Nästa steg</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>The period could not be read</source>
        <translation>Perioden kunde inte läsas</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The period could not be read.</source>
        <translation>Perioden kunde inte läsas.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reading %1…</source>
        <translation>Läser %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Locked by %1 on %2</source>
        <translation>Låst av %1 den %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed off, not locked yet</source>
        <translation>Attesterad, ännu inte låst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <comment>the period&apos;s state</comment>
        <translation>Öppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2 · %3 of %4 gates pass · %5 of %4 signed</source>
        <translation>%1 · %2 · %3 av %4 kontrollpunkter godkända · %5 av %4 attesterade</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Show in the queue</source>
        <translation>Visa i kön</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the open %1 exceptions in the queue</source>
        <translation>Visa de öppna %1-undantagen i kön</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Step %1 of %2 · %3</source>
        <translation>Steg %1 av %2 · %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✓ The data passes this gate.</source>
        <translation>✓ Data klarar denna kontrollpunkt.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>✗ The data fails this gate.</source>
        <translation>✗ Data klarar inte denna kontrollpunkt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: no orders pulled after the end of the period yet. Check the store&apos;s feed on the dashboard, or wait for the next pull.</source>
        <translation>%1: inga ordrar hämtade efter periodens slut ännu. Kontrollera butikens flöde på översikten, eller vänta på nästa hämtning.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n order(s) of the period still wait to be posted to Prima.</source>
        <translation>
            <numerusform>%n order för perioden väntar fortfarande på att bokföras i Prima.</numerusform>
            <numerusform>%n ordrar för perioden väntar fortfarande på att bokföras i Prima.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n order(s) were refused by Prima.</source>
        <translation>
            <numerusform>%n order avvisades av Prima.</numerusform>
            <numerusform>%n ordrar avvisades av Prima.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+23"/>
        <source>%1 open: %2</source>
        <translation>%1 öppna: %2</translation>
    </message>
    <message numerus="yes">
        <location line="-17"/>
        <source>%n store-day(s) with sales are not reconciled yet: run the reconciliation for them.</source>
        <translation>
            <numerusform>%n butiksdag med försäljning är ännu inte avstämd: kör avstämningen för den.</numerusform>
            <numerusform>%n butiksdagar med försäljning är ännu inte avstämda: kör avstämningen för dem.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n store-day(s) have a payout variance open.</source>
        <translation>
            <numerusform>%n butiksdag har en öppen avvikelse i redovisningen.</numerusform>
            <numerusform>%n butiksdagar har en öppen avvikelse i redovisningen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n store-day(s) with sales have no tax-variance figures yet: run the reconciliation.</source>
        <translation>
            <numerusform>%n butiksdag med försäljning saknar ännu siffror för momsavvikelse: kör avstämningen.</numerusform>
            <numerusform>%n butiksdagar med försäljning saknar ännu siffror för momsavvikelse: kör avstämningen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No SKU audit finished in %1: run one from the SKU differences view.</source>
        <translation>Ingen artikelgranskning slutfördes under %1: kör en från vyn Artikelskillnader.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing: the data passes.</source>
        <translation>Ingenting: data klarar kontrollpunkten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data fails; the explanation above says why.</source>
        <translation>Data klarar inte kontrollpunkten; förklaringen ovan säger varför.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Look at the VAT variance view first: your sign-off is the review.</source>
        <translation>Titta först på vyn Momsavvikelse: din attest är granskningen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No other gate needs to be signed first.</source>
        <translation>Ingen annan kontrollpunkt behöver attesteras först.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>✓ %1 — signed by %2</source>
        <translation>✓ %1 — attesterad av %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ %1 — not signed yet</source>
        <translation>✗ %1 — ännu inte attesterad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signed by %1 on %2.</source>
        <translation>Attesterad av %1 den %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+39"/>
        <source>Comment: “%1”</source>
        <translation>Kommentar: ”%1”</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>The data no longer passes: the period cannot be signed off until it does again.</source>
        <translation>Data klarar inte längre kontrollpunkten: perioden kan inte attesteras förrän den gör det igen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The period is locked.</source>
        <translation>Perioden är låst.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not signed yet. Anyone with an account may sign a gate once its data passes and the gates above are signed; your name, the time, your comment and the gate&apos;s figures are kept.</source>
        <translation>Ännu inte attesterad. Alla med ett konto kan attestera en kontrollpunkt när dess data klarar den och kontrollpunkterna ovan är attesterade; ditt namn, tiden, din kommentar och kontrollpunktens siffror sparas.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Step %1 of %1 · Sign off and lock %2</source>
        <translation>Steg %1 av %1 · Attestera och lås %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✗ %1 fails</source>
        <translation>✗ %1 underkänd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ %1 is not signed</source>
        <translation>✗ %1 är inte attesterad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ Every gate passes and is signed.</source>
        <translation>✓ Alla kontrollpunkter är godkända och attesterade.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Before the period can be signed off:</source>
        <translation>Innan perioden kan attesteras:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signed off by %1 on %2.</source>
        <translation>Attesterad av %1 den %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An approver signs the period off once every gate passes and is signed. They sign in with their own password.</source>
        <translation>En attestant attesterar perioden när alla kontrollpunkter är godkända och attesterade. Attestanten loggar in med sitt eget lösenord.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Locked by %1 on %2. Prima documents dated in %3 now become “Period closed” exceptions instead of being sent.</source>
        <translation>Låst av %1 den %2. Prima-dokument daterade i %3 blir nu undantag av typen ”Period stängd” i stället för att skickas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After the sign-off, an approver locks the period: from then on, Prima documents dated in it are held back as “Period closed” exceptions.</source>
        <translation>Efter attesten låser en attestant perioden: därefter hålls Prima-dokument daterade i den kvar som undantag av typen ”Period stängd”.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 asked on %2 to re-open the period: “%3”. Another approver agrees or declines; %1 cannot decide their own request.</source>
        <translation>%1 begärde den %2 att perioden skulle återöppnas: ”%3”. En annan attestant godkänner eller avslår; %1 kan inte besluta om sin egen begäran.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re-opening takes two approvers: one asks with a reason, another agrees. It clears every sign-off and the checklist starts again.</source>
        <translation>Återöppning kräver två attestanter: en begär med en motivering, en annan godkänner. Alla attester nollställs och checklistan börjar om.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Signing %1…</source>
        <translation>Attesterar %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 signed off by %2.</source>
        <translation>%1 attesterad av %2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sign %1 off as an approver: every gate passes and is signed. Your comment is kept with the sign-off.</source>
        <translation>Attestera %1 som attestant: alla kontrollpunkter är godkända och attesterade. Din kommentar sparas med attesten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signing the period off…</source>
        <translation>Attesterar perioden…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 signed off by %2. An approver can lock it now.</source>
        <translation>%1 attesterad av %2. En attestant kan låsa den nu.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lock %1</source>
        <translation>Lås %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock %1: Prima documents dated in it will be held back as “Period closed” exceptions. An approver signs in.</source>
        <translation>Lås %1: Prima-dokument daterade i perioden hålls kvar som undantag av typen ”Period stängd”. En attestant loggar in.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+12"/>
        <source>Locking the period…</source>
        <translation>Låser perioden…</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+10"/>
        <source>%1 is locked by %2.</source>
        <translation>%1 är låst av %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ask to re-open %1. Give the reason; another approver must agree before it opens, and every sign-off is then cleared.</source>
        <translation>Begär återöppning av %1. Ange skälet; en annan attestant måste godkänna innan den öppnas, och alla attester nollställs då.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Asking to re-open…</source>
        <translation>Begär återöppning…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 asked to re-open %2. Another approver must agree.</source>
        <translation>%1 begärde återöppning av %2. En annan attestant måste godkänna.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agree to re-open %1. The approver who asked cannot agree to their own request (maker-checker): a second approver signs in here.</source>
        <translation>Godkänn återöppning av %1. Den attestant som begärde kan inte godkänna sin egen begäran (fyra ögon-principen): en andra attestant loggar in här.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+30"/>
        <source>Nobody has asked to re-open %1.</source>
        <translation>Ingen har begärt återöppning av %1.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Re-opening…</source>
        <translation>Återöppnar…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is open again (agreed by %2). Every sign-off was cleared.</source>
        <translation>%1 är öppen igen (godkänt av %2). Alla attester nollställdes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Decline to re-open %1: it stays locked. Another approver than the one who asked signs in.</source>
        <translation>Avslå återöppning av %1: den förblir låst. En annan attestant än den som begärde loggar in.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Declining…</source>
        <translation>Avslår…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 declined to re-open %2; it stays locked.</source>
        <translation>%1 avslog återöppning av %2; den förblir låst.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder for the %1 close pack</source>
        <translation>Mapp för bokslutspaketet %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Writing the %1 close pack…</source>
        <translation>Skriver bokslutspaketet %1…</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Close pack for %1 written to %2 (%n file(s)).</source>
        <translation>
            <numerusform>Bokslutspaketet för %1 har skrivits till %2 (%n fil).</numerusform>
            <numerusform>Bokslutspaketet för %1 har skrivits till %2 (%n filer).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not every gate passes: the pack says which.</source>
        <translation>Alla kontrollpunkter är inte godkända: paketet anger vilka.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit chain did not verify, so its head is not in the summary.</source>
        <translation>Revisionskedjan kunde inte verifieras, så dess huvud finns inte med i sammanfattningen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The period is not locked yet.</source>
        <translation>Perioden är ännu inte låst.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::CloseStepsModel</name>
    <message>
        <location filename="../ui/close/closestepsmodel.cpp" line="+38"/>
        <source>Passes · signed by %1</source>
        <translation>Godkänd · attesterad av %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fails now · was signed by %1</source>
        <translation>Underkänd nu · attesterades av %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fails · not signed</source>
        <translation>Underkänd · inte attesterad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passes · sign earlier gates first</source>
        <translation>Godkänd · attestera tidigare kontrollpunkter först</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passes · ready to sign</source>
        <translation>Godkänd · klar att attestera</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Locked by %1</source>
        <translation>Låst av %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by %1 · not locked</source>
        <translation>Attesterad av %1 · inte låst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready for the approver</source>
        <translation>Klar för attestanten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the gates</source>
        <translation>Väntar på kontrollpunkterna</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sign off and lock the period</source>
        <translation>Attestera och lås perioden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step %1: %2. %3</source>
        <translation>Steg %1: %2. %3</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::ConnectionsForm</name>
    <message>
        <location filename="../ui/settings/connectionsform.cpp" line="+25"/>
        <source>Leave empty to keep the one in the keychain</source>
        <translation>Lämna tomt för att behålla det i nyckelringen</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+152"/>
        <source>Sitoo API password</source>
        <translation>Sitoos API-lösenord</translation>
    </message>
    <message>
        <location line="-150"/>
        <location line="+152"/>
        <source>Prima access token</source>
        <translation>Primas åtkomsttoken</translation>
    </message>
    <message>
        <location line="-150"/>
        <location line="+1"/>
        <source>Test connection</source>
        <translation>Testa anslutningen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sitoo address</source>
        <translation>Sitoo-adress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitoo account id</source>
        <translation>Sitoo-kontots id</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo API id</source>
        <translation>Sitoos API-id</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima gateway address</source>
        <translation>Prima-gatewayens adress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for a company certificate authority</source>
        <translation>Endast för en företagsegen certifikatutfärdare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra CA certificate file</source>
        <translation>Fil med extra CA-certifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the Sitoo connection</source>
        <translation>Testa anslutningen till Sitoo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the Prima connection</source>
        <translation>Testa anslutningen till Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo POS</source>
        <translation>Sitoo-kassan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address:</source>
        <translation>Adress:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account id:</source>
        <translation>Konto-id:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API id:</source>
        <translation>API-id:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API password:</source>
        <translation>API-lösenord:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prima ERP</source>
        <translation>Prima ERP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway address:</source>
        <translation>Gateway-adress:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access token:</source>
        <translation>Åtkomsttoken:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificates</source>
        <translation>Certifikat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extra CA certificate:</source>
        <translation>Extra CA-certifikat:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save connections</source>
        <translation>Spara anslutningar</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Extra CA certificate</source>
        <translation>Extra CA-certifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-certifikat (*.pem *.crt);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved. The %1 is in the system keychain.</source>
        <translation>Sparat. %1 finns i systemets nyckelring.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 was not saved: %2</source>
        <translation>%1 sparades inte: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Asking Sitoo…</source>
        <translation>Frågar Sitoo…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Asking Prima…</source>
        <translation>Frågar Prima…</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::DashboardPage</name>
    <message>
        <location filename="../ui/dashboard/dashboardpage.cpp" line="+28"/>
        <location line="+20"/>
        <location line="+21"/>
        <source>Stores</source>
        <translation>Butiker</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>POS orders in the cache</source>
        <translation>Kassaordrar i cachen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarantined orders</source>
        <translation>Ordrar i karantän</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open exceptions</source>
        <translation>Öppna undantag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to post to Prima</source>
        <translation>Väntar på bokföring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail entries</source>
        <translation>Poster i revisionsspåret</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Orders held back from Prima until an exception is resolved.</source>
        <translation>Ordrar som hålls kvar från Prima tills ett undantag är åtgärdat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exceptions not yet resolved, approved or rejected.</source>
        <translation>Undantag som ännu inte är åtgärdade, attesterade eller avvisade.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents written to the outbox that Prima has not confirmed yet.</source>
        <translation>Dokument i utkorgen som Prima ännu inte har bekräftat.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Hover a row to see why a store is OK, to check, or to act on.</source>
        <translation>Håll muspekaren över en rad för att se varför en butik är OK, ska kontrolleras eller kräver åtgärd.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open exceptions by owner team</source>
        <translation>Öppna undantag per ansvarigt team</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No stores yet</source>
        <translation>Inga butiker ännu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stores appear here after the first pull from Sitoo. Each store will show when its sales were last pulled and posted, what is waiting, and a traffic light for its sync health.</source>
        <translation>Butikerna visas här efter den första hämtningen från Sitoo. Varje butik visar när dess försäljning senast hämtades och bokfördes, vad som väntar och en trafiksignal för synkroniseringens hälsa.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Store health</source>
        <translation>Butikernas hälsa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where every store&apos;s sales stand between the tills and the ledger.</source>
        <translation>Var varje butiks försäljning står mellan kassorna och huvudboken.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sales that reached Prima, by store and day</source>
        <translation>Försäljning som nått Prima, per butik och dag</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No exceptions waiting for anyone.</source>
        <translation>Inga undantag väntar på någon.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open exceptions by owner: %1 — &lt;a href=&quot;queue&quot;&gt;open the queue&lt;/a&gt;</source>
        <translation>Öppna undantag per ansvarig: %1 — &lt;a href=&quot;queue&quot;&gt;öppna kön&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::ExceptionDetailView</name>
    <message>
        <location filename="../ui/exceptions/exceptiondetailview.cpp" line="+38"/>
        <source>Exception details</source>
        <translation>Undantagsdetaljer</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Owner: %1</source>
        <translation>Ansvarig: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store: %1</source>
        <translation>Butik: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised %1 (%2 ago)</source>
        <translation>Registrerat %1 (för %2 sedan)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Does not block posting</source>
        <translation>Blockerar inte bokföring</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assigned to %1</source>
        <translation>Tilldelat %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 proposed to post this order as it is. Another approver must approve it.</source>
        <translation>%1 föreslog att ordern bokförs som den är. En annan attestant måste attestera det.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closed: %1</source>
        <translation>Stängt: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The arithmetic</source>
        <translation>Beräkningen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lines, net</source>
        <translation>Rader, netto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ VAT on the lines</source>
        <translation>+ Moms på raderna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Cash rounding</source>
        <translation>+ Öresavrundning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>= Computed total</source>
        <translation>= Beräknad summa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order total</source>
        <translation>Ordersumma</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Difference</source>
        <translation>Differens</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>VAT per rate</source>
        <translation>Moms per sats</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+28"/>
        <source>Rate</source>
        <translation>Sats</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Lines</source>
        <translation>Rader</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+28"/>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>VAT on the order</source>
        <translation>Moms på ordern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VAT at the rate</source>
        <translation>Moms enligt satsen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>VAT at the rate is the net amount times the rate, rounded half up once per rate. A difference of a penny or öre per line can be the till&apos;s own rounding and is allowed.</source>
        <translation>Moms enligt satsen är nettobeloppet gånger satsen, avrundat uppåt vid jämnt läge en gång per sats. En differens på ett öre eller en penny per rad kan vara kassans egen avrundning och är tillåten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sale %1</source>
        <translation>Försäljning %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund %1</source>
        <translation>Retur %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt %1 · %2 · state %3</source>
        <translation>Kvitto %1 · %2 · status %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SKU</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qty</source>
        <translation>Antal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid: %1</source>
        <translation>Betalt: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The order could not be read</source>
        <translation>Ordern kunde inte läsas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the bytes Sitoo sent are known; they are kept below.</source>
        <translation>Endast de byte som Sitoo skickade är kända; de visas nedan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also holding this order back</source>
        <translation>Håller också kvar denna order</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prima</source>
        <translation>Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Posting %1 · state %2%3</source>
        <translation>Bokföring %1 · status %2%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · document %1</source>
        <translation> · dokument %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attempt</source>
        <translation>Försök</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prima said</source>
        <translation>Prima svarade</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>in flight</source>
        <translation>pågår</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The order as Sitoo sent it</source>
        <translation>Ordern som Sitoo skickade den</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::ExceptionQueuePage</name>
    <message>
        <location filename="../ui/exceptions/exceptionqueuepage.cpp" line="+59"/>
        <source>Assign to me</source>
        <translation>Tilldela mig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check again</source>
        <translation>Kontrollera igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the mapping…</source>
        <translation>Rätta mappningen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve…</source>
        <translation>Åtgärda…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose override…</source>
        <translation>Föreslå åsidosättande…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve…</source>
        <translation>Attestera…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject…</source>
        <translation>Avvisa…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search explanations, orders, assignees</source>
        <translation>Sök i förklaringar, ordrar, tilldelade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the exception queue</source>
        <translation>Sök i undantagskön</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owner team</source>
        <translation>Ansvarigt team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All owners</source>
        <translation>Alla ansvariga</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All problems</source>
        <translation>Alla problem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All stores</source>
        <translation>Alla butiker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To work on</source>
        <translation>Att arbeta med</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Öppet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned</source>
        <translation>Tilldelat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Stängda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for</source>
        <translation>Väntat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any age</source>
        <translation>Alla åldrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under an hour</source>
        <translation>Under en timme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under a day</source>
        <translation>Under ett dygn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1–7 days</source>
        <translation>1–7 dagar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over 7 days</source>
        <translation>Över 7 dagar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the selected exceptions (Ctrl+M)</source>
        <translation>Ta de markerade undantagen (Ctrl+M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validate the selected orders again after a mapping or the catalogue was fixed (Ctrl+R)</source>
        <translation>Validera de markerade ordrarna igen efter att en mappning eller artikelregistret rättats (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the missing mapping for this value, prefilled, and see how many held-back orders it releases before it is saved</source>
        <translation>Lägg till den saknade mappningen för detta värde, förifylld, och se hur många kvarhållna ordrar den släpper innan den sparas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the selected exceptions with a reason: the problem was fixed outside Tillbridge</source>
        <translation>Stäng de markerade undantagen med en motivering: problemet åtgärdades utanför Tillbridge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose to post the order as it is; a second person must approve (maker-checker)</source>
        <translation>Föreslå att ordern bokförs som den är; en andra person måste attestera (fyra ögon-principen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+308"/>
        <source>Approve a proposed override with your sign-in (Ctrl+Return)</source>
        <translation>Attestera ett föreslaget åsidosättande med din inloggning (Ctrl+Return)</translation>
    </message>
    <message>
        <location line="-307"/>
        <source>Decide that the order is not posted as it is</source>
        <translation>Besluta att ordern inte bokförs som den är</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number of exceptions</source>
        <translation>Antal undantag</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+35"/>
        <source>Exception queue</source>
        <translation>Undantagskö</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Nothing waiting</source>
        <translation>Inget väntar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders that fail validation — an unknown SKU, totals that do not add up, VAT outside the rounding rules, an unmapped tax code or payment method — wait here with an explanation, an owner and an age until someone fixes or approves them.</source>
        <translation>Ordrar som inte klarar valideringen — en okänd artikel, summor som inte går ihop, moms utanför avrundningsreglerna, en omappad momskod eller ett omappat betalsätt — väntar här med en förklaring, en ansvarig och en ålder tills någon rättar eller attesterar dem.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+213"/>
        <source>Select an exception</source>
        <translation>Välj ett undantag</translation>
    </message>
    <message>
        <location line="-212"/>
        <location line="+213"/>
        <source>Its explanation, the order&apos;s lines and the arithmetic behind the difference appear here.</source>
        <translation>Dess förklaring, orderns rader och beräkningen bakom differensen visas här.</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>What is held back from Prima and why, oldest first. Fix, approve or reject.</source>
        <translation>Vad som hålls kvar från Prima och varför, äldst först. Rätta, attestera eller avvisa.</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%Ln exception(s)</source>
        <translation>
            <numerusform>%Ln undantag</numerusform>
            <numerusform>%Ln undantag</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+288"/>
        <source>%n exception(s) assigned to %1.</source>
        <translation>
            <numerusform>%n undantag tilldelat %1.</numerusform>
            <numerusform>%n undantag tilldelade %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Checked %n order(s): %1 released to Prima, %2 still held back.</source>
        <translation>
            <numerusform>Kontrollerade %n order: %1 släppta till Prima, %2 hålls fortfarande kvar.</numerusform>
            <numerusform>Kontrollerade %n ordrar: %1 släppta till Prima, %2 hålls fortfarande kvar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n selected item(s) are not held-back orders and were left as they are.</source>
        <translation>
            <numerusform>%n markerad post är inte en kvarhållen order och lämnades som den är.</numerusform>
            <numerusform>%n markerade poster är inte kvarhållna ordrar och lämnades som de är.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n exception(s) resolved.</source>
        <translation>
            <numerusform>%n undantag åtgärdat.</numerusform>
            <numerusform>%n undantag åtgärdade.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-202"/>
        <source>%1 exceptions selected</source>
        <translation>%1 undantag markerade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign, check again or resolve them together with the buttons above.</source>
        <translation>Tilldela, kontrollera igen eller åtgärda dem tillsammans med knapparna ovan.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The details could not be read</source>
        <translation>Detaljerna kunde inte läsas</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>You proposed this override: another approver signs in to approve it.</source>
        <translation>Du föreslog detta åsidosättande: en annan attestant loggar in för att attestera det.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Assigning…</source>
        <translation>Tilldelar…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Checking the orders again…</source>
        <translation>Kontrollerar ordrarna igen…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Resolve</source>
        <translation>Åtgärda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done about it? This is recorded in the audit trail.</source>
        <translation>Vad gjordes åt det? Detta registreras i revisionsspåret.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was resolved: a reason is required.</source>
        <translation>Ingenting åtgärdades: en motivering krävs.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resolving…</source>
        <translation>Åtgärdar…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Propose override</source>
        <translation>Föreslå åsidosättande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why should this order be posted as it is? A second person will see this when they approve or reject it.</source>
        <translation>Varför ska denna order bokföras som den är? En andra person ser detta när hen attesterar eller avvisar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No override was proposed: a reason is required.</source>
        <translation>Inget åsidosättande föreslogs: en motivering krävs.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Proposing the override…</source>
        <translation>Föreslår åsidosättandet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Override proposed. Another approver must approve it before the order is posted.</source>
        <translation>Åsidosättande föreslaget. En annan attestant måste attestera det innan ordern bokförs.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>You proposed this override, so you cannot approve it yourself (maker-checker). Another approver signs in here.</source>
        <translation>Du föreslog detta åsidosättande, så du kan inte attestera det själv (fyra ögon-principen). En annan attestant loggar in här.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 proposed to post this order as it is. Sign in as an approver to approve it.</source>
        <translation>%1 föreslog att ordern bokförs som den är. Logga in som attestant för att attestera.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Approving…</source>
        <translation>Attesterar…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Approved by %1. The order is released and will be posted to Prima.</source>
        <translation>Attesterat av %1. Ordern är släppt och bokförs i Prima.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved by %1. The order is still held back by: %2.</source>
        <translation>Attesterat av %1. Ordern hålls fortfarande kvar av: %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The order will not be posted as it is. Sign in as an approver.</source>
        <translation>Ordern bokförs inte som den är. Logga in som attestant.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rejecting…</source>
        <translation>Avvisar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rejected by %1. The order stays held back.</source>
        <translation>Avvisat av %1. Ordern hålls fortfarande kvar.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::ExportController</name>
    <message>
        <location filename="../ui/common/exportcontroller.cpp" line="+74"/>
        <source>Export…</source>
        <translation>Exportera…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the rows shown here, with the current filters, as an Excel workbook or CSV file</source>
        <translation>Spara raderna som visas här, med aktuella filter, som en Excel-arbetsbok eller CSV-fil</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export %1</source>
        <translation>Exportera %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Exporting %1…</source>
        <translation>Exporterar %1…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exporting %1: %2 of %3 rows…</source>
        <translation>Exporterar %1: %2 av %3 rader…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting %1: %2 rows…</source>
        <translation>Exporterar %1: %2 rader…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The export could not be written: %1</source>
        <translation>Exporten kunde inte skrivas: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Exporten avbröts; ingen fil skrevs.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exporterade %n rad till %1</numerusform>
            <numerusform>Exporterade %n rader till %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::ExportDialog</name>
    <message>
        <location line="+22"/>
        <source>Excel workbook (.xlsx): numbers, amounts and dates as real cells</source>
        <translation>Excel-arbetsbok (.xlsx): tal, belopp och datum som riktiga celler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (.csv): comma-separated text, UTF-8</source>
        <translation>CSV (.csv): kommaseparerad text, UTF-8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add BOM for Excel</source>
        <translation>Lägg till BOM för Excel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starts the file with a byte-order mark, so that Excel reads å, ä and ö correctly</source>
        <translation>Inleder filen med en byteordningsmarkering, så att Excel läser å, ä och ö rätt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::JobStatusWidget</name>
    <message>
        <location filename="../ui/common/jobstatuswidget.cpp" line="+22"/>
        <source>Job progress</source>
        <translation>Jobbets förlopp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop after the step in progress; everything done so far is kept.</source>
        <translation>Stoppa efter steget som pågår; allt som gjorts hittills sparas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the running job</source>
        <translation>Avbryt det pågående jobbet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 — stopping…</source>
        <translation>%1 — stoppar…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pulling and posting orders</source>
        <translation>Hämtar och bokför ordrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading Prima&apos;s items, pulling and posting orders</source>
        <translation>Läser Primas artiklar, hämtar och bokför ordrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending the catalogue to Sitoo</source>
        <translation>Skickar artikelregistret till Sitoo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comparing the catalogues</source>
        <translation>Jämför artikelregistren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconciling payouts and VAT</source>
        <translation>Stämmer av redovisning och moms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking store feeds</source>
        <translation>Kontrollerar butikernas flöden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending all stock levels to Sitoo</source>
        <translation>Skickar alla lagersaldon till Sitoo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending stock at risk to Sitoo</source>
        <translation>Skickar lager i riskzonen till Sitoo</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>stores</source>
        <translation>butiker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima&apos;s items</source>
        <translation>Primas artiklar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 orders pulled</source>
        <translation>%1 ordrar hämtade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 orders pulled, %2 posted</source>
        <translation>%1 ordrar hämtade, %2 bokförda</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::LanguageForm</name>
    <message>
        <location filename="../ui/settings/languageform.cpp" line="+22"/>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workbench language</source>
        <translation>Arbetsverktygets språk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Texts, dates, numbers and amounts follow this choice. &quot;System&quot; uses the language and regional format of this computer.</source>
        <translation>Texter, datum, tal och belopp följer detta val. ”System” använder datorns språk och regionala format.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Saved. Tillbridge uses the new language the next time it starts.</source>
        <translation>Sparat. Tillbridge använder det nya språket nästa gång programmet startar.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+59"/>
        <source>Tillbridge — Sitoo to Prima reconciliation</source>
        <translation>Tillbridge — avstämning från Sitoo till Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Views</source>
        <translation>Vyer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Store health</source>
        <translation>Butikernas hälsa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync health per store</source>
        <translation>Synkroniseringens hälsa per butik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception queue</source>
        <translation>Undantagskö</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quarantined orders and other exceptions to review</source>
        <translation>Ordrar i karantän och andra undantag att granska</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VAT and payouts</source>
        <translation>Moms och redovisning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VAT differences by store, rate and day; takings against the ledger</source>
        <translation>Momsskillnader per butik, sats och dag; kassaredovisning mot huvudboken</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connections, cache and audit settings</source>
        <translation>Inställningar för anslutningar, cache och revision</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Signed-in user</source>
        <translation>Inloggad användare</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Sign in…</source>
        <translation>Logga in…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Switch user…</source>
        <translation>Byt användare…</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Tillbridge</source>
        <translation>Tillbridge</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Actions in the exception queue are recorded under your name.</source>
        <translation>Åtgärder i undantagskön registreras under ditt namn.</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>SKU differences</source>
        <translation>Artikelskillnader</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Catalogue differences between Prima and Sitoo</source>
        <translation>Skillnader i artikelregistret mellan Prima och Sitoo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stock</source>
        <translation>Lager</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Available-to-sell in Prima against the level in Sitoo</source>
        <translation>Säljbart saldo i Prima mot saldot i Sitoo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail</source>
        <translation>Revisionsspår</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every audited change, with chain verification</source>
        <translation>Varje granskad ändring, med kedjeverifiering</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Month-end close</source>
        <translation>Månadsbokslut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The close checklist for a period</source>
        <translation>Checklistan för bokslut av en period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sitoo POS → Prima ERP</source>
        <translation>Sitoo-kassa → Prima ERP</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-read every view from the cache (%1)</source>
        <translation>Läs om alla vyer från cachen (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cache: %1 · schema %2</source>
        <translation>Cache: %1 · schema %2</translation>
    </message>
    <message numerus="yes">
        <location line="+140"/>
        <source>%n new exception(s) hold orders back from Prima.</source>
        <translation>
            <numerusform>%n nytt undantag håller kvar ordrar från Prima.</numerusform>
            <numerusform>%n nya undantag håller kvar ordrar från Prima.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::MappingTableModel</name>
    <message>
        <location filename="../ui/settings/mappingtablemodel.cpp" line="+48"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Changed by</source>
        <translation>Ändrad av</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed</source>
        <translation>Ändrad</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sitoo store id</source>
        <translation>Sitoo-butiks-id</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT rate</source>
        <translation>Momssats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo payment method</source>
        <translation>Sitoo-betalsätt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo voucher or campaign code</source>
        <translation>Sitoo-kupong eller kampanjkod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo refund reason</source>
        <translation>Sitoo-returorsak</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prima location</source>
        <translation>Prima-plats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima tax code</source>
        <translation>Momskod i Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima tender</source>
        <translation>Betalsätt i Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima promotion code</source>
        <translation>Kampanjkod i Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disposition</source>
        <translation>Hantering</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stores → Prima locations</source>
        <translation>Butiker → Prima-platser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT rates → Prima tax codes</source>
        <translation>Momssatser → momskoder i Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payment methods → Prima tenders</source>
        <translation>Betalsätt → betalsätt i Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vouchers → Prima promotions</source>
        <translation>Kuponger → kampanjer i Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund reasons → dispositions</source>
        <translation>Returorsaker → hantering</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::MappingsForm</name>
    <message>
        <location filename="../ui/settings/mappingsform.cpp" line="+36"/>
        <source>Each Sitoo store posts to one Prima location. An unmapped store holds its orders back as “Unmapped store”.</source>
        <translation>Varje Sitoo-butik bokförs på en plats i Prima. En omappad butik håller kvar sina ordrar som ”Butik inte mappad”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each VAT rate on a receipt becomes a Prima tax code. “25”, “25.0” and “25.00” are one rate.</source>
        <translation>Varje momssats på ett kvitto blir en momskod i Prima. ”25”, ”25.0” och ”25.00” är samma sats.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each Sitoo payment method (as the till names it) becomes a Prima tender.</source>
        <translation>Varje betalsätt i Sitoo (som kassan benämner det) blir ett betalsätt i Prima.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each Sitoo voucher or campaign code becomes a Prima promotion code.</source>
        <translation>Varje kupong eller kampanjkod i Sitoo blir en kampanjkod i Prima.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each Sitoo refund reason decides what happens to returned goods: restock, quarantine, write off, or no stock movement.</source>
        <translation>Varje returorsak i Sitoo avgör vad som händer med returnerade varor: åter i lager, karantän, avskrivning eller ingen lagerrörelse.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No %1 mapping yet. Press “Add…” and type the value as Sitoo sends it and the code Prima expects; the orders it holds back are released when you save.</source>
        <translation>Ingen %1-mappning ännu. Tryck på ”Lägg till…” och skriv värdet som Sitoo skickar det och koden som Prima förväntar sig; ordrar som hålls kvar av det släpps när du sparar.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add…</source>
        <translation>Lägg till…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Redigera…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>Ta bort…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change to review</source>
        <translation>Ändring att granska</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and release</source>
        <translation>Spara och släpp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Förkasta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mapping kind</source>
        <translation>Mappningstyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mapping:</source>
        <translation>&amp;Mappning:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a mapping</source>
        <translation>Lägg till en mappning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected mapping</source>
        <translation>Redigera den markerade mappningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected mapping</source>
        <translation>Ta bort den markerade mappningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map another Sitoo value; you see what it releases before it is saved</source>
        <translation>Mappa ytterligare ett Sitoo-värde; du ser vad det släpper innan det sparas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the Prima code of the selected mapping; you see what it releases first</source>
        <translation>Ändra Prima-koden för den markerade mappningen; du ser först vad det släpper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders using this value will be held back again until it is mapped</source>
        <translation>Ordrar som använder detta värde hålls kvar igen tills det mappas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mappings</source>
        <translation>Mappningar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing mapped yet</source>
        <translation>Inget mappat ännu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the change releases</source>
        <translation>Vad ändringen släpper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the mapping and release the orders</source>
        <translation>Spara mappningen och släpp ordrarna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the change</source>
        <translation>Förkasta ändringen</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Sign in first: every mapping change is recorded under your name.</source>
        <translation>Logga in först: varje mappningsändring registreras under ditt namn.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Edit mapping</source>
        <translation>Redigera mappning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add mapping</source>
        <translation>Lägg till mappning</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>for example 25 or 12.5</source>
        <translation>till exempel 25 eller 12.5</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>as Sitoo sends it</source>
        <translation>som Sitoo skickar det</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restock</source>
        <translation>Åter i lager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarantine</source>
        <translation>Karantän</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write off</source>
        <translation>Skriv av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No stock movement</source>
        <translation>Ingen lagerrörelse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the code in Prima</source>
        <translation>koden i Prima</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing is saved yet: next you see how many held-back orders this releases.</source>
        <translation>Ingenting är sparat ännu: härnäst ser du hur många kvarhållna ordrar detta släpper.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview</source>
        <translation>Förhandsgranskning</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 “%2” → %3</source>
        <translation>%1 ”%2” → %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: checking the quarantine against this change…</source>
        <translation>%1: kontrollerar karantänen mot denna ändring…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This is the mapping already saved: nothing changes.</source>
        <translation>Detta är mappningen som redan är sparad: ingenting ändras.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No order is held back at the moment, so this change releases none.</source>
        <translation>Ingen order hålls kvar just nu, så denna ändring släpper inga.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This change releases %1 of %2 quarantined orders to Prima; %3 stay quarantined</source>
        <translation>Ändringen släpper %1 av %2 ordrar i karantän till Prima; %3 blir kvar i karantän</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New mapping</source>
        <translation>Ny mappning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed mapping</source>
        <translation>Ändrad mappning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is saved until you press “Save and release”.</source>
        <translation>Ingenting sparas förrän du trycker på ”Spara och släpp”.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saving the mapping and releasing the orders it frees…</source>
        <translation>Sparar mappningen och släpper ordrarna som den frigör…</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Saved %1. %n order(s) released to Prima; %2 still held back.</source>
        <translation>
            <numerusform>Sparade %1. %n order släppt till Prima; %2 hålls fortfarande kvar.</numerusform>
            <numerusform>Sparade %1. %n ordrar släppta till Prima; %2 hålls fortfarande kvar.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Remove mapping</source>
        <translation>Ta bort mappning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1? Orders that use “%2” will be held back until it is mapped again.</source>
        <translation>Ta bort %1? Ordrar som använder ”%2” hålls kvar tills det mappas igen.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Removed the mapping of “%1”.</source>
        <translation>Tog bort mappningen av ”%1”.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::SettingsPage</name>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="+39"/>
        <source>Export audit anchor…</source>
        <translation>Exportera revisionsankare…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Local cache</source>
        <translation>Lokal cache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema version:</source>
        <translation>Schemaversion:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write-ahead log; every commit is synced to disk; foreign keys enforced. Checked each time the cache is opened.</source>
        <translation>Skrivlogg (WAL); varje commit synkas till disk; främmande nycklar upprätthålls. Kontrolleras varje gång cachen öppnas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Durability:</source>
        <translation>Hållbarhet:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit anchor</source>
        <translation>Revisionsankare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep a copy of the audit trail&apos;s head outside the cache (for example with the month-end close pack). Anyone able to write to the cache could rebuild the chain; an anchor kept elsewhere proves it was not.</source>
        <translation>Förvara en kopia av revisionsspårets huvud utanför cachen (till exempel med månadsbokslutets bokslutspaket). Den som kan skriva i cachen skulle kunna bygga om kedjan; ett ankare som förvaras någon annanstans visar att så inte skett.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export the audit anchor to a file</source>
        <translation>Exportera revisionsankaret till en fil</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Connections</source>
        <translation>Anslutningar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mappings</source>
        <translation>Mappningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users and roles</source>
        <translation>Användare och roller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cache and audit</source>
        <translation>Cache och revision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close pack</source>
        <translation>Bokslutspaket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings sections</source>
        <translation>Avsnitt i inställningarna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How this workstation reaches Sitoo and Prima, how Sitoo&apos;s values become Prima&apos;s codes, who may do what, and how the data is kept.</source>
        <translation>Hur denna arbetsstation når Sitoo och Prima, hur Sitoos värden blir Primas koder, vem som får göra vad och hur data förvaras.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Export audit anchor</source>
        <translation>Exportera revisionsankare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit anchor (*.json)</source>
        <translation>Revisionsankare (*.json)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Verifying the audit chain before exporting its head…</source>
        <translation>Verifierar revisionskedjan innan dess huvud exporteras…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Anchored entry %1 in %2.</source>
        <translation>Förankrade post %1 i %2.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::SignInDialog</name>
    <message>
        <location filename="../ui/common/signindialog.cpp" line="+29"/>
        <source>Sign in to Tillbridge</source>
        <translation>Logga in i Tillbridge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approve the override</source>
        <translation>Attestera åsidosättandet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve</source>
        <translation>Attestera</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reject the order</source>
        <translation>Avvisa ordern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject</source>
        <translation>Avvisa</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+13"/>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+12"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+13"/>
        <source>Reason</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Why — this goes into the audit trail.</source>
        <translation>Varför — detta förs in i revisionsspåret.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Enter a user name and password.</source>
        <translation>Ange ett användarnamn och ett lösenord.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give a reason: it is recorded with the decision.</source>
        <translation>Ange en motivering: den registreras med beslutet.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::SkuDiffPage</name>
    <message>
        <location filename="../ui/skudiff/skudiffpage.cpp" line="+43"/>
        <source>Only in Sitoo (sellable)</source>
        <translation>Bara i Sitoo (säljbar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only in Prima (active)</source>
        <translation>Bara i Prima (aktiv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Different price, VAT, title, barcode or status</source>
        <translation>Annat pris, moms, benämning, streckkod eller status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a near-match hint</source>
        <translation>Med tips om nästan lika</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+18"/>
        <source>Run audit now</source>
        <translation>Kör granskning nu</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Deactivate in POS…</source>
        <translation>Inaktivera i kassan…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search SKUs and explanations</source>
        <translation>Sök artiklar och förklaringar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the SKU differences</source>
        <translation>Sök i artikelskillnaderna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Difference type</source>
        <translation>Typ av skillnad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All differences</source>
        <translation>Alla skillnader</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read Prima&apos;s item master and every Sitoo product again and compare them</source>
        <translation>Läs Primas artikelregister och alla Sitoo-produkter igen och jämför dem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate in POS</source>
        <translation>Inaktivera i kassan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected SKU, which Prima does not sell, from being sold in the POS. Needs an approver&apos;s sign-in.</source>
        <translation>Stoppa försäljningen i kassan av den markerade artikeln, som Prima inte säljer. Kräver en attestants inloggning.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sellable in the POS but not in Prima&apos;s item master: its sales cannot be posted</source>
        <translation>Säljbar i kassan men inte i Primas artikelregister: dess försäljning kan inte bokföras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active in Prima but missing from the Sitoo site: the tills cannot sell it</source>
        <translation>Aktiv i Prima men saknas på Sitoo-sajten: kassorna kan inte sälja den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On both sides, but price, VAT rate, title, barcode or active flag differ</source>
        <translation>På båda sidor, men pris, momssats, benämning, streckkod eller aktiv-flagga skiljer sig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only-in SKUs whose counterpart differs just by letter case, spaces or one matrix segment: probably a typing error, not a missing item</source>
        <translation>Artiklar som bara finns på ena sidan där motsvarigheten bara skiljer sig i versaler/gemener, mellanslag eller ett matrissegment: troligen ett skrivfel, inte en saknad artikel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Latest audit</source>
        <translation>Senaste granskning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of differences</source>
        <translation>Antal skillnader</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+37"/>
        <source>SKU differences</source>
        <translation>Artikelskillnader</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Recent SKU audit runs</source>
        <translation>Senaste artikelgranskningar</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Prima&apos;s item master beside the Sitoo POS catalogue, from the latest SKU audit. Fix SKUs in Prima; deactivate POS-only SKUs here.</source>
        <translation>Primas artikelregister bredvid Sitoo-kassans artiklar, från den senaste artikelgranskningen. Rätta artiklar i Prima; inaktivera artiklar som bara finns i kassan här.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Recent audits (newest first)</source>
        <translation>Senaste granskningar (nyaste först)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>SKU audit requested. The figures update when it has finished.</source>
        <translation>Artikelgranskning begärd. Siffrorna uppdateras när den är klar.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln difference(s) shown</source>
        <translation>
            <numerusform>%Ln skillnad visas</numerusform>
            <numerusform>%Ln skillnader visas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Latest audit of Sitoo site %1: %2 by %3, %4 Prima SKUs against %5 Sitoo SKUs. The tiles count what is still open.</source>
        <translation>Senaste granskning av Sitoo-sajt %1: %2 av %3, %4 Prima-artiklar mot %5 Sitoo-artiklar. Rutorna räknar det som fortfarande är öppet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No SKU audit has run yet.</source>
        <translation>Ingen artikelgranskning har körts ännu.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No SKU audit yet</source>
        <translation>Ingen artikelgranskning ännu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The audit compares Prima&apos;s item master with every product of the Sitoo site: price, VAT rate, title, barcode and whether it can be sold. Click “Run audit now” (or run tillbridge-cli sku-audit); its differences appear here by type.</source>
        <translation>Granskningen jämför Primas artikelregister med alla produkter på Sitoo-sajten: pris, momssats, benämning, streckkod och om den kan säljas. Klicka på ”Kör granskning nu” (eller kör tillbridge-cli sku-audit); skillnaderna visas här per typ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No differences match the filter</source>
        <translation>Inga skillnader matchar filtret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose “All differences” or clear the search box to see every open difference.</source>
        <translation>Välj ”Alla skillnader” eller töm sökrutan för att se alla öppna skillnader.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prima and Sitoo match</source>
        <translation>Prima och Sitoo stämmer överens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The latest audit found no SKU that differs, or every difference has been dealt with. Run the audit again after a catalogue change in Prima to check.</source>
        <translation>Den senaste granskningen hittade ingen artikel som skiljer sig, eller så har alla skillnader hanterats. Kör granskningen igen efter en ändring i artikelregistret i Prima för att kontrollera.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Deactivate %1 in the POS</source>
        <translation>Inaktivera %1 i kassan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is sellable in the Sitoo POS but Prima does not have it, so its sales cannot be posted. Deactivating it stops the tills from selling it; it stays in Sitoo. An approver signs in to decide.</source>
        <translation>%1 är säljbar i Sitoo-kassan men Prima har den inte, så dess försäljning kan inte bokföras. Inaktivering hindrar kassorna från att sälja den; den finns kvar i Sitoo. En attestant loggar in för att besluta.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing was deactivated: a reason is required.</source>
        <translation>Ingenting inaktiverades: en motivering krävs.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checking the sign-in…</source>
        <translation>Kontrollerar inloggningen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing was deactivated: %1</source>
        <translation>Ingenting inaktiverades: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was deactivated: %1 is not an approver. Only an approver or an administrator may stop a SKU from being sold.</source>
        <translation>Ingenting inaktiverades: %1 är ingen attestant. Bara en attestant eller en administratör får stoppa försäljningen av en artikel.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deactivation of %1 in the POS requested by %2. The row disappears once Sitoo has confirmed it.</source>
        <translation>Inaktivering av %1 i kassan begärd av %2. Raden försvinner när Sitoo har bekräftat den.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::StockPage</name>
    <message>
        <location filename="../ui/stock/stockpage.cpp" line="+62"/>
        <source>SKU levels in all stores</source>
        <translation>Artikelsaldon i alla butiker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitoo differs from Prima</source>
        <translation>Sitoo skiljer sig från Prima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to be pushed</source>
        <translation>Väntar på överföring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the fast lane now</source>
        <translation>I snabbfilen nu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed pushes</source>
        <translation>Misslyckade överföringar</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>Only differences</source>
        <translation>Endast skillnader</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+20"/>
        <source>Only failed pushes</source>
        <translation>Endast misslyckade överföringar</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+19"/>
        <source>Push fast lane now</source>
        <translation>Överför snabbfilen nu</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+20"/>
        <source>Push all now</source>
        <translation>Överför allt nu</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>SKU starts with…</source>
        <translation>Artikelnummer börjar med…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search stock by SKU</source>
        <translation>Sök lager på artikelnummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All stores</source>
        <translation>Alla butiker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Levels where Sitoo does not show Prima&apos;s available-to-sell (or nothing was written yet)</source>
        <translation>Saldon där Sitoo inte visar Primas säljbara saldo (eller inget skrivits ännu)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Levels whose last write to Sitoo failed; they are tried again automatically</source>
        <translation>Saldon vars senaste skrivning till Sitoo misslyckades; de försöks igen automatiskt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the levels at risk (low stock, fast movers) to Sitoo now</source>
        <translation>Skriv saldona i riskzonen (lågt lager, snabbsäljare) till Sitoo nu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write every level that changed in Prima to Sitoo now (normally done nightly)</source>
        <translation>Skriv alla saldon som ändrats i Prima till Sitoo nu (görs normalt varje natt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stock levels (SKU × store) in the cache</source>
        <translation>Lagersaldon (artikel × butik) i cachen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitoo&apos;s level is not Prima&apos;s available-to-sell, or was never written</source>
        <translation>Sitoos saldo är inte Primas säljbara saldo, eller skrevs aldrig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prima changed the level and the change has not been written to Sitoo yet</source>
        <translation>Prima ändrade saldot och ändringen har ännu inte skrivits till Sitoo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting levels at risk (low stock or fast-moving): the next fast-lane run writes them</source>
        <translation>Väntande saldon i riskzonen (lågt lager eller snabbsäljare): nästa körning av snabbfilen skriver dem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sitoo refused the last write, or it could not be sent; tried again automatically</source>
        <translation>Sitoo vägrade den senaste skrivningen, eller så kunde den inte skickas; försöks igen automatiskt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Levels shown</source>
        <translation>Visade saldon</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stock levels</source>
        <translation>Lagersaldon</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Stock per store</source>
        <translation>Lager per butik</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stock</source>
        <translation>Lager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prima&apos;s available-to-sell beside the level last written to each store&apos;s Sitoo warehouse, with the push lag and what failed.</source>
        <translation>Primas säljbara saldo bredvid det saldo som senast skrevs till varje butiks Sitoo-lager, med överföringens fördröjning och vad som misslyckades.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Per store</source>
        <translation>Per butik</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Fast-lane push requested. The figures update when it has finished.</source>
        <translation>Överföring av snabbfilen begärd. Siffrorna uppdateras när den är klar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Full push requested. The figures update when it has finished.</source>
        <translation>Full överföring begärd. Siffrorna uppdateras när den är klar.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>First %1 levels in SKU order; scroll for more</source>
        <translation>De första %1 saldona i artikelordning; rulla för fler</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln level(s)</source>
        <translation>
            <numerusform>%Ln saldo</numerusform>
            <numerusform>%Ln saldon</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No levels match the filter</source>
        <translation>Inga saldon matchar filtret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose “All stores”, clear the search box or untick “Only differences” and “Only failed pushes” to see every level.</source>
        <translation>Välj ”Alla butiker”, töm sökrutan eller avmarkera ”Endast skillnader” och ”Endast misslyckade överföringar” för att se alla saldon.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No stock levels yet</source>
        <translation>Inga lagersaldon ännu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels arrive from Prima with the first stock push, once the stores are mapped to Prima locations (Settings). Click “Push all now”, or run tillbridge-cli stock push.</source>
        <translation>Saldon kommer från Prima med den första lageröverföringen, när butikerna har mappats till Prima-platser (Inställningar). Klicka på ”Överför allt nu” eller kör tillbridge-cli stock push.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::SyncHeatmap</name>
    <message>
        <location filename="../ui/dashboard/syncheatmap.cpp" line="+20"/>
        <source>Sync success by store and day</source>
        <translation>Lyckad synkronisering per butik och dag</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1, %2: no sales</source>
        <translation>%1, %2: ingen försäljning</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, %2: %3 of %4 orders in Prima</source>
        <translation>%1, %2: %3 av %4 ordrar i Prima</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::TaxVariancePage</name>
    <message>
        <location filename="../ui/taxvariance/taxvariancepage.cpp" line="+104"/>
        <source>VAT %1</source>
        <translation>Moms %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+9"/>
        <source>Reconcile now</source>
        <translation>Stäm av nu</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The month to show</source>
        <translation>Månaden som ska visas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare the tills, the Z-reports and Prima for the last trading days now, instead of waiting for the nightly run</source>
        <translation>Jämför kassorna, Z-rapporterna och Prima för de senaste försäljningsdagarna nu, i stället för att vänta på nattkörningen</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+24"/>
        <source>VAT variance and payouts</source>
        <translation>Momsavvikelse och redovisning</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Whether the tills&apos; VAT and takings agree with the rates and with Prima, per store and trading day.</source>
        <translation>Om kassornas moms och dagskassa stämmer med momssatserna och med Prima, per butik och försäljningsdag.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payouts</source>
        <translation>Redovisning</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+292"/>
        <source>No VAT figures yet</source>
        <translation>Inga momssiffror ännu</translation>
    </message>
    <message>
        <location line="-291"/>
        <source>Each store&apos;s VAT per rate appears here once its trading days have been reconciled. Reconciliation runs every night for the day before; press “Reconcile now” to run it now. If nothing appears after that, check that orders are being pulled from Sitoo (Store health) and that Prima is connected (Settings).</source>
        <translation>Varje butiks moms per sats visas här när dess försäljningsdagar har stämts av. Avstämningen körs varje natt för föregående dag; tryck på ”Stäm av nu” för att köra den nu. Om ingenting visas efter det, kontrollera att ordrar hämtas från Sitoo (Butikernas hälsa) och att Prima är anslutet (Inställningar).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stores that trade in another currency are charted separately</source>
        <translation>Butiker som handlar i en annan valuta visas i ett eget diagram</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT variance summary</source>
        <translation>Sammanfattning av momsavvikelse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VAT charged − VAT at the rate, by store and rate</source>
        <translation>Debiterad moms − moms enligt satsen, per butik och sats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VAT variance by store and rate</source>
        <translation>Momsavvikelse per butik och sats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bars per store and VAT rate: VAT charged minus the VAT the rate gives on the net. Click a bar to list the orders behind it.</source>
        <translation>Staplar per butik och momssats: debiterad moms minus den moms som satsen ger på nettot. Klicka på en stapel för att lista ordrarna bakom den.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VAT charged − VAT at the rate, per day and store</source>
        <translation>Debiterad moms − moms enligt satsen, per dag och butik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VAT variance per day</source>
        <translation>Momsavvikelse per dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One line per store: the day&apos;s VAT charged minus the VAT the rates give.</source>
        <translation>En linje per butik: dagens debiterade moms minus den moms som satserna ger.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Orders behind the selected bar</source>
        <translation>Ordrar bakom den markerade stapeln</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Currency:</source>
        <translation>Valuta:</translation>
    </message>
    <message>
        <location line="+61"/>
        <location line="+255"/>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <location line="-254"/>
        <source>All stores</source>
        <translation>Alla butiker</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Only variances</source>
        <translation>Endast avvikelser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the lines beyond tolerance</source>
        <translation>Visa endast raderna utanför toleransen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of payout lines</source>
        <translation>Antal redovisningsrader</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Payouts per store, trading day and tender</source>
        <translation>Redovisning per butik, försäljningsdag och betalsätt</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>No results yet</source>
        <translation>Inga resultat ännu</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 has payout results but no VAT figures. They are stored with the next reconciliation: press “Reconcile now”.</source>
        <translation>%1 har redovisningsresultat men inga momssiffror. De sparas vid nästa avstämning: tryck på ”Stäm av nu”.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1, %2
VAT charged %3
VAT at the rate %4
Variance %5
Orders %6
VAT exceptions %7
Click to list the orders</source>
        <translation>%1, %2
Debiterad moms %3
Moms enligt satsen %4
Avvikelse %5
Ordrar %6
Momsundantag %7
Klicka för att lista ordrarna</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Prima&apos;s VAT at this rate %1 (on %n day(s))</source>
        <translation>
            <numerusform>Primas moms vid denna sats %1 (för %n dag)</numerusform>
            <numerusform>Primas moms vid denna sats %1 (för %n dagar)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%1 of %2 store and rate pairs differ; %n VAT exception(s) were raised. Click a bar for its orders.</source>
        <translation>
            <numerusform>%1 av %2 kombinationer av butik och sats skiljer sig; %n momsundantag registrerades. Klicka på en stapel för dess ordrar.</numerusform>
            <numerusform>%1 av %2 kombinationer av butik och sats skiljer sig; %n momsundantag registrerades. Klicka på en stapel för dess ordrar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n line(s) shown</source>
        <translation>
            <numerusform>%n rad visas</numerusform>
            <numerusform>%n rader visas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n variance(s) in %1</source>
        <translation>
            <numerusform>%n avvikelse i %1</numerusform>
            <numerusform>%n avvikelser i %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+90"/>
        <source>%1 — %n order(s); double-click one with an exception to open it</source>
        <translation>
            <numerusform>%1 — %n order; dubbelklicka på en med ett undantag för att öppna den</numerusform>
            <numerusform>%1 — %n ordrar; dubbelklicka på en med ett undantag för att öppna den</numerusform>
        </translation>
    </message>
    <message>
        <location line="-178"/>
        <location line="+25"/>
        <source>Variance (%1)</source>
        <translation>Avvikelse (%1)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Trading day</source>
        <translation>Försäljningsdag</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1: the tills charged exactly the VAT the rates give.</source>
        <translation>%1: kassorna debiterade exakt den moms som satserna ger.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the tills charged %2 more VAT than the rates give.</source>
        <translation>%1: kassorna debiterade %2 mer moms än satserna ger.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the tills charged %2 less VAT than the rates give.</source>
        <translation>%1: kassorna debiterade %2 mindre moms än satserna ger.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the cache</source>
        <translation>cachen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No payouts reconciled yet</source>
        <translation>Ingen redovisning avstämd ännu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every night each store&apos;s takings per tender — card, cash, Swish — are compared with its Z-reports and with Prima&apos;s ledger. Press “Reconcile now” to run it for the last trading days; the results appear here, with any difference beyond the tolerance in red.</source>
        <translation>Varje natt jämförs varje butiks dagskassa per betalsätt — kort, kontant, Swish — med dess Z-rapporter och med Primas huvudbok. Tryck på ”Stäm av nu” för att köra den för de senaste försäljningsdagarna; resultaten visas här, med differenser utanför toleransen i rött.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No variances</source>
        <translation>Inga avvikelser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every tender of the stores shown matched within tolerance in %1. Clear “Only variances” to see all the lines.</source>
        <translation>Alla betalsätt för de visade butikerna matchade inom toleransen under %1. Avmarkera ”Endast avvikelser” för att se alla rader.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Orders behind a bar</source>
        <translation>Ordrar bakom en stapel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a bar to see the orders behind it</source>
        <translation>Klicka på en stapel för att se ordrarna bakom den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The store&apos;s orders at that VAT rate in the month with a VAT exception or with VAT that differs from what the rate gives are listed here. Double-click an order with an exception to open it in the exception queue.</source>
        <translation>Butikens ordrar vid den momssatsen under månaden som har ett momsundantag eller moms som skiljer sig från vad satsen ger listas här. Dubbelklicka på en order med ett undantag för att öppna den i undantagskön.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Orders behind %1 · %2 · %3</source>
        <translation>Ordrar bakom %1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(reading…)</source>
        <translation>(läser…)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The orders could not be read</source>
        <translation>Ordrarna kunde inte läsas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No orders with a VAT difference</source>
        <translation>Inga ordrar med momsskillnad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every order of %1 at %2 charged exactly the VAT the rate gives and has no VAT exception.</source>
        <translation>Alla ordrar för %1 vid %2 debiterade exakt den moms som satsen ger och har inget momsundantag.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::UserTableModel</name>
    <message>
        <location filename="../ui/settings/usertablemodel.cpp" line="+47"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Inaktiverad</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Skapad</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::UsersForm</name>
    <message>
        <location filename="../ui/settings/usersform.cpp" line="+29"/>
        <source>Add a user</source>
        <translation>Lägg till en användare</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add user</source>
        <translation>Lägg till användare</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Users</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preparers work the queue and propose overrides. Approvers also approve overrides proposed by someone else, sign the period off and lock it. Administrators can do everything and add users.</source>
        <translation>Upprättare arbetar med kön och föreslår åsidosättanden. Attestanter attesterar dessutom åsidosättanden som någon annan föreslagit, attesterar perioden och låser den. Administratörer kan göra allt och lägga till användare.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Who may add users</source>
        <translation>Vem som får lägga till användare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example maria.lind</source>
        <translation>till exempel maria.lind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>Visningsnamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example Maria Lind</source>
        <translation>till exempel Maria Lind</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>at least %n characters</source>
        <translation>
            <numerusform>minst %n tecken</numerusform>
            <numerusform>minst %n tecken</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>Lösenord igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the user</source>
        <translation>Lägg till användaren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;User name:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Roll:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp;again:</source>
        <translation>Lösenord &amp;igen:</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Sign in as an administrator to add users. Until then the list is read-only.</source>
        <translation>Logga in som administratör för att lägga till användare. Till dess är listan skrivskyddad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an administrator can add users. You are signed in as %1, so the list is read-only.</source>
        <translation>Bara en administratör kan lägga till användare. Du är inloggad som %1, så listan är skrivskyddad.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You are an administrator: new accounts are recorded in the audit trail under your name.</source>
        <translation>Du är administratör: nya konton registreras i revisionsspåret under ditt namn.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Only an administrator can add users; nobody was added.</source>
        <translation>Bara en administratör kan lägga till användare; ingen lades till.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give a user name and the person&apos;s name.</source>
        <translation>Ange ett användarnamn och personens namn.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passwords differ; nobody was added.</source>
        <translation>Lösenorden skiljer sig åt; ingen lades till.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adding %1…</source>
        <translation>Lägger till %1…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 (%2) can sign in now as %3.</source>
        <translation>%1 (%2) kan nu logga in som %3.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Ui::WorkbenchUser</name>
    <message>
        <location filename="../ui/common/workbenchuser.cpp" line="+15"/>
        <source>Preparer</source>
        <translation>Upprättare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approver</source>
        <translation>Attestant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Administrator</source>
        <translation>Administratör</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not signed in</source>
        <translation>Inte inloggad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
</TS>
