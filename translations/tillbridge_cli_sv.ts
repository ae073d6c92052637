<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Core</name>
    <message>
        <location filename="../core/sandbox/prima/primafaultschedule.cpp" line="+52"/>
        <source>Fault item “%1”: %2</source>
        <translation>Felpost ”%1”: %2</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Sandbox::DemoSandbox</name>
    <message>
        <location filename="../core/sandbox/demosandbox.cpp" line="+160"/>
        <source>The Sitoo sandbox could not listen on 127.0.0.1 port %1.</source>
        <translation>Sitoo-sandlådan kunde inte lyssna på 127.0.0.1 port %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Prima sandbox needs a folder for its ledger.</source>
        <translation>Prima-sandlådan behöver en mapp för sin huvudbok.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Sandbox::PrimaFaultSchedule</name>
    <message>
        <location filename="../core/sandbox/prima/primafaultschedule.cpp" line="+90"/>
        <source>the seed must be a non-negative integer.</source>
        <translation>fröet måste vara ett icke-negativt heltal.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>write rate=COUNT/DURATION, e.g. rate=6000/300s.</source>
        <translation>skriv rate=ANTAL/TID, t.ex. rate=6000/300s.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the parameter after “:” must be a non-negative integer.</source>
        <translation>parametern efter ”:” måste vara ett icke-negativt heltal.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a window is FIRST-LAST in request numbers, e.g. 100-120.</source>
        <translation>ett fönster är FÖRSTA-SISTA i anropsnummer, t.ex. 100-120.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected NAME=PROBABILITY or NAME@SEQUENCES.</source>
        <translation>förväntade NAMN=SANNOLIKHET eller NAMN@SEKVENSER.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown fault; known are 500-before, 500-after, hang, reset, 429, 429-date, 429-none, 503, 503-window, slow, rate and seed.</source>
        <translation>okänt fel; kända är 500-before, 500-after, hang, reset, 429, 429-date, 429-none, 503, 503-window, slow, rate och seed.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the probability must be a decimal between 0 and 1.</source>
        <translation>sannolikheten måste vara ett decimaltal mellan 0 och 1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>request numbers start at 1, e.g. hang@3/7.</source>
        <translation>anropsnummer börjar på 1, t.ex. hang@3/7.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The fault probabilities add up to more than 1 (%1).</source>
        <translation>Felsannolikheterna blir sammanlagt mer än 1 (%1).</translation>
    </message>
