<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Tillbridge::Reports</name>
    <message>
        <location filename="../core/export/pdf/closepackpdf.cpp" line="+124"/>
        <source>Gate status and sign-offs</source>
        <translation>Kontrollpunkternas status och attester</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each gate as the data says now, and who signed it off.</source>
        <translation>Varje kontrollpunkt som data visar nu, och vem som attesterade den.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gate</source>
        <translation>Kontrollpunkt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signed by</source>
        <translation>Attesterad av</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signed at</source>
        <translation>Attesterad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>Passes</source>
        <translation>Godkänd</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+6"/>
        <source>Fails</source>
        <translation>Ej godkänd</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+6"/>
        <location line="+328"/>
        <source>not signed</source>
        <translation>ej attesterad</translation>
    </message>
    <message>
        <location line="-330"/>
        <location line="+327"/>
        <source>Period sign-off</source>
        <translation>Periodattest</translation>
    </message>
    <message>
        <location line="-320"/>
        <source>The period was locked by %1 on %2.</source>
        <translation>Perioden låstes av %1 den %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The period is not locked.</source>
        <translation>Perioden är inte låst.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reconciliation per store</source>
        <translation>Avstämning per butik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sitoo against Prima over the period, per store and tender or VAT line: sums of the daily results; a day counts as a variance when its difference exceeds the tolerance.</source>
        <translation>Sitoo mot Prima under perioden, per butik och betalsätt eller momsrad: summor av de dagliga resultaten; en dag räknas som avvikelse när dess differens överstiger toleransen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No reconciliation results for this period.</source>
        <translation>Inga avstämningsresultat för den här perioden.</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+28"/>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sitoo</source>
        <translation>Sitoo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Z-reports</source>
        <translation>Z-rapporter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prima</source>
        <translation>Prima</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Difference</source>
        <translation>Differens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>Dagar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Variance days</source>
        <translation>Dagar med avvikelse</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Daily results: %1, of which %n with a variance.</source>
        <translation>
            <numerusform>Dagliga resultat: %1, varav %n med avvikelse.</numerusform>
            <numerusform>Dagliga resultat: %1, varav %n med avvikelse.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>VAT by rate: Sitoo against Prima</source>
        <translation>Moms per sats: Sitoo mot Prima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT the tills charged, VAT the rate gives on the net, and VAT Prima booked, per store and rate over the period.</source>
        <translation>Momsen kassorna tog ut, momsen satsen ger på nettot och momsen Prima bokförde, per butik och sats under perioden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No VAT figures for this period.</source>
        <translation>Inga momsbelopp för den här perioden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>Sats</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ccy</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Orders</source>
        <translation>Ordrar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sitoo VAT</source>
        <translation>Moms i Sitoo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the rate</source>
        <translation>Enligt satsen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prima VAT</source>
        <translation>Moms i Prima</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sitoo − rate</source>
        <translation>Sitoo − sats</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sitoo − Prima</source>
        <translation>Sitoo − Prima</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Exceptions by kind, owner and state</source>
        <translation>Undantag per typ, ansvarig och status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exceptions raised in the period, and every exception still open.</source>
        <translation>Undantag som uppstod under perioden, och alla undantag som fortfarande är öppna.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No exceptions.</source>
        <translation>Inga undantag.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+28"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Owner</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>Öppet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assigned</source>
        <translation>Tilldelat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resolved</source>
        <translation>Åtgärdat</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+28"/>
        <source>Approved</source>
        <translation>Attesterat</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Rejected</source>
        <translation>Avvisat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Auto-resolved</source>
        <translation>Åtgärdat automatiskt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+205"/>
        <source>Accepted overrides</source>
        <translation>Godkända åsidosättanden</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>Exceptions of the period accepted as they are: proposed by one person (maker) and approved by another (checker).</source>
        <translation>Periodens undantag som godtagits som de är: föreslagna av en person (upprättare) och attesterade av en annan (attestant).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No overrides were accepted in this period.</source>
        <translation>Inga åsidosättanden godkändes under den här perioden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception</source>
        <translation>Undantag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entity</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Maker</source>
        <translation>Upprättare</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checker</source>
        <translation>Attestant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+186"/>
        <source>Audit chain</source>
        <translation>Revisionskedja</translation>
    </message>
    <message>
        <location line="-182"/>
        <source>The audit trail verifies from its first entry to entry %1, whose hash is:</source>
        <translation>Revisionsloggen verifieras från sin första post till post %1, vars hash är:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep this hash with the pack: any later change to the trail up to this entry would no longer lead to it.</source>
        <translation>Spara denna hash med paketet: varje senare ändring av loggen fram till denna post skulle inte längre leda till den.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The audit trail does not verify: %1</source>
        <translation>Revisionsloggen kan inte verifieras: %1</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Month-end close pack</source>
        <translation>Bokslutspaket för månadsbokslutet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2 – %3)</source>
        <translation>%1 (%2 – %3)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Company</source>
        <translation>Företag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated at</source>
        <translation>Skapat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated by</source>
        <translation>Skapat av</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gates</source>
        <translation>Kontrollpunkter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2 pass, %3 signed off</source>
        <translation>%1 av %2 godkända, %3 attesterade</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 on %2</source>
        <translation>%1 den %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period lock</source>
        <translation>Periodlås</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locked by %1 on %2</source>
        <translation>låst av %1 den %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>öppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconciliation</source>
        <translation>Avstämning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 daily lines, %2 with a variance</source>
        <translation>%1 dagliga rader, %2 med avvikelse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>verified to entry %1</source>
        <translation>verifierad till post %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>does not verify</source>
        <translation>kan inte verifieras</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sitoo POS sales against the Prima ledger. Prepared with Tillbridge; the figures come from the reconciliation cache as it was when the pack was generated.</source>
        <translation>Försäljning i Sitoo POS mot Primas huvudbok. Upprättat med Tillbridge; siffrorna kommer från avstämningscachen som den var när paketet skapades.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Reports::ClosePackPdf</name>
    <message>
        <location line="+42"/>
        <location line="+64"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 kunde inte skrivas: %2</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Close pack %1</source>
        <translation>Bokslutspaket %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 could not be written.</source>
        <translation>%1 kunde inte skrivas.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>VAT variance by store and rate</source>
        <translation>Momsavvikelse per butik och sats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT variance by store and rate (%1)</source>
        <translation>Momsavvikelse per butik och sats (%1)</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Reports::PageWriter</name>
    <message>
        <location line="-234"/>
        <source>Close pack %1</source>
        <translation>Bokslutspaket %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close pack %1 · %2</source>
        <translation>Bokslutspaket %1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page %1 of %2</source>
        <translation>Sida %1 av %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Generated by Tillbridge on %1</source>
        <translation>Skapat av Tillbridge den %1</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Reports::TaxVarianceChart</name>
    <message>
        <location filename="../core/export/pdf/taxvariancechart.cpp" line="+71"/>
        <source>Sitoo VAT − VAT from the rate</source>
        <translation>Moms i Sitoo − moms enligt satsen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sitoo VAT − Prima VAT</source>
        <translation>Moms i Sitoo − moms i Prima</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No VAT figures for this period.</source>
        <translation>Inga momsbelopp för den här perioden.</translation>
    </message>
</context>
</TS>