</context>
<context>
    <name>TillbridgeCli</name>
    <message>
        <location filename="../app/climain.cpp" line="+88"/>
        <source>Show help for this command.</source>
        <translation>Visa hjälp för detta kommando.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The Tillbridge cache (SQLite file).</source>
        <translation>Tillbridge-cachen (SQLite-fil).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+260"/>
        <source>path</source>
        <translation>sökväg</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>Name the cache with --db PATH.</source>
        <translation>Ange cachen med --db SÖKVÄG.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+171"/>
        <source>There is no cache at %1.</source>
        <translation>Det finns ingen cache på %1.</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>An anchor file written by &apos;audit export-head&apos;; also proves that no entries were removed from the end.</source>
        <translation>En ankarfil skriven av &apos;audit export-head&apos;; visar även att inga poster har tagits bort från slutet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+56"/>
        <location line="+187"/>
        <location line="+99"/>
        <location line="+3"/>
        <location line="+1"/>
        <location line="+211"/>
        <location line="+71"/>
        <location line="+95"/>
        <location line="+153"/>
        <source>file</source>
        <translation>fil</translation>
    </message>
    <message>
        <location line="-875"/>
        <source>Print the result as one JSON object.</source>
        <translation>Skriv ut resultatet som ett JSON-objekt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re-computes every hash of the audit trail. Exits 0 and prints the head hash when the chain is intact, 1 naming the first bad entry when it is not.</source>
        <translation>Beräknar om varje hash i revisionsspåret. Avslutar med 0 och skriver ut huvudets hash när kedjan är intakt, med 1 och namnger den första felaktiga posten när den inte är det.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Audit trail intact: %1 entries.</source>
        <translation>Revisionsspåret är intakt: %1 poster.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head: entry %1, SHA-256 %2</source>
        <translation>Huvud: post %1, SHA-256 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit trail NOT intact. First bad entry: %1 (%2).</source>
        <translation>Revisionsspåret är INTE intakt. Första felaktiga post: %1 (%2).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Write the anchor to this file instead of standard output.</source>
        <translation>Skriv ankaret till denna fil i stället för till standard ut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exports the head of the audit trail (position and hash) so it can be kept outside the database, e.g. with the month-end close pack.</source>
        <translation>Exporterar revisionsspårets huvud (position och hash) så att det kan förvaras utanför databasen, t.ex. med månadsbokslutets bokslutspaket.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Anchored entry %1 in %2.</source>
        <translation>Förankrade post %1 i %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Creates the cache if needed and brings it to this version&apos;s schema.</source>
        <translation>Skapar cachen vid behov och uppgraderar den till denna versions schema.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cache %1 is at schema version %2.</source>
        <translation>Cachen %1 har schemaversion %2.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This change releases %1 of %2 quarantined orders; %3 stay quarantined</source>
        <translation>Ändringen släpper %1 av %2 ordrar i karantän; %3 blir kvar i karantän</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This change released %1 of %2 quarantined orders; %3 stay quarantined</source>
        <translation>Ändringen släppte %1 av %2 ordrar i karantän; %3 blev kvar i karantän</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Only say what the change would do; change nothing.</source>
        <translation>Säg bara vad ändringen skulle göra; ändra ingenting.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who makes the change, for the audit trail (default: the login name).</source>
        <translation>Vem som gör ändringen, för revisionsspåret (standard: inloggningsnamnet).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+307"/>
        <location line="+3"/>
        <location line="+365"/>
        <location line="+3"/>
        <source>name</source>
        <translation>namn</translation>
    </message>
    <message>
        <location line="-676"/>
        <source>The mapping file (the import format).</source>
        <translation>Mappningsfilen (importformatet).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imports a mapping file (all or nothing) and releases the quarantined orders it fixes, in one transaction. With --preview, says which orders it would release and why the others stay, and changes nothing. Exits 0 when no order stays quarantined, 1 when some do.</source>
        <translation>Importerar en mappningsfil (allt eller inget) och släpper de ordrar i karantän som den åtgärdar, i en transaktion. Med --preview anges vilka ordrar den skulle släppa och varför de övriga blir kvar, utan att något ändras. Avslutar med 0 när ingen order blir kvar i karantän, med 1 när några blir det.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name one mapping file: tillbridge-cli mappings import FILE.</source>
        <translation>Ange en mappningsfil: tillbridge-cli mappings import FIL.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Say who makes the change with --actor NAME.</source>
        <translation>Ange vem som gör ändringen med --actor NAMN.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Mappings: %1 to add, %2 to change, %3 unchanged.</source>
        <translation>Mappningar: %1 att lägga till, %2 att ändra, %3 oförändrade.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mappings: %1 added, %2 changed, %3 unchanged.</source>
        <translation>Mappningar: %1 tillagda, %2 ändrade, %3 oförändrade.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Would release: %1</source>
        <translation>Skulle släppa: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Released: %1</source>
        <translation>Släppta: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview only: nothing was changed.</source>
        <translation>Endast förhandsgranskning: ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Seed of the generated scenario and fault schedule.</source>
        <translation>Frö för det genererade scenariot och felschemat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number</source>
        <translation>tal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of stores (UK and Sweden alternate).</source>
        <translation>Antal butiker (Storbritannien och Sverige växelvis).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>count</source>
        <translation>antal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trading days of sales.</source>
        <translation>Försäljningsdagar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share of orders with a realistic defect, 0 to 1.</source>
        <translation>Andel ordrar med ett realistiskt fel, 0 till 1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rate</source>
        <translation>andel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prima fault schedule, e.g. &quot;500-before=0.05,hang=0.02,429=0.05&quot;.</source>
        <translation>Felschema för Prima, t.ex. &quot;500-before=0.05,hang=0.02,429=0.05&quot;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spec</source>
        <translation>spec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How Prima treats repeated writes: keys, unique-ref or none.</source>
        <translation>Hur Prima hanterar upprepade skrivningar: keys, unique-ref eller none.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mode</source>
        <translation>läge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port for Sitoo (0: any free port).</source>
        <translation>Port för Sitoo (0: valfri ledig port).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Port for Prima (0: any free port).</source>
        <translation>Port för Prima (0: valfri ledig port).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder for Prima&apos;s ledger (default: a temporary folder).</source>
        <translation>Mapp för Primas huvudbok (standard: en tillfällig mapp).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the addresses and credentials as one JSON line.</source>
        <translation>Skriv ut adresser och inloggningsuppgifter som en JSON-rad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after this many seconds.</source>
        <translation>Stoppa efter så här många sekunder.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seconds</source>
        <translation>sekunder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also write the mappings a finance team would set up for this scenario (for `sync`&apos;s &quot;mappings&quot;).</source>
        <translation>Skriv även de mappningar som en ekonomiavdelning skulle sätta upp för detta scenario (för `sync`s &quot;mappings&quot;).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Runs the emulated Sitoo and Prima on 127.0.0.1 with a generated demo scenario until interrupted, and prints where they listen and the credentials they accept.</source>
        <translation>Kör de emulerade Sitoo och Prima på 127.0.0.1 med ett genererat demoscenario tills de avbryts, och skriver ut var de lyssnar och vilka inloggningsuppgifter de godtar.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Check the numbers and the idempotency mode (keys, unique-ref or none).</source>
        <translation>Kontrollera talen och idempotensläget (keys, unique-ref eller none).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot write %1.</source>
        <translation>Kan inte skriva %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Tillbridge sandbox: seed %1, %2 stores, %3 trading days, %4 orders (%5 with defects).</source>
        <translation>Tillbridge-sandlåda: frö %1, %2 butiker, %3 försäljningsdagar, %4 ordrar (%5 med fel).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sitoo REST v2   %1</source>
        <translation>Sitoo REST v2   %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  API id        %1</source>
        <translation>  API-id        %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  API password  %1</source>
        <translation>  API-lösenord  %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  try           curl -u &apos;%1:%2&apos; &apos;%3/orders.json?num=2&amp;sort=orderid&apos;</source>
        <translation>  prova         curl -u &apos;%1:%2&apos; &apos;%3/orders.json?num=2&amp;sort=orderid&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prima gateway   %1 (idempotency: %2)</source>
        <translation>Prima-gateway   %1 (idempotens: %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  token         %1</source>
        <translation>  token         %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  try           curl -H &apos;Authorization: Bearer %1&apos; &apos;%2/health&apos;</source>
        <translation>  prova         curl -H &apos;Authorization: Bearer %1&apos; &apos;%2/health&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  ledger        %1/__sandbox/ledger</source>
        <translation>  huvudbok      %1/__sandbox/ledger</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Press Ctrl+C to stop.</source>
        <translation>Tryck Ctrl+C för att stoppa.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sitoo orders: an /orders.json answer or an array.</source>
        <translation>Sitoo-ordrar: ett /orders.json-svar eller en array.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prima&apos;s item master ({&quot;items&quot;: [...]}); without it SKUs are not checked.</source>
        <translation>Primas artikelregister ({&quot;items&quot;: [...]}); utan det kontrolleras inte artiklarna.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mappings in the import format.</source>
        <translation>Mappningar i importformatet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Validates Sitoo order JSON without posting and prints one JSON line per order. Exits 1 when any order would be quarantined.</source>
        <translation>Validerar Sitoo-orderns JSON utan att bokföra och skriver ut en JSON-rad per order. Avslutar med 1 när någon order skulle hamna i karantän.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name the orders with --orders FILE.</source>
        <translation>Ange ordrarna med --orders FIL.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+6"/>
        <location line="+366"/>
        <source>Cannot read %1.</source>
        <translation>Kan inte läsa %1.</translation>
    </message>
    <message>
        <location line="-346"/>
        <source>Unknown format %1: use pdf, xlsx and csv.</source>
        <translation>Okänt format %1: använd pdf, xlsx och csv.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>What to write, comma-separated: csv (the CSV files and summary.json), xlsx (one workbook), pdf (the close pack for the controller). Default: csv.</source>
        <translation>Vad som ska skrivas, kommaseparerat: csv (CSV-filerna och summary.json), xlsx (en arbetsbok), pdf (bokslutspaketet för controllern). Standard: csv.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>formats</source>
        <translation>format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The company named on the PDF&apos;s cover.</source>
        <translation>Företaget som anges på PDF-filens försättsblad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who generated the pack, for the PDF&apos;s cover (default: the login name).</source>
        <translation>Vem som tog fram paketet, för PDF-filens försättsblad (standard: inloggningsnamnet).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Writes the close pack of a period. csv: reconciliation, tax by rate, exception summary, sign-offs and accepted overrides as CSV files, and summary.json with the gates and the audit chain&apos;s head; xlsx: the same as one workbook; pdf: the pack for the controller. Exit status: 0 written and every gate passes, 1 written but a gate fails or the audit chain does not verify, 2 usage or cache error.</source>
        <translation>Skriver bokslutspaketet för en period. csv: avstämning, moms per momssats, sammanställning av undantag, attester och godkända åsidosättanden som CSV-filer, samt summary.json med kontrollpunkterna och revisionskedjans huvud; xlsx: detsamma som en arbetsbok; pdf: paketet för controllern. Slutstatus: 0 skrivet och alla kontrollpunkter godkända, 1 skrivet men en kontrollpunkt underkänd eller revisionskedjan går inte att verifiera, 2 användnings- eller cachefel.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The PDF could not be prepared (no graphics support).</source>
        <translation>PDF-filen kunde inte förberedas (inget grafikstöd).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The folder %1 could not be created.</source>
        <translation>Mappen %1 kunde inte skapas.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>tillbridge-cli</source>
        <translation>tillbridge-cli</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>%1: %2, %3 matched, %4 with a variance, %5</source>
        <translation>%1: %2, %3 matchade, %4 med avvikelse, %5</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n store(s)</source>
        <translation>
            <numerusform>%n butik</numerusform>
            <numerusform>%n butiker</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n rad</numerusform>
            <numerusform>%n rader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n silent store(s)</source>
        <translation>
            <numerusform>%n tyst butik</numerusform>
            <numerusform>%n tysta butiker</numerusform>
        </translation>
    </message>
    <message>
        <location line="-184"/>
        <source>The period, YYYY-MM.</source>
        <translation>Perioden, ÅÅÅÅ-MM.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>period</source>
        <translation>period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder to write the files into.</source>
        <translation>Mappen som filerna ska skrivas till.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dir</source>
        <translation>mapp</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Name the period and the folder: --period YYYY-MM --out DIR.</source>
        <translation>Ange perioden och mappen: --period ÅÅÅÅ-MM --out MAPP.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Close pack for %1 written to %2: %3</source>
        <translation>Bokslutspaketet för %1 har skrivits till %2: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The audit trail does not verify: its head was left out of the pack.</source>
        <translation>Revisionsspåret går inte att verifiera: dess huvud utelämnades ur paketet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not every close gate passes; see signoffs.csv.</source>
        <translation>Alla kontrollpunkter för bokslutet är inte godkända; se signoffs.csv.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name the configuration with --config FILE.</source>
        <translation>Ange konfigurationen med --config FIL.</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+319"/>
        <source>The configuration file (the one sync uses).</source>
        <translation>Konfigurationsfilen (den som sync använder).</translation>
    </message>
    <message>
        <location line="-316"/>
        <source>The trading day, YYYY-MM-DD (default: yesterday).</source>
        <translation>Försäljningsdagen, ÅÅÅÅ-MM-DD (standard: i går).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>date</source>
        <translation>datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Largest difference still matched, in minor units (overrides the file).</source>
        <translation>Största differens som fortfarande räknas som matchad, i minsta valutaenhet (åsidosätter filen).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minor</source>
        <translation>minsta enhet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reconciles one trading day per store: Sitoo tenders (orders and Z-reports) and VAT against Prima&apos;s ledger postings. Exit status: 0 all matched, 1 variances (raised as PAYOUT_VARIANCE), 2 usage, configuration or connection error.</source>
        <translation>Stämmer av en försäljningsdag per butik: Sitoos betalsätt (ordrar och Z-rapporter) och moms mot Primas bokföringsposter i huvudboken. Slutstatus: 0 allt matchat, 1 avvikelser (registrerade som PAYOUT_VARIANCE), 2 användnings-, konfigurations- eller anslutningsfel.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--tolerance takes a whole number of minor units, 0 or more.</source>
        <translation>--tolerance tar ett heltal minsta valutaenheter, 0 eller mer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--date takes a day as YYYY-MM-DD.</source>
        <translation>--date tar en dag som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reconciliation failed: %1</source>
        <translation>Avstämningen misslyckades: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+95"/>
        <source>The configuration file.</source>
        <translation>Konfigurationsfilen.</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Drain what there is and exit: 0 when nothing needs a person, 1 when blocking exceptions remain.</source>
        <translation>Bearbeta det som finns och avsluta: 0 när inget kräver en person, 1 när blockerande undantag återstår.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Runs the order-to-cash engine: pulls Sitoo orders, validates them, and posts them to Prima exactly once. Credentials come from the keychain, or from TILLBRIDGE_SITOO_PASSWORD and TILLBRIDGE_PRIMA_TOKEN when the configuration says &quot;credentials&quot;: &quot;environment&quot;.</source>
        <translation>Kör order-till-betalning-motorn: hämtar Sitoo-ordrar, validerar dem och bokför dem i Prima exakt en gång. Inloggningsuppgifterna kommer från nyckelringen, eller från TILLBRIDGE_SITOO_PASSWORD och TILLBRIDGE_PRIMA_TOKEN när konfigurationen anger &quot;credentials&quot;: &quot;environment&quot;.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sync failed: %1</source>
        <translation>Synkroniseringen misslyckades: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>orders: %1 new, %2 ready, %3 quarantined, %4 malformed, %5 duplicates; postings: %6 posted, %7 adopted, %8 retrying, %9 unknown, %10 failed; blocking exceptions open: %11</source>
        <translation>ordrar: %1 nya, %2 klara, %3 i karantän, %4 felformade, %5 dubbletter; bokföringar: %6 bokförda, %7 övertagna, %8 försöker igen, %9 okända, %10 misslyckade; öppna blockerande undantag: %11</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Documents still waiting for Prima: %1. Prima has not taken any for 10 minutes; they are kept and go out on the next run.</source>
        <translation>Dokument som fortfarande väntar på Prima: %1. Prima har inte tagit emot något på 10 minuter; de sparas och skickas vid nästa körning.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Push only the levels at risk (fast movers and low stock), as the fast lane does; without it every level not yet written.</source>
        <translation>Skicka bara de saldon som är i riskzonen (snabbsäljare och lågt lager), som snabbfilen gör; annars alla saldon som ännu inte skrivits.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reads Prima&apos;s available-to-sell changes and writes them to each store&apos;s Sitoo warehouse, once per SKU, location and version.</source>
        <translation>Läser Primas ändringar av säljbart saldo och skriver dem till varje butiks Sitoo-lager, en gång per artikel, plats och version.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Stock push failed: %1</source>
        <translation>Lagersaldoöverföringen misslyckades: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stock: %1 levels read, %2 written, %3 failed, %4 without a store, %5 requests, max lag %6 ms</source>
        <translation>lager: %1 saldon lästa, %2 skrivna, %3 misslyckade, %4 utan butik, %5 anrop, största fördröjning %6 ms</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>preparer, approver or admin.</source>
        <translation>preparer (upprättare), approver (attestant) eller admin (administratör).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>role</source>
        <translation>roll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name shown in the workbench.</source>
        <translation>Namnet som visas i arbetsverktyget.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who creates the account, for the audit trail (default: the login name).</source>
        <translation>Vem som skapar kontot, för revisionsspåret (standard: inloggningsnamnet).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new account&apos;s user name.</source>
        <translation>Det nya kontots användarnamn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Creates a local account for the workbench. The password is read from standard input (without echo on a terminal) and stored only as a PBKDF2 hash.</source>
        <translation>Skapar ett lokalt konto för arbetsverktyget. Lösenordet läses från standard in (utan eko i en terminal) och sparas endast som en PBKDF2-hash.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name one user: tillbridge-cli users add USERNAME --role ROLE.</source>
        <translation>Ange en användare: tillbridge-cli users add ANVÄNDARNAMN --role ROLL.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--role is preparer, approver or admin.</source>
        <translation>--role är preparer, approver eller admin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password: </source>
        <translation>Lösenord: </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Created %1 (%2).</source>
        <translation>Skapade %1 (%2).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lists the workbench&apos;s local accounts and their roles.</source>
        <translation>Listar arbetsverktygets lokala konton och deras roller.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(disabled) </source>
        <translation>(inaktiverat) </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print one JSON line with the counts.</source>
        <translation>Skriv ut en JSON-rad med antalen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compares Prima&apos;s item master with the configured Sitoo site field by field, records every difference as an exception and the run with its counts. Exit status: 0 clean, 1 differences found, 2 usage, configuration or connection error.</source>
        <translation>Jämför Primas artikelregister med den konfigurerade Sitoo-sajten fält för fält, registrerar varje skillnad som ett undantag och körningen med dess antal. Slutstatus: 0 inga skillnader, 1 skillnader hittade, 2 användnings-, konfigurations- eller anslutningsfel.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>SKU audit failed: %1</source>
        <translation>Artikelgranskningen misslyckades: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>SKU audit run %1, Sitoo site %2: Prima %3 items, Sitoo %4 products</source>
        <translation>Artikelgranskning %1, Sitoo-sajt %2: Prima %3 artiklar, Sitoo %4 produkter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  CATALOG_ONLY_IN_SITOO   %1</source>
        <translation>  CATALOG_ONLY_IN_SITOO   %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  CATALOG_ONLY_IN_PRIMA   %1</source>
        <translation>  CATALOG_ONLY_IN_PRIMA   %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  CATALOG_FIELD_MISMATCH  %1</source>
        <translation>  CATALOG_FIELD_MISMATCH  %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  near-match hints        %1</source>
        <translation>  nästan lika-tips        %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  auto-resolved           %1</source>
        <translation>  automatiskt lösta       %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Usage: tillbridge-cli COMMAND [options]

Commands:
</source>
        <translation>Användning: tillbridge-cli KOMMANDO [flaggor]

Kommandon:
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>
Run &apos;tillbridge-cli COMMAND --help&apos; for a command&apos;s options.
Exit status: 0 success, 1 findings or failed checks, 2 usage or configuration error.
</source>
        <translation>
Kör &apos;tillbridge-cli KOMMANDO --help&apos; för ett kommandos flaggor.
Slutstatus: 0 lyckat, 1 fynd eller underkända kontroller, 2 användnings- eller konfigurationsfel.
</translation>
    </message>
</context>
<context>
    <name>tillbridge-cli</name>
    <message>
        <location line="-34"/>
        <source>verify the audit trail&apos;s hash chain</source>
        <translation>verifiera revisionsspårets hashkedja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>export the audit trail&apos;s head to anchor it outside the cache</source>
        <translation>exportera revisionsspårets huvud för att förankra det utanför cachen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>create or upgrade a cache</source>
        <translation>skapa eller uppgradera en cache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>import mappings and release the quarantined orders they fix (--preview)</source>
        <translation>importera mappningar och släpp de ordrar i karantän som de åtgärdar (--preview)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run the engine: pull, validate and post to Prima</source>
        <translation>kör motorn: hämta, validera och bokför i Prima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compare Prima&apos;s item master with Sitoo field by field (--json)</source>
        <translation>jämför Primas artikelregister med Sitoo fält för fält (--json)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>create a workbench account (password from standard input)</source>
        <translation>skapa ett konto för arbetsverktyget (lösenord från standard in)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list the workbench accounts and roles</source>
        <translation>lista arbetsverktygets konton och roller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>write Prima&apos;s available-to-sell to the Sitoo warehouses once (--fast-lane)</source>
        <translation>skriv Primas säljbara saldo till Sitoos lager en gång (--fast-lane)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>validate Sitoo order JSON without posting (one JSON line per order)</source>
        <translation>validera Sitoo-orderns JSON utan att bokföra (en JSON-rad per order)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run the emulated Sitoo and Prima on 127.0.0.1 with a demo scenario</source>
        <translation>kör de emulerade Sitoo och Prima på 127.0.0.1 med ett demoscenario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reconcile a trading day: Sitoo tenders and VAT vs Prima&apos;s ledger (--date)</source>
        <translation>stäm av en försäljningsdag: Sitoos betalsätt och moms mot Primas huvudbok (--date)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>write a period&apos;s close pack: CSV and summary.json, XLSX, PDF (--period --out --format)</source>
        <translation>skriv en periods bokslutspaket: CSV och summary.json, XLSX, PDF (--period --out --format)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Unknown command: %1</source>
        <translation>Okänt kommando: %1</translation>
    </message>
</context>
</TS>
